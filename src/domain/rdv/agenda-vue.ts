/**
 * The agenda's query string, read once: which view (week or day), which date,
 * which animatrice and which site, cancelled RDVs or not; the period it
 * covers and the links that keep the filters. Pure: no database, no clock
 * (today is given).
 */
import { ajouterJours, lundiDe } from './creneaux';

type FiltresAgenda = {
  vue: 'jour' | 'semaine';
  /** The date asked for ('YYYY-MM-DD'), today when missing or not a real date (2026-02-30). */
  date: string;
  /** '' for every animatrice. */
  animatriceId: string;
  /** '' for every site, 'distance' for telephone and video. */
  lieuId: string;
  annules: boolean;
};

const JOUR_ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Filters from the query; an animatrice or a site that is not the relais' own is ignored. */
export function lireFiltresAgenda(q: URLSearchParams, aujourdhui: string, animatrices: readonly string[], lieux: readonly string[]): FiltresAgenda {
  const date = q.get('date') ?? '';
  const animatrice = q.get('animatrice') ?? '';
  const lieu = q.get('lieu') ?? '';
  return {
    vue: q.get('vue') === 'jour' ? 'jour' : 'semaine',
    date: JOUR_ISO.test(date) && ajouterJours(date, 0) === date ? date : aujourdhui,
    animatriceId: animatrices.includes(animatrice) ? animatrice : '',
    lieuId: lieu === 'distance' || lieux.includes(lieu) ? lieu : '',
    annules: q.get('annules') === 'oui',
  };
}

/** The days shown: the day itself, or Monday to Sunday of its week. */
export function periodeAgenda(f: Pick<FiltresAgenda, 'vue' | 'date'>): { debut: string; nbJours: number; jours: string[] } {
  const debut = f.vue === 'jour' ? f.date : lundiDe(f.date);
  const nbJours = f.vue === 'jour' ? 1 : 7;
  return { debut, nbJours, jours: Array.from({ length: nbJours }, (_, i) => ajouterJours(debut, i)) };
}

/** A link to the agenda keeping the view, date and filters (and the relais for the admin, who chooses it), with `o` changed. */
export function lienAgenda(f: FiltresAgenda, relaisId: string | null, o: Partial<Record<'vue' | 'date', string>> = {}): string {
  const p = new URLSearchParams({
    vue: f.vue,
    date: f.date,
    ...(f.animatriceId ? { animatrice: f.animatriceId } : {}),
    ...(f.lieuId ? { lieu: f.lieuId } : {}),
    ...(relaisId ? { relais: relaisId } : {}),
    ...o,
  });
  return `/admin/agenda?${p}`;
}

/**
 * Everything /carte needs, read from its URL (GET form, works without
 * JavaScript): filters and their messages, the page of results, links.
 * The page only lays it out.
 */
import type { Db } from '../db';
import type { T } from '../../i18n';
import { filtresEnParams, lireFiltres, type ErreursFiltres, type Filtres } from '../../domain/offre/filtres';
import { centreDe, paginer, type ResultatOffre } from '../../domain/offre/recherche';
import { communesDuTerritoire, rechercherOffre } from './requetes';

/** The field an error message of the summary leads to. */
const CHAMP_ERREUR: Record<keyof ErreursFiltres, string> = {
  types: 'f-type-0',
  horaires: 'f-horaires-0',
  dispo: 'f-dispo-0',
  le: 'f-le',
  age: 'f-age',
  lieu: 'f-lieu',
  rayon: 'f-rayon',
  tri: 'f-tri',
  page: 'resultats-titre',
};

const RESULTATS_PAR_PAGE = 20;

export async function pageCarte(db: Db, t: T, url: URL, chemin: string, o: { maintenant: Date; seuilJours: number }) {
  const { filtres: f, erreurs } = lireFiltres(url.searchParams);
  const [recherche, communes] = await Promise.all([rechercherOffre(db, f, o), communesDuTerritoire(db)]);
  const messages: Partial<Record<keyof ErreursFiltres, string>> = Object.fromEntries(Object.entries(erreurs).map(([k, v]) => [k, t(v!)]));
  if (recherche.lieuInconnu) messages.lieu = t('carte.erreurs.lieuInconnu', { lieu: f.lieu });
  const page = paginer<ResultatOffre>(recherche.resultats, f.page, RESULTATS_PAR_PAGE);
  const lienPage = (n: number) => {
    const q = filtresEnParams({ ...f, page: n }).toString();
    return `${chemin}${q ? `?${q}` : ''}#resultats-titre`;
  };
  return {
    f,
    erreurs,
    messages,
    liensErreurs: Object.entries(messages).map(([k, m]) => ({ href: `#${CHAMP_ERREUR[k as keyof ErreursFiltres]}`, message: m })),
    recherche,
    communes,
    page,
    lienPage,
    apiUrl: `/api/offre?${filtresEnParams(f, ['page', 'tri']).toString()}`,
    centre: centreDe(recherche.communes),
    /** Filters chosen (shown on the folded filters). */
    actifs: nombreDeFiltres(f),
    /** Attributes of a select with an error. */
    invalide: (k: keyof ErreursFiltres) => (messages[k] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `err-${k}` } : {}),
    /** Values typed, given back as typed. */
    saisie: { le: f.le ?? url.searchParams.get('le') ?? '', lieu: url.searchParams.get('lieu') ?? url.searchParams.get('commune') ?? '' },
  };
}

export function nombreDeFiltres(f: Filtres): number {
  return f.types.length + f.horaires.length + [f.dispo, f.age, f.urgence, f.handicap, f.lieu].filter(Boolean).length;
}

export const coche = (b: boolean) => (b ? { checked: true } : {});

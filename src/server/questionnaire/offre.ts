/**
 * What the local offer tells the questionnaire: opening hours of the
 * structures of the territory, free places now near the family, and the
 * anonymous count of answers shown per commune and month.
 *
 * Free places are counted with the public offer search of the map (same
 * freshness rule, same filters), so the number shown equals what the
 * "voir sur la carte" link lists.
 */
import { jourParis, moisParis } from '../../domain/temps';
import { and, eq, sql } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '../db';
import { rechercherOffre } from '../offre/requetes';
import { FILTRES_VIDES, filtresEnParams, groupeAgeDe, type Filtres, type GroupeAge, type HoraireAtypique } from '../../domain/offre/filtres';
import { distanceKm } from '../../domain/offre/recherche';
import {
  ageEnMois,
  analyserPlanning,
  MODES_ACCUEIL,
  type AnalysePlanning,
  type ModeAccueil,
  type OffreContexte,
  type OffreMode,
} from '../../domain/questionnaire/classement';
import type { ReponsesQuestionnaire } from '../../domain/questionnaire/schema';

/** Radius around the family's commune for "near you", km. */
export const RAYON_PROCHE_KM = 10;

const STRUCTURES_A_HORAIRES: readonly ModeAccueil[] = ['creche', 'micro-creche', 'mam', 'periscolaire'];

type OptionsContexte = { maintenant: Date; seuilJours: number };

type ContexteOffre = {
  offre: OffreContexte;
  /** Age group of the child on the start date (map filter). */
  age: GroupeAge;
  /** Atypical-hours filters of the map matching the family's schedule. */
  horaires: HoraireAtypique[];
  planning: AnalysePlanning;
};

/** Age group of the child on the wished start date (a child not born yet counts as a baby). */
function groupeAgeAuDebut(r: ReponsesQuestionnaire): GroupeAge {
  const naissance = r.enfant.dateNaissance ?? r.enfant.naissancePrevue ?? r.dateDebut;
  return groupeAgeDe(Math.max(0, ageEnMois(naissance, r.dateDebut)));
}

function horairesCarte(p: AnalysePlanning): HoraireAtypique[] {
  const h: HoraireAtypique[] = [];
  if (p.avant7h) h.push('tot');
  if (p.apres20h || p.nuit) h.push('tard');
  if (p.samedi || p.dimanche) h.push('weekend');
  return h;
}

/** Filters of /carte showing the places counted for `mode`. */
function filtresPourCarte(mode: ModeAccueil, commune: string, age: GroupeAge, horaires: HoraireAtypique[]): Filtres {
  return { ...FILTRES_VIDES, types: [mode], dispo: 'maintenant', age, horaires: [...horaires], lieu: commune, rayon: RAYON_PROCHE_KM };
}

export function lienCarte(mode: ModeAccueil, commune: string, age: GroupeAge, horaires: HoraireAtypique[]): string {
  return `/carte?${filtresEnParams(filtresPourCarte(mode, commune, age, horaires)).toString()}`;
}

/**
 * The offer context of the ranking: hours of the territory's structures by
 * mode, whether a handicap is welcomed, assistants maternels near the family
 * who accept the atypical hours they need, and free places now near home
 * (and work, when given).
 */
export async function contexteOffre(
  db: Db,
  r: ReponsesQuestionnaire,
  lieux: { commune: string; travail?: string | null },
  o: OptionsContexte,
): Promise<ContexteOffre> {
  const planning = analyserPlanning(r.planning);
  const age = groupeAgeAuDebut(r);
  const horaires = horairesCarte(planning);
  const s = schema.structures;
  const [structures, communes] = await Promise.all([
    db
      .select({
        type: s.type,
        horaires: s.horaires,
        horairesAtypiques: s.horairesAtypiques,
        handicapAccueilli: s.handicapAccueilli,
        latPublique: s.latPublique,
        lonPublique: s.lonPublique,
      })
      .from(s)
      .where(and(eq(s.visible, true), eq(s.actif, true))),
    db.select({ code: schema.communes.code, lat: schema.communes.centreLat, lon: schema.communes.centreLon }).from(schema.communes),
  ]);
  const codes = [...new Set([lieux.commune, lieux.travail].filter((c): c is string => Boolean(c)))];
  const centres = codes.flatMap((c) =>
    communes.filter((x): x is { code: string; lat: number; lon: number } => x.code === c && x.lat !== null && x.lon !== null),
  );
  const proche = (p: { lat: number; lon: number }) => centres.some((c) => distanceKm(c, p) <= RAYON_PROCHE_KM);

  const modes: Partial<Record<ModeAccueil, OffreMode>> = {};
  for (const mode of MODES_ACCUEIL) {
    const liste = structures.filter((x) => x.type === mode);
    const m: { -readonly [K in keyof OffreMode]: OffreMode[K] } = { nombre: liste.length };
    if (STRUCTURES_A_HORAIRES.includes(mode) && liste.length) {
      const plages = liste.flatMap((x) => x.horaires ?? []);
      if (plages.length) {
        m.ouvertureLaPlusMatinale = plages.map((h) => h.debut).sort()[0];
        m.fermetureLaPlusTardive = plages
          .map((h) => h.fin)
          .sort()
          .at(-1);
        m.ouvertSamedi = plages.some((h) => h.jour === 6);
        m.ouvertDimanche = plages.some((h) => h.jour === 7);
      }
    }
    if (mode === 'creche' || mode === 'micro-creche') m.accueilHandicap = liste.some((x) => x.handicapAccueilli);
    if (mode === 'assistant-maternel') {
      const besoins = horaires;
      m.professionnelsHorairesAtypiques = liste.filter((x) => {
        const a = x.horairesAtypiques ?? {};
        const accepte = besoins.length ? besoins.every((b) => a[b] || (b === 'tard' && a.nuit)) : Boolean(a.tot || a.tard || a.weekend || a.nuit);
        return accepte && proche({ lat: x.latPublique, lon: x.lonPublique });
      }).length;
    }
    modes[mode] = m;
  }

  // Free places now, near home or work: the map's search, one call per place.
  const aujourdhui = jourParis(o.maintenant);
  const vus = new Map<string, Awaited<ReturnType<typeof rechercherOffre>>['resultats'][number]>();
  for (const code of codes) {
    const f: Filtres = { ...FILTRES_VIDES, dispo: 'maintenant', age, horaires, lieu: code, rayon: RAYON_PROCHE_KM };
    const { resultats } = await rechercherOffre(db, f, o);
    for (const x of resultats) vus.set(x.id, x);
  }
  const places = new Map<ModeAccueil, number>();
  for (const x of vus.values()) {
    const n = x.disponibilite.places.filter((p) => p.groupeAge === age && p.aPartirDu <= aujourdhui).reduce((t, p) => t + p.nombre, 0);
    if ((MODES_ACCUEIL as readonly string[]).includes(x.type)) places.set(x.type as ModeAccueil, (places.get(x.type as ModeAccueil) ?? 0) + n);
  }
  for (const mode of MODES_ACCUEIL) {
    const n = places.get(mode) ?? 0;
    // A nanny can also be hired directly: no declared place does not mean none.
    modes[mode] = { ...modes[mode], placesDisponibles: mode === 'garde-a-domicile' && n === 0 ? null : n };
  }
  return {
    offre: { modes, territoire: lieux.commune.startsWith('62') ? 'pas-de-calais' : 'national' },
    age,
    horaires,
    planning,
  };
}

/** First day of the month of `maintenant` in the portal's time zone ('YYYY-MM-01'). */
export function moisDe(maintenant: Date): string {
  return `${moisParis(maintenant)}-01`;
}

/** One more questionnaire answered for this commune this month (no personal data). */
export async function compterQuestionnaire(db: DbOrTx, communeCode: string, maintenant: Date): Promise<void> {
  const t = schema.comptesQuestionnaire;
  await db
    .insert(t)
    .values({ communeCode, mois: moisDe(maintenant), nombre: 1 })
    .onConflictDoUpdate({ target: [t.communeCode, t.mois], set: { nombre: sql`${t.nombre} + 1` } });
}

/** Counts per commune for a month ('YYYY-MM-01'), for statistics and tests. */
export async function comptesDuMois(db: DbOrTx, mois: string): Promise<{ communeCode: string; nombre: number }[]> {
  const t = schema.comptesQuestionnaire;
  return db.select({ communeCode: t.communeCode, nombre: t.nombre }).from(t).where(eq(t.mois, mois)).orderBy(t.communeCode);
}

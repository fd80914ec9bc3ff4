/**
 * The points grid of crèche places: versioned data adopted on a date, and the
 * pure scoring function that says, criterion by criterion, why a family has
 * its points.
 *
 * The criteria follow those the vade-mecum of the service public de la petite
 * enfance reports for Metz (grid voted by the council and published:
 * professional constraints or insertion, quotient familial, siblings,
 * disability in the family, social support) plus single parent, seniority of
 * the application and commune of residence. The demo figures below are this
 * portal's own example, not any city's grid; a territory adopts its own
 * version (stored in `grilles_points`).
 */

export const ACTIVITES = ['deux-actifs', 'insertion', 'un-actif', 'aucune'] as const;
export type Activite = (typeof ACTIVITES)[number];

export const CRITERES = ['activite', 'quotient', 'fratrie', 'handicap', 'accompagnement', 'parent-isole', 'anciennete', 'commune'] as const;
export type Critere = (typeof CRITERES)[number];

export type Grille = {
  version: number;
  /** Date of the council's vote (YYYY-MM-DD): the grid applies to sessions on or after it. */
  adopteeLe: string;
  /** The deliberation or document that adopted it. */
  source: string;
  activite: Readonly<Record<Activite, number>>;
  /** Quotient familial bands, ascending: up to `jusqua` € (null = above the last one). */
  quotient: readonly { jusqua: number | null; points: number }[];
  /** When the family did not give its QF. */
  quotientInconnu: number;
  fratrie: number;
  handicap: number;
  accompagnement: number;
  parentIsole: number;
  /** Points per full month since the application, up to a ceiling. */
  anciennete: { parMois: number; plafond: number };
  /** The family lives in the crèche's commune. */
  commune: number;
};

/** What a family declares (and staff check) for the grid. */
export type Situation = {
  activite: Activite;
  quotientFamilial: number | null;
  /** Crèches where a brother or sister is already taken care of. */
  fratrieDans: readonly string[];
  handicap: boolean;
  accompagnementSocial: boolean;
  parentIsole: boolean;
  /** Day the application was made (YYYY-MM-DD). */
  deposeeLe: string;
  communeCode: string | null;
};

/** One line of "why": the criterion, the points, and the value it was read from (for the message). */
export type Motif = { critere: Critere; points: number; valeur: string | number | null };
export type Note = { total: number; motifs: Motif[] };

/** The demo grid (version 1), adopted on 1 September 2026 by the demo territory. */
export const GRILLE_DEMO: Grille = {
  version: 1,
  adopteeLe: '2026-09-01',
  source: 'Délibération de démonstration du 1er septembre 2026 (exemple du portail)',
  activite: { 'deux-actifs': 40, insertion: 35, 'un-actif': 20, aucune: 0 },
  quotient: [
    { jusqua: 500, points: 30 },
    { jusqua: 800, points: 20 },
    { jusqua: 1200, points: 10 },
    { jusqua: null, points: 0 },
  ],
  quotientInconnu: 0,
  fratrie: 25,
  handicap: 30,
  accompagnement: 20,
  parentIsole: 20,
  anciennete: { parMois: 2, plafond: 24 },
  commune: 15,
};

/** The grid in force on day `jour`: the latest adopted on or before it. */
export function grilleEnVigueur<G extends { adopteeLe: string; version: number }>(grilles: readonly G[], jour: string): G | null {
  return (
    [...grilles]
      .filter((g) => g.adopteeLe <= jour)
      .sort((a, b) => (a.adopteeLe === b.adopteeLe ? b.version - a.version : a.adopteeLe < b.adopteeLe ? 1 : -1))[0] ?? null
  );
}

/** Full months from day `de` to day `a` (YYYY-MM-DD). */
export function moisEntiers(de: string, a: string): number {
  const [y1, m1, j1] = de.split('-').map(Number) as [number, number, number];
  const [y2, m2, j2] = a.split('-').map(Number) as [number, number, number];
  const n = (y2 - y1) * 12 + (m2 - m1) - (j2 < j1 ? 1 : 0);
  return Math.max(0, n);
}

/** The QF band's points. */
export function pointsQuotient(g: Grille, qf: number | null): number {
  if (qf === null) return g.quotientInconnu;
  return g.quotient.find((b) => b.jusqua === null || qf <= b.jusqua)?.points ?? 0;
}

/**
 * The family's points at one crèche on day `jour` (the session's), with the
 * reason of each criterion. `creche` null gives the points that do not depend
 * on the crèche.
 */
export function noter(g: Grille, s: Situation, creche: { id: string; communeCode: string } | null, jour: string): Note {
  const mois = moisEntiers(s.deposeeLe, jour);
  const motifs: Motif[] = [
    { critere: 'activite', points: g.activite[s.activite], valeur: s.activite },
    { critere: 'quotient', points: pointsQuotient(g, s.quotientFamilial), valeur: s.quotientFamilial },
    { critere: 'handicap', points: s.handicap ? g.handicap : 0, valeur: s.handicap ? 'oui' : 'non' },
    { critere: 'accompagnement', points: s.accompagnementSocial ? g.accompagnement : 0, valeur: s.accompagnementSocial ? 'oui' : 'non' },
    { critere: 'parent-isole', points: s.parentIsole ? g.parentIsole : 0, valeur: s.parentIsole ? 'oui' : 'non' },
    { critere: 'anciennete', points: Math.min(g.anciennete.plafond, mois * g.anciennete.parMois), valeur: mois },
  ];
  if (creche) {
    const fratrie = s.fratrieDans.includes(creche.id);
    motifs.push({ critere: 'fratrie', points: fratrie ? g.fratrie : 0, valeur: fratrie ? 'oui' : 'non' });
    const meme = !!s.communeCode && s.communeCode === creche.communeCode;
    motifs.push({ critere: 'commune', points: meme ? g.commune : 0, valeur: meme ? 'oui' : 'non' });
  }
  return { total: motifs.reduce((n, m) => n + m.points, 0), motifs };
}

/** Points at each wished crèche (input of the assignment). */
export function pointsParCreche(g: Grille, s: Situation, creches: readonly { id: string; communeCode: string }[], jour: string): Record<string, number> {
  const r: Record<string, number> = {};
  for (const c of creches) r[c.id] = noter(g, s, c, jour).total;
  return r;
}

/** A grid read from the database is checked before use (a wrong JSON must not score silently). */
export function grilleValide(x: unknown): x is Grille {
  const g = x as Grille;
  return (
    !!g &&
    typeof g.version === 'number' &&
    /^\d{4}-\d{2}-\d{2}$/.test(g.adopteeLe ?? '') &&
    ACTIVITES.every((a) => typeof g.activite?.[a] === 'number') &&
    Array.isArray(g.quotient) &&
    g.quotient.length > 0 &&
    g.quotient[g.quotient.length - 1]!.jusqua === null &&
    ['quotientInconnu', 'fratrie', 'handicap', 'accompagnement', 'parentIsole', 'commune'].every(
      (k) => typeof (g as Record<string, unknown>)[k] === 'number',
    ) &&
    typeof g.anciennete?.parMois === 'number' &&
    typeof g.anciennete?.plafond === 'number'
  );
}

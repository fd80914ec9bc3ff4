/**
 * Analyse de la pratique (mission renforcée n°2 of the référentiel RPE): the
 * CNAF requirements, in one place.
 *
 * Source: CNAF, référentiel national des Relais Petite Enfance (lettre
 * circulaire 2022-021, « Mission renforcée n°2 : l'analyse de la pratique »),
 * in ../shared/seeds/002 (« Les RAM deviennent les RPE ») — in force from
 * 1 January 2022, unchanged as of December 2026:
 * - groups of at most fifteen professionals;
 * - each volunteer AM gets at least 3 sessions and at least 6 hours in the year;
 * - the mission is met when at least 8 different AM took part and the relais
 *   held at least 6 sessions in the year.
 * Confidential: the portal records who came and how long, never what was said.
 */
export const SEUILS_ANALYSE_PRATIQUE = {
  source: 'CNAF, référentiel national des RPE (2022), mission renforcée n°2',
  enVigueurDepuis: '2022-01-01',
  membresParGroupeMax: 15,
  amDistinctesMin: 8,
  seancesParAnMin: 6,
  seancesParVolontaireMin: 3,
  minutesParVolontaireMin: 6 * 60,
} as const;

export type Volontaire = { structureId: string; nom: string; seances: number; minutes: number };

export type BilanAnalysePratique = {
  amDistinctes: number;
  seances: number;
  amDistinctesAtteint: boolean;
  seancesAtteint: boolean;
  missionAtteinte: boolean;
  volontaires: (Volontaire & { atteint: boolean })[];
  volontairesAtteints: number;
};

/**
 * Where a relais stands: `seances` is the number of sessions held in the year,
 * `volontaires` every volunteer with the sessions she attended and their
 * length. An AM counts among the distinct AM once she attended one session.
 */
export function bilanAnalysePratique(seances: number, volontaires: Volontaire[]): BilanAnalysePratique {
  const s = SEUILS_ANALYSE_PRATIQUE;
  const amDistinctes = volontaires.filter((v) => v.seances > 0).length;
  const liste = volontaires.map((v) => ({ ...v, atteint: v.seances >= s.seancesParVolontaireMin && v.minutes >= s.minutesParVolontaireMin }));
  const amDistinctesAtteint = amDistinctes >= s.amDistinctesMin;
  const seancesAtteint = seances >= s.seancesParAnMin;
  return {
    amDistinctes,
    seances,
    amDistinctesAtteint,
    seancesAtteint,
    missionAtteinte: amDistinctesAtteint && seancesAtteint,
    volontaires: liste,
    volontairesAtteints: liste.filter((v) => v.atteint).length,
  };
}

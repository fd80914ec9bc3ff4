/**
 * Mensualisation of an assistant maternel's salary, and the paid-leave rules
 * that go with it. Pure rules, amounts in euro cents.
 *
 * Source: convention collective nationale des particuliers employeurs et de
 * l'emploi à domicile du 15 mars 2021 (IDCC 3239), socle spécifique
 * assistant maternel, in force since 1 January 2022 (text on Légifrance,
 * KALICONT000044594539), checked on 6 December 2026:
 * - art. 108.1: the salary is mensualised whatever the hours and weeks; the
 *   method differs between care on 52 weeks and care on 46 weeks or less
 *   per 12 consecutive months;
 * - art. 108.2 (année complète): hourly salary × hours per week × 52 / 12,
 *   paid leave included;
 * - art. 108.3 (année incomplète): hourly salary × hours per week × weeks
 *   programmed / 12, paid leave NOT included (paid on top);
 * - art. 102 (congés payés): 2.5 working days per month, 30 at most, over the
 *   reference period 1 June – 31 May; the leave pay is the most favourable of
 *   one tenth of the gross pay of the period and the pay kept during leave
 *   (code du travail, art. L3141-24); in année incomplète it is paid in one
 *   go in June, as leave is taken, or by twelfths with each salary;
 * - art. 121.2 (année incomplète, end of contract): the hours actually
 *   worked are compared with the hours paid; the missing hours are paid.
 * Hours beyond 45 a week are paid at a higher rate agreed in the contract
 * (art. 97): the calculator does not guess that rate.
 */

export const SOURCE_CCN = {
  titre: 'Convention collective nationale des particuliers employeurs et de l’emploi à domicile (IDCC 3239), socle assistant maternel',
  url: 'https://www.legifrance.gouv.fr/conv_coll/id/KALICONT000044594539',
  verifieLe: '2026-12-06',
} as const;

/** Weeks of an année complète (art. 108.2). */
const SEMAINES_ANNEE_COMPLETE = 52;
/** Most weeks programmed in an année incomplète (art. 108.1). */
const SEMAINES_MAX_ANNEE_INCOMPLETE = 46;
/** Hours a week paid at the normal rate (art. 97); above, the contract's higher rate. */
const HEURES_NORMALES_MAX = 45;
/** Paid-leave pay: one tenth of the gross pay of the reference period (art. 102, L3141-24). */
const DIXIEME = 0.1;
/** Working days of leave earned per month, and the most in a year (art. 102). */
const JOURS_CP_PAR_MOIS = 2.5;
const JOURS_CP_MAX = 30;

export type TypeAnnee = 'complete' | 'incomplete';
export const TYPES_ANNEE = ['complete', 'incomplete'] as const satisfies readonly TypeAnnee[];

interface EntreeMensualisation {
  type: TypeAnnee;
  /** Hourly salary in cents (gross or net: the result is in the same kind). */
  salaireHoraireCents: number;
  /** Hours of care a week (decimals allowed: 37.5). */
  heuresParSemaine: number;
  /** Weeks of care programmed in 12 months; ignored (52) in année complète. */
  semainesProgrammees: number;
}

export interface ResultatMensualisation {
  type: TypeAnnee;
  semaines: number;
  /** Monthly salary in cents, rounded to the cent. */
  salaireMensuelCents: number;
  /** Hours paid each month (hours × weeks / 12), to two decimals. */
  heuresMensuelles: number;
  /** Paid leave included in the monthly salary (année complète) or paid on top. */
  congesInclus: boolean;
  /**
   * Année incomplète: the tenth of a full year's salary, an estimate of the
   * leave pay (compare with the pay kept, the higher is due); null otherwise.
   */
  congesDixiemeCents: number | null;
  /** The same by twelfths, added to each month's salary (one of the options). */
  congesParDouziemeCents: number | null;
}

export type ErreurMensualisation = 'salaire' | 'heures' | 'semaines';

const arrondi2 = (x: number) => Math.round(x * 100) / 100;

/** Checks the figures; returns the field in error, or null. */
export function verifierEntree(e: EntreeMensualisation): ErreurMensualisation | null {
  if (!Number.isFinite(e.salaireHoraireCents) || e.salaireHoraireCents <= 0 || e.salaireHoraireCents > 100_00) return 'salaire';
  if (!Number.isFinite(e.heuresParSemaine) || e.heuresParSemaine <= 0 || e.heuresParSemaine > HEURES_NORMALES_MAX) return 'heures';
  if (
    e.type === 'incomplete' &&
    (!Number.isInteger(e.semainesProgrammees) || e.semainesProgrammees < 1 || e.semainesProgrammees > SEMAINES_MAX_ANNEE_INCOMPLETE)
  )
    return 'semaines';
  return null;
}

/** The mensualised salary (art. 108.2 and 108.3) and, in année incomplète, the leave pay estimate (art. 102). */
export function mensualiser(e: EntreeMensualisation): ResultatMensualisation {
  const erreur = verifierEntree(e);
  if (erreur) throw new RangeError(`mensualisation: ${erreur}`);
  const semaines = e.type === 'complete' ? SEMAINES_ANNEE_COMPLETE : e.semainesProgrammees;
  const salaireMensuelCents = Math.round((e.salaireHoraireCents * e.heuresParSemaine * semaines) / 12);
  const heuresMensuelles = arrondi2((e.heuresParSemaine * semaines) / 12);
  if (e.type === 'complete') {
    return { type: e.type, semaines, salaireMensuelCents, heuresMensuelles, congesInclus: true, congesDixiemeCents: null, congesParDouziemeCents: null };
  }
  const congesDixiemeCents = congesAuDixieme(salaireMensuelCents * 12);
  return {
    type: e.type,
    semaines,
    salaireMensuelCents,
    heuresMensuelles,
    congesInclus: false,
    congesDixiemeCents,
    congesParDouziemeCents: Math.round(congesDixiemeCents / 12),
  };
}

/** One tenth of the gross pay of the reference period (art. 102; L3141-24). */
export function congesAuDixieme(salairesPeriodeCents: number): number {
  return Math.round(salairesPeriodeCents * DIXIEME);
}

/** The leave pay due: the higher of the tenth and the pay kept during the leave (L3141-24). */
export function indemniteCongesPayes(o: { salairesPeriodeCents: number; maintienSalaireCents: number }): {
  dixiemeCents: number;
  retenueCents: number;
  methode: 'dixieme' | 'maintien';
} {
  const dixiemeCents = congesAuDixieme(o.salairesPeriodeCents);
  return dixiemeCents >= o.maintienSalaireCents
    ? { dixiemeCents, retenueCents: dixiemeCents, methode: 'dixieme' }
    : { dixiemeCents, retenueCents: o.maintienSalaireCents, methode: 'maintien' };
}

/** Working days of leave earned after `mois` months of work in the period (art. 102), rounded up to a whole day. */
export function joursCongesAcquis(mois: number): number {
  if (!Number.isFinite(mois) || mois <= 0) return 0;
  return Math.min(JOURS_CP_MAX, Math.ceil(mois * JOURS_CP_PAR_MOIS));
}

/**
 * End of an année-incomplète contract (art. 121.2): hours worked beyond the
 * hours paid by the mensualisation are paid at the hourly salary; the
 * regularisation is never negative.
 */
export function regularisationFinContrat(o: { heuresEffectuees: number; heuresPayees: number; salaireHoraireCents: number }): number {
  const manque = o.heuresEffectuees - o.heuresPayees;
  return manque > 0 ? Math.round(manque * o.salaireHoraireCents) : 0;
}

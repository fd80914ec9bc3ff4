/**
 * Closed lists of the crèche places area (db/schema/creches.ts builds its
 * CHECK constraints from them).
 */
export { TRANCHES_CRECHE } from './affectation';

/** An application on the waiting list: active until placed, withdrawn, lapsed, or after a refused offer. */
export const STATUTS_CANDIDATURE = ['active', 'placee', 'refus-offre', 'caduque', 'retiree'] as const;
export type StatutCandidature = (typeof STATUTS_CANDIDATURE)[number];

/** A commission session: places entered, proposal computed, decisions closed (offers sent). */
export const STATUTS_SESSION = ['ouverte', 'proposee', 'close'] as const;
export type StatutSession = (typeof STATUTS_SESSION)[number];

/** What became of one family in one session. */
export const STATUTS_PROPOSITION = ['proposee', 'sans-place', 'offerte', 'acceptee', 'refusee', 'expiree', 'remplacee'] as const;
export type StatutProposition = (typeof STATUTS_PROPOSITION)[number];

/** Who decided the crèche of a proposal: the algorithm, a member's override (reason written), or the waiting list after a refusal. */
export const ORIGINES_PROPOSITION = ['algorithme', 'derogation', 'liste-attente'] as const;
export type OrigineProposition = (typeof ORIGINES_PROPOSITION)[number];

/** Days the family has to answer an offer, and the waiting-list confirmation rhythm. */
export const DELAI_REPONSE_OFFRE_JOURS = 8;
export const CONFIRMATION_MOIS = 3;
export const DELAI_APRES_RAPPEL_JOURS = 15;

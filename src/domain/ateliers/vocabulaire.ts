/** Closed vocabularies of the ateliers (db/schema/ateliers.ts builds its CHECKs from them). */
export const FREQUENCES = ['unique', 'hebdomadaire', 'mensuelle'] as const;
export type Frequence = (typeof FREQUENCES)[number];
export const STATUTS_INSCRIPTION = ['inscrite', 'attente', 'annulee'] as const;
export type StatutInscription = (typeof STATUTS_INSCRIPTION)[number];
export const PRESENCES = ['present', 'absent'] as const;
export type Presence = (typeof PRESENCES)[number];

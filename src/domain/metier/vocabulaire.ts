/** Closed vocabularies of the professionals' side: formation continue and promotion of the métier. */

/** How a training session is funded (the relais informs on funding, référentiel RPE). */
export const FINANCEMENTS_FORMATION = ['plan-developpement-competences', 'cpf', 'departement', 'autre'] as const;
export type FinancementFormation = (typeof FINANCEMENTS_FORMATION)[number];
export const LIBELLES_FINANCEMENT: Record<FinancementFormation, string> = {
  'plan-developpement-competences': 'Plan de développement des compétences (employeurs)',
  cpf: 'Compte personnel de formation (CPF)',
  departement: 'Département (formation obligatoire)',
  autre: 'Autre financement',
};

/**
 * Where an AM stands for a training session: a wish she expressed, signed up
 * in a group by the relais, left in training (the count reported to the CAF),
 * or withdrawn.
 */
export const STATUTS_VOEU = ['souhait', 'inscrit', 'parti', 'retire'] as const;
export type StatutVoeu = (typeof STATUTS_VOEU)[number];
export const LIBELLES_STATUT_VOEU: Record<StatutVoeu, string> = {
  souhait: 'Souhait',
  inscrit: 'Inscrite dans un groupe',
  parti: 'Partie en formation',
  retire: 'Retiré',
};

/** Events promoting the métier (mission renforcée n°3). */
export const TYPES_EVENEMENT = ['job-dating', 'reunion-information', 'journee', 'autre'] as const;
export type TypeEvenement = (typeof TYPES_EVENEMENT)[number];
export const LIBELLES_TYPE_EVENEMENT: Record<TypeEvenement, string> = {
  'job-dating': 'Job-dating « assmat dating »',
  'reunion-information': 'Réunion d’information sur le métier',
  journee: 'Journée du métier',
  autre: 'Autre action',
};

/** Months after an event during which its sign-ups keep a name and an email (housekeeping then pseudonymises them). */
export const RETENTION_INSCRIPTIONS_EVENEMENT_MOIS = 3;

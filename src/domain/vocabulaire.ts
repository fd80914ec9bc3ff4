/**
 * Closed lists stored as text columns that have no other home in the domain.
 * db/schema builds CHECK constraints from these and the other domain lists,
 * so the database refuses a value the code does not know.
 */
export const ISSUES_CONTACT = ['joint', 'message-laisse', 'injoignable', 'rdv-fixe', 'autre'] as const;
export const SENS_CONTACT = ['sortant', 'entrant'] as const;
export const REGULARITES = ['reguliere', 'occasionnelle'] as const;
/** Outcome of a mise en relation: the professional answers contacte / contrat / sans-suite from her link; staff may record any. */
export const ISSUES_MISE_EN_RELATION = ['en-attente', 'contacte', 'contrat', 'sans-suite', 'refus-famille', 'refus-pro'] as const;
/** Who recorded the outcome of a mise en relation. */
export const AUTEURS_ISSUE_MER = ['pro', 'staff'] as const;
export const REPONSES_OFFRE = ['interessee'] as const;
export const STATUTS_COURRIEL = ['a-envoyer', 'envoye', 'echec'] as const;
/** History rows that are not state transitions. */
export const EVENEMENTS_HISTORIQUE = ['miseAJourFamille', 'fusionDoublon', 'doublonEcarte'] as const;
/** Kinds of alerts sent to staff (urgent demande to the relais, daily digest to an animatrice). */
export const ALERTES_STAFF = ['urgence', 'resume-quotidien'] as const;

import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, integer, jsonb, boolean, timestamp, date, pgEnum, index, pgSequence, check, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { dansListe } from './vocabulaire';
import { CANAUX_PREFERES, LANGUES_CONTACT } from '../../src/domain/demande/schema';
import { ETATS_CLOS, TRANSITIONS } from '../../src/domain/demande/etats';
import { AUTEURS_ISSUE_MER, EVENEMENTS_HISTORIQUE, ISSUES_CONTACT, ISSUES_MISE_EN_RELATION, REGULARITES, SENS_CONTACT } from '../../src/domain/vocabulaire';
import { MOTIFS_CONTACT_FAMILLE, MOTIFS_CONTACT_PRO, PUBLICS_CONTACT } from '../../src/domain/contacts/regles';
import { communes, relais, secteurs, territoires } from './territoire';
import { utilisateurs } from './auth';
import { structures } from './offre';

export const etatDemande = pgEnum('etat_demande', [
  'nouvelle',
  'en-cours',
  'solution-proposee',
  'mise-en-relation',
  'solution-trouvee',
  'sans-solution',
  'abandonnee',
  'hors-territoire',
]);
export const typeSolution = pgEnum('type_solution', ['eaje', 'micro-creche', 'am', 'mam', 'garde-a-domicile', 'periscolaire', 'autre']);
export const canalDemande = pgEnum('canal_demande', ['en-ligne', 'telephone', 'accueil-physique', 'mail', 'partenaire']);
export const canalContact = pgEnum('canal_contact', ['telephone', 'email', 'sms', 'accueil-physique', 'visio', 'courrier', 'rdv']);

export const demandeReferenceSeq = pgSequence('demande_reference_seq', { startWith: 1 });

export type Creneau = { jour: number; debut: string; fin: string }; // jour 1..7, 'HH:MM'
export type Parent = { prenom: string; nom: string; lien?: string };

/** One family's childcare demande (guichet unique). */
export const demandes = pgTable(
  'demandes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(), // D-2026-00042
    territoireId: text('territoire_id')
      .notNull()
      .references(() => territoires.id),
    /** null when the family's commune belongs to no relais on the filing date. */
    relaisId: uuid('relais_id').references(() => relais.id),
    secteurId: uuid('secteur_id').references(() => secteurs.id),
    /** The family's commune when it is in the territory's communes table; null otherwise. */
    communeCode: text('commune_code').references(() => communes.code),
    /** What the family typed when its commune is not in the list (name or postal code). */
    communeHorsTerritoire: text('commune_hors_territoire'),
    etat: etatDemande('etat').notNull().default('nouvelle'),
    etatDepuis: timestamp('etat_depuis', { withTimezone: true }).notNull().defaultNow(),
    typeSolution: typeSolution('type_solution'),
    canal: canalDemande('canal').notNull().default('en-ligne'),
    langue: text('langue').notNull().default('fr'),
    // contact (personal data: erased by the retention job)
    parents: jsonb('parents').$type<Parent[]>().notNull().default([]),
    email: text('email'),
    telephone: text('telephone'),
    canalPrefere: text('canal_prefere').notNull().default('email'), // email | telephone | sms
    adresse: text('adresse'),
    // the need
    dateDebut: date('date_debut').notNull(),
    planning: jsonb('planning').$type<Creneau[]>().notNull().default([]),
    regularite: text('regularite').notNull().default('reguliere'), // reguliere | occasionnelle
    horairesAtypiques: boolean('horaires_atypiques').notNull().default(false),
    urgence: boolean('urgence').notNull().default(false),
    urgenceMotif: text('urgence_motif'),
    handicap: boolean('handicap').notNull().default(false),
    handicapPrecisions: text('handicap_precisions'),
    periscolaire: boolean('periscolaire').notNull().default(false),
    /** Modes wished, best first: collectif | assistant-maternel | mam | garde-a-domicile | periscolaire */
    modesSouhaites: text('modes_souhaites')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    communesAcceptees: text('communes_acceptees')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    interpreteLangue: text('interprete_langue'),
    besoinsAccessibilite: text('besoins_accessibilite'),
    commentaire: text('commentaire'),
    /** A structure the family saw on the map before filing (prefill from the map). */
    structureVueId: uuid('structure_vue_id').references(() => structures.id, { onDelete: 'set null' }),
    /** Age in months of the youngest child at the start date (denormalised for filters and stats). */
    ageMoisAuDebut: integer('age_mois_au_debut'),
    consentementContact: boolean('consentement_contact').notNull().default(false),
    consentementPartage: boolean('consentement_partage').notNull().default(false),
    /** Separate, explicit consent to keep health and disability details (handicapPrecisions). */
    consentementSante: boolean('consentement_sante').notNull().default(false),
    consentementLe: timestamp('consentement_le', { withTimezone: true }),
    // follow-up
    assigneeId: uuid('assignee_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
    suiviTokenHash: text('suivi_token_hash').unique(),
    idempotencyKey: text('idempotency_key').unique(),
    doublonPossibleDeId: uuid('doublon_possible_de_id').references((): AnyPgColumn => demandes.id, { onDelete: 'set null' }),
    creeParId: uuid('cree_par_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    premierContactLe: timestamp('premier_contact_le', { withTimezone: true }),
    solutionLe: timestamp('solution_le', { withTimezone: true }),
    clotureLe: timestamp('cloture_le', { withTimezone: true }),
    anonymiseeLe: timestamp('anonymisee_le', { withTimezone: true }),
  },
  (t) => [
    index('demandes_relais_etat_idx').on(t.relaisId, t.etat, t.creeLe, t.id),
    index('demandes_relais_cree_idx').on(t.relaisId, t.creeLe, t.id),
    index('demandes_commune_idx').on(t.communeCode, t.creeLe),
    index('demandes_email_idx').on(t.email),
    // The likely-duplicate check at filing compares the email or the phone (src/server/demande/creer.ts).
    index('demandes_telephone_idx').on(t.telephone),
    // The back-office queue's filters (keyset order: cree_le, id); first written by hand in migration 0004.
    index('demandes_cree_idx').on(t.creeLe, t.id),
    index('demandes_relais_secteur_cree_idx').on(t.relaisId, t.secteurId, t.creeLe, t.id),
    index('demandes_relais_commune_cree_idx').on(t.relaisId, t.communeCode, t.creeLe, t.id),
    index('demandes_assignee_cree_idx').on(t.assigneeId, t.creeLe, t.id),
    index('demandes_relais_urgence_cree_idx')
      .on(t.relaisId, t.creeLe, t.id)
      .where(sql`${t.urgence}`),
    index('demandes_relais_handicap_cree_idx')
      .on(t.relaisId, t.creeLe, t.id)
      .where(sql`${t.handicap}`),
    index('demandes_relais_atypique_cree_idx')
      .on(t.relaisId, t.creeLe, t.id)
      .where(sql`${t.horairesAtypiques}`),
    index('demandes_cloture_idx')
      .on(t.clotureLe)
      .where(sql`${t.anonymiseeLe} is null`),
    check('demandes_canal_prefere_ck', dansListe(t.canalPrefere, CANAUX_PREFERES)),
    check('demandes_regularite_ck', dansListe(t.regularite, REGULARITES)),
    check('demandes_langue_ck', dansListe(t.langue, LANGUES_CONTACT)),
    // A found solution says which kind; a closed demande (hors-territoire aside) says when.
    check('demandes_solution_type_ck', sql`${t.etat} <> 'solution-trouvee' or ${t.typeSolution} is not null`),
    check(
      'demandes_cloture_etat_ck',
      sql`${t.etat} not in (${sql.raw(
        ETATS_CLOS.filter((e) => e !== 'hors-territoire')
          .map((e) => `'${e}'`)
          .join(', '),
      )}) or ${t.clotureLe} is not null`,
    ),
  ],
);

export const enfants = pgTable(
  'enfants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    demandeId: uuid('demande_id')
      .notNull()
      .references(() => demandes.id, { onDelete: 'cascade' }),
    ordre: integer('ordre').notNull().default(0),
    prenom: text('prenom'),
    /** Born child: birth date; expected child: naissancePrevue. */
    dateNaissance: date('date_naissance'),
    naissancePrevue: date('naissance_prevue'),
  },
  (t) => [index('enfants_demande_idx').on(t.demandeId)],
);

/** Every state change of a demande: who, when, why (named transition). */
export const demandeHistorique = pgTable(
  'demande_historique',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    demandeId: uuid('demande_id')
      .notNull()
      .references(() => demandes.id, { onDelete: 'cascade' }),
    le: timestamp('le', { withTimezone: true }).notNull().defaultNow(),
    transition: text('transition').notNull(),
    de: etatDemande('de'),
    vers: etatDemande('vers').notNull(),
    parUtilisateurId: uuid('par_utilisateur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
    parFamille: boolean('par_famille').notNull().default(false),
    motif: text('motif'),
    details: jsonb('details'),
  },
  (t) => [
    index('demande_hist_demande_idx').on(t.demandeId, t.le),
    check('demande_hist_transition_ck', dansListe(t.transition, [...Object.keys(TRANSITIONS), ...EVENEMENTS_HISTORIQUE])),
  ],
);

/**
 * Each contact of the relais, counted one by one (the CAF counts contacts by
 * public and motif): with a family (on its demande) or with a professional
 * (an AM, a garde à domicile, a candidate to the métier; no demande).
 */
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The family's demande; null for a contact with a professional. */
    demandeId: uuid('demande_id').references(() => demandes.id, { onDelete: 'cascade' }),
    /** The relais of a contact with a professional (a family's contact belongs to its demande's relais). */
    relaisId: uuid('relais_id').references(() => relais.id),
    public: text('public').notNull().default('famille'),
    /** The professional's listing in the offer, when she has one (AM, service of garde à domicile). */
    structureId: uuid('structure_id').references(() => structures.id, { onDelete: 'set null' }),
    motif: text('motif'),
    le: timestamp('le', { withTimezone: true }).notNull().defaultNow(),
    canal: canalContact('canal').notNull(),
    sens: text('sens').notNull().default('sortant'), // sortant | entrant
    parUtilisateurId: uuid('par_utilisateur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
    issue: text('issue'), // joint | message-laisse | injoignable | rdv-fixe | autre
    note: text('note'),
  },
  (t) => [
    index('contacts_demande_idx').on(t.demandeId, t.le),
    index('contacts_relais_le_idx')
      .on(t.relaisId, t.le)
      .where(sql`${t.demandeId} is null`),
    index('contacts_le_idx').on(t.le),
    check('contacts_sens_ck', dansListe(t.sens, SENS_CONTACT)),
    check('contacts_issue_ck', sql`${t.issue} is null or ${dansListe(t.issue, ISSUES_CONTACT)}`),
    check('contacts_public_ck', dansListe(t.public, PUBLICS_CONTACT)),
    // A family's contact hangs on its demande and takes a family motif; a professional's has a relais and no demande.
    check(
      'contacts_rattachement_ck',
      sql`(${t.public} = 'famille' and ${t.demandeId} is not null) or (${t.public} <> 'famille' and ${t.demandeId} is null and ${t.relaisId} is not null)`,
    ),
    check('contacts_motif_famille_ck', sql`${t.public} <> 'famille' or ${t.motif} is null or ${dansListe(t.motif, MOTIFS_CONTACT_FAMILLE)}`),
    check('contacts_motif_pro_ck', sql`${t.public} = 'famille' or ${t.motif} is null or ${dansListe(t.motif, MOTIFS_CONTACT_PRO)}`),
  ],
);

export const notes = pgTable('notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  demandeId: uuid('demande_id')
    .notNull()
    .references(() => demandes.id, { onDelete: 'cascade' }),
  le: timestamp('le', { withTimezone: true }).notNull().defaultNow(),
  parUtilisateurId: uuid('par_utilisateur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
  texte: text('texte').notNull(),
});

/** A family put in touch with a place of the offer (AM, MAM, structure). */
export const misesEnRelation = pgTable(
  'mises_en_relation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    demandeId: uuid('demande_id')
      .notNull()
      .references(() => demandes.id, { onDelete: 'cascade' }),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    le: timestamp('le', { withTimezone: true }).notNull().defaultNow(),
    parUtilisateurId: uuid('par_utilisateur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
    issue: text('issue').notNull().default('en-attente'), // ISSUES_MISE_EN_RELATION
    note: text('note'),
    /** When and by whom the outcome was recorded (the professional's one-click answer, or staff). */
    issueLe: timestamp('issue_le', { withTimezone: true }),
    issuePar: text('issue_par'),
    /** The family was told who was proposed (email sent), and the professional got the need (with consent). */
    familleInformeeLe: timestamp('famille_informee_le', { withTimezone: true }),
    proInformeeLe: timestamp('pro_informee_le', { withTimezone: true }),
  },
  (t) => [
    index('mer_demande_idx').on(t.demandeId),
    index('mer_le_idx').on(t.le),
    check('mer_issue_ck', dansListe(t.issue, ISSUES_MISE_EN_RELATION)),
    check('mer_issue_par_ck', sql`${t.issuePar} is null or ${dansListe(t.issuePar, AUTEURS_ISSUE_MER)}`),
  ],
);

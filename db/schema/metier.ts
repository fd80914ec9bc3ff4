// Schema of the 'metier' area: formation continue of AM, events promoting the métier.
import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, integer, boolean, timestamp, date, index, check, uniqueIndex } from 'drizzle-orm/pg-core';
import { relais, lieux } from './territoire';
import { structures } from './offre';
import { dansListe } from './vocabulaire';
import { FINANCEMENTS_FORMATION, STATUTS_VOEU, TYPES_EVENEMENT } from '../../src/domain/metier/vocabulaire';

/** Training sessions of the catalogue a relais publishes to its AM. */
export const formations = pgTable(
  'formations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relaisId: uuid('relais_id')
      .notNull()
      .references(() => relais.id),
    titre: text('titre').notNull(),
    organisme: text('organisme').notNull(),
    debut: date('debut').notNull(),
    fin: date('fin').notNull(),
    lieu: text('lieu').notNull(),
    financement: text('financement').notNull(),
    /** Seats of a group (null: not limited). */
    places: integer('places'),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('formations_relais_debut_idx').on(t.relaisId, t.debut),
    check('formations_dates_ck', sql`${t.fin} >= ${t.debut}`),
    check('formations_places_ck', sql`${t.places} is null or ${t.places} > 0`),
    check('formations_financement_ck', dansListe(t.financement, FINANCEMENTS_FORMATION)),
  ],
);

/** A group of AM the relais signs up together to one training session. */
export const groupesFormation = pgTable(
  'groupes_formation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formationId: uuid('formation_id')
      .notNull()
      .references(() => formations.id, { onDelete: 'cascade' }),
    nom: text('nom').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('groupes_formation_idx').on(t.formationId)],
);

/** An AM's wish for a training session, then her group and her departure in training. */
export const voeuxFormation = pgTable(
  'voeux_formation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formationId: uuid('formation_id')
      .notNull()
      .references(() => formations.id, { onDelete: 'cascade' }),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    groupeId: uuid('groupe_id').references(() => groupesFormation.id, { onDelete: 'set null' }),
    statut: text('statut').notNull().default('souhait'),
    /** Day the AM left in training (statut 'parti'). */
    partiLe: date('parti_le'),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('voeux_formation_uq').on(t.formationId, t.structureId),
    index('voeux_formation_structure_idx').on(t.structureId),
    check('voeux_formation_statut_ck', dansListe(t.statut, STATUTS_VOEU)),
    check('voeux_formation_parti_ck', sql`(${t.statut} = 'parti') = (${t.partiLe} is not null)`),
  ],
);

/** Events promoting the métier (job-dating, information meetings, journées), with public sign-up. */
export const evenementsMetier = pgTable(
  'evenements_metier',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relaisId: uuid('relais_id')
      .notNull()
      .references(() => relais.id),
    type: text('type').notNull(),
    titre: text('titre').notNull(),
    description: text('description'),
    debut: timestamp('debut', { withTimezone: true }).notNull(),
    fin: timestamp('fin', { withTimezone: true }).notNull(),
    lieuId: uuid('lieu_id').references(() => lieux.id),
    /** Where, when not one of the relais' sites. */
    adresse: text('adresse'),
    capacite: integer('capacite').notNull(),
    annule: boolean('annule').notNull().default(false),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evenements_metier_debut_idx').on(t.debut),
    check('evenements_metier_dates_ck', sql`${t.fin} > ${t.debut}`),
    check('evenements_metier_capacite_ck', sql`${t.capacite} > 0`),
    check('evenements_metier_type_ck', dansListe(t.type, TYPES_EVENEMENT)),
  ],
);

/** Public sign-ups to an event (candidates to the métier); pseudonymised by housekeeping after the event. */
export const inscriptionsEvenement = pgTable(
  'inscriptions_evenement',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evenementId: uuid('evenement_id')
      .notNull()
      .references(() => evenementsMetier.id, { onDelete: 'cascade' }),
    nom: text('nom').notNull(),
    email: text('email').notNull(),
    telephone: text('telephone'),
    langue: text('langue').notNull().default('fr'),
    consentementLe: timestamp('consentement_le', { withTimezone: true }).notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    /** Set by housekeeping when name and email were replaced. */
    effaceeLe: timestamp('effacee_le', { withTimezone: true }),
  },
  (t) => [index('inscriptions_evenement_idx').on(t.evenementId), uniqueIndex('inscriptions_evenement_email_uq').on(t.evenementId, t.email)],
);

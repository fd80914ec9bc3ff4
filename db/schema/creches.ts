import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, integer, jsonb, timestamp, date, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { dansListe } from './vocabulaire';
import { territoires } from './territoire';
import { utilisateurs } from './auth';
import { structures } from './offre';
import { demandes, type Creneau } from './demande';
import type { Grille, Note, Situation } from '../../src/domain/creches/grille';
import { ORIGINES_PROPOSITION, STATUTS_CANDIDATURE, STATUTS_PROPOSITION, STATUTS_SESSION, TRANCHES_CRECHE } from '../../src/domain/creches/vocabulaire';

/** The points grid, version by version: a version is never changed once adopted (a new one is added). */
export const grillesPoints = pgTable(
  'grilles_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territoireId: text('territoire_id')
      .notNull()
      .references(() => territoires.id),
    version: integer('version').notNull(),
    adopteeLe: date('adoptee_le').notNull(),
    source: text('source').notNull(),
    criteres: jsonb('criteres').$type<Grille>().notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('grilles_points_version_uq').on(t.territoireId, t.version)],
);

/** One application for every crèche of the territory, made from a demande. */
export const candidaturesCreche = pgTable(
  'candidatures_creche',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    demandeId: uuid('demande_id')
      .notNull()
      .references(() => demandes.id, { onDelete: 'cascade' }),
    /** Crèches (structures) accepted, best first. */
    voeux: uuid('voeux').array().notNull(),
    dateDebut: date('date_debut').notNull(),
    planning: jsonb('planning').$type<Creneau[]>().notNull().default([]),
    tranche: text('tranche').notNull(),
    /** What the family declared for the grid (QF, activity, disability…): erased with the demande. */
    situation: jsonb('situation').$type<Omit<Situation, 'deposeeLe' | 'communeCode'> | Record<string, never>>().notNull().default({}),
    statut: text('statut').notNull().default('active'),
    deposeeLe: date('deposee_le').notNull(),
    confirmeeLe: timestamp('confirmee_le', { withTimezone: true }).notNull().defaultNow(),
    rappelConfirmationLe: timestamp('rappel_confirmation_le', { withTimezone: true }),
    /** Zéro sans solution: since when the family has had nothing after a session, and the relais' last contact. */
    sansSolutionDepuis: timestamp('sans_solution_depuis', { withTimezone: true }),
    dernierContactLe: timestamp('dernier_contact_le', { withTimezone: true }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('candidatures_creche_demande_uq').on(t.demandeId),
    index('candidatures_creche_statut_idx').on(t.statut),
    check('candidatures_creche_statut_ck', dansListe(t.statut, STATUTS_CANDIDATURE)),
    check('candidatures_creche_tranche_ck', dansListe(t.tranche, TRANCHES_CRECHE)),
  ],
);

/** A commission session: its places, the grid it used, the seed of its draw (published with the minutes). */
export const sessionsCommission = pgTable(
  'sessions_commission',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territoireId: text('territoire_id')
      .notNull()
      .references(() => territoires.id),
    le: date('le').notNull(),
    debutAccueil: date('debut_accueil').notNull(),
    grilleId: uuid('grille_id')
      .notNull()
      .references(() => grillesPoints.id),
    graine: text('graine').notNull(),
    statut: text('statut').notNull().default('ouverte'),
    closeLe: timestamp('close_le', { withTimezone: true }),
    pvPublieLe: timestamp('pv_publie_le', { withTimezone: true }),
    creeParId: uuid('cree_par_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_commission_le_idx').on(t.territoireId, t.le), check('sessions_commission_statut_ck', dansListe(t.statut, STATUTS_SESSION))],
);

/** Places to fill in a session, per crèche and age group. */
export const placesCommission = pgTable(
  'places_commission',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessionsCommission.id, { onDelete: 'cascade' }),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id),
    tranche: text('tranche').notNull(),
    nombre: integer('nombre').notNull(),
  },
  (t) => [
    uniqueIndex('places_commission_uq').on(t.sessionId, t.structureId, t.tranche),
    check('places_commission_tranche_ck', dansListe(t.tranche, TRANCHES_CRECHE)),
    check('places_commission_nombre_ck', sql`${t.nombre} >= 0`),
  ],
);

/** What the session decided for one family: the crèche (or none), the points then, the offer and its answer. */
export const propositionsCreche = pgTable(
  'propositions_creche',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessionsCommission.id, { onDelete: 'cascade' }),
    candidatureId: uuid('candidature_id')
      .notNull()
      .references(() => candidaturesCreche.id, { onDelete: 'cascade' }),
    structureId: uuid('structure_id').references(() => structures.id),
    tranche: text('tranche').notNull(),
    /** Snapshot of the points at each wished crèche with their reasons (a later grid never changes them). */
    notes: jsonb('notes').$type<Record<string, Note>>().notNull(),
    voeux: uuid('voeux').array().notNull(),
    rangTirage: integer('rang_tirage').notNull(),
    origine: text('origine').notNull().default('algorithme'),
    motifDerogation: text('motif_derogation'),
    statut: text('statut').notNull(),
    echeance: date('echeance'),
    offerteLe: timestamp('offerte_le', { withTimezone: true }),
    reponduLe: timestamp('repondu_le', { withTimezone: true }),
    contratLe: timestamp('contrat_le', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('propositions_creche_uq').on(t.sessionId, t.candidatureId),
    index('propositions_creche_structure_idx').on(t.structureId, t.statut),
    check('propositions_creche_statut_ck', dansListe(t.statut, STATUTS_PROPOSITION)),
    check('propositions_creche_origine_ck', dansListe(t.origine, ORIGINES_PROPOSITION)),
    check('propositions_creche_tranche_ck', dansListe(t.tranche, TRANCHES_CRECHE)),
    check('propositions_creche_derogation_ck', sql`${t.origine} <> 'derogation' or length(trim(coalesce(${t.motifDerogation}, ''))) >= 10`),
  ],
);

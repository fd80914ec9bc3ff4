import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, timestamp, index, uniqueIndex, jsonb, check } from 'drizzle-orm/pg-core';
import { dansListe } from './vocabulaire';
import { REPONSES, TYPES_RELANCE } from '../../src/domain/relance/regles';
import { REPONSES_OFFRE } from '../../src/domain/vocabulaire';
import { demandes } from './demande';
import { structures } from './offre';
import { utilisateurs } from './auth';

/**
 * A family's need relayed, anonymised, to the assistants maternels of chosen
 * communes ("offre d'emploi"). The text holds no name and no contact.
 */
export const offresRelayees = pgTable(
  'offres_relayees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    demandeId: uuid('demande_id')
      .notNull()
      .references(() => demandes.id, { onDelete: 'cascade' }),
    le: timestamp('le', { withTimezone: true }).notNull().defaultNow(),
    parUtilisateurId: uuid('par_utilisateur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
    communes: text('communes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Why staff relayed beyond the demande's relais (required then). */
    motifHorsRelais: text('motif_hors_relais'),
    /** The anonymised description sent to the AM. */
    texte: text('texte').notNull(),
  },
  (t) => [index('offres_relayees_demande_idx').on(t.demandeId, t.le)],
);

/** One AM who received a relayed offer, and her answer. */
export const reponsesOffres = pgTable(
  'reponses_offres',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    offreId: uuid('offre_id')
      .notNull()
      .references(() => offresRelayees.id, { onDelete: 'cascade' }),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    envoyeeLe: timestamp('envoyee_le', { withTimezone: true }).notNull().defaultNow(),
    reponse: text('reponse'), // 'interessee' | null
    reponduLe: timestamp('repondu_le', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('reponses_offres_uq').on(t.offreId, t.structureId),
    check('reponses_offres_reponse_ck', sql`${t.reponse} is null or ${dansListe(t.reponse, REPONSES_OFFRE)}`),
  ],
);

/**
 * Emails asking the family where things stand: 'suivi' (N months after a
 * solution or a mise en relation) and 'actualite' (monthly "is your need
 * still current?"). One reminder; without an answer the demande goes to the
 * staff's follow-up list (aTraiterLe).
 */
export const relances = pgTable(
  'relances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    demandeId: uuid('demande_id')
      .notNull()
      .references(() => demandes.id, { onDelete: 'cascade' }),
    type: text('type').notNull(), // suivi | actualite
    envoyeeLe: timestamp('envoyee_le', { withTimezone: true }).notNull().defaultNow(),
    rappelLe: timestamp('rappel_le', { withTimezone: true }),
    /** suivi: contrat | recherche | plus-besoin; actualite: oui | non */
    reponse: text('reponse'),
    reponduLe: timestamp('repondu_le', { withTimezone: true }),
    /** Since when staff should call the family (no answer after the reminder). */
    aTraiterLe: timestamp('a_traiter_le', { withTimezone: true }),
    traiteeLe: timestamp('traitee_le', { withTimezone: true }),
    traiteeParId: uuid('traitee_par_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
    details: jsonb('details'),
  },
  (t) => [
    index('relances_demande_idx').on(t.demandeId, t.type, t.envoyeeLe),
    index('relances_a_traiter_idx')
      .on(t.aTraiterLe)
      .where(sql`${t.traiteeLe} is null`),
    check('relances_type_ck', dansListe(t.type, TYPES_RELANCE)),
    check('relances_reponse_ck', sql`${t.reponse} is null or ${dansListe(t.reponse, [...REPONSES.suivi, ...REPONSES.actualite])}`),
  ],
);

import { pgTable, text, uuid, integer, jsonb, timestamp, date, index, primaryKey, check } from 'drizzle-orm/pg-core';
import { dansListe } from './vocabulaire';
import { ALERTES_STAFF, STATUTS_COURRIEL } from '../../src/domain/vocabulaire';

/**
 * Transactional outbox: an email row is inserted in the same transaction as
 * the change that causes it; a worker sends it and retries with backoff.
 */
export const courriels = pgTable(
  'courriels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    destinataire: text('destinataire').notNull(),
    sujet: text('sujet').notNull(),
    texte: text('texte').notNull(),
    html: text('html'),
    piecesJointes: jsonb('pieces_jointes').$type<{ filename: string; contentType: string; content: string }[]>(),
    type: text('type').notNull(), // e.g. 'demande-confirmation'
    langue: text('langue').notNull().default('fr'),
    objetType: text('objet_type'),
    objetId: text('objet_id'),
    statut: text('statut').notNull().default('a-envoyer'), // a-envoyer | envoye | echec
    tentatives: integer('tentatives').notNull().default(0),
    prochaineTentativeLe: timestamp('prochaine_tentative_le', { withTimezone: true }).notNull().defaultNow(),
    derniereErreur: text('derniere_erreur'),
    envoyeLe: timestamp('envoye_le', { withTimezone: true }),
    messageId: text('message_id'),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('courriels_a_envoyer_idx').on(t.statut, t.prochaineTentativeLe),
    index('courriels_objet_idx').on(t.objetType, t.objetId),
    check('courriels_statut_ck', dansListe(t.statut, STATUTS_COURRIEL)),
  ],
);

/**
 * SMS outbox, same pattern as the emails: queued in the transaction of the
 * change, sent by the worker through the provider (HTTP, or files under
 * DATA_DIR/sms without SMS_URL). Only to families who chose SMS.
 */
export const sms = pgTable(
  'sms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    destinataire: text('destinataire').notNull(), // +33…
    texte: text('texte').notNull(),
    type: text('type').notNull(),
    langue: text('langue').notNull().default('fr'),
    /** The relais whose staff see it in the back office. */
    relaisId: uuid('relais_id'),
    objetType: text('objet_type'),
    objetId: text('objet_id'),
    statut: text('statut').notNull().default('a-envoyer'),
    tentatives: integer('tentatives').notNull().default(0),
    prochaineTentativeLe: timestamp('prochaine_tentative_le', { withTimezone: true }).notNull().defaultNow(),
    derniereErreur: text('derniere_erreur'),
    envoyeLe: timestamp('envoye_le', { withTimezone: true }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sms_a_envoyer_idx').on(t.statut, t.prochaineTentativeLe),
    index('sms_objet_idx').on(t.objetType, t.objetId),
    index('sms_relais_idx').on(t.relaisId, t.creeLe),
    check('sms_statut_ck', dansListe(t.statut, STATUTS_COURRIEL)),
  ],
);

/**
 * Alerts sent to staff, one row per (kind, subject, recipient): the unique key
 * makes an alert go out exactly once, however many instances run the task.
 */
export const alertesStaff = pgTable(
  'alertes_staff',
  {
    type: text('type').notNull(), // ALERTES_STAFF
    cle: text('cle').notNull(), // the demande id, or the day of a digest
    destinataire: text('destinataire').notNull(), // the relais' address or a staff member's id
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.type, t.cle, t.destinataire] }), check('alertes_staff_type_ck', dansListe(t.type, ALERTES_STAFF))],
);

/** Scheduled jobs run once per period across every app instance (unique key). */
export const executionsTaches = pgTable(
  'executions_taches',
  {
    tache: text('tache').notNull(),
    periode: text('periode').notNull(), // e.g. '2026-11-24' or '2026-11'
    debutLe: timestamp('debut_le', { withTimezone: true }).notNull().defaultNow(),
    finLe: timestamp('fin_le', { withTimezone: true }),
    resultat: jsonb('resultat'),
  },
  (t) => [primaryKey({ columns: [t.tache, t.periode] })],
);

/** Anonymous counts of completed questionnaires per commune and month (no personal data). */
export const comptesQuestionnaire = pgTable(
  'comptes_questionnaire',
  {
    communeCode: text('commune_code').notNull(),
    mois: date('mois').notNull(),
    nombre: integer('nombre').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.mois] })],
);

/** Marks which demo territory has been seeded (seeding happens once). */
export const amorcage = pgTable(
  'amorcage',
  {
    cle: text('cle').primaryKey(),
    faitLe: timestamp('fait_le', { withTimezone: true }).notNull().defaultNow(),
    details: jsonb('details'),
  },
  (t) => [index('amorcage_fait_idx').on(t.faitLe)],
);

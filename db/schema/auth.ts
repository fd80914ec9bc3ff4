import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, timestamp, boolean, pgEnum, index, jsonb, integer, check } from 'drizzle-orm/pg-core';
import { relais, secteurs, communes } from './territoire';
import { structures } from './offre';

export const roleStaff = pgEnum('role_staff', ['admin', 'animatrice', 'commune', 'gestionnaire-creche']);

/** Staff accounts: admin (whole territory), animatrice (her relais, maybe one sector), commune viewer. */
export const utilisateurs = pgTable(
  'utilisateurs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    nom: text('nom').notNull(),
    motDePasseHash: text('mot_de_passe_hash').notNull(),
    role: roleStaff('role').notNull(),
    relaisId: uuid('relais_id').references(() => relais.id),
    secteurId: uuid('secteur_id').references(() => secteurs.id),
    communeCode: text('commune_code').references(() => communes.code),
    /** Crèche manager: the one crèche (structure) whose proposed families they see. */
    structureId: uuid('structure_id').references(() => structures.id),
    actif: boolean('actif').notNull().default(true),
    /** Base32 TOTP secret (RFC 6238) once the second factor is confirmed; null = password only. */
    totpSecret: text('totp_secret'),
    /** Secret shown on the enrolment page and not yet confirmed by a code. */
    totpSecretAttente: text('totp_secret_attente'),
    /** Last TOTP time step accepted: a code is never accepted twice (replay). */
    totpDernierPas: integer('totp_dernier_pas'),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    derniereConnexionLe: timestamp('derniere_connexion_le', { withTimezone: true }),
  },
  (t) => [check('utilisateurs_gestionnaire_creche_ck', sql`${t.role}::text <> 'gestionnaire-creche' or ${t.structureId} is not null`)],
);

/** One-time recovery codes of the second factor; only their SHA-256 is stored. */
export const codesSecours = pgTable(
  'codes_secours',
  {
    hash: text('hash').primaryKey(),
    utilisateurId: uuid('utilisateur_id')
      .notNull()
      .references(() => utilisateurs.id, { onDelete: 'cascade' }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    utiliseLe: timestamp('utilise_le', { withTimezone: true }),
  },
  (t) => [index('codes_secours_utilisateur_idx').on(t.utilisateurId)],
);

/** Staff sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    utilisateurId: uuid('utilisateur_id')
      .notNull()
      .references(() => utilisateurs.id, { onDelete: 'cascade' }),
    csrf: text('csrf').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    vuLe: timestamp('vu_le', { withTimezone: true }).notNull().defaultNow(),
    expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_utilisateur_idx').on(t.utilisateurId)],
);

/** Failed sign-in attempts, shared by every app instance for rate limiting. */
export const tentativesConnexion = pgTable(
  'tentatives_connexion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cle: text('cle').notNull(), // email or IP
    le: timestamp('le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tentatives_cle_le_idx').on(t.cle, t.le)],
);

/** Who looked at or changed what: every access to a demande is written here. */
export const journalAudit = pgTable(
  'journal_audit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    le: timestamp('le', { withTimezone: true }).notNull().defaultNow(),
    utilisateurId: uuid('utilisateur_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    objetType: text('objet_type').notNull(),
    objetId: text('objet_id'),
    details: jsonb('details'),
  },
  (t) => [index('audit_objet_idx').on(t.objetType, t.objetId), index('audit_le_idx').on(t.le)],
);

/**
 * Single-purpose, expiring tokens sent by email (magic sign-in links, one-tap
 * answers, follow-up links). Only the SHA-256 of the token is stored.
 */
export const jetons = pgTable(
  'jetons',
  {
    hash: text('hash').primaryKey(),
    usage: text('usage').notNull(), // e.g. 'pro-connexion', 'dispo-confirmer', 'suivi-reponse'
    sujetId: text('sujet_id').notNull(),
    donnees: jsonb('donnees'),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
    utiliseLe: timestamp('utilise_le', { withTimezone: true }),
    /** A token that may be used several times until it expires (e.g. a session link). */
    reutilisable: boolean('reutilisable').notNull().default(false),
  },
  (t) => [index('jetons_sujet_idx').on(t.usage, t.sujetId)],
);

/** What each staff member chose to receive by email (a missing row means the defaults). */
export const preferencesStaff = pgTable('preferences_staff', {
  utilisateurId: uuid('utilisateur_id')
    .primaryKey()
    .references(() => utilisateurs.id, { onDelete: 'cascade' }),
  /** A morning summary: new demandes, overdue first contacts, follow-ups to do, the day's RDVs. */
  resumeQuotidien: boolean('resume_quotidien').notNull().default(true),
  /** A copy of each urgent-demande alert sent to the relais' address. */
  copieUrgences: boolean('copie_urgences').notNull().default(false),
  modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow(),
});

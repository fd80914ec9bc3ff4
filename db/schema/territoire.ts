import { sql } from 'drizzle-orm';
import { ROLES_STAFF } from '../../src/domain/securite/totp';
import { pgTable, text, integer, doublePrecision, jsonb, date, uuid, timestamp, index, uniqueIndex, check } from 'drizzle-orm/pg-core';

/** An EPCI (or a commune running its own service): the unit a portal instance serves. */
export const territoires = pgTable(
  'territoires',
  {
    id: text('id').primaryKey(), // slug, e.g. 'ca-bethune-bruay'
    nom: text('nom').notNull(),
    siren: text('siren'),
    sources: text('sources'),
    /** Short name used in email subjects and signatures. */
    nomCourt: text('nom_court'),
    contactEmail: text('contact_email'),
    contactTelephone: text('contact_telephone'),
    contactAdresse: text('contact_adresse'),
    /** Home-page announcement, shown from annonceDebut to annonceFin (inclusive); null dates = open. */
    annonce: text('annonce'),
    annonceDebut: date('annonce_debut'),
    annonceFin: date('annonce_fin'),
    /** Data protection officer (délégué à la protection des données). */
    dpoNom: text('dpo_nom'),
    dpoEmail: text('dpo_email'),
    /** Staff roles that must sign in with a second factor (TOTP). */
    totpRoles: text('totp_roles')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('territoires_totp_roles_ck', sql`${t.totpRoles} <@ array[${sql.raw(ROLES_STAFF.map((r) => `'${r}'`).join(','))}]::text[]`),
    check('territoires_annonce_dates_ck', sql`${t.annonceDebut} is null or ${t.annonceFin} is null or ${t.annonceFin} >= ${t.annonceDebut}`),
  ],
);

export type HoraireJour = { jour: number; debut: string; fin: string }; // jour 1 = lundi … 7 = dimanche, 'HH:MM'

export const communes = pgTable(
  'communes',
  {
    code: text('code').primaryKey(), // code INSEE
    territoireId: text('territoire_id')
      .notNull()
      .references(() => territoires.id),
    nom: text('nom').notNull(),
    codesPostaux: text('codes_postaux')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    population: integer('population'),
    /** From the outlines (GeoJSON) when an admin uploaded them; the COG alone has no coordinates. */
    centreLon: doublePrecision('centre_lon'),
    centreLat: doublePrecision('centre_lat'),
    contour: jsonb('contour').$type<GeoJSON.Geometry>(),
    /** SIREN of the EPCI the commune belongs to (COG). */
    epciSiren: text('epci_siren'),
  },
  (t) => [index('communes_territoire_idx').on(t.territoireId)],
);

/** Relais Petite Enfance. */
export const relais = pgTable('relais', {
  id: uuid('id').primaryKey().defaultRandom(),
  territoireId: text('territoire_id')
    .notNull()
    .references(() => territoires.id),
  slug: text('slug').notNull().unique(),
  nom: text('nom').notNull(),
  email: text('email'),
  telephone: text('telephone'),
  adresse: text('adresse'),
  siteWeb: text('site_web'),
  /** Public opening hours as shown to families (free text, e.g. "lundi 9 h – 12 h"). */
  horairesPublics: text('horaires_publics'),
  /** Closed from this day: no new demande is routed to it. */
  fermeLe: date('ferme_le'),
  /** Days allowed before the first contact of a non-urgent demande (urgent ones: 7). */
  delaiPremierContactJours: integer('delai_premier_contact_jours').notNull().default(15),
  creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
});

export const secteurs = pgTable(
  'secteurs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relaisId: uuid('relais_id')
      .notNull()
      .references(() => relais.id),
    nom: text('nom').notNull(),
  },
  (t) => [uniqueIndex('secteurs_relais_nom_uq').on(t.relaisId, t.nom)],
);

/** A place where the RPE receives the public (permanences, RDV). */
export const lieux = pgTable('lieux', {
  id: uuid('id').primaryKey().defaultRandom(),
  relaisId: uuid('relais_id')
    .notNull()
    .references(() => relais.id),
  secteurId: uuid('secteur_id').references(() => secteurs.id),
  nom: text('nom').notNull(),
  adresse: text('adresse').notNull(),
  codePostal: text('code_postal').notNull(),
  communeCode: text('commune_code')
    .notNull()
    .references(() => communes.code),
  /** Null until known (the COG has no coordinates). */
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  horaires: jsonb('horaires').$type<HoraireJour[]>().notNull().default([]),
  /** Access, transport, accessibility for people with reduced mobility. */
  acces: text('acces'),
  telephone: text('telephone'),
  /** Closed for good from this day. */
  fermeLe: date('ferme_le'),
});

/** A site closed for some days (works, holidays of the team): no RDV slot is offered then. */
export const fermeturesLieux = pgTable(
  'fermetures_lieux',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lieuId: uuid('lieu_id')
      .notNull()
      .references(() => lieux.id, { onDelete: 'cascade' }),
    debut: date('debut').notNull(),
    /** Inclusive last day. */
    fin: date('fin').notNull(),
    motif: text('motif').notNull(),
  },
  (t) => [index('fermetures_lieux_lieu_idx').on(t.lieuId, t.debut), check('fermetures_lieux_dates_ck', sql`${t.fin} >= ${t.debut}`)],
);

/**
 * Commune → relais membership with effective dates. `fin` is exclusive
 * (a commune leaving on 1 January has fin = that day). Overlaps are forbidden
 * by an exclusion constraint in a hand-written migration.
 */
export const adhesions = pgTable(
  'adhesions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
    relaisId: uuid('relais_id')
      .notNull()
      .references(() => relais.id),
    secteurId: uuid('secteur_id').references(() => secteurs.id),
    debut: date('debut').notNull(),
    fin: date('fin'),
  },
  (t) => [index('adhesions_commune_idx').on(t.communeCode, t.debut), check('adhesions_dates_ck', sql`${t.fin} is null or ${t.fin} > ${t.debut}`)],
);

import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, integer, doublePrecision, jsonb, boolean, timestamp, date, pgEnum, index, check } from 'drizzle-orm/pg-core';
import { communes, type HoraireJour } from './territoire';

export const typeStructure = pgEnum('type_structure', [
  'creche', // EAJE collectif PSU: crèche, multi-accueil, halte-garderie
  'micro-creche',
  'mam',
  'assistant-maternel',
  'garde-a-domicile', // service or organisme de garde à domicile
  'periscolaire',
]);

export const financement = pgEnum('financement', ['psu', 'paje', 'autre']);
export const positionPublique = pgEnum('position_publique', ['exacte', 'commune', 'floue']);
export const dispoStatut = pgEnum('dispo_statut', ['places', 'complet', 'inconnu']);

export type HorairesAtypiques = { tot?: boolean; tard?: boolean; weekend?: boolean; nuit?: boolean };
export type PublicationAm = { prenom?: boolean; telephone?: boolean; email?: boolean; adresse?: boolean };

/** One place of the offer: a structure, a MAM, an assistant maternel, a service. */
export const structures = pgTable(
  'structures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: typeStructure('type').notNull(),
    nom: text('nom').notNull(), // for an AM: "Prénom N." as shown when published
    prenom: text('prenom'), // AM only (private unless published)
    nomFamille: text('nom_famille'), // AM only (private)
    communeCode: text('commune_code')
      .notNull()
      .references(() => communes.code),
    adresse: text('adresse'),
    /** Exact position (private for an AM). */
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    /** Position shown on the public map: exact for structures, commune centre or blurred for an AM unless she opted in. */
    positionPublique: positionPublique('position_publique').notNull().default('exacte'),
    latPublique: doublePrecision('lat_publique').notNull(),
    lonPublique: doublePrecision('lon_publique').notNull(),
    capacite: integer('capacite').notNull(),
    ageMinMois: integer('age_min_mois').notNull().default(0),
    ageMaxMois: integer('age_max_mois').notNull().default(72),
    horaires: jsonb('horaires').$type<HoraireJour[]>().notNull().default([]),
    horairesAtypiques: jsonb('horaires_atypiques').$type<HorairesAtypiques>().notNull().default({}),
    accueilUrgence: boolean('accueil_urgence').notNull().default(false),
    handicapAccueilli: boolean('handicap_accueilli').notNull().default(false),
    financement: financement('financement'),
    gestionnaire: text('gestionnaire'),
    telephone: text('telephone'),
    email: text('email'),
    siteWeb: text('site_web'),
    /** AM: agrément number (PMI); also the de-duplication key of CSV imports. */
    agrement: text('agrement').unique(),
    publication: jsonb('publication').$type<PublicationAm>().notNull().default({}),
    /** false when the AM asked not to be shown on the map. */
    visible: boolean('visible').notNull().default(true),
    actif: boolean('actif').notNull().default(true),
    dispoStatut: dispoStatut('dispo_statut').notNull().default('inconnu'),
    dispoConfirmeeLe: timestamp('dispo_confirmee_le', { withTimezone: true }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('structures_commune_idx').on(t.communeCode),
    index('structures_type_idx').on(t.type),
    check('structures_capacite_ck', sql`${t.capacite} >= 0`),
    check('structures_ages_ck', sql`${t.ageMinMois} <= ${t.ageMaxMois}`),
  ],
);

export const trancheAge = pgEnum('tranche_age', ['bebe', 'marcheur', 'grand', 'periscolaire']);

/** Free places declared by a structure or an AM (the current state; history below). */
export const placesDisponibles = pgTable(
  'places_disponibles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    trancheAge: trancheAge('tranche_age').notNull(),
    nombre: integer('nombre').notNull().default(1),
    aPartirDu: date('a_partir_du').notNull(),
    jours: integer('jours').array(), // 1..7; null = any
    heureDebut: text('heure_debut'),
    heureFin: text('heure_fin'),
    horairesAtypiques: jsonb('horaires_atypiques').$type<HorairesAtypiques>().notNull().default({}),
    urgence: boolean('urgence').notNull().default(false),
    periscolaire: boolean('periscolaire').notNull().default(false),
  },
  (t) => [index('places_structure_idx').on(t.structureId), check('places_nombre_ck', sql`${t.nombre} > 0`)],
);

/** Every availability update: who confirmed what, when, through which channel. */
export const dispoHistorique = pgTable(
  'dispo_historique',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    le: timestamp('le', { withTimezone: true }).notNull().defaultNow(),
    statut: dispoStatut('statut').notNull(),
    /** 'am' | 'gestionnaire' | 'rpe' (on behalf, after a call) | 'relance' (one-tap email) | 'import' | 'demo' */
    source: text('source').notNull(),
    parUtilisateurId: uuid('par_utilisateur_id'),
    details: jsonb('details'),
  },
  (t) => [index('dispo_hist_structure_idx').on(t.structureId, t.le)],
);

/** Magic-link accounts of AM and structure managers (no password). */
export const comptesPro = pgTable(
  'comptes_pro',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    email: text('email'),
    /** Short code an animatrice can read out on the phone. */
    codeCourt: text('code_court').unique(),
    /** When the short code was made: it expires CODE_PRO_VALIDITE_JOURS later (src/domain/disponibilite/code-pro.ts). */
    codeCourtCreeLe: timestamp('code_court_cree_le', { withTimezone: true }).notNull().defaultNow(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    derniereConnexionLe: timestamp('derniere_connexion_le', { withTimezone: true }),
  },
  (t) => [index('comptes_pro_email_idx').on(t.email)],
);

import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, integer, boolean, timestamp, date, index, uniqueIndex, check, primaryKey } from 'drizzle-orm/pg-core';
import { relais, lieux } from './territoire';
import { structures } from './offre';
import { utilisateurs } from './auth';
import { dansListe } from './vocabulaire';
import { FREQUENCES, PRESENCES, STATUTS_INSCRIPTION } from '../../src/domain/ateliers/vocabulaire';
import { SEUILS_ANALYSE_PRATIQUE } from '../../src/domain/ateliers/analyse-pratique';

/** An atelier d'éveil / temps collectif of a relais: the programme line staff publish. */
export const ateliers = pgTable(
  'ateliers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relaisId: uuid('relais_id')
      .notNull()
      .references(() => relais.id),
    lieuId: uuid('lieu_id')
      .notNull()
      .references(() => lieux.id),
    theme: text('theme').notNull(),
    description: text('description'),
    ageMinMois: integer('age_min_mois').notNull().default(0),
    ageMaxMois: integer('age_max_mois').notNull().default(36),
    placesPro: integer('places_pro').notNull(),
    placesEnfants: integer('places_enfants').notNull(),
    /** The charter / règlement each professional accepts when signing up. */
    reglement: text('reglement').notNull(),
    /** Open to the professionals of every relais of the portal (not only this one's). */
    ouvertATous: boolean('ouvert_a_tous').notNull().default(false),
    frequence: text('frequence').notNull(),
    creeParId: uuid('cree_par_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ateliers_relais_idx').on(t.relaisId),
    check('ateliers_frequence_ck', dansListe(t.frequence, FREQUENCES)),
    check('ateliers_places_ck', sql`${t.placesPro} > 0 and ${t.placesEnfants} >= 0`),
    check('ateliers_ages_ck', sql`${t.ageMinMois} >= 0 and ${t.ageMinMois} <= ${t.ageMaxMois}`),
  ],
);

/**
 * One dated session. `prisPro` / `prisEnfants` count the confirmed sign-ups;
 * they only move in one conditional UPDATE, and the CHECKs make "over
 * capacity" impossible whatever the code does.
 */
export const seancesAtelier = pgTable(
  'seances_atelier',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    atelierId: uuid('atelier_id')
      .notNull()
      .references(() => ateliers.id, { onDelete: 'cascade' }),
    debut: timestamp('debut', { withTimezone: true }).notNull(),
    fin: timestamp('fin', { withTimezone: true }).notNull(),
    placesPro: integer('places_pro').notNull(),
    placesEnfants: integer('places_enfants').notNull(),
    prisPro: integer('pris_pro').notNull().default(0),
    prisEnfants: integer('pris_enfants').notNull().default(0),
    annulee: boolean('annulee').notNull().default(false),
  },
  (t) => [
    index('seances_atelier_atelier_idx').on(t.atelierId, t.debut),
    index('seances_atelier_debut_idx').on(t.debut),
    check('seances_atelier_dates_ck', sql`${t.fin} > ${t.debut}`),
    check('seances_atelier_pro_ck', sql`${t.prisPro} >= 0 and ${t.prisPro} <= ${t.placesPro}`),
    check('seances_atelier_enfants_ck', sql`${t.prisEnfants} >= 0 and ${t.prisEnfants} <= ${t.placesEnfants}`),
  ],
);

/** A professional's sign-up (confirmed, waiting or cancelled), with attendance. */
export const inscriptionsAtelier = pgTable(
  'inscriptions_atelier',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seanceId: uuid('seance_id')
      .notNull()
      .references(() => seancesAtelier.id, { onDelete: 'cascade' }),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    enfants: integer('enfants').notNull(),
    statut: text('statut').notNull(),
    reglementAccepteLe: timestamp('reglement_accepte_le', { withTimezone: true }).notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    annuleeLe: timestamp('annulee_le', { withTimezone: true }),
    promueLe: timestamp('promue_le', { withTimezone: true }),
    /** present | absent; null = not marked yet. */
    presence: text('presence'),
    enfantsPresents: integer('enfants_presents'),
    rappelEnvoyeLe: timestamp('rappel_envoye_le', { withTimezone: true }),
  },
  (t) => [
    index('inscriptions_atelier_seance_idx').on(t.seanceId, t.statut, t.creeLe),
    index('inscriptions_atelier_structure_idx').on(t.structureId),
    uniqueIndex('inscriptions_atelier_active_uq')
      .on(t.seanceId, t.structureId)
      .where(sql`${t.statut} <> 'annulee'`),
    check('inscriptions_atelier_statut_ck', dansListe(t.statut, STATUTS_INSCRIPTION)),
    check('inscriptions_atelier_presence_ck', sql`${t.presence} is null or ${dansListe(t.presence, PRESENCES)}`),
    check('inscriptions_atelier_enfants_ck', sql`${t.enfants} >= 0 and ${t.enfants} <= 10`),
    check('inscriptions_atelier_enfants_presents_ck', sql`${t.enfantsPresents} is null or (${t.enfantsPresents} >= 0 and ${t.enfantsPresents} <= 10)`),
  ],
);

/**
 * Analyse de la pratique: a group led by an outside speaker. `membres` counts
 * the professionals placed in it; the CHECK keeps it at 15 at most (CNAF).
 * No content of the sessions is ever recorded.
 */
export const groupesAnalysePratique = pgTable(
  'groupes_analyse_pratique',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relaisId: uuid('relais_id')
      .notNull()
      .references(() => relais.id),
    nom: text('nom').notNull(),
    intervenantNom: text('intervenant_nom').notNull(),
    intervenantQualite: text('intervenant_qualite').notNull(),
    lieuId: uuid('lieu_id').references(() => lieux.id),
    annee: integer('annee').notNull(),
    membres: integer('membres').notNull().default(0),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('groupes_ap_relais_idx').on(t.relaisId, t.annee),
    check('groupes_ap_membres_ck', sql`${t.membres} >= 0 and ${t.membres} <= ${sql.raw(String(SEUILS_ANALYSE_PRATIQUE.membresParGroupeMax))}`),
  ],
);

/** An AM volunteering for the analyse de la pratique of a relais in a year; placed in a group by staff. */
export const volontairesAnalysePratique = pgTable(
  'volontaires_analyse_pratique',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relaisId: uuid('relais_id')
      .notNull()
      .references(() => relais.id),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
    annee: integer('annee').notNull(),
    groupeId: uuid('groupe_id').references(() => groupesAnalysePratique.id, { onDelete: 'set null' }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('volontaires_ap_uq').on(t.relaisId, t.structureId, t.annee), index('volontaires_ap_groupe_idx').on(t.groupeId)],
);

export const seancesAnalysePratique = pgTable(
  'seances_analyse_pratique',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupeId: uuid('groupe_id')
      .notNull()
      .references(() => groupesAnalysePratique.id, { onDelete: 'cascade' }),
    jour: date('jour').notNull(),
    debut: timestamp('debut', { withTimezone: true }).notNull(),
    fin: timestamp('fin', { withTimezone: true }).notNull(),
  },
  (t) => [index('seances_ap_groupe_idx').on(t.groupeId, t.debut), check('seances_ap_dates_ck', sql`${t.fin} > ${t.debut}`)],
);

export const presencesAnalysePratique = pgTable(
  'presences_analyse_pratique',
  {
    seanceId: uuid('seance_id')
      .notNull()
      .references(() => seancesAnalysePratique.id, { onDelete: 'cascade' }),
    structureId: uuid('structure_id')
      .notNull()
      .references(() => structures.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.seanceId, t.structureId] })],
);

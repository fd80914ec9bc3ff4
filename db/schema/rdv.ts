// Schema of the 'rdv' area: motifs, opening slots, absences, RDVs, réunions d'information.
import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, integer, boolean, timestamp, date, pgEnum, index, check, uniqueIndex } from 'drizzle-orm/pg-core';
import { relais, lieux } from './territoire';
import { utilisateurs } from './auth';
import { demandes } from './demande';
import { structures } from './offre';

export const modeRdv = pgEnum('mode_rdv', ['sur-place', 'telephone', 'visio']);
/** Read by the statistics area (no-show rate = absent / (honore + absent)): keep these values. */
export const statutRdv = pgEnum('statut_rdv', ['reserve', 'honore', 'absent', 'excuse', 'annule']);
export const publicRdv = pgEnum('public_rdv', ['famille', 'am']);

/** What a RDV is for: duration, modes allowed, and whether families book it online. */
export const motifsRdv = pgTable(
  'motifs_rdv',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relaisId: uuid('relais_id')
      .notNull()
      .references(() => relais.id),
    nom: text('nom').notNull(),
    /** Optional key into the rdv dictionary (rdv.motifs.<cle>) so families read it in their language. */
    cle: text('cle'),
    dureeMinutes: integer('duree_minutes').notNull(),
    modes: modeRdv('modes').array().notNull(),
    reservableEnLigne: boolean('reservable_en_ligne').notNull().default(true),
    public: publicRdv('public').notNull().default('famille'),
    actif: boolean('actif').notNull().default(true),
    ordre: integer('ordre').notNull().default(0),
  },
  (t) => [index('motifs_rdv_relais_idx').on(t.relaisId), check('motifs_rdv_duree_ck', sql`${t.dureeMinutes} between 5 and 480`)],
);

/**
 * A weekly opening of one animatrice: at a site (lieu) for on-site RDVs, or
 * with lieu = null for phone and video RDVs. Local times in the portal's zone (TZ_PORTAIL).
 */
export const plagesOuverture = pgTable(
  'plages_ouverture',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relaisId: uuid('relais_id')
      .notNull()
      .references(() => relais.id),
    animatriceId: uuid('animatrice_id')
      .notNull()
      .references(() => utilisateurs.id, { onDelete: 'cascade' }),
    lieuId: uuid('lieu_id').references(() => lieux.id),
    motifIds: uuid('motif_ids').array().notNull(),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    jours: integer('jours').array().notNull(),
    heureDebut: text('heure_debut').notNull(), // 'HH:MM'
    heureFin: text('heure_fin').notNull(),
    valideDu: date('valide_du').notNull(),
    /** Inclusive last day; null = open-ended. */
    valideAu: date('valide_au'),
    /** Online booking: no slot sooner than this many hours from now… */
    delaiMinimumHeures: integer('delai_minimum_heures').notNull().default(24),
    /** …and none later than this many days from now. */
    horizonJours: integer('horizon_jours').notNull().default(56),
    actif: boolean('actif').notNull().default(true),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plages_relais_idx').on(t.relaisId),
    index('plages_animatrice_idx').on(t.animatriceId),
    check(
      'plages_heures_ck',
      sql`${t.heureDebut} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.heureFin} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.heureFin} > ${t.heureDebut}`,
    ),
    check('plages_dates_ck', sql`${t.valideAu} is null or ${t.valideAu} >= ${t.valideDu}`),
  ],
);

/** Holidays and absences: no slot offered in [debut, fin). animatriceId null = the whole relais is closed. */
export const exceptionsAgenda = pgTable(
  'exceptions_agenda',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relaisId: uuid('relais_id')
      .notNull()
      .references(() => relais.id),
    animatriceId: uuid('animatrice_id').references(() => utilisateurs.id, { onDelete: 'cascade' }),
    debut: timestamp('debut', { withTimezone: true }).notNull(),
    fin: timestamp('fin', { withTimezone: true }).notNull(),
    libelle: text('libelle').notNull(),
  },
  (t) => [index('exceptions_relais_idx').on(t.relaisId, t.debut), check('exceptions_dates_ck', sql`${t.fin} > ${t.debut}`)],
);

/**
 * One RDV. Two RDVs of one animatrice never overlap unless cancelled: an
 * exclusion constraint (migration rdv_sans_chevauchement) enforces it.
 */
export const rdvs = pgTable(
  'rdvs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relaisId: uuid('relais_id')
      .notNull()
      .references(() => relais.id),
    animatriceId: uuid('animatrice_id')
      .notNull()
      .references(() => utilisateurs.id),
    lieuId: uuid('lieu_id').references(() => lieux.id),
    motifId: uuid('motif_id')
      .notNull()
      .references(() => motifsRdv.id),
    mode: modeRdv('mode').notNull(),
    debut: timestamp('debut', { withTimezone: true }).notNull(),
    fin: timestamp('fin', { withTimezone: true }).notNull(),
    /** A family RDV belongs to a demande; a professional RDV to an AM (structure). */
    demandeId: uuid('demande_id').references(() => demandes.id, { onDelete: 'cascade' }),
    structureId: uuid('structure_id').references(() => structures.id, { onDelete: 'cascade' }),
    statut: statutRdv('statut').notNull().default('reserve'),
    statutLe: timestamp('statut_le', { withTimezone: true }).notNull().defaultNow(),
    parFamille: boolean('par_famille').notNull().default(false),
    creeParId: uuid('cree_par_id').references(() => utilisateurs.id, { onDelete: 'set null' }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    /** SHA-256 of the token in the emailed move/cancel link. */
    gestionTokenHash: text('gestion_token_hash').unique(),
    langue: text('langue').notNull().default('fr'),
    /** Email and phone used for this RDV (a copy: an AM RDV has no demande). */
    email: text('email'),
    telephone: text('telephone'),
    nomContact: text('nom_contact'),
    note: text('note'),
    nbDeplacements: integer('nb_deplacements').notNull().default(0),
    rappelEnvoyeLe: timestamp('rappel_envoye_le', { withTimezone: true }),
    /** Ready-to-send SMS reminder (no SMS is sent by the portal). */
    smsTexte: text('sms_texte'),
    annuleLe: timestamp('annule_le', { withTimezone: true }),
    annuleParFamille: boolean('annule_par_famille'),
  },
  (t) => [
    index('rdvs_animatrice_debut_idx').on(t.animatriceId, t.debut),
    index('rdvs_relais_debut_idx').on(t.relaisId, t.debut),
    index('rdvs_demande_idx').on(t.demandeId),
    index('rdvs_rappel_idx')
      .on(t.debut)
      .where(sql`${t.statut} = 'reserve' and ${t.rappelEnvoyeLe} is null`),
    check('rdvs_dates_ck', sql`${t.fin} > ${t.debut}`),
    check('rdvs_rattachement_ck', sql`${t.demandeId} is not null or ${t.structureId} is not null`),
  ],
);

/** Collective information sessions (choisir un mode d'accueil, futurs parents, devenir AM…). */
export const reunionsInfo = pgTable(
  'reunions_info',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    relaisId: uuid('relais_id')
      .notNull()
      .references(() => relais.id),
    titre: text('titre').notNull(),
    description: text('description'),
    public: publicRdv('public').notNull().default('famille'),
    debut: timestamp('debut', { withTimezone: true }).notNull(),
    fin: timestamp('fin', { withTimezone: true }).notNull(),
    /** null = by video (lienVisio). */
    lieuId: uuid('lieu_id').references(() => lieux.id),
    lienVisio: text('lien_visio'),
    capacite: integer('capacite').notNull(),
    annulee: boolean('annulee').notNull().default(false),
    rappelEnvoyeLe: timestamp('rappel_envoye_le', { withTimezone: true }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reunions_debut_idx').on(t.debut),
    check('reunions_dates_ck', sql`${t.fin} > ${t.debut}`),
    check('reunions_capacite_ck', sql`${t.capacite} > 0`),
  ],
);

export const inscriptionsReunion = pgTable(
  'inscriptions_reunion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reunionId: uuid('reunion_id')
      .notNull()
      .references(() => reunionsInfo.id, { onDelete: 'cascade' }),
    nom: text('nom').notNull(),
    email: text('email').notNull(),
    telephone: text('telephone'),
    /** Seats taken (a parent may come with the other parent). */
    places: integer('places').notNull().default(1),
    profil: publicRdv('profil').notNull().default('famille'),
    langue: text('langue').notNull().default('fr'),
    demandeId: uuid('demande_id').references(() => demandes.id, { onDelete: 'set null' }),
    structureId: uuid('structure_id').references(() => structures.id, { onDelete: 'set null' }),
    gestionTokenHash: text('gestion_token_hash').unique(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    annuleeLe: timestamp('annulee_le', { withTimezone: true }),
    /** Attendance marked by staff: present | absent; null = not marked yet. */
    presence: text('presence'),
    rappelEnvoyeLe: timestamp('rappel_envoye_le', { withTimezone: true }),
  },
  (t) => [
    index('inscriptions_reunion_idx').on(t.reunionId),
    uniqueIndex('inscriptions_reunion_email_uq')
      .on(t.reunionId, t.email)
      .where(sql`${t.annuleeLe} is null`),
    check('inscriptions_places_ck', sql`${t.places} between 1 and 5`),
    check('inscriptions_presence_ck', sql`${t.presence} is null or ${t.presence} in ('present', 'absent')`),
  ],
);

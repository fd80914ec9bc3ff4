/**
 * The register of personal data: every column of every table, what kind of
 * datum it holds, and what erasing a family does to it. The erasure function
 * (src/server/donnees/effacement.ts) and the personal-data page read this;
 * a unit test fails when a table or a column of db/schema is missing here,
 * so a new table cannot forget to say what becomes of its data.
 *
 * Keys are SQL names (table and column), as in the migrations.
 */

/** What a column holds. */
export type Categorie = 'identifiant' | 'contact' | 'sante' | 'texte-libre' | 'aucune';

/**
 * What erasing a family does to a column of a row that belongs to it:
 * - garder: kept as is (no personal datum, or needed for counts);
 * - vider: set to null (or the column's empty default);
 * - mois: a date kept to its month only;
 * - pseudonymiser: replaced by a value that says nothing (NOT NULL columns);
 * - supprimer: the whole row is deleted.
 */
type Effet = 'garder' | 'vider' | 'mois' | 'pseudonymiser' | 'supprimer';

/** Whose data the table holds. */
export type Personne = 'famille' | 'professionnel' | 'staff' | 'aucune';

/**
 * How long a row's personal data live:
 * - demande: until RETENTION_MOIS months after the demande is closed, or the family's erasure;
 * - cloture: health details, erased as soon as the demande is closed;
 * - courriel: sent emails, COURRIELS_RETENTION_MOIS months (housekeeping job);
 * - expiration: until the row expires (sessions, tokens, sign-in attempts);
 * - compte: while the account or the listing is active;
 * - evenement: until RETENTION_INSCRIPTIONS_EVENEMENT_MOIS months after the event (housekeeping job);
 * - sans-objet: no personal data.
 */
export type Retention = 'demande' | 'cloture' | 'courriel' | 'expiration' | 'compte' | 'evenement' | 'sans-objet';

export type Colonne = { categorie: Categorie; effet: Effet };
export type TableRegistre = {
  personne: Personne;
  /** Why the table exists (shown on the personal-data page for the family's tables). */
  finalite: string;
  retention: Retention;
  /** Columns with no personal datum, kept by an erasure. */
  aucune: readonly string[];
  /** Columns holding something about a person. */
  colonnes: Readonly<Record<string, Colonne>>;
};

const c = (categorie: Categorie, effet: Effet): Colonne => ({ categorie, effet });
const garder = (categorie: Categorie): Colonne => ({ categorie, effet: 'garder' });

export const REGISTRE: Readonly<Record<string, TableRegistre>> = {
  // ── The family's data ──────────────────────────────────────────────
  demandes: {
    personne: 'famille',
    finalite: 'Traiter la demande d’accueil et la suivre',
    retention: 'demande',
    aucune: [
      'id',
      'reference',
      'territoire_id',
      'relais_id',
      'secteur_id',
      'commune_code',
      'etat',
      'etat_depuis',
      'type_solution',
      'canal',
      'langue',
      'canal_prefere',
      'date_debut',
      'planning',
      'regularite',
      'horaires_atypiques',
      'urgence',
      'periscolaire',
      'modes_souhaites',
      'communes_acceptees',
      'age_mois_au_debut',
      'consentement_contact',
      'consentement_partage',
      'consentement_sante',
      'consentement_le',
      'assignee_id',
      'cree_par_id',
      'cree_le',
      'premier_contact_le',
      'solution_le',
      'cloture_le',
      'anonymisee_le',
    ],
    colonnes: {
      parents: c('identifiant', 'vider'),
      email: c('contact', 'vider'),
      telephone: c('contact', 'vider'),
      adresse: c('contact', 'vider'),
      commune_hors_territoire: c('texte-libre', 'vider'),
      urgence_motif: c('texte-libre', 'vider'),
      // The yes/no flag is counted by the CAF (demandes with a handicap); the details are erased.
      handicap: garder('sante'),
      handicap_precisions: c('sante', 'vider'),
      besoins_accessibilite: c('sante', 'vider'),
      interprete_langue: c('contact', 'vider'),
      commentaire: c('texte-libre', 'vider'),
      structure_vue_id: c('identifiant', 'vider'),
      suivi_token_hash: c('identifiant', 'vider'),
      idempotency_key: c('identifiant', 'vider'),
      doublon_possible_de_id: c('identifiant', 'vider'),
    },
  },
  enfants: {
    personne: 'famille',
    finalite: 'Connaître l’âge des enfants à accueillir',
    retention: 'demande',
    aucune: ['id', 'demande_id', 'ordre'],
    colonnes: { prenom: c('identifiant', 'vider'), date_naissance: c('identifiant', 'mois'), naissance_prevue: c('identifiant', 'mois') },
  },
  demande_historique: {
    personne: 'famille',
    finalite: 'Tracer chaque étape de la demande (qui, quand, pourquoi)',
    retention: 'demande',
    aucune: ['id', 'demande_id', 'le', 'transition', 'de', 'vers', 'par_utilisateur_id', 'par_famille'],
    colonnes: { motif: c('texte-libre', 'vider'), details: c('texte-libre', 'vider') },
  },
  contacts: {
    // Contacts with professionals (no demande) share the table; their only personal datum is the note, kept with the relais' log.
    personne: 'famille',
    finalite: 'Compter les contacts avec les familles et les professionnels (rapport CAF)',
    retention: 'demande',
    aucune: ['id', 'demande_id', 'relais_id', 'public', 'structure_id', 'motif', 'le', 'canal', 'sens', 'par_utilisateur_id', 'issue'],
    colonnes: { note: c('texte-libre', 'vider') },
  },
  notes: {
    personne: 'famille',
    finalite: 'Notes de travail du relais sur la demande',
    retention: 'demande',
    aucune: ['id', 'demande_id', 'le', 'par_utilisateur_id'],
    colonnes: { texte: c('texte-libre', 'supprimer') },
  },
  mises_en_relation: {
    personne: 'famille',
    finalite: 'Mettre la famille en relation avec un professionnel',
    retention: 'demande',
    aucune: ['id', 'demande_id', 'structure_id', 'le', 'par_utilisateur_id', 'issue', 'issue_le', 'issue_par', 'famille_informee_le', 'pro_informee_le'],
    colonnes: { note: c('texte-libre', 'vider') },
  },
  offres_relayees: {
    personne: 'famille',
    finalite: 'Relayer le besoin, sans nom ni coordonnées, aux assistants maternels',
    retention: 'demande',
    aucune: ['id', 'demande_id', 'le', 'par_utilisateur_id', 'communes'],
    // Built from the need only (no name, no contact, no free text): kept so that counts stay true.
    colonnes: { texte: garder('aucune'), motif_hors_relais: c('texte-libre', 'vider') },
  },
  reponses_offres: {
    personne: 'professionnel',
    finalite: 'Réponses des assistants maternels à une offre relayée',
    retention: 'demande',
    aucune: ['id', 'offre_id', 'structure_id', 'envoyee_le', 'reponse', 'repondu_le'],
    colonnes: {},
  },
  relances: {
    personne: 'famille',
    finalite: 'Prendre des nouvelles de la famille après une solution',
    retention: 'demande',
    aucune: ['id', 'demande_id', 'type', 'envoyee_le', 'rappel_le', 'reponse', 'repondu_le', 'a_traiter_le', 'traitee_le', 'traitee_par_id'],
    colonnes: { details: c('texte-libre', 'vider') },
  },
  rdvs: {
    personne: 'famille',
    finalite: 'Rendez-vous avec le relais (familles et assistants maternels)',
    retention: 'demande',
    aucune: [
      'id',
      'relais_id',
      'animatrice_id',
      'lieu_id',
      'motif_id',
      'mode',
      'debut',
      'fin',
      'demande_id',
      'structure_id',
      'statut',
      'statut_le',
      'par_famille',
      'cree_par_id',
      'cree_le',
      'langue',
      'nb_deplacements',
      'rappel_envoye_le',
      'annule_le',
      'annule_par_famille',
    ],
    colonnes: {
      email: c('contact', 'vider'),
      telephone: c('contact', 'vider'),
      nom_contact: c('identifiant', 'vider'),
      note: c('texte-libre', 'vider'),
      sms_texte: c('contact', 'vider'),
      gestion_token_hash: c('identifiant', 'vider'),
    },
  },
  inscriptions_reunion: {
    personne: 'famille',
    finalite: 'Inscriptions aux réunions d’information',
    retention: 'demande',
    aucune: ['id', 'reunion_id', 'places', 'profil', 'langue', 'demande_id', 'structure_id', 'cree_le', 'annulee_le', 'presence', 'rappel_envoye_le'],
    colonnes: {
      nom: c('identifiant', 'pseudonymiser'),
      email: c('contact', 'pseudonymiser'),
      telephone: c('contact', 'vider'),
      gestion_token_hash: c('identifiant', 'vider'),
    },
  },
  courriels: {
    personne: 'famille',
    finalite: 'Envoyer les courriels (file d’envoi et copie .eml sans serveur de courrier)',
    retention: 'courriel',
    aucune: ['id', 'type', 'langue', 'objet_type', 'objet_id', 'statut', 'tentatives', 'prochaine_tentative_le', 'envoye_le', 'message_id', 'cree_le'],
    colonnes: {
      destinataire: c('contact', 'supprimer'),
      sujet: c('texte-libre', 'supprimer'),
      texte: c('texte-libre', 'supprimer'),
      html: c('texte-libre', 'supprimer'),
      pieces_jointes: c('texte-libre', 'supprimer'),
      derniere_erreur: c('texte-libre', 'supprimer'),
    },
  },
  alertes_staff: {
    personne: 'aucune',
    finalite: 'Envoyer chaque alerte aux équipes une seule fois',
    retention: 'sans-objet',
    aucune: ['type', 'cle', 'destinataire', 'cree_le'],
    colonnes: {},
  },
  sms: {
    personne: 'famille',
    finalite: 'Envoyer les SMS aux familles qui les ont choisis (file d’envoi)',
    retention: 'courriel',
    aucune: ['id', 'type', 'langue', 'relais_id', 'objet_type', 'objet_id', 'statut', 'tentatives', 'prochaine_tentative_le', 'envoye_le', 'cree_le'],
    colonnes: { destinataire: c('contact', 'supprimer'), texte: c('texte-libre', 'supprimer'), derniere_erreur: c('texte-libre', 'supprimer') },
  },
  jetons: {
    personne: 'famille',
    finalite: 'Liens à usage unique envoyés par courriel',
    retention: 'expiration',
    aucune: ['usage', 'cree_le', 'expire_le', 'utilise_le', 'reutilisable'],
    colonnes: { hash: c('identifiant', 'supprimer'), sujet_id: c('identifiant', 'supprimer'), donnees: c('texte-libre', 'supprimer') },
  },
  candidatures_creche: {
    personne: 'famille',
    finalite: 'Candidature aux places en crèche (liste d’attente, points de la grille)',
    retention: 'demande',
    aucune: [
      'id',
      'demande_id',
      'voeux',
      'date_debut',
      'planning',
      'tranche',
      'statut',
      'deposee_le',
      'confirmee_le',
      'rappel_confirmation_le',
      'sans_solution_depuis',
      'dernier_contact_le',
      'cree_le',
    ],
    // QF, activity, disability, social support: what the points were computed from; the points themselves stay in the proposals.
    colonnes: { situation: c('sante', 'vider') },
  },
  propositions_creche: {
    personne: 'famille',
    finalite: 'Décisions de la commission d’attribution des places en crèche',
    retention: 'demande',
    aucune: [
      'id',
      'session_id',
      'candidature_id',
      'structure_id',
      'tranche',
      'notes',
      'voeux',
      'rang_tirage',
      'origine',
      'statut',
      'echeance',
      'offerte_le',
      'repondu_le',
      'contrat_le',
    ],
    colonnes: { motif_derogation: c('texte-libre', 'vider') },
  },
  journal_audit: {
    personne: 'staff',
    finalite: 'Savoir qui a consulté ou modifié quoi',
    retention: 'compte',
    aucune: ['id', 'le', 'utilisateur_id', 'action', 'objet_type', 'objet_id'],
    // What staff did stays; the details may name the family and are dropped.
    colonnes: { details: c('texte-libre', 'vider') },
  },
  // ── Staff and professionals (not touched by a family's erasure) ────
  preferences_staff: {
    personne: 'staff',
    finalite: 'Alertes et résumé quotidien choisis par chaque membre du personnel',
    retention: 'compte',
    aucune: ['utilisateur_id', 'resume_quotidien', 'copie_urgences', 'modifie_le'],
    colonnes: {},
  },
  utilisateurs: {
    personne: 'staff',
    finalite: 'Comptes du personnel des relais et des communes',
    retention: 'compte',
    aucune: ['id', 'role', 'relais_id', 'secteur_id', 'commune_code', 'structure_id', 'actif', 'cree_le', 'derniere_connexion_le', 'totp_dernier_pas'],
    colonnes: {
      email: garder('contact'),
      nom: garder('identifiant'),
      mot_de_passe_hash: garder('identifiant'),
      totp_secret: garder('identifiant'),
      totp_secret_attente: garder('identifiant'),
    },
  },
  sessions: {
    personne: 'staff',
    finalite: 'Sessions du personnel',
    retention: 'expiration',
    aucune: ['utilisateur_id', 'cree_le', 'vu_le', 'expire_le'],
    colonnes: { id_hash: garder('identifiant'), csrf: garder('identifiant') },
  },
  codes_secours: {
    personne: 'staff',
    finalite: 'Codes de secours de la double authentification',
    retention: 'compte',
    aucune: ['cree_le', 'utilise_le'],
    colonnes: { hash: garder('identifiant'), utilisateur_id: garder('identifiant') },
  },
  tentatives_connexion: {
    personne: 'staff',
    finalite: 'Limiter les tentatives de connexion',
    retention: 'expiration',
    aucune: ['id', 'le'],
    colonnes: { cle: garder('contact') },
  },
  structures: {
    personne: 'professionnel',
    finalite: 'Offre d’accueil (assistants maternels, structures)',
    retention: 'compte',
    aucune: [
      'id',
      'type',
      'commune_code',
      'position_publique',
      'lat_publique',
      'lon_publique',
      'capacite',
      'age_min_mois',
      'age_max_mois',
      'horaires',
      'horaires_atypiques',
      'accueil_urgence',
      'handicap_accueilli',
      'financement',
      'gestionnaire',
      'site_web',
      'publication',
      'visible',
      'actif',
      'dispo_statut',
      'dispo_confirmee_le',
      'cree_le',
      'modifie_le',
    ],
    colonnes: {
      nom: garder('identifiant'),
      prenom: garder('identifiant'),
      nom_famille: garder('identifiant'),
      agrement: garder('identifiant'),
      adresse: garder('contact'),
      lat: garder('contact'),
      lon: garder('contact'),
      telephone: garder('contact'),
      email: garder('contact'),
    },
  },
  comptes_pro: {
    personne: 'professionnel',
    finalite: 'Connexion des assistants maternels',
    retention: 'compte',
    aucune: ['id', 'structure_id', 'cree_le', 'code_court_cree_le', 'derniere_connexion_le'],
    colonnes: { email: garder('contact'), code_court: garder('identifiant') },
  },
  sessions_pro: {
    personne: 'professionnel',
    finalite: 'Sessions des assistants maternels',
    retention: 'expiration',
    aucune: ['compte_id', 'cree_le', 'expire_le'],
    colonnes: { id_hash: garder('identifiant'), csrf: garder('identifiant') },
  },
  dispo_historique: {
    personne: 'professionnel',
    finalite: 'Historique des disponibilités déclarées',
    retention: 'compte',
    aucune: ['id', 'structure_id', 'le', 'statut', 'source', 'par_utilisateur_id'],
    colonnes: { details: garder('texte-libre') },
  },
  places_disponibles: {
    personne: 'aucune',
    finalite: 'Places libres',
    retention: 'sans-objet',
    aucune: [
      'id',
      'structure_id',
      'tranche_age',
      'nombre',
      'a_partir_du',
      'jours',
      'heure_debut',
      'heure_fin',
      'horaires_atypiques',
      'urgence',
      'periscolaire',
    ],
    colonnes: {},
  },
  voeux_formation: {
    personne: 'professionnel',
    finalite: 'Souhaits de formation des assistants maternels, groupes et départs en formation',
    retention: 'compte',
    aucune: ['id', 'formation_id', 'structure_id', 'groupe_id', 'statut', 'parti_le', 'cree_le'],
    colonnes: {},
  },
  // Candidates to the métier who sign up to an event: not families, erased by housekeeping after the event.
  inscriptions_evenement: {
    personne: 'professionnel',
    finalite: 'Inscriptions aux événements de promotion du métier',
    retention: 'evenement',
    aucune: ['id', 'evenement_id', 'langue', 'consentement_le', 'cree_le', 'effacee_le'],
    colonnes: { nom: c('identifiant', 'pseudonymiser'), email: c('contact', 'pseudonymiser'), telephone: c('contact', 'vider') },
  },
  exceptions_agenda: {
    personne: 'staff',
    finalite: 'Absences du personnel',
    retention: 'compte',
    aucune: ['id', 'relais_id', 'animatrice_id', 'debut', 'fin'],
    colonnes: { libelle: garder('texte-libre') },
  },
  plages_ouverture: {
    personne: 'aucune',
    finalite: 'Plages d’ouverture de l’agenda',
    retention: 'sans-objet',
    aucune: [
      'id',
      'relais_id',
      'animatrice_id',
      'lieu_id',
      'motif_ids',
      'jours',
      'heure_debut',
      'heure_fin',
      'valide_du',
      'valide_au',
      'delai_minimum_heures',
      'horizon_jours',
      'actif',
      'cree_le',
    ],
    colonnes: {},
  },
  // ── No personal data ───────────────────────────────────────────────
  // The territory's public contacts and its DPO's are those of an institution, published on the portal.
  territoires: {
    personne: 'aucune',
    finalite: 'Territoire',
    retention: 'sans-objet',
    aucune: [
      'id',
      'nom',
      'siren',
      'sources',
      'cree_le',
      'nom_court',
      'contact_email',
      'contact_telephone',
      'contact_adresse',
      'annonce',
      'annonce_debut',
      'annonce_fin',
      'dpo_nom',
      'dpo_email',
      'totp_roles',
    ],
    colonnes: {},
  },
  communes: {
    personne: 'aucune',
    finalite: 'Communes',
    retention: 'sans-objet',
    aucune: ['code', 'territoire_id', 'nom', 'codes_postaux', 'population', 'centre_lon', 'centre_lat', 'contour', 'epci_siren'],
    colonnes: {},
  },
  relais: {
    personne: 'aucune',
    finalite: 'Relais petite enfance',
    retention: 'sans-objet',
    aucune: [
      'id',
      'territoire_id',
      'slug',
      'nom',
      'email',
      'telephone',
      'adresse',
      'site_web',
      'delai_premier_contact_jours',
      'cree_le',
      'horaires_publics',
      'ferme_le',
    ],
    colonnes: {},
  },
  secteurs: { personne: 'aucune', finalite: 'Secteurs des relais', retention: 'sans-objet', aucune: ['id', 'relais_id', 'nom'], colonnes: {} },
  lieux: {
    personne: 'aucune',
    finalite: 'Lieux d’accueil du public',
    retention: 'sans-objet',
    aucune: ['id', 'relais_id', 'secteur_id', 'nom', 'adresse', 'code_postal', 'commune_code', 'lat', 'lon', 'horaires', 'acces', 'telephone', 'ferme_le'],
    colonnes: {},
  },
  fermetures_lieux: {
    personne: 'aucune',
    finalite: 'Fermetures des lieux d’accueil du public',
    retention: 'sans-objet',
    aucune: ['id', 'lieu_id', 'debut', 'fin', 'motif'],
    colonnes: {},
  },
  adhesions: {
    personne: 'aucune',
    finalite: 'Communes membres d’un relais',
    retention: 'sans-objet',
    aucune: ['id', 'commune_code', 'relais_id', 'secteur_id', 'debut', 'fin'],
    colonnes: {},
  },
  motifs_rdv: {
    personne: 'aucune',
    finalite: 'Motifs de rendez-vous',
    retention: 'sans-objet',
    aucune: ['id', 'relais_id', 'nom', 'cle', 'duree_minutes', 'modes', 'reservable_en_ligne', 'public', 'actif', 'ordre'],
    colonnes: {},
  },
  reunions_info: {
    personne: 'aucune',
    finalite: 'Réunions d’information',
    retention: 'sans-objet',
    aucune: [
      'id',
      'relais_id',
      'titre',
      'description',
      'public',
      'debut',
      'fin',
      'lieu_id',
      'lien_visio',
      'capacite',
      'annulee',
      'rappel_envoye_le',
      'cree_le',
    ],
    colonnes: {},
  },
  // Ateliers d'éveil and analyse de la pratique (issue 18): who came, never what was said.
  ateliers: {
    personne: 'aucune',
    finalite: 'Programme des ateliers d’éveil',
    retention: 'sans-objet',
    aucune: [
      'id',
      'relais_id',
      'lieu_id',
      'theme',
      'description',
      'age_min_mois',
      'age_max_mois',
      'places_pro',
      'places_enfants',
      'reglement',
      'ouvert_a_tous',
      'frequence',
      'cree_par_id',
      'cree_le',
    ],
    colonnes: {},
  },
  seances_atelier: {
    personne: 'aucune',
    finalite: 'Séances des ateliers d’éveil',
    retention: 'sans-objet',
    aucune: ['id', 'atelier_id', 'debut', 'fin', 'places_pro', 'places_enfants', 'pris_pro', 'pris_enfants', 'annulee'],
    colonnes: {},
  },
  inscriptions_atelier: {
    personne: 'professionnel',
    finalite: 'Inscriptions et présences des professionnels aux ateliers d’éveil',
    retention: 'compte',
    aucune: [
      'id',
      'seance_id',
      'structure_id',
      'enfants',
      'statut',
      'reglement_accepte_le',
      'cree_le',
      'annulee_le',
      'promue_le',
      'presence',
      'enfants_presents',
      'rappel_envoye_le',
    ],
    colonnes: {},
  },
  groupes_analyse_pratique: {
    personne: 'aucune',
    finalite: 'Groupes d’analyse de la pratique (intervenant extérieur)',
    retention: 'sans-objet',
    aucune: ['id', 'relais_id', 'nom', 'intervenant_qualite', 'lieu_id', 'annee', 'membres', 'cree_le'],
    colonnes: { intervenant_nom: garder('identifiant') },
  },
  volontaires_analyse_pratique: {
    personne: 'professionnel',
    finalite: 'Volontaires de l’analyse de la pratique',
    retention: 'compte',
    aucune: ['id', 'relais_id', 'structure_id', 'annee', 'groupe_id', 'cree_le'],
    colonnes: {},
  },
  seances_analyse_pratique: {
    personne: 'aucune',
    finalite: 'Séances d’analyse de la pratique (aucun contenu)',
    retention: 'sans-objet',
    aucune: ['id', 'groupe_id', 'jour', 'debut', 'fin'],
    colonnes: {},
  },
  presences_analyse_pratique: {
    personne: 'professionnel',
    finalite: 'Présences à l’analyse de la pratique',
    retention: 'compte',
    aucune: ['seance_id', 'structure_id'],
    colonnes: {},
  },
  formations: {
    personne: 'aucune',
    finalite: 'Catalogue de formations continues',
    retention: 'sans-objet',
    aucune: ['id', 'relais_id', 'titre', 'organisme', 'debut', 'fin', 'lieu', 'financement', 'places', 'cree_le'],
    colonnes: {},
  },
  groupes_formation: {
    personne: 'aucune',
    finalite: 'Groupes d’inscription collective en formation',
    retention: 'sans-objet',
    aucune: ['id', 'formation_id', 'nom', 'cree_le'],
    colonnes: {},
  },
  evenements_metier: {
    personne: 'aucune',
    finalite: 'Événements de promotion du métier',
    retention: 'sans-objet',
    aucune: ['id', 'relais_id', 'type', 'titre', 'description', 'debut', 'fin', 'lieu_id', 'adresse', 'capacite', 'annule', 'cree_le'],
    colonnes: {},
  },
  executions_taches: {
    personne: 'aucune',
    finalite: 'Tâches planifiées',
    retention: 'sans-objet',
    aucune: ['tache', 'periode', 'debut_le', 'fin_le', 'resultat'],
    colonnes: {},
  },
  comptes_questionnaire: {
    personne: 'aucune',
    finalite: 'Comptage anonyme des questionnaires',
    retention: 'sans-objet',
    aucune: ['commune_code', 'mois', 'nombre'],
    colonnes: {},
  },
  grilles_points: {
    personne: 'aucune',
    finalite: 'Grille de points des places en crèche, version par version',
    retention: 'sans-objet',
    aucune: ['id', 'territoire_id', 'version', 'adoptee_le', 'source', 'criteres', 'cree_le'],
    colonnes: {},
  },
  sessions_commission: {
    personne: 'aucune',
    finalite: 'Sessions de la commission d’attribution des places en crèche',
    retention: 'sans-objet',
    aucune: ['id', 'territoire_id', 'le', 'debut_accueil', 'grille_id', 'graine', 'statut', 'close_le', 'pv_publie_le', 'cree_par_id', 'cree_le'],
    colonnes: {},
  },
  places_commission: {
    personne: 'aucune',
    finalite: 'Places à attribuer par crèche et tranche d’âge',
    retention: 'sans-objet',
    aucune: ['id', 'session_id', 'structure_id', 'tranche', 'nombre'],
    colonnes: {},
  },
  amorcage: { personne: 'aucune', finalite: 'Données de démonstration', retention: 'sans-objet', aucune: ['cle', 'fait_le', 'details'], colonnes: {} },
};

/** Columns of `table` that erasing a family treats with `effet`. */
export function colonnesAvecEffet(table: string, effet: Effet): string[] {
  const t = REGISTRE[table];
  if (!t) throw new Error(`Table ${table} absente du registre des données personnelles`);
  return Object.entries(t.colonnes)
    .filter(([, x]) => x.effet === effet)
    .map(([nom]) => nom);
}

/** Columns holding health data, table by table (erased first, shown only to the relais). */
export function colonnesSante(): { table: string; colonne: string }[] {
  return Object.entries(REGISTRE).flatMap(([table, t]) =>
    Object.entries(t.colonnes)
      .filter(([, x]) => x.categorie === 'sante')
      .map(([colonne]) => ({ table, colonne })),
  );
}

/** Categories of data held about families, with the tables that hold them (the personal-data page). */
export function categoriesFamille(): { categorie: Categorie; tables: string[] }[] {
  const parCat = new Map<Categorie, Set<string>>();
  for (const [nom, t] of Object.entries(REGISTRE)) {
    if (t.personne !== 'famille') continue;
    for (const x of Object.values(t.colonnes)) {
      if (x.categorie === 'aucune') continue;
      if (!parCat.has(x.categorie)) parCat.set(x.categorie, new Set());
      parCat.get(x.categorie)!.add(nom);
    }
  }
  return [...parCat].map(([categorie, tables]) => ({ categorie, tables: [...tables] }));
}

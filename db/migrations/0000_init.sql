CREATE TYPE "public"."role_staff" AS ENUM('admin', 'animatrice', 'commune');--> statement-breakpoint
CREATE TYPE "public"."dispo_statut" AS ENUM('places', 'complet', 'inconnu');--> statement-breakpoint
CREATE TYPE "public"."financement" AS ENUM('psu', 'paje', 'autre');--> statement-breakpoint
CREATE TYPE "public"."position_publique" AS ENUM('exacte', 'commune', 'floue');--> statement-breakpoint
CREATE TYPE "public"."tranche_age" AS ENUM('bebe', 'marcheur', 'grand', 'periscolaire');--> statement-breakpoint
CREATE TYPE "public"."type_structure" AS ENUM('creche', 'micro-creche', 'mam', 'assistant-maternel', 'garde-a-domicile', 'periscolaire');--> statement-breakpoint
CREATE TYPE "public"."canal_contact" AS ENUM('telephone', 'email', 'sms', 'accueil-physique', 'visio', 'courrier', 'rdv');--> statement-breakpoint
CREATE TYPE "public"."canal_demande" AS ENUM('en-ligne', 'telephone', 'accueil-physique', 'mail', 'partenaire');--> statement-breakpoint
CREATE TYPE "public"."etat_demande" AS ENUM('nouvelle', 'en-cours', 'solution-proposee', 'mise-en-relation', 'solution-trouvee', 'sans-solution', 'abandonnee', 'hors-territoire');--> statement-breakpoint
CREATE TYPE "public"."type_solution" AS ENUM('eaje', 'micro-creche', 'am', 'mam', 'garde-a-domicile', 'periscolaire', 'autre');--> statement-breakpoint
CREATE SEQUENCE "public"."demande_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "adhesions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commune_code" text NOT NULL,
	"relais_id" uuid NOT NULL,
	"secteur_id" uuid,
	"debut" date NOT NULL,
	"fin" date,
	CONSTRAINT "adhesions_dates_ck" CHECK ("adhesions"."fin" is null or "adhesions"."fin" > "adhesions"."debut")
);
--> statement-breakpoint
CREATE TABLE "communes" (
	"code" text PRIMARY KEY NOT NULL,
	"territoire_id" text NOT NULL,
	"nom" text NOT NULL,
	"codes_postaux" text[] DEFAULT '{}'::text[] NOT NULL,
	"population" integer,
	"centre_lon" double precision NOT NULL,
	"centre_lat" double precision NOT NULL,
	"contour" jsonb
);
--> statement-breakpoint
CREATE TABLE "lieux" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relais_id" uuid NOT NULL,
	"secteur_id" uuid,
	"nom" text NOT NULL,
	"adresse" text NOT NULL,
	"code_postal" text NOT NULL,
	"commune_code" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"horaires" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"acces" text,
	"telephone" text
);
--> statement-breakpoint
CREATE TABLE "relais" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territoire_id" text NOT NULL,
	"slug" text NOT NULL,
	"nom" text NOT NULL,
	"email" text,
	"telephone" text,
	"adresse" text,
	"site_web" text,
	"delai_premier_contact_jours" integer DEFAULT 15 NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relais_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "secteurs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relais_id" uuid NOT NULL,
	"nom" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "territoires" (
	"id" text PRIMARY KEY NOT NULL,
	"nom" text NOT NULL,
	"siren" text,
	"sources" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jetons" (
	"hash" text PRIMARY KEY NOT NULL,
	"usage" text NOT NULL,
	"sujet_id" text NOT NULL,
	"donnees" jsonb,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"expire_le" timestamp with time zone NOT NULL,
	"utilise_le" timestamp with time zone,
	"reutilisable" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_audit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL,
	"utilisateur_id" uuid,
	"action" text NOT NULL,
	"objet_type" text NOT NULL,
	"objet_id" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"csrf" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"vu_le" timestamp with time zone DEFAULT now() NOT NULL,
	"expire_le" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tentatives_connexion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cle" text NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "utilisateurs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"nom" text NOT NULL,
	"mot_de_passe_hash" text NOT NULL,
	"role" "role_staff" NOT NULL,
	"relais_id" uuid,
	"secteur_id" uuid,
	"commune_code" text,
	"actif" boolean DEFAULT true NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"derniere_connexion_le" timestamp with time zone,
	CONSTRAINT "utilisateurs_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "comptes_pro" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" uuid NOT NULL,
	"email" text,
	"code_court" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"derniere_connexion_le" timestamp with time zone,
	CONSTRAINT "comptes_pro_code_court_unique" UNIQUE("code_court")
);
--> statement-breakpoint
CREATE TABLE "dispo_historique" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" uuid NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL,
	"statut" "dispo_statut" NOT NULL,
	"source" text NOT NULL,
	"par_utilisateur_id" uuid,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "places_disponibles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"structure_id" uuid NOT NULL,
	"tranche_age" "tranche_age" NOT NULL,
	"nombre" integer DEFAULT 1 NOT NULL,
	"a_partir_du" date NOT NULL,
	"jours" integer[],
	"heure_debut" text,
	"heure_fin" text,
	"horaires_atypiques" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"urgence" boolean DEFAULT false NOT NULL,
	"periscolaire" boolean DEFAULT false NOT NULL,
	CONSTRAINT "places_nombre_ck" CHECK ("places_disponibles"."nombre" > 0)
);
--> statement-breakpoint
CREATE TABLE "structures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "type_structure" NOT NULL,
	"nom" text NOT NULL,
	"prenom" text,
	"nom_famille" text,
	"commune_code" text NOT NULL,
	"adresse" text,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"position_publique" "position_publique" DEFAULT 'exacte' NOT NULL,
	"lat_publique" double precision NOT NULL,
	"lon_publique" double precision NOT NULL,
	"capacite" integer NOT NULL,
	"age_min_mois" integer DEFAULT 0 NOT NULL,
	"age_max_mois" integer DEFAULT 72 NOT NULL,
	"horaires" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"horaires_atypiques" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"accueil_urgence" boolean DEFAULT false NOT NULL,
	"handicap_accueilli" boolean DEFAULT false NOT NULL,
	"financement" "financement",
	"gestionnaire" text,
	"telephone" text,
	"email" text,
	"site_web" text,
	"agrement" text,
	"publication" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"visible" boolean DEFAULT true NOT NULL,
	"actif" boolean DEFAULT true NOT NULL,
	"dispo_statut" "dispo_statut" DEFAULT 'inconnu' NOT NULL,
	"dispo_confirmee_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "structures_agrement_unique" UNIQUE("agrement"),
	CONSTRAINT "structures_capacite_ck" CHECK ("structures"."capacite" >= 0),
	CONSTRAINT "structures_ages_ck" CHECK ("structures"."age_min_mois" <= "structures"."age_max_mois")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demande_id" uuid NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL,
	"canal" "canal_contact" NOT NULL,
	"sens" text DEFAULT 'sortant' NOT NULL,
	"par_utilisateur_id" uuid,
	"issue" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "demande_historique" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demande_id" uuid NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL,
	"transition" text NOT NULL,
	"de" "etat_demande",
	"vers" "etat_demande" NOT NULL,
	"par_utilisateur_id" uuid,
	"par_famille" boolean DEFAULT false NOT NULL,
	"motif" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "demandes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"territoire_id" text NOT NULL,
	"relais_id" uuid,
	"secteur_id" uuid,
	"commune_code" text NOT NULL,
	"etat" "etat_demande" DEFAULT 'nouvelle' NOT NULL,
	"etat_depuis" timestamp with time zone DEFAULT now() NOT NULL,
	"type_solution" "type_solution",
	"canal" "canal_demande" DEFAULT 'en-ligne' NOT NULL,
	"langue" text DEFAULT 'fr' NOT NULL,
	"parents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"email" text,
	"telephone" text,
	"canal_prefere" text DEFAULT 'email' NOT NULL,
	"adresse" text,
	"date_debut" date NOT NULL,
	"planning" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"regularite" text DEFAULT 'reguliere' NOT NULL,
	"horaires_atypiques" boolean DEFAULT false NOT NULL,
	"urgence" boolean DEFAULT false NOT NULL,
	"urgence_motif" text,
	"handicap" boolean DEFAULT false NOT NULL,
	"handicap_precisions" text,
	"periscolaire" boolean DEFAULT false NOT NULL,
	"modes_souhaites" text[] DEFAULT '{}'::text[] NOT NULL,
	"communes_acceptees" text[] DEFAULT '{}'::text[] NOT NULL,
	"interprete_langue" text,
	"besoins_accessibilite" text,
	"commentaire" text,
	"age_mois_au_debut" integer,
	"consentement_contact" boolean DEFAULT false NOT NULL,
	"consentement_partage" boolean DEFAULT false NOT NULL,
	"consentement_le" timestamp with time zone,
	"assignee_id" uuid,
	"suivi_token_hash" text,
	"idempotency_key" text,
	"doublon_possible_de_id" uuid,
	"cree_par_id" uuid,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"premier_contact_le" timestamp with time zone,
	"solution_le" timestamp with time zone,
	"cloture_le" timestamp with time zone,
	"anonymisee_le" timestamp with time zone,
	CONSTRAINT "demandes_reference_unique" UNIQUE("reference"),
	CONSTRAINT "demandes_suivi_token_hash_unique" UNIQUE("suivi_token_hash"),
	CONSTRAINT "demandes_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "enfants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demande_id" uuid NOT NULL,
	"ordre" integer DEFAULT 0 NOT NULL,
	"prenom" text,
	"date_naissance" date,
	"naissance_prevue" date
);
--> statement-breakpoint
CREATE TABLE "mises_en_relation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demande_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL,
	"par_utilisateur_id" uuid,
	"issue" text DEFAULT 'en-attente' NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demande_id" uuid NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL,
	"par_utilisateur_id" uuid,
	"texte" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "amorcage" (
	"cle" text PRIMARY KEY NOT NULL,
	"fait_le" timestamp with time zone DEFAULT now() NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "comptes_questionnaire" (
	"commune_code" text NOT NULL,
	"mois" date NOT NULL,
	"nombre" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "comptes_questionnaire_commune_code_mois_pk" PRIMARY KEY("commune_code","mois")
);
--> statement-breakpoint
CREATE TABLE "courriels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"destinataire" text NOT NULL,
	"sujet" text NOT NULL,
	"texte" text NOT NULL,
	"html" text,
	"pieces_jointes" jsonb,
	"type" text NOT NULL,
	"langue" text DEFAULT 'fr' NOT NULL,
	"objet_type" text,
	"objet_id" text,
	"statut" text DEFAULT 'a-envoyer' NOT NULL,
	"tentatives" integer DEFAULT 0 NOT NULL,
	"prochaine_tentative_le" timestamp with time zone DEFAULT now() NOT NULL,
	"derniere_erreur" text,
	"envoye_le" timestamp with time zone,
	"message_id" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "executions_taches" (
	"tache" text NOT NULL,
	"periode" text NOT NULL,
	"debut_le" timestamp with time zone DEFAULT now() NOT NULL,
	"fin_le" timestamp with time zone,
	"resultat" jsonb,
	CONSTRAINT "executions_taches_tache_periode_pk" PRIMARY KEY("tache","periode")
);
--> statement-breakpoint
ALTER TABLE "adhesions" ADD CONSTRAINT "adhesions_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adhesions" ADD CONSTRAINT "adhesions_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adhesions" ADD CONSTRAINT "adhesions_secteur_id_secteurs_id_fk" FOREIGN KEY ("secteur_id") REFERENCES "public"."secteurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communes" ADD CONSTRAINT "communes_territoire_id_territoires_id_fk" FOREIGN KEY ("territoire_id") REFERENCES "public"."territoires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lieux" ADD CONSTRAINT "lieux_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lieux" ADD CONSTRAINT "lieux_secteur_id_secteurs_id_fk" FOREIGN KEY ("secteur_id") REFERENCES "public"."secteurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lieux" ADD CONSTRAINT "lieux_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais" ADD CONSTRAINT "relais_territoire_id_territoires_id_fk" FOREIGN KEY ("territoire_id") REFERENCES "public"."territoires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secteurs" ADD CONSTRAINT "secteurs_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_audit" ADD CONSTRAINT "journal_audit_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD CONSTRAINT "utilisateurs_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD CONSTRAINT "utilisateurs_secteur_id_secteurs_id_fk" FOREIGN KEY ("secteur_id") REFERENCES "public"."secteurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD CONSTRAINT "utilisateurs_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comptes_pro" ADD CONSTRAINT "comptes_pro_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispo_historique" ADD CONSTRAINT "dispo_historique_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places_disponibles" ADD CONSTRAINT "places_disponibles_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structures" ADD CONSTRAINT "structures_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_demande_id_demandes_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_par_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("par_utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demande_historique" ADD CONSTRAINT "demande_historique_demande_id_demandes_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demande_historique" ADD CONSTRAINT "demande_historique_par_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("par_utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes" ADD CONSTRAINT "demandes_territoire_id_territoires_id_fk" FOREIGN KEY ("territoire_id") REFERENCES "public"."territoires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes" ADD CONSTRAINT "demandes_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes" ADD CONSTRAINT "demandes_secteur_id_secteurs_id_fk" FOREIGN KEY ("secteur_id") REFERENCES "public"."secteurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes" ADD CONSTRAINT "demandes_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes" ADD CONSTRAINT "demandes_assignee_id_utilisateurs_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demandes" ADD CONSTRAINT "demandes_cree_par_id_utilisateurs_id_fk" FOREIGN KEY ("cree_par_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enfants" ADD CONSTRAINT "enfants_demande_id_demandes_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mises_en_relation" ADD CONSTRAINT "mises_en_relation_demande_id_demandes_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mises_en_relation" ADD CONSTRAINT "mises_en_relation_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mises_en_relation" ADD CONSTRAINT "mises_en_relation_par_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("par_utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_demande_id_demandes_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_par_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("par_utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adhesions_commune_idx" ON "adhesions" USING btree ("commune_code","debut");--> statement-breakpoint
CREATE INDEX "communes_territoire_idx" ON "communes" USING btree ("territoire_id");--> statement-breakpoint
CREATE UNIQUE INDEX "secteurs_relais_nom_uq" ON "secteurs" USING btree ("relais_id","nom");--> statement-breakpoint
CREATE INDEX "jetons_sujet_idx" ON "jetons" USING btree ("usage","sujet_id");--> statement-breakpoint
CREATE INDEX "audit_objet_idx" ON "journal_audit" USING btree ("objet_type","objet_id");--> statement-breakpoint
CREATE INDEX "audit_le_idx" ON "journal_audit" USING btree ("le");--> statement-breakpoint
CREATE INDEX "sessions_utilisateur_idx" ON "sessions" USING btree ("utilisateur_id");--> statement-breakpoint
CREATE INDEX "tentatives_cle_le_idx" ON "tentatives_connexion" USING btree ("cle","le");--> statement-breakpoint
CREATE INDEX "comptes_pro_email_idx" ON "comptes_pro" USING btree ("email");--> statement-breakpoint
CREATE INDEX "dispo_hist_structure_idx" ON "dispo_historique" USING btree ("structure_id","le");--> statement-breakpoint
CREATE INDEX "places_structure_idx" ON "places_disponibles" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "structures_commune_idx" ON "structures" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "structures_type_idx" ON "structures" USING btree ("type");--> statement-breakpoint
CREATE INDEX "contacts_demande_idx" ON "contacts" USING btree ("demande_id","le");--> statement-breakpoint
CREATE INDEX "demande_hist_demande_idx" ON "demande_historique" USING btree ("demande_id","le");--> statement-breakpoint
CREATE INDEX "demandes_relais_etat_idx" ON "demandes" USING btree ("relais_id","etat","cree_le","id");--> statement-breakpoint
CREATE INDEX "demandes_relais_cree_idx" ON "demandes" USING btree ("relais_id","cree_le","id");--> statement-breakpoint
CREATE INDEX "demandes_commune_idx" ON "demandes" USING btree ("commune_code","cree_le");--> statement-breakpoint
CREATE INDEX "demandes_email_idx" ON "demandes" USING btree ("email");--> statement-breakpoint
CREATE INDEX "enfants_demande_idx" ON "enfants" USING btree ("demande_id");--> statement-breakpoint
CREATE INDEX "mer_demande_idx" ON "mises_en_relation" USING btree ("demande_id");--> statement-breakpoint
CREATE INDEX "mer_le_idx" ON "mises_en_relation" USING btree ("le");--> statement-breakpoint
CREATE INDEX "amorcage_fait_idx" ON "amorcage" USING btree ("fait_le");--> statement-breakpoint
CREATE INDEX "courriels_a_envoyer_idx" ON "courriels" USING btree ("statut","prochaine_tentative_le");--> statement-breakpoint
CREATE INDEX "courriels_objet_idx" ON "courriels" USING btree ("objet_type","objet_id");
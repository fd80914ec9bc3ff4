CREATE TYPE "public"."mode_rdv" AS ENUM('sur-place', 'telephone', 'visio');--> statement-breakpoint
CREATE TYPE "public"."public_rdv" AS ENUM('famille', 'am');--> statement-breakpoint
CREATE TYPE "public"."statut_rdv" AS ENUM('reserve', 'honore', 'absent', 'excuse', 'annule');--> statement-breakpoint
CREATE TABLE "exceptions_agenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relais_id" uuid NOT NULL,
	"animatrice_id" uuid,
	"debut" timestamp with time zone NOT NULL,
	"fin" timestamp with time zone NOT NULL,
	"libelle" text NOT NULL,
	CONSTRAINT "exceptions_dates_ck" CHECK ("exceptions_agenda"."fin" > "exceptions_agenda"."debut")
);
--> statement-breakpoint
CREATE TABLE "inscriptions_reunion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reunion_id" uuid NOT NULL,
	"nom" text NOT NULL,
	"email" text NOT NULL,
	"telephone" text,
	"places" integer DEFAULT 1 NOT NULL,
	"profil" "public_rdv" DEFAULT 'famille' NOT NULL,
	"langue" text DEFAULT 'fr' NOT NULL,
	"demande_id" uuid,
	"structure_id" uuid,
	"gestion_token_hash" text,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"annulee_le" timestamp with time zone,
	"presence" text,
	"rappel_envoye_le" timestamp with time zone,
	CONSTRAINT "inscriptions_reunion_gestion_token_hash_unique" UNIQUE("gestion_token_hash"),
	CONSTRAINT "inscriptions_places_ck" CHECK ("inscriptions_reunion"."places" between 1 and 5),
	CONSTRAINT "inscriptions_presence_ck" CHECK ("inscriptions_reunion"."presence" is null or "inscriptions_reunion"."presence" in ('present', 'absent'))
);
--> statement-breakpoint
CREATE TABLE "motifs_rdv" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relais_id" uuid NOT NULL,
	"nom" text NOT NULL,
	"cle" text,
	"duree_minutes" integer NOT NULL,
	"modes" "mode_rdv"[] NOT NULL,
	"reservable_en_ligne" boolean DEFAULT true NOT NULL,
	"public" "public_rdv" DEFAULT 'famille' NOT NULL,
	"actif" boolean DEFAULT true NOT NULL,
	"ordre" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "motifs_rdv_duree_ck" CHECK ("motifs_rdv"."duree_minutes" between 5 and 480)
);
--> statement-breakpoint
CREATE TABLE "plages_ouverture" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relais_id" uuid NOT NULL,
	"animatrice_id" uuid NOT NULL,
	"lieu_id" uuid,
	"motif_ids" uuid[] NOT NULL,
	"jours" integer[] NOT NULL,
	"heure_debut" text NOT NULL,
	"heure_fin" text NOT NULL,
	"valide_du" date NOT NULL,
	"valide_au" date,
	"delai_minimum_heures" integer DEFAULT 24 NOT NULL,
	"horizon_jours" integer DEFAULT 56 NOT NULL,
	"actif" boolean DEFAULT true NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plages_heures_ck" CHECK ("plages_ouverture"."heure_debut" ~ '^[0-2][0-9]:[0-5][0-9]$' and "plages_ouverture"."heure_fin" ~ '^[0-2][0-9]:[0-5][0-9]$' and "plages_ouverture"."heure_fin" > "plages_ouverture"."heure_debut"),
	CONSTRAINT "plages_dates_ck" CHECK ("plages_ouverture"."valide_au" is null or "plages_ouverture"."valide_au" >= "plages_ouverture"."valide_du")
);
--> statement-breakpoint
CREATE TABLE "rdvs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relais_id" uuid NOT NULL,
	"animatrice_id" uuid NOT NULL,
	"lieu_id" uuid,
	"motif_id" uuid NOT NULL,
	"mode" "mode_rdv" NOT NULL,
	"debut" timestamp with time zone NOT NULL,
	"fin" timestamp with time zone NOT NULL,
	"demande_id" uuid,
	"structure_id" uuid,
	"statut" "statut_rdv" DEFAULT 'reserve' NOT NULL,
	"statut_le" timestamp with time zone DEFAULT now() NOT NULL,
	"par_famille" boolean DEFAULT false NOT NULL,
	"cree_par_id" uuid,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"gestion_token_hash" text,
	"langue" text DEFAULT 'fr' NOT NULL,
	"email" text,
	"telephone" text,
	"nom_contact" text,
	"note" text,
	"nb_deplacements" integer DEFAULT 0 NOT NULL,
	"rappel_envoye_le" timestamp with time zone,
	"sms_texte" text,
	"annule_le" timestamp with time zone,
	"annule_par_famille" boolean,
	CONSTRAINT "rdvs_gestion_token_hash_unique" UNIQUE("gestion_token_hash"),
	CONSTRAINT "rdvs_dates_ck" CHECK ("rdvs"."fin" > "rdvs"."debut"),
	CONSTRAINT "rdvs_rattachement_ck" CHECK ("rdvs"."demande_id" is not null or "rdvs"."structure_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "reunions_info" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relais_id" uuid NOT NULL,
	"titre" text NOT NULL,
	"description" text,
	"public" "public_rdv" DEFAULT 'famille' NOT NULL,
	"debut" timestamp with time zone NOT NULL,
	"fin" timestamp with time zone NOT NULL,
	"lieu_id" uuid,
	"lien_visio" text,
	"capacite" integer NOT NULL,
	"annulee" boolean DEFAULT false NOT NULL,
	"rappel_envoye_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reunions_dates_ck" CHECK ("reunions_info"."fin" > "reunions_info"."debut"),
	CONSTRAINT "reunions_capacite_ck" CHECK ("reunions_info"."capacite" > 0)
);
--> statement-breakpoint
ALTER TABLE "exceptions_agenda" ADD CONSTRAINT "exceptions_agenda_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exceptions_agenda" ADD CONSTRAINT "exceptions_agenda_animatrice_id_utilisateurs_id_fk" FOREIGN KEY ("animatrice_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inscriptions_reunion" ADD CONSTRAINT "inscriptions_reunion_reunion_id_reunions_info_id_fk" FOREIGN KEY ("reunion_id") REFERENCES "public"."reunions_info"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inscriptions_reunion" ADD CONSTRAINT "inscriptions_reunion_demande_id_demandes_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inscriptions_reunion" ADD CONSTRAINT "inscriptions_reunion_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motifs_rdv" ADD CONSTRAINT "motifs_rdv_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plages_ouverture" ADD CONSTRAINT "plages_ouverture_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plages_ouverture" ADD CONSTRAINT "plages_ouverture_animatrice_id_utilisateurs_id_fk" FOREIGN KEY ("animatrice_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plages_ouverture" ADD CONSTRAINT "plages_ouverture_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rdvs" ADD CONSTRAINT "rdvs_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rdvs" ADD CONSTRAINT "rdvs_animatrice_id_utilisateurs_id_fk" FOREIGN KEY ("animatrice_id") REFERENCES "public"."utilisateurs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rdvs" ADD CONSTRAINT "rdvs_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rdvs" ADD CONSTRAINT "rdvs_motif_id_motifs_rdv_id_fk" FOREIGN KEY ("motif_id") REFERENCES "public"."motifs_rdv"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rdvs" ADD CONSTRAINT "rdvs_demande_id_demandes_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rdvs" ADD CONSTRAINT "rdvs_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rdvs" ADD CONSTRAINT "rdvs_cree_par_id_utilisateurs_id_fk" FOREIGN KEY ("cree_par_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reunions_info" ADD CONSTRAINT "reunions_info_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reunions_info" ADD CONSTRAINT "reunions_info_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exceptions_relais_idx" ON "exceptions_agenda" USING btree ("relais_id","debut");--> statement-breakpoint
CREATE INDEX "inscriptions_reunion_idx" ON "inscriptions_reunion" USING btree ("reunion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inscriptions_reunion_email_uq" ON "inscriptions_reunion" USING btree ("reunion_id","email") WHERE "inscriptions_reunion"."annulee_le" is null;--> statement-breakpoint
CREATE INDEX "motifs_rdv_relais_idx" ON "motifs_rdv" USING btree ("relais_id");--> statement-breakpoint
CREATE INDEX "plages_relais_idx" ON "plages_ouverture" USING btree ("relais_id");--> statement-breakpoint
CREATE INDEX "plages_animatrice_idx" ON "plages_ouverture" USING btree ("animatrice_id");--> statement-breakpoint
CREATE INDEX "rdvs_animatrice_debut_idx" ON "rdvs" USING btree ("animatrice_id","debut");--> statement-breakpoint
CREATE INDEX "rdvs_relais_debut_idx" ON "rdvs" USING btree ("relais_id","debut");--> statement-breakpoint
CREATE INDEX "rdvs_demande_idx" ON "rdvs" USING btree ("demande_id");--> statement-breakpoint
CREATE INDEX "rdvs_rappel_idx" ON "rdvs" USING btree ("debut") WHERE "rdvs"."statut" = 'reserve' and "rdvs"."rappel_envoye_le" is null;--> statement-breakpoint
CREATE INDEX "reunions_debut_idx" ON "reunions_info" USING btree ("debut");
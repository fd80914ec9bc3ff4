ALTER TYPE "public"."role_staff" ADD VALUE 'gestionnaire-creche';--> statement-breakpoint
CREATE TABLE "candidatures_creche" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demande_id" uuid NOT NULL,
	"voeux" uuid[] NOT NULL,
	"date_debut" date NOT NULL,
	"planning" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tranche" text NOT NULL,
	"situation" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"statut" text DEFAULT 'active' NOT NULL,
	"deposee_le" date NOT NULL,
	"confirmee_le" timestamp with time zone DEFAULT now() NOT NULL,
	"rappel_confirmation_le" timestamp with time zone,
	"sans_solution_depuis" timestamp with time zone,
	"dernier_contact_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidatures_creche_statut_ck" CHECK ("candidatures_creche"."statut" in ('active', 'placee', 'refus-offre', 'caduque', 'retiree')),
	CONSTRAINT "candidatures_creche_tranche_ck" CHECK ("candidatures_creche"."tranche" in ('bebe', 'marcheur', 'grand'))
);
--> statement-breakpoint
CREATE TABLE "grilles_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territoire_id" text NOT NULL,
	"version" integer NOT NULL,
	"adoptee_le" date NOT NULL,
	"source" text NOT NULL,
	"criteres" jsonb NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places_commission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"tranche" text NOT NULL,
	"nombre" integer NOT NULL,
	CONSTRAINT "places_commission_tranche_ck" CHECK ("places_commission"."tranche" in ('bebe', 'marcheur', 'grand')),
	CONSTRAINT "places_commission_nombre_ck" CHECK ("places_commission"."nombre" >= 0)
);
--> statement-breakpoint
CREATE TABLE "propositions_creche" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"candidature_id" uuid NOT NULL,
	"structure_id" uuid,
	"tranche" text NOT NULL,
	"notes" jsonb NOT NULL,
	"voeux" uuid[] NOT NULL,
	"rang_tirage" integer NOT NULL,
	"origine" text DEFAULT 'algorithme' NOT NULL,
	"motif_derogation" text,
	"statut" text NOT NULL,
	"echeance" date,
	"offerte_le" timestamp with time zone,
	"repondu_le" timestamp with time zone,
	"contrat_le" timestamp with time zone,
	CONSTRAINT "propositions_creche_statut_ck" CHECK ("propositions_creche"."statut" in ('proposee', 'sans-place', 'offerte', 'acceptee', 'refusee', 'expiree', 'remplacee')),
	CONSTRAINT "propositions_creche_origine_ck" CHECK ("propositions_creche"."origine" in ('algorithme', 'derogation', 'liste-attente')),
	CONSTRAINT "propositions_creche_tranche_ck" CHECK ("propositions_creche"."tranche" in ('bebe', 'marcheur', 'grand')),
	CONSTRAINT "propositions_creche_derogation_ck" CHECK ("propositions_creche"."origine" <> 'derogation' or length(trim(coalesce("propositions_creche"."motif_derogation", ''))) >= 10)
);
--> statement-breakpoint
CREATE TABLE "sessions_commission" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territoire_id" text NOT NULL,
	"le" date NOT NULL,
	"debut_accueil" date NOT NULL,
	"grille_id" uuid NOT NULL,
	"graine" text NOT NULL,
	"statut" text DEFAULT 'ouverte' NOT NULL,
	"close_le" timestamp with time zone,
	"pv_publie_le" timestamp with time zone,
	"cree_par_id" uuid,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_commission_statut_ck" CHECK ("sessions_commission"."statut" in ('ouverte', 'proposee', 'close'))
);
--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD COLUMN "structure_id" uuid;--> statement-breakpoint
ALTER TABLE "candidatures_creche" ADD CONSTRAINT "candidatures_creche_demande_id_demandes_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grilles_points" ADD CONSTRAINT "grilles_points_territoire_id_territoires_id_fk" FOREIGN KEY ("territoire_id") REFERENCES "public"."territoires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places_commission" ADD CONSTRAINT "places_commission_session_id_sessions_commission_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions_commission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places_commission" ADD CONSTRAINT "places_commission_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propositions_creche" ADD CONSTRAINT "propositions_creche_session_id_sessions_commission_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions_commission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propositions_creche" ADD CONSTRAINT "propositions_creche_candidature_id_candidatures_creche_id_fk" FOREIGN KEY ("candidature_id") REFERENCES "public"."candidatures_creche"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "propositions_creche" ADD CONSTRAINT "propositions_creche_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions_commission" ADD CONSTRAINT "sessions_commission_territoire_id_territoires_id_fk" FOREIGN KEY ("territoire_id") REFERENCES "public"."territoires"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions_commission" ADD CONSTRAINT "sessions_commission_grille_id_grilles_points_id_fk" FOREIGN KEY ("grille_id") REFERENCES "public"."grilles_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions_commission" ADD CONSTRAINT "sessions_commission_cree_par_id_utilisateurs_id_fk" FOREIGN KEY ("cree_par_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "candidatures_creche_demande_uq" ON "candidatures_creche" USING btree ("demande_id");--> statement-breakpoint
CREATE INDEX "candidatures_creche_statut_idx" ON "candidatures_creche" USING btree ("statut");--> statement-breakpoint
CREATE UNIQUE INDEX "grilles_points_version_uq" ON "grilles_points" USING btree ("territoire_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "places_commission_uq" ON "places_commission" USING btree ("session_id","structure_id","tranche");--> statement-breakpoint
CREATE UNIQUE INDEX "propositions_creche_uq" ON "propositions_creche" USING btree ("session_id","candidature_id");--> statement-breakpoint
CREATE INDEX "propositions_creche_structure_idx" ON "propositions_creche" USING btree ("structure_id","statut");--> statement-breakpoint
CREATE INDEX "sessions_commission_le_idx" ON "sessions_commission" USING btree ("territoire_id","le");--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD CONSTRAINT "utilisateurs_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD CONSTRAINT "utilisateurs_gestionnaire_creche_ck" CHECK ("utilisateurs"."role"::text <> 'gestionnaire-creche' or "utilisateurs"."structure_id" is not null);
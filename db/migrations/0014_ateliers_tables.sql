CREATE TABLE "ateliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relais_id" uuid NOT NULL,
	"lieu_id" uuid NOT NULL,
	"theme" text NOT NULL,
	"description" text,
	"age_min_mois" integer DEFAULT 0 NOT NULL,
	"age_max_mois" integer DEFAULT 36 NOT NULL,
	"places_pro" integer NOT NULL,
	"places_enfants" integer NOT NULL,
	"reglement" text NOT NULL,
	"ouvert_a_tous" boolean DEFAULT false NOT NULL,
	"frequence" text NOT NULL,
	"cree_par_id" uuid,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ateliers_frequence_ck" CHECK ("ateliers"."frequence" in ('unique', 'hebdomadaire', 'mensuelle')),
	CONSTRAINT "ateliers_places_ck" CHECK ("ateliers"."places_pro" > 0 and "ateliers"."places_enfants" >= 0),
	CONSTRAINT "ateliers_ages_ck" CHECK ("ateliers"."age_min_mois" >= 0 and "ateliers"."age_min_mois" <= "ateliers"."age_max_mois")
);
--> statement-breakpoint
CREATE TABLE "groupes_analyse_pratique" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relais_id" uuid NOT NULL,
	"nom" text NOT NULL,
	"intervenant_nom" text NOT NULL,
	"intervenant_qualite" text NOT NULL,
	"lieu_id" uuid,
	"annee" integer NOT NULL,
	"membres" integer DEFAULT 0 NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "groupes_ap_membres_ck" CHECK ("groupes_analyse_pratique"."membres" >= 0 and "groupes_analyse_pratique"."membres" <= 15)
);
--> statement-breakpoint
CREATE TABLE "inscriptions_atelier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seance_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"enfants" integer NOT NULL,
	"statut" text NOT NULL,
	"reglement_accepte_le" timestamp with time zone NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"annulee_le" timestamp with time zone,
	"promue_le" timestamp with time zone,
	"presence" text,
	"enfants_presents" integer,
	"rappel_envoye_le" timestamp with time zone,
	CONSTRAINT "inscriptions_atelier_statut_ck" CHECK ("inscriptions_atelier"."statut" in ('inscrite', 'attente', 'annulee')),
	CONSTRAINT "inscriptions_atelier_presence_ck" CHECK ("inscriptions_atelier"."presence" is null or "inscriptions_atelier"."presence" in ('present', 'absent')),
	CONSTRAINT "inscriptions_atelier_enfants_ck" CHECK ("inscriptions_atelier"."enfants" >= 0 and "inscriptions_atelier"."enfants" <= 10),
	CONSTRAINT "inscriptions_atelier_enfants_presents_ck" CHECK ("inscriptions_atelier"."enfants_presents" is null or ("inscriptions_atelier"."enfants_presents" >= 0 and "inscriptions_atelier"."enfants_presents" <= 10))
);
--> statement-breakpoint
CREATE TABLE "presences_analyse_pratique" (
	"seance_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	CONSTRAINT "presences_analyse_pratique_seance_id_structure_id_pk" PRIMARY KEY("seance_id","structure_id")
);
--> statement-breakpoint
CREATE TABLE "seances_analyse_pratique" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"groupe_id" uuid NOT NULL,
	"jour" date NOT NULL,
	"debut" timestamp with time zone NOT NULL,
	"fin" timestamp with time zone NOT NULL,
	CONSTRAINT "seances_ap_dates_ck" CHECK ("seances_analyse_pratique"."fin" > "seances_analyse_pratique"."debut")
);
--> statement-breakpoint
CREATE TABLE "seances_atelier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"atelier_id" uuid NOT NULL,
	"debut" timestamp with time zone NOT NULL,
	"fin" timestamp with time zone NOT NULL,
	"places_pro" integer NOT NULL,
	"places_enfants" integer NOT NULL,
	"pris_pro" integer DEFAULT 0 NOT NULL,
	"pris_enfants" integer DEFAULT 0 NOT NULL,
	"annulee" boolean DEFAULT false NOT NULL,
	CONSTRAINT "seances_atelier_dates_ck" CHECK ("seances_atelier"."fin" > "seances_atelier"."debut"),
	CONSTRAINT "seances_atelier_pro_ck" CHECK ("seances_atelier"."pris_pro" >= 0 and "seances_atelier"."pris_pro" <= "seances_atelier"."places_pro"),
	CONSTRAINT "seances_atelier_enfants_ck" CHECK ("seances_atelier"."pris_enfants" >= 0 and "seances_atelier"."pris_enfants" <= "seances_atelier"."places_enfants")
);
--> statement-breakpoint
CREATE TABLE "volontaires_analyse_pratique" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relais_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"annee" integer NOT NULL,
	"groupe_id" uuid,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ateliers" ADD CONSTRAINT "ateliers_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ateliers" ADD CONSTRAINT "ateliers_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ateliers" ADD CONSTRAINT "ateliers_cree_par_id_utilisateurs_id_fk" FOREIGN KEY ("cree_par_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groupes_analyse_pratique" ADD CONSTRAINT "groupes_analyse_pratique_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groupes_analyse_pratique" ADD CONSTRAINT "groupes_analyse_pratique_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inscriptions_atelier" ADD CONSTRAINT "inscriptions_atelier_seance_id_seances_atelier_id_fk" FOREIGN KEY ("seance_id") REFERENCES "public"."seances_atelier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inscriptions_atelier" ADD CONSTRAINT "inscriptions_atelier_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presences_analyse_pratique" ADD CONSTRAINT "presences_analyse_pratique_seance_id_seances_analyse_pratique_id_fk" FOREIGN KEY ("seance_id") REFERENCES "public"."seances_analyse_pratique"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presences_analyse_pratique" ADD CONSTRAINT "presences_analyse_pratique_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seances_analyse_pratique" ADD CONSTRAINT "seances_analyse_pratique_groupe_id_groupes_analyse_pratique_id_fk" FOREIGN KEY ("groupe_id") REFERENCES "public"."groupes_analyse_pratique"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seances_atelier" ADD CONSTRAINT "seances_atelier_atelier_id_ateliers_id_fk" FOREIGN KEY ("atelier_id") REFERENCES "public"."ateliers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volontaires_analyse_pratique" ADD CONSTRAINT "volontaires_analyse_pratique_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volontaires_analyse_pratique" ADD CONSTRAINT "volontaires_analyse_pratique_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volontaires_analyse_pratique" ADD CONSTRAINT "volontaires_analyse_pratique_groupe_id_groupes_analyse_pratique_id_fk" FOREIGN KEY ("groupe_id") REFERENCES "public"."groupes_analyse_pratique"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ateliers_relais_idx" ON "ateliers" USING btree ("relais_id");--> statement-breakpoint
CREATE INDEX "groupes_ap_relais_idx" ON "groupes_analyse_pratique" USING btree ("relais_id","annee");--> statement-breakpoint
CREATE INDEX "inscriptions_atelier_seance_idx" ON "inscriptions_atelier" USING btree ("seance_id","statut","cree_le");--> statement-breakpoint
CREATE INDEX "inscriptions_atelier_structure_idx" ON "inscriptions_atelier" USING btree ("structure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inscriptions_atelier_active_uq" ON "inscriptions_atelier" USING btree ("seance_id","structure_id") WHERE "inscriptions_atelier"."statut" <> 'annulee';--> statement-breakpoint
CREATE INDEX "seances_ap_groupe_idx" ON "seances_analyse_pratique" USING btree ("groupe_id","debut");--> statement-breakpoint
CREATE INDEX "seances_atelier_atelier_idx" ON "seances_atelier" USING btree ("atelier_id","debut");--> statement-breakpoint
CREATE INDEX "seances_atelier_debut_idx" ON "seances_atelier" USING btree ("debut");--> statement-breakpoint
CREATE UNIQUE INDEX "volontaires_ap_uq" ON "volontaires_analyse_pratique" USING btree ("relais_id","structure_id","annee");--> statement-breakpoint
CREATE INDEX "volontaires_ap_groupe_idx" ON "volontaires_analyse_pratique" USING btree ("groupe_id");
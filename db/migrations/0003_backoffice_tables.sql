CREATE TABLE "offres_relayees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demande_id" uuid NOT NULL,
	"le" timestamp with time zone DEFAULT now() NOT NULL,
	"par_utilisateur_id" uuid,
	"communes" text[] DEFAULT '{}'::text[] NOT NULL,
	"texte" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"demande_id" uuid NOT NULL,
	"type" text NOT NULL,
	"envoyee_le" timestamp with time zone DEFAULT now() NOT NULL,
	"rappel_le" timestamp with time zone,
	"reponse" text,
	"repondu_le" timestamp with time zone,
	"a_traiter_le" timestamp with time zone,
	"traitee_le" timestamp with time zone,
	"traitee_par_id" uuid,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "reponses_offres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offre_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"envoyee_le" timestamp with time zone DEFAULT now() NOT NULL,
	"reponse" text,
	"repondu_le" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "offres_relayees" ADD CONSTRAINT "offres_relayees_demande_id_demandes_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offres_relayees" ADD CONSTRAINT "offres_relayees_par_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("par_utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relances" ADD CONSTRAINT "relances_demande_id_demandes_id_fk" FOREIGN KEY ("demande_id") REFERENCES "public"."demandes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relances" ADD CONSTRAINT "relances_traitee_par_id_utilisateurs_id_fk" FOREIGN KEY ("traitee_par_id") REFERENCES "public"."utilisateurs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reponses_offres" ADD CONSTRAINT "reponses_offres_offre_id_offres_relayees_id_fk" FOREIGN KEY ("offre_id") REFERENCES "public"."offres_relayees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reponses_offres" ADD CONSTRAINT "reponses_offres_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "offres_relayees_demande_idx" ON "offres_relayees" USING btree ("demande_id","le");--> statement-breakpoint
CREATE INDEX "relances_demande_idx" ON "relances" USING btree ("demande_id","type","envoyee_le");--> statement-breakpoint
CREATE INDEX "relances_a_traiter_idx" ON "relances" USING btree ("a_traiter_le") WHERE "relances"."traitee_le" is null and "relances"."repondu_le" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "reponses_offres_uq" ON "reponses_offres" USING btree ("offre_id","structure_id");
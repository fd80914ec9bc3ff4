CREATE TABLE "evenements_metier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relais_id" uuid NOT NULL,
	"type" text NOT NULL,
	"titre" text NOT NULL,
	"description" text,
	"debut" timestamp with time zone NOT NULL,
	"fin" timestamp with time zone NOT NULL,
	"lieu_id" uuid,
	"adresse" text,
	"capacite" integer NOT NULL,
	"annule" boolean DEFAULT false NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evenements_metier_dates_ck" CHECK ("evenements_metier"."fin" > "evenements_metier"."debut"),
	CONSTRAINT "evenements_metier_capacite_ck" CHECK ("evenements_metier"."capacite" > 0),
	CONSTRAINT "evenements_metier_type_ck" CHECK ("evenements_metier"."type" in ('job-dating', 'reunion-information', 'journee', 'autre'))
);
--> statement-breakpoint
CREATE TABLE "formations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relais_id" uuid NOT NULL,
	"titre" text NOT NULL,
	"organisme" text NOT NULL,
	"debut" date NOT NULL,
	"fin" date NOT NULL,
	"lieu" text NOT NULL,
	"financement" text NOT NULL,
	"places" integer,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "formations_dates_ck" CHECK ("formations"."fin" >= "formations"."debut"),
	CONSTRAINT "formations_places_ck" CHECK ("formations"."places" is null or "formations"."places" > 0),
	CONSTRAINT "formations_financement_ck" CHECK ("formations"."financement" in ('plan-developpement-competences', 'cpf', 'departement', 'autre'))
);
--> statement-breakpoint
CREATE TABLE "groupes_formation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"formation_id" uuid NOT NULL,
	"nom" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inscriptions_evenement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evenement_id" uuid NOT NULL,
	"nom" text NOT NULL,
	"email" text NOT NULL,
	"telephone" text,
	"langue" text DEFAULT 'fr' NOT NULL,
	"consentement_le" timestamp with time zone NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"effacee_le" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "voeux_formation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"formation_id" uuid NOT NULL,
	"structure_id" uuid NOT NULL,
	"groupe_id" uuid,
	"statut" text DEFAULT 'souhait' NOT NULL,
	"parti_le" date,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "voeux_formation_statut_ck" CHECK ("voeux_formation"."statut" in ('souhait', 'inscrit', 'parti', 'retire')),
	CONSTRAINT "voeux_formation_parti_ck" CHECK (("voeux_formation"."statut" = 'parti') = ("voeux_formation"."parti_le" is not null))
);
--> statement-breakpoint
ALTER TABLE "evenements_metier" ADD CONSTRAINT "evenements_metier_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evenements_metier" ADD CONSTRAINT "evenements_metier_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "formations" ADD CONSTRAINT "formations_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "groupes_formation" ADD CONSTRAINT "groupes_formation_formation_id_formations_id_fk" FOREIGN KEY ("formation_id") REFERENCES "public"."formations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inscriptions_evenement" ADD CONSTRAINT "inscriptions_evenement_evenement_id_evenements_metier_id_fk" FOREIGN KEY ("evenement_id") REFERENCES "public"."evenements_metier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voeux_formation" ADD CONSTRAINT "voeux_formation_formation_id_formations_id_fk" FOREIGN KEY ("formation_id") REFERENCES "public"."formations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voeux_formation" ADD CONSTRAINT "voeux_formation_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voeux_formation" ADD CONSTRAINT "voeux_formation_groupe_id_groupes_formation_id_fk" FOREIGN KEY ("groupe_id") REFERENCES "public"."groupes_formation"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evenements_metier_debut_idx" ON "evenements_metier" USING btree ("debut");--> statement-breakpoint
CREATE INDEX "formations_relais_debut_idx" ON "formations" USING btree ("relais_id","debut");--> statement-breakpoint
CREATE INDEX "groupes_formation_idx" ON "groupes_formation" USING btree ("formation_id");--> statement-breakpoint
CREATE INDEX "inscriptions_evenement_idx" ON "inscriptions_evenement" USING btree ("evenement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inscriptions_evenement_email_uq" ON "inscriptions_evenement" USING btree ("evenement_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "voeux_formation_uq" ON "voeux_formation" USING btree ("formation_id","structure_id");--> statement-breakpoint
CREATE INDEX "voeux_formation_structure_idx" ON "voeux_formation" USING btree ("structure_id");
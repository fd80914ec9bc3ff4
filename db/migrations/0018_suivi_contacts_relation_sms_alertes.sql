CREATE TABLE "preferences_staff" (
	"utilisateur_id" uuid PRIMARY KEY NOT NULL,
	"resume_quotidien" boolean DEFAULT true NOT NULL,
	"copie_urgences" boolean DEFAULT false NOT NULL,
	"modifie_le" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alertes_staff" (
	"type" text NOT NULL,
	"cle" text NOT NULL,
	"destinataire" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alertes_staff_type_cle_destinataire_pk" PRIMARY KEY("type","cle","destinataire"),
	CONSTRAINT "alertes_staff_type_ck" CHECK ("alertes_staff"."type" in ('urgence', 'resume-quotidien'))
);
--> statement-breakpoint
CREATE TABLE "sms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"destinataire" text NOT NULL,
	"texte" text NOT NULL,
	"type" text NOT NULL,
	"langue" text DEFAULT 'fr' NOT NULL,
	"relais_id" uuid,
	"objet_type" text,
	"objet_id" text,
	"statut" text DEFAULT 'a-envoyer' NOT NULL,
	"tentatives" integer DEFAULT 0 NOT NULL,
	"prochaine_tentative_le" timestamp with time zone DEFAULT now() NOT NULL,
	"derniere_erreur" text,
	"envoye_le" timestamp with time zone,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_statut_ck" CHECK ("sms"."statut" in ('a-envoyer', 'envoye', 'echec'))
);
--> statement-breakpoint
ALTER TABLE "demande_historique" DROP CONSTRAINT "demande_hist_transition_ck";--> statement-breakpoint
ALTER TABLE "mises_en_relation" DROP CONSTRAINT "mer_issue_ck";--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "demande_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "relais_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "public" text DEFAULT 'famille' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "structure_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "motif" text;--> statement-breakpoint
ALTER TABLE "mises_en_relation" ADD COLUMN "issue_le" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mises_en_relation" ADD COLUMN "issue_par" text;--> statement-breakpoint
ALTER TABLE "mises_en_relation" ADD COLUMN "famille_informee_le" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mises_en_relation" ADD COLUMN "pro_informee_le" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "preferences_staff" ADD CONSTRAINT "preferences_staff_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_a_envoyer_idx" ON "sms" USING btree ("statut","prochaine_tentative_le");--> statement-breakpoint
CREATE INDEX "sms_objet_idx" ON "sms" USING btree ("objet_type","objet_id");--> statement-breakpoint
CREATE INDEX "sms_relais_idx" ON "sms" USING btree ("relais_id","cree_le");--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_relais_le_idx" ON "contacts" USING btree ("relais_id","le") WHERE "contacts"."demande_id" is null;--> statement-breakpoint
CREATE INDEX "contacts_le_idx" ON "contacts" USING btree ("le");--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_public_ck" CHECK ("contacts"."public" in ('famille', 'assistant-maternel', 'garde-a-domicile', 'candidat'));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_rattachement_ck" CHECK (("contacts"."public" = 'famille' and "contacts"."demande_id" is not null) or ("contacts"."public" <> 'famille' and "contacts"."demande_id" is null and "contacts"."relais_id" is not null));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_motif_famille_ck" CHECK ("contacts"."public" <> 'famille' or "contacts"."motif" is null or "contacts"."motif" in ('recherche-mode-accueil', 'role-employeur', 'parentalite', 'autre'));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_motif_pro_ck" CHECK ("contacts"."public" = 'famille' or "contacts"."motif" is null or "contacts"."motif" in ('agrement', 'contrat-droits', 'remuneration', 'formation', 'sous-activite', 'recherche-parents-employeurs', 'autre'));--> statement-breakpoint
ALTER TABLE "demande_historique" ADD CONSTRAINT "demande_hist_transition_ck" CHECK ("demande_historique"."transition" in ('deposer', 'deposerHorsTerritoire', 'prendreEnCharge', 'proposerSolution', 'mettreEnRelation', 'conclure', 'classerSansSolution', 'abandonner', 'reprendre', 'rattacher', 'miseAJourFamille', 'fusionDoublon', 'doublonEcarte'));--> statement-breakpoint
ALTER TABLE "mises_en_relation" ADD CONSTRAINT "mer_issue_par_ck" CHECK ("mises_en_relation"."issue_par" is null or "mises_en_relation"."issue_par" in ('pro', 'staff'));--> statement-breakpoint
ALTER TABLE "mises_en_relation" ADD CONSTRAINT "mer_issue_ck" CHECK ("mises_en_relation"."issue" in ('en-attente', 'contacte', 'contrat', 'sans-suite', 'refus-famille', 'refus-pro'));
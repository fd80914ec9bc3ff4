ALTER TABLE "contacts" ALTER COLUMN "demande_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "relais_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "public" text DEFAULT 'famille' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "structure_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "motif" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_relais_id_relais_id_fk" FOREIGN KEY ("relais_id") REFERENCES "public"."relais"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_relais_le_idx" ON "contacts" USING btree ("relais_id","le") WHERE "contacts"."demande_id" is null;--> statement-breakpoint
CREATE INDEX "contacts_le_idx" ON "contacts" USING btree ("le");--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_public_ck" CHECK ("contacts"."public" in ('famille', 'assistant-maternel', 'garde-a-domicile', 'candidat'));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_rattachement_ck" CHECK (("contacts"."public" = 'famille' and "contacts"."demande_id" is not null) or ("contacts"."public" <> 'famille' and "contacts"."demande_id" is null and "contacts"."relais_id" is not null));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_motif_famille_ck" CHECK ("contacts"."public" <> 'famille' or "contacts"."motif" is null or "contacts"."motif" in ('recherche-mode-accueil', 'role-employeur', 'parentalite', 'autre'));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_motif_pro_ck" CHECK ("contacts"."public" = 'famille' or "contacts"."motif" is null or "contacts"."motif" in ('agrement', 'contrat-droits', 'remuneration', 'formation', 'sous-activite', 'recherche-parents-employeurs', 'autre'));
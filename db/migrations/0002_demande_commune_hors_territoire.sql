ALTER TABLE "demandes" ALTER COLUMN "commune_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "demandes" ADD COLUMN "commune_hors_territoire" text;--> statement-breakpoint
ALTER TABLE "demandes" ADD COLUMN "structure_vue_id" uuid;--> statement-breakpoint
ALTER TABLE "demandes" ADD CONSTRAINT "demandes_structure_vue_id_structures_id_fk" FOREIGN KEY ("structure_vue_id") REFERENCES "public"."structures"("id") ON DELETE set null ON UPDATE no action;
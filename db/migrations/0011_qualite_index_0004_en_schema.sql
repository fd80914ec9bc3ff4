-- The queue indexes of 0004 were written by hand; they are now declared in
-- db/schema/demande.ts. Drop them here so that the next (generated) migration
-- creates them under the schema's control.
DROP INDEX IF EXISTS "demandes_cree_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "demandes_relais_secteur_cree_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "demandes_relais_commune_cree_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "demandes_assignee_cree_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "demandes_relais_urgence_cree_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "demandes_relais_handicap_cree_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "demandes_relais_atypique_cree_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "demandes_cloture_idx";

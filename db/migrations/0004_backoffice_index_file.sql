-- Indexes for the back-office queue's filters (keyset order: cree_le desc, id desc).
CREATE INDEX IF NOT EXISTS "demandes_cree_idx" ON "demandes" ("cree_le", "id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "demandes_relais_secteur_cree_idx" ON "demandes" ("relais_id", "secteur_id", "cree_le", "id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "demandes_relais_commune_cree_idx" ON "demandes" ("relais_id", "commune_code", "cree_le", "id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "demandes_assignee_cree_idx" ON "demandes" ("assignee_id", "cree_le", "id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "demandes_relais_urgence_cree_idx" ON "demandes" ("relais_id", "cree_le", "id") WHERE "urgence";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "demandes_relais_handicap_cree_idx" ON "demandes" ("relais_id", "cree_le", "id") WHERE "handicap";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "demandes_relais_atypique_cree_idx" ON "demandes" ("relais_id", "cree_le", "id") WHERE "horaires_atypiques";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "demandes_cloture_idx" ON "demandes" ("cloture_le") WHERE "anonymisee_le" IS NULL;

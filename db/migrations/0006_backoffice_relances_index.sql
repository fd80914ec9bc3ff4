DROP INDEX "relances_a_traiter_idx";--> statement-breakpoint
CREATE INDEX "relances_a_traiter_idx" ON "relances" USING btree ("a_traiter_le") WHERE "relances"."traitee_le" is null;
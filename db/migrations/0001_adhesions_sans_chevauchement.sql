-- A commune belongs to at most one relais on any day (fin is exclusive).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "adhesions" ADD CONSTRAINT "adhesions_sans_chevauchement"
  EXCLUDE USING gist ("commune_code" WITH =, daterange("debut", "fin", '[)') WITH &&);

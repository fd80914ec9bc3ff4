-- An animatrice never has two RDVs at the same time (cancelled ones do not count).
-- A database constraint, not a SELECT before an INSERT: concurrent bookings of
-- one slot cannot both commit.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "rdvs" ADD CONSTRAINT "rdvs_sans_chevauchement"
  EXCLUDE USING gist ("animatrice_id" WITH =, tstzrange("debut", "fin", '[)') WITH &&)
  WHERE ("statut" <> 'annule');

ALTER TABLE "demandes" ADD COLUMN "consentement_sante" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "offres_relayees" ADD COLUMN "motif_hors_relais" text;
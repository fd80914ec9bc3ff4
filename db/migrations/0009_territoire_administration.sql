CREATE TABLE "fermetures_lieux" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lieu_id" uuid NOT NULL,
	"debut" date NOT NULL,
	"fin" date NOT NULL,
	"motif" text NOT NULL,
	CONSTRAINT "fermetures_lieux_dates_ck" CHECK ("fermetures_lieux"."fin" >= "fermetures_lieux"."debut")
);
--> statement-breakpoint
ALTER TABLE "communes" ALTER COLUMN "centre_lon" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "communes" ALTER COLUMN "centre_lat" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lieux" ALTER COLUMN "lat" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "lieux" ALTER COLUMN "lon" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "epci_siren" text;--> statement-breakpoint
ALTER TABLE "lieux" ADD COLUMN "ferme_le" date;--> statement-breakpoint
ALTER TABLE "relais" ADD COLUMN "horaires_publics" text;--> statement-breakpoint
ALTER TABLE "relais" ADD COLUMN "ferme_le" date;--> statement-breakpoint
ALTER TABLE "territoires" ADD COLUMN "nom_court" text;--> statement-breakpoint
ALTER TABLE "territoires" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "territoires" ADD COLUMN "contact_telephone" text;--> statement-breakpoint
ALTER TABLE "territoires" ADD COLUMN "contact_adresse" text;--> statement-breakpoint
ALTER TABLE "territoires" ADD COLUMN "annonce" text;--> statement-breakpoint
ALTER TABLE "territoires" ADD COLUMN "annonce_debut" date;--> statement-breakpoint
ALTER TABLE "territoires" ADD COLUMN "annonce_fin" date;--> statement-breakpoint
ALTER TABLE "territoires" ADD COLUMN "dpo_nom" text;--> statement-breakpoint
ALTER TABLE "territoires" ADD COLUMN "dpo_email" text;--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "fermetures_lieux" ADD CONSTRAINT "fermetures_lieux_lieu_id_lieux_id_fk" FOREIGN KEY ("lieu_id") REFERENCES "public"."lieux"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fermetures_lieux_lieu_idx" ON "fermetures_lieux" USING btree ("lieu_id","debut");--> statement-breakpoint
ALTER TABLE "territoires" ADD CONSTRAINT "territoires_annonce_dates_ck" CHECK ("territoires"."annonce_debut" is null or "territoires"."annonce_fin" is null or "territoires"."annonce_fin" >= "territoires"."annonce_debut");
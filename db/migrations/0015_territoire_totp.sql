CREATE TABLE "codes_secours" (
	"hash" text PRIMARY KEY NOT NULL,
	"utilisateur_id" uuid NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"utilise_le" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "territoires" ADD COLUMN "totp_roles" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD COLUMN "totp_secret_attente" text;--> statement-breakpoint
ALTER TABLE "utilisateurs" ADD COLUMN "totp_dernier_pas" integer;--> statement-breakpoint
ALTER TABLE "codes_secours" ADD CONSTRAINT "codes_secours_utilisateur_id_utilisateurs_id_fk" FOREIGN KEY ("utilisateur_id") REFERENCES "public"."utilisateurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "codes_secours_utilisateur_idx" ON "codes_secours" USING btree ("utilisateur_id");--> statement-breakpoint
ALTER TABLE "territoires" ADD CONSTRAINT "territoires_totp_roles_ck" CHECK ("territoires"."totp_roles" <@ array['admin','animatrice','commune']::text[]);
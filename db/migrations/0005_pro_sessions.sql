CREATE TABLE "sessions_pro" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"compte_id" uuid NOT NULL,
	"csrf" text NOT NULL,
	"cree_le" timestamp with time zone DEFAULT now() NOT NULL,
	"expire_le" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions_pro" ADD CONSTRAINT "sessions_pro_compte_id_comptes_pro_id_fk" FOREIGN KEY ("compte_id") REFERENCES "public"."comptes_pro"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_pro_compte_idx" ON "sessions_pro" USING btree ("compte_id");
ALTER TABLE "demandes" ADD CONSTRAINT "demandes_doublon_possible_de_id_demandes_id_fk" FOREIGN KEY ("doublon_possible_de_id") REFERENCES "public"."demandes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "demandes_cree_idx" ON "demandes" USING btree ("cree_le","id");--> statement-breakpoint
CREATE INDEX "demandes_relais_secteur_cree_idx" ON "demandes" USING btree ("relais_id","secteur_id","cree_le","id");--> statement-breakpoint
CREATE INDEX "demandes_relais_commune_cree_idx" ON "demandes" USING btree ("relais_id","commune_code","cree_le","id");--> statement-breakpoint
CREATE INDEX "demandes_assignee_cree_idx" ON "demandes" USING btree ("assignee_id","cree_le","id");--> statement-breakpoint
CREATE INDEX "demandes_relais_urgence_cree_idx" ON "demandes" USING btree ("relais_id","cree_le","id") WHERE "demandes"."urgence";--> statement-breakpoint
CREATE INDEX "demandes_relais_handicap_cree_idx" ON "demandes" USING btree ("relais_id","cree_le","id") WHERE "demandes"."handicap";--> statement-breakpoint
CREATE INDEX "demandes_relais_atypique_cree_idx" ON "demandes" USING btree ("relais_id","cree_le","id") WHERE "demandes"."horaires_atypiques";--> statement-breakpoint
CREATE INDEX "demandes_cloture_idx" ON "demandes" USING btree ("cloture_le") WHERE "demandes"."anonymisee_le" is null;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_sens_ck" CHECK ("contacts"."sens" in ('sortant', 'entrant'));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_issue_ck" CHECK ("contacts"."issue" is null or "contacts"."issue" in ('joint', 'message-laisse', 'injoignable', 'rdv-fixe', 'autre'));--> statement-breakpoint
ALTER TABLE "demande_historique" ADD CONSTRAINT "demande_hist_transition_ck" CHECK ("demande_historique"."transition" in ('deposer', 'deposerHorsTerritoire', 'prendreEnCharge', 'proposerSolution', 'mettreEnRelation', 'conclure', 'classerSansSolution', 'abandonner', 'reprendre', 'rattacher', 'miseAJourFamille'));--> statement-breakpoint
ALTER TABLE "demandes" ADD CONSTRAINT "demandes_canal_prefere_ck" CHECK ("demandes"."canal_prefere" in ('email', 'telephone', 'sms'));--> statement-breakpoint
ALTER TABLE "demandes" ADD CONSTRAINT "demandes_regularite_ck" CHECK ("demandes"."regularite" in ('reguliere', 'occasionnelle'));--> statement-breakpoint
ALTER TABLE "demandes" ADD CONSTRAINT "demandes_langue_ck" CHECK ("demandes"."langue" in ('fr', 'falc', 'en', 'ar', 'es', 'pt', 'tr', 'uk'));--> statement-breakpoint
ALTER TABLE "demandes" ADD CONSTRAINT "demandes_solution_type_ck" CHECK ("demandes"."etat" <> 'solution-trouvee' or "demandes"."type_solution" is not null);--> statement-breakpoint
ALTER TABLE "demandes" ADD CONSTRAINT "demandes_cloture_etat_ck" CHECK ("demandes"."etat" not in ('solution-trouvee', 'sans-solution', 'abandonnee') or "demandes"."cloture_le" is not null);--> statement-breakpoint
ALTER TABLE "mises_en_relation" ADD CONSTRAINT "mer_issue_ck" CHECK ("mises_en_relation"."issue" in ('en-attente', 'contrat', 'refus-famille', 'refus-pro'));--> statement-breakpoint
ALTER TABLE "courriels" ADD CONSTRAINT "courriels_statut_ck" CHECK ("courriels"."statut" in ('a-envoyer', 'envoye', 'echec'));--> statement-breakpoint
ALTER TABLE "relances" ADD CONSTRAINT "relances_type_ck" CHECK ("relances"."type" in ('suivi', 'actualite'));--> statement-breakpoint
ALTER TABLE "relances" ADD CONSTRAINT "relances_reponse_ck" CHECK ("relances"."reponse" is null or "relances"."reponse" in ('contrat', 'recherche', 'plus-besoin', 'oui', 'non'));--> statement-breakpoint
ALTER TABLE "reponses_offres" ADD CONSTRAINT "reponses_offres_reponse_ck" CHECK ("reponses_offres"."reponse" is null or "reponses_offres"."reponse" in ('interessee'));
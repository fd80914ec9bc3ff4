/** Every action written to the audit log (journal_audit.action). Add new ones here. */
export const ACTIONS_AUDIT = [
  'voir', 'creer', 'assigner', 'contact', 'note', 'transition', 'mise-en-relation', 'relancer', 'relayer-offre', 'relance-traitee',
  'demande.creer', 'demande.suivi.consulter', 'demande.suivi.renvoyer-lien', 'demande.suivi.retirer', 'demande.suivi.supprimer-donnees',
  'demande.suivi.modifier-besoin', 'demande.suivi.modifier-contact',
  'agenda.consulter', 'agenda.chercher-demande', 'agenda.absence-creer', 'agenda.motif-creer', 'agenda.plage-creer',
  'rdv.consulter', 'rdv.reserver', 'rdv.deplacer', 'rdv.annuler', 'rdv.honore', 'rdv.absent', 'rdv.excuse',
  'reunion.consulter', 'reunion.creer', 'reunion.presences',
  'agenda.absence-supprimer', 'agenda.motif-modifier', 'agenda.plage-fermer',
  'import-am', 'dispo-pour-am', 'dispo-confirmee-pour-am', 'relance-dispo', 'code-pro-renouvele', 'fiche-code-pro', 'lien-pro-envoye',
  'courriel.renvoi', 'demande.suivi.telecharger-donnees', 'donnees.effacer', 'contact-pro', 'mise-en-relation.issue', 'doublon',
  // Territory administration (admin screens).
  'territoire.modifier', 'relais.creer', 'relais.modifier', 'relais.fermer', 'relais.rouvrir', 'secteur.creer', 'secteur.renommer',
  'commune.rattacher', 'commune.annuler-rattachement', 'communes.contours',
  'site.creer', 'site.modifier', 'site.fermer', 'site.fermeture-ajouter', 'site.fermeture-supprimer',
  'personne.inviter', 'personne.modifier', 'personne.desactiver', 'personne.reactiver', 'personne.reinitialiser',
  // Ateliers d'éveil and analyse de la pratique (issue 18).
  'atelier.creer', 'atelier.seance-consulter', 'atelier.presences', 'atelier.seance-annuler',
  'analyse-pratique.groupe-creer', 'analyse-pratique.placer', 'analyse-pratique.retirer', 'analyse-pratique.seance-creer', 'analyse-pratique.presences',
  'personne.totp-reinitialiser', 'territoire.totp-exiger',
  'securite.totp-activer', 'securite.totp-desactiver', 'securite.codes-secours', 'securite.code-secours-utilise',
  // Formation continue and promotion of the métier.
  'formation.creer', 'formation.groupe', 'formation.depart', 'evenement.creer', 'evenement.consulter',
  // Crèche places (commission, offers, follow-up).
  'creches.candidature.deposer', 'creches.candidature.confirmer', 'creches.candidature.caduque', 'creches.session.creer', 'creches.session.calculer',
  'creches.session.deroger', 'creches.session.clore', 'creches.session.publier', 'creches.offre.accepter', 'creches.offre.refuser', 'creches.offre.expirer',
  'creches.sans-solution.contact', 'creches.grille.adopter', 'creches.gestion.consulter', 'creches.gestion.contrat',
  'lieu-accueil.creer', 'lieu-accueil.modifier', 'lieu-accueil.fermer', 'lieu-accueil.rouvrir', 'lieu-accueil.importer',
] as const;
export type ActionAudit = (typeof ACTIONS_AUDIT)[number];

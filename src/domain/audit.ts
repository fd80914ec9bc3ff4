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
  'lieu-accueil.creer', 'lieu-accueil.modifier', 'lieu-accueil.fermer', 'lieu-accueil.rouvrir', 'lieu-accueil.importer',
] as const;
export type ActionAudit = (typeof ACTIONS_AUDIT)[number];

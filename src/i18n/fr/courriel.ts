export default {
  commun: {
    bonjour: 'Bonjour {prenom},',
    signature: 'Le Guichet Petite Enfance',
    pied: 'Ce message est envoyé automatiquement, merci de ne pas y répondre. Pour toute question, contactez votre Relais Petite Enfance.',
  },
  confirmation: {
    sujet: 'Votre demande de mode d’accueil {reference} est bien reçue',
    recue: 'Nous avons bien reçu votre demande de mode d’accueil. Son numéro est {reference}.',
    prochaine: '{relais} vous contactera au plus tard le {date} (dans les {jours} jours).',
    contactRelais: 'Pour joindre {relais} : {contact}.',
    horsTerritoire:
      'Nous avons bien reçu votre demande (numéro {reference}). Votre commune ne fait pas partie de notre territoire : aucun Relais Petite Enfance d’ici ne pourra la traiter. Nous la gardons seulement pour compter les besoins.',
    horsTerritoireMairie: 'Contactez la mairie de votre commune : elle vous indiquera le relais ou le service qui vous accompagnera.',
    horsTerritoireCaf: 'Consultez le site monenfant.fr de la CAF : il liste les crèches et les assistants maternels près de chez vous.',
    suiviTitre: 'Suivre votre demande',
    suiviTexte: 'Avec ce lien personnel, vous voyez où en est votre demande, vous pouvez la modifier, la retirer ou supprimer vos données.',
    suiviLien: 'Voir ma demande',
    garderLien: 'Gardez ce message : ce lien est personnel, ne le partagez pas.',
  },
  lien: {
    sujet: 'Votre lien pour suivre la demande {reference}',
    texte: 'Vous avez demandé un nouveau lien pour suivre votre demande {reference}.',
    ancien: 'Ce nouveau lien remplace l’ancien, qui ne fonctionne plus.',
    pasVous: 'Si vous n’avez rien demandé, ignorez ce message : votre demande n’a pas changé.',
  },
  relation: {
    sujet: 'Demande {reference} : le relais vous propose {nom}',
    intro: 'Le relais petite enfance vous propose de contacter ce professionnel de l’accueil pour votre demande {reference} :',
    qui: '{nom} — {type}, {commune}',
    telephone: 'Téléphone : {telephone}',
    email: 'Courriel : {email}',
    sansCoordonnees: 'Ce professionnel n’a pas publié ses coordonnées : le relais vous les donnera, ou lui a transmis votre besoin.',
    conseil: 'Prenez contact rapidement. Dites ensuite au relais si vous avez signé un contrat.',
  },
  sms: {
    relation: 'Bonjour {prenom}, le relais vous propose {nom} ({type}, {commune}){contact}. Détails par courriel ou sur votre page de suivi.',
    lien: 'Bonjour {prenom}, votre demande {reference} est reçue. Suivez-la ici : {lien}',
  },
} as const;

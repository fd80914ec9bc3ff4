// What families read in follow-up emails and on the one-click answer pages.
export default {
  suivi: {
    sujet: 'Votre demande {reference} : où en êtes-vous ?',
    titre: 'Où en est votre recherche de mode d’accueil ?',
    intro:
      'Il y a quelques mois, le relais petite enfance vous a aidé à chercher un mode d’accueil pour votre enfant (demande {reference}). Dites-nous en un clic où vous en êtes : cela nous aide à mieux accompagner les familles.',
    rappelSujet: 'Rappel : votre demande {reference}, où en êtes-vous ?',
    rappelIntro: 'Nous n’avons pas encore reçu votre réponse. Un clic suffit pour nous dire où vous en êtes (demande {reference}).',
    reponse: {
      contrat: 'Nous avons trouvé : contrat signé ou place acceptée',
      recherche: 'Nous cherchons encore',
      'plus-besoin': 'Nous n’avons plus besoin d’un mode d’accueil',
    },
  },
  actualite: {
    sujet: 'Votre demande {reference} est-elle toujours d’actualité ?',
    titre: 'Votre besoin est-il toujours d’actualité ?',
    intro:
      'Votre demande {reference} est toujours ouverte au relais petite enfance. Pour que nous puissions vous aider au mieux, dites-nous si vous cherchez toujours un mode d’accueil.',
    reponse: {
      oui: 'Oui, je cherche toujours',
      non: 'Non, je n’ai plus besoin du relais',
    },
  },
  page: {
    titre: 'Votre réponse au relais petite enfance',
    demande: 'Demande {reference}',
    choix: 'Votre réponse',
    confirmer: 'Envoyer ma réponse',
    explication: 'Vérifiez votre choix puis appuyez sur le bouton pour l’envoyer.',
    merci: 'Merci, votre réponse est enregistrée.',
    merciContrat: 'Merci et bonne continuation à votre enfant et à vous ! Votre demande est close.',
    merciRecherche: 'Merci. Votre demande reste ouverte : une animatrice du relais va vous recontacter.',
    merciPlusBesoin: 'Merci. Votre demande est close. Vous pouvez en déposer une nouvelle à tout moment.',
    merciOui: 'Merci. Votre demande reste ouverte et le relais continue à chercher avec vous.',
    merciNon: 'Merci. Votre demande est close. Vous pouvez en déposer une nouvelle à tout moment.',
    invalide: 'Ce lien n’est plus valable : il a déjà servi ou il a expiré. Si votre situation a changé, contactez le relais petite enfance.',
    erreurChoix: 'Choisissez une réponse.',
    erreurTitre: 'Votre réponse n’a pas été envoyée',
  },
  sansSolution: {
    sujet: 'Votre demande {reference} : les solutions qui restent possibles',
    titre: 'Nous n’avons pas trouvé de place, mais d’autres pistes existent',
    intro:
      'Le relais petite enfance n’a pas trouvé de mode d’accueil qui corresponde à votre demande {reference}. Votre demande est close, mais voici toutes les pistes qui restent ouvertes.',
    autresModes: 'D’autres modes d’accueil',
    mode: {
      collectif: 'Une crèche ou une micro-crèche (accueil collectif)',
      'assistant-maternel': 'Un ou une assistante maternelle, chez elle',
      mam: 'Une maison d’assistants maternels (MAM)',
      'garde-a-domicile': 'Une garde à domicile, éventuellement partagée avec une autre famille',
    },
    voisines: 'Des places dans les communes voisines',
    voisine: '{places, plural, one {{commune} ({km} km) : # place libre déclarée} other {{commune} ({km} km) : # places libres déclarées}}',
    aucuneVoisine: 'Aucune place libre n’est déclarée aujourd’hui dans les communes voisines. Cela change souvent : redemandez dans quelques semaines.',
    listes: 'Les listes d’attente des crèches',
    liste: '{nom} ({commune})',
    listeExplication: 'Vous pouvez vous inscrire sur la liste d’attente de ces crèches : une place se libère parfois en cours d’année.',
    contact: 'Pour en parler ou déposer une nouvelle demande, contactez le relais : {relais}, {telephone}.',
  },
} as const;

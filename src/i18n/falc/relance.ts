import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['relance']> = {
  suivi: {
    sujet: 'Votre demande {reference} : où en êtes-vous ?',
    titre: 'Avez-vous trouvé un mode de garde ?',
    intro:
      'Le relais petite enfance vous a aidé à chercher une garde pour votre enfant. C’est la demande {reference}. Dites-nous où vous en êtes. Il suffit de cliquer sur une réponse.',
    rappelSujet: 'Rappel : votre demande {reference}',
    rappelIntro: 'Vous n’avez pas encore répondu. Cliquez sur une réponse. C’est pour la demande {reference}.',
    reponse: {
      contrat: 'Oui, nous avons trouvé une garde',
      recherche: 'Non, nous cherchons encore',
      'plus-besoin': 'Nous n’avons plus besoin de garde',
    },
  },
  actualite: {
    sujet: 'Votre demande {reference} : cherchez-vous encore ?',
    titre: 'Cherchez-vous encore une garde ?',
    intro: 'Votre demande {reference} est toujours ouverte. Dites-nous si vous cherchez encore une garde pour votre enfant.',
    reponse: {
      oui: 'Oui, je cherche encore',
      non: 'Non, je ne cherche plus',
    },
  },
  page: {
    titre: 'Votre réponse au relais petite enfance',
    demande: 'Demande {reference}',
    choix: 'Votre réponse',
    confirmer: 'Envoyer ma réponse',
    explication: 'Regardez votre choix. Puis appuyez sur le bouton.',
    merci: 'Merci. Nous avons bien votre réponse.',
    merciContrat: 'Merci. Votre demande est finie. Bonne continuation !',
    merciRecherche: 'Merci. Votre demande continue. Le relais va vous appeler.',
    merciPlusBesoin: 'Merci. Votre demande est finie. Vous pouvez faire une nouvelle demande quand vous voulez.',
    merciOui: 'Merci. Votre demande continue. Le relais cherche avec vous.',
    merciNon: 'Merci. Votre demande est finie. Vous pouvez faire une nouvelle demande quand vous voulez.',
    invalide: 'Ce lien ne marche plus. Il a déjà servi ou il est trop vieux. Appelez le relais petite enfance si besoin.',
    erreurChoix: 'Choisissez une réponse.',
    erreurTitre: 'Votre réponse n’est pas partie',
  },
  sansSolution: {
    sujet: 'Votre demande {reference} : d’autres idées pour la garde',
    titre: 'Nous n’avons pas trouvé de place. Voici d’autres idées.',
    intro: 'Le relais n’a pas trouvé de garde pour votre demande {reference}. Votre demande est finie. Mais vous avez encore d’autres possibilités.',
    autresModes: 'D’autres façons de faire garder votre enfant',
    mode: {
      collectif: 'Une crèche ou une micro-crèche',
      'assistant-maternel': 'Une assistante maternelle, chez elle',
      mam: 'Une maison d’assistantes maternelles (MAM)',
      'garde-a-domicile': 'Une personne qui garde votre enfant chez vous',
    },
    voisines: 'Des places dans les villes proches',
    voisine: '{places, plural, one {{commune} ({km} km) : # place libre} other {{commune} ({km} km) : # places libres}}',
    aucuneVoisine: 'Aujourd’hui, il n’y a pas de place libre dans les villes proches. Cela change souvent. Demandez encore dans quelques semaines.',
    listes: 'Les listes d’attente des crèches',
    liste: '{nom} ({commune})',
    listeExplication: 'Vous pouvez vous inscrire sur la liste d’attente de ces crèches. Parfois, une place se libère.',
    contact: 'Pour en parler, appelez le relais : {relais}, {telephone}.',
  },
};
export default d;

import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['courriel']> = {
  commun: {
    bonjour: 'Bonjour {prenom},',
    signature: 'Le Guichet Petite Enfance',
    pied: 'Ce message est envoyé par un ordinateur. Ne répondez pas. Si vous avez une question, appelez votre Relais Petite Enfance.',
  },
  confirmation: {
    sujet: 'Nous avons reçu votre demande {reference}',
    recue: 'Nous avons reçu votre demande pour faire garder votre enfant. Le numéro de votre demande est {reference}.',
    prochaine: '{relais} va vous appeler ou vous écrire. Au plus tard le {date}.',
    contactRelais: 'Pour parler à {relais} : {contact}.',
    horsTerritoire:
      'Nous avons reçu votre demande. Son numéro est {reference}. Votre commune n’est pas dans notre territoire. Nous ne pouvons pas vous aider. Nous gardons la demande seulement pour compter.',
    horsTerritoireMairie: 'Appelez la mairie de votre commune. Elle vous dira qui peut vous aider.',
    horsTerritoireCaf: 'Allez sur le site monenfant.fr. C’est le site de la CAF. Il montre les crèches et les assistants maternels.',
    suiviTitre: 'Voir votre demande',
    suiviTexte: 'Cliquez sur le lien. Vous voyez où en est votre demande. Vous pouvez la changer, l’arrêter ou effacer vos informations.',
    suiviLien: 'Voir ma demande',
    garderLien: 'Gardez ce message. Ce lien est pour vous seulement. Ne le donnez à personne.',
  },
  lien: {
    sujet: 'Votre nouveau lien pour la demande {reference}',
    texte: 'Vous avez demandé un nouveau lien pour voir votre demande {reference}.',
    ancien: 'L’ancien lien ne marche plus. Utilisez ce nouveau lien.',
    pasVous: 'Vous n’avez rien demandé ? Ne faites rien. Votre demande ne change pas.',
  },
  relation: {
    sujet: 'Demande {reference} : le relais vous propose {nom}',
    intro: 'Le relais a trouvé une personne qui peut garder votre enfant. Votre demande : {reference}.',
    qui: '{nom} — {type}, {commune}',
    telephone: 'Téléphone : {telephone}',
    email: 'Courriel : {email}',
    sansCoordonnees: 'Le relais vous donnera son numéro.',
    conseil: 'Appelez vite cette personne. Ensuite, dites au relais si vous avez signé un contrat.',
  },
  sms: {
    relation: 'Bonjour {prenom}, le relais a trouvé {nom} ({type}, {commune}){contact}. Appelez vite.',
    lien: 'Bonjour {prenom}, le relais a reçu votre demande {reference}. Pour la suivre : {lien}',
  },
};
export default d;

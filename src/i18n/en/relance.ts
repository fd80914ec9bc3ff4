import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['relance']> = {
  suivi: {
    sujet: 'Your request {reference}: how are things going?',
    titre: 'How is your search for childcare going?',
    intro:
      'A few months ago, the childcare information centre (relais petite enfance) helped you look for childcare (request {reference}). Tell us in one click where things stand: it helps us support families better.',
    rappelSujet: 'Reminder: your request {reference}, how are things going?',
    rappelIntro: 'We have not received your answer yet. One click is enough to tell us where things stand (request {reference}).',
    reponse: {
      contrat: 'We found childcare: contract signed or place accepted',
      recherche: 'We are still looking',
      'plus-besoin': 'We no longer need childcare',
    },
  },
  actualite: {
    sujet: 'Is your request {reference} still current?',
    titre: 'Do you still need childcare?',
    intro:
      'Your request {reference} is still open at the childcare information centre. So that we can help you best, tell us whether you are still looking for childcare.',
    reponse: {
      oui: 'Yes, I am still looking',
      non: 'No, I no longer need the centre’s help',
    },
  },
  page: {
    titre: 'Your answer to the childcare information centre',
    demande: 'Request {reference}',
    choix: 'Your answer',
    confirmer: 'Send my answer',
    explication: 'Check your choice, then press the button to send it.',
    merci: 'Thank you, your answer has been recorded.',
    merciContrat: 'Thank you, and all the best to you and your child! Your request is now closed.',
    merciRecherche: 'Thank you. Your request stays open: someone from the centre will contact you again.',
    merciPlusBesoin: 'Thank you. Your request is closed. You can file a new one at any time.',
    merciOui: 'Thank you. Your request stays open and the centre keeps looking with you.',
    merciNon: 'Thank you. Your request is closed. You can file a new one at any time.',
    invalide:
      'This link is no longer valid: it has already been used or it has expired. If your situation has changed, contact the childcare information centre.',
    erreurChoix: 'Choose an answer.',
    erreurTitre: 'Your answer was not sent',
  },
  sansSolution: {
    sujet: 'Your request {reference}: the options that remain',
    titre: 'We did not find a place, but other options exist',
    intro:
      'The childcare information centre could not find childcare matching your request {reference}. Your request is closed, but here are all the options that remain open.',
    autresModes: 'Other kinds of childcare',
    mode: {
      collectif: 'A nursery or a micro-nursery (group care)',
      'assistant-maternel': 'A registered childminder, at her home',
      mam: 'A childminders’ house (MAM)',
      'garde-a-domicile': 'A nanny at your home, possibly shared with another family',
    },
    voisines: 'Places in neighbouring towns',
    voisine: '{places, plural, one {{commune} ({km} km): # free place declared} other {{commune} ({km} km): # free places declared}}',
    aucuneVoisine: 'No free place is declared today in neighbouring towns. This changes often: ask again in a few weeks.',
    listes: 'Nursery waiting lists',
    liste: '{nom} ({commune})',
    listeExplication: 'You can put your name on the waiting list of these nurseries: places sometimes become free during the year.',
    contact: 'To talk about it or file a new request, contact the centre: {relais}, {telephone}.',
  },
};
export default d;

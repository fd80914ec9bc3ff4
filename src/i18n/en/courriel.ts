import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['courriel']> = {
  commun: {
    bonjour: 'Hello {prenom},',
    signature: 'The Early Childhood One-Stop Desk',
    pied: 'This message was sent automatically; please do not reply. For any question, contact your Relais Petite Enfance (childcare information service).',
  },
  confirmation: {
    sujet: 'We have received your childcare request {reference}',
    recue: 'We have received your childcare request. Its number is {reference}.',
    prochaine: '{relais} will contact you by {date} at the latest (within {jours} days).',
    contactRelais: 'To reach {relais}: {contact}.',
    horsTerritoire:
      'We have received your request (number {reference}). Your municipality is not part of our area, so none of our childcare services can handle it. We keep it only to count needs.',
    horsTerritoireMairie: 'Contact your town hall: it will tell you which service can help you.',
    horsTerritoireCaf: 'Visit monenfant.fr, the CAF website: it lists nurseries and childminders near you.',
    suiviTitre: 'Follow your request',
    suiviTexte: 'With this personal link you can see where your request stands, change it, withdraw it or delete your data.',
    suiviLien: 'See my request',
    garderLien: 'Keep this message: the link is personal, do not share it.',
  },
  lien: {
    sujet: 'Your link to follow request {reference}',
    texte: 'You asked for a new link to follow your request {reference}.',
    ancien: 'This new link replaces the old one, which no longer works.',
    pasVous: 'If you did not ask for anything, ignore this message: your request has not changed.',
  },
  relation: {
    sujet: 'Request {reference}: the relais suggests {nom}',
    intro: 'The childcare relais suggests you contact this childcare professional for your request {reference}:',
    qui: '{nom} — {type}, {commune}',
    telephone: 'Phone: {telephone}',
    email: 'Email: {email}',
    sansCoordonnees: 'This professional has not published their contact details: the relais will give them to you, or has passed your need on to them.',
    conseil: 'Get in touch soon. Then tell the relais whether you signed a contract.',
  },
  sms: {
    relation: 'Hello {prenom}, the relais suggests {nom} ({type}, {commune}){contact}. Details by email or on your follow-up page.',
    lien: 'Hello {prenom}, your request {reference} has been received. Follow it here: {lien}',
  },
};
export default d;

import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['courriel']> = {
  commun: {
    bonjour: 'Hola, {prenom}:',
    signature: 'La Ventanilla Única de Primera Infancia',
    pied: 'Este mensaje se envía automáticamente; no responda. Para cualquier pregunta, contacte con su Relais Petite Enfance (servicio de información sobre el cuidado infantil).',
  },
  confirmation: {
    sujet: 'Hemos recibido su solicitud de cuidado infantil {reference}',
    recue: 'Hemos recibido su solicitud de cuidado infantil. Su número es {reference}.',
    prochaine: '{relais} se pondrá en contacto con usted a más tardar el {date} (en un plazo de {jours} días).',
    contactRelais: 'Para contactar con {relais}: {contact}.',
    horsTerritoire:
      'Hemos recibido su solicitud (número {reference}). Su municipio no forma parte de nuestro territorio: ningún servicio de aquí podrá tramitarla. La conservamos solo para contar las necesidades.',
    horsTerritoireMairie: 'Contacte con el ayuntamiento de su municipio: le indicará qué servicio puede ayudarle.',
    horsTerritoireCaf: 'Consulte monenfant.fr, el sitio de la CAF: muestra las guarderías y las cuidadoras cerca de su casa.',
    suiviTitre: 'Seguir su solicitud',
    suiviTexte: 'Con este enlace personal puede ver en qué punto está su solicitud, modificarla, retirarla o borrar sus datos.',
    suiviLien: 'Ver mi solicitud',
    garderLien: 'Guarde este mensaje: el enlace es personal, no lo comparta.',
  },
  lien: {
    sujet: 'Su enlace para seguir la solicitud {reference}',
    texte: 'Ha pedido un nuevo enlace para seguir su solicitud {reference}.',
    ancien: 'Este nuevo enlace sustituye al anterior, que ya no funciona.',
    pasVous: 'Si no ha pedido nada, ignore este mensaje: su solicitud no ha cambiado.',
  },
  relation: {
    sujet: 'Solicitud {reference}: el relais le propone a {nom}',
    intro: 'El relais de la primera infancia le propone contactar con este profesional del cuidado infantil para su solicitud {reference}:',
    qui: '{nom} — {type}, {commune}',
    telephone: 'Teléfono: {telephone}',
    email: 'Correo electrónico: {email}',
    sansCoordonnees: 'Este profesional no ha publicado sus datos de contacto: el relais se los dará o ya le ha transmitido su necesidad.',
    conseil: 'Póngase en contacto pronto. Después, diga al relais si ha firmado un contrato.',
  },
  sms: {
    relation: 'Hola {prenom}, el relais le propone a {nom} ({type}, {commune}){contact}. Detalles por correo o en su página de seguimiento.',
    lien: 'Hola {prenom}, hemos recibido su solicitud {reference}. Sígala aquí: {lien}',
  },
};
export default d;

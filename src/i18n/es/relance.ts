import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Dictionnaire['relance']> = {
  suivi: {
    sujet: 'Su solicitud {reference}: ¿cómo va todo?',
    titre: '¿Cómo va su búsqueda de cuidado infantil?',
    intro:
      'Hace unos meses, el centro de información sobre la primera infancia (relais petite enfance) le ayudó a buscar un modo de cuidado para su hijo o hija (solicitud {reference}). Díganos con un clic en qué punto está: nos ayuda a acompañar mejor a las familias.',
    rappelSujet: 'Recordatorio: su solicitud {reference}, ¿cómo va todo?',
    rappelIntro: 'Todavía no hemos recibido su respuesta. Basta un clic para decirnos en qué punto está (solicitud {reference}).',
    reponse: {
      contrat: 'Hemos encontrado: contrato firmado o plaza aceptada',
      recherche: 'Seguimos buscando',
      'plus-besoin': 'Ya no necesitamos un modo de cuidado',
    },
  },
  actualite: {
    sujet: '¿Sigue vigente su solicitud {reference}?',
    titre: '¿Sigue necesitando cuidado infantil?',
    intro:
      'Su solicitud {reference} sigue abierta en el centro de información sobre la primera infancia. Para ayudarle mejor, díganos si sigue buscando un modo de cuidado.',
    reponse: {
      oui: 'Sí, sigo buscando',
      non: 'No, ya no necesito la ayuda del centro',
    },
  },
  page: {
    titre: 'Su respuesta al centro de información sobre la primera infancia',
    demande: 'Solicitud {reference}',
    choix: 'Su respuesta',
    confirmer: 'Enviar mi respuesta',
    explication: 'Compruebe su elección y pulse el botón para enviarla.',
    merci: 'Gracias, hemos registrado su respuesta.',
    merciContrat: '¡Gracias y mucha suerte a usted y a su hijo o hija! Su solicitud queda cerrada.',
    merciRecherche: 'Gracias. Su solicitud sigue abierta: una persona del centro volverá a contactarle.',
    merciPlusBesoin: 'Gracias. Su solicitud queda cerrada. Puede presentar una nueva en cualquier momento.',
    merciOui: 'Gracias. Su solicitud sigue abierta y el centro sigue buscando con usted.',
    merciNon: 'Gracias. Su solicitud queda cerrada. Puede presentar una nueva en cualquier momento.',
    invalide: 'Este enlace ya no es válido: ya se ha utilizado o ha caducado. Si su situación ha cambiado, póngase en contacto con el centro.',
    erreurChoix: 'Elija una respuesta.',
    erreurTitre: 'Su respuesta no se ha enviado',
  },
  sansSolution: {
    sujet: 'Su solicitud {reference}: las opciones que siguen abiertas',
    titre: 'No hemos encontrado plaza, pero existen otras opciones',
    intro:
      'El centro no ha encontrado un modo de cuidado que corresponda a su solicitud {reference}. Su solicitud queda cerrada, pero estas son todas las opciones que siguen abiertas.',
    autresModes: 'Otros modos de cuidado',
    mode: {
      collectif: 'Una guardería o una microguardería (cuidado colectivo)',
      'assistant-maternel': 'Una cuidadora autorizada (assistante maternelle), en su casa',
      mam: 'Una casa de cuidadoras autorizadas (MAM)',
      'garde-a-domicile': 'Un cuidado en su domicilio, que puede compartirse con otra familia',
    },
    voisines: 'Plazas en los municipios cercanos',
    voisine: '{places, plural, one {{commune} ({km} km): # plaza libre declarada} other {{commune} ({km} km): # plazas libres declaradas}}',
    aucuneVoisine: 'Hoy no hay ninguna plaza libre declarada en los municipios cercanos. Esto cambia a menudo: vuelva a preguntar dentro de unas semanas.',
    listes: 'Las listas de espera de las guarderías',
    liste: '{nom} ({commune})',
    listeExplication: 'Puede inscribirse en la lista de espera de estas guarderías: a veces se libera una plaza durante el año.',
    contact: 'Para hablarlo o presentar una nueva solicitud, contacte con el centro: {relais}, {telephone}.',
  },
};
export default d;

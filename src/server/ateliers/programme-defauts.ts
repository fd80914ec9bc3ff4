/** Defaults of the atelier form, shared with the demo seed. */
import type { Saisie } from '../staff/contexte';

export const NOUVEL_ATELIER: Saisie = {
  frequence: 'mensuelle',
  rang: '2',
  debut: '09:15',
  fin: '11:30',
  ageMinMois: '0',
  ageMaxMois: '36',
  placesPro: '8',
  placesEnfants: '20',
  reglement:
    'Je reste responsable des enfants que j’accueille pendant l’atelier. Je préviens le relais si je ne peux pas venir. J’ai l’accord écrit des parents.',
};

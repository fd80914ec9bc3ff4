/**
 * The staff page of the ateliers d'éveil (/admin/ateliers) as it shows: the
 * sessions to come and those of the last month, the professionals who never
 * come, the message after publishing, and the publishing form with its
 * defaults or what was typed.
 */
import { heure, jourLong } from '../../domain/temps';
import { listeRelais } from '../rdv/agenda';
import { nombre } from '../staff/pluriel';
import { un, type ContexteStaff, type Resultat } from '../staff/contexte';
import { relecture, type Echec } from '../staff/page-post';
import { lireProgramme, NOUVEL_ATELIER } from './programme';

/** Field labels, in the order of the form (the error summary follows it). */
export const LIBELLES_ATELIER = {
  theme: 'Thème',
  description: 'Description',
  lieuId: 'Site',
  frequence: 'Fréquence',
  du: 'Première séance',
  au: 'Fin du programme',
  rang: 'Semaine du mois',
  debut: 'Début',
  fin: 'Fin',
  ageMinMois: 'Âge minimal (mois)',
  ageMaxMois: 'Âge maximal (mois)',
  placesPro: 'Places pour les professionnels',
  placesEnfants: 'Places pour les enfants',
  reglement: 'Règlement à accepter',
};
/** The frequency is a group of radios: the summary links to the first one. */
export const CIBLES_ATELIER = { frequence: 'f-frequence-unique' };

export const FREQUENCES = [
  { value: 'unique', label: 'Une seule séance' },
  { value: 'hebdomadaire', label: 'Chaque semaine, le même jour' },
  { value: 'mensuelle', label: 'Chaque mois' },
];
export const RANGS = [
  { value: '1', label: '1re semaine' },
  { value: '2', label: '2e semaine' },
  { value: '3', label: '3e semaine' },
  { value: '4', label: '4e semaine' },
  { value: '5', label: 'Dernière semaine' },
];

export async function chargerProgramme(c: ContexteStaff, q: URLSearchParams, echec: Echec<Resultat> | null) {
  const choisi = q.get('relais');
  const [{ relais, lieux, seances, jamais }, tousRelais] = await Promise.all([
    lireProgramme(c, choisi),
    c.staff.role === 'admin' ? listeRelais(c.db) : Promise.resolve([]),
  ]);
  const r = relecture(echec);
  const ligne = (s: (typeof seances)[number]) => ({
    ...s,
    jour: jourLong(s.debut, 'fr'),
    quand: `${jourLong(s.debut, 'fr')}, ${heure(s.debut, 'fr')}–${heure(s.fin, 'fr')}`,
  });
  const publiees = Number(q.get('seances'));
  return {
    relais,
    /** The relais to choose from (admin only, when there is a choice). */
    tousRelais: tousRelais.length > 1 ? tousRelais : [],
    aVenir: seances.filter((s) => s.debut > c.maintenant).map(ligne),
    passees: seances.filter((s) => s.debut <= c.maintenant).map(ligne),
    jamais,
    message: q.get('fait') === 'cree' && Number.isInteger(publiees) ? `Atelier publié : ${nombre(publiees, 'séance', 'séances')} au programme.` : null,
    action: `/admin/ateliers${choisi ? `?relais=${encodeURIComponent(choisi)}` : ''}`,
    /** What was typed, or the defaults of a new atelier. */
    v: (k: string) => r.v(k, echec ? '' : un(NOUVEL_ATELIER, k)),
    erreurs: echec?.erreurs ?? {},
    lieux: [{ value: '', label: 'Choisir…' }, ...lieux.map((l) => ({ value: l.id, label: l.nom }))],
  };
}

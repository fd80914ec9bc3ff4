/**
 * The staff page of one analyse-de-la-pratique group
 * (/admin/analyse-pratique/[id]): which of its three forms was posted (place
 * a professional, plan a session, attendance of a past session), and what the
 * page shows, with each form's values or defaults.
 */
import { heure, jourLong } from '../../domain/temps';
import { SEUILS_ANALYSE_PRATIQUE } from '../../domain/ateliers/analyse-pratique';
import { un, type ContexteStaff, type Resultat, type Saisie } from '../staff/contexte';
import { relecture, type Echec } from '../staff/page-post';
import { lireGroupe, noterPresencesAp, placer, planifierSeance } from './analyse-pratique';

/** One handler for the page's three forms, chosen by the hidden field `formulaire`. */
export function agirSurGroupe(c: ContexteStaff, id: string, saisie: Saisie): Promise<Resultat> {
  const formulaire = un(saisie, 'formulaire');
  if (formulaire === 'placer') return placer(c, id, saisie);
  if (formulaire === 'seance') return planifierSeance(c, id, saisie);
  return noterPresencesAp(c, id, saisie);
}

/** Field labels, in the order of the page (the error summary follows it). */
export const LIBELLES_GROUPE = { structureId: 'Professionnel à placer', jour: 'Date', debut: 'Début', fin: 'Fin', formulaire: 'Présences' };

const MESSAGES: Record<string, string> = {
  cree: 'Groupe créé.',
  place: 'Professionnel placé dans le groupe.',
  seance: 'Séance planifiée.',
  presences: 'Présences enregistrées.',
};

/** Null when there is no such group in this person's relais. */
export async function chargerGroupe(c: ContexteStaff, id: string, q: URLSearchParams, echec: Echec<Resultat> | null) {
  const d = await lireGroupe(c, id);
  if (!d) return null;
  const poste = echec ? un(echec.saisie, 'formulaire') : null;
  const seanceEnErreur = poste === 'presences' ? un(echec!.saisie, 'seanceId') : null;
  const passees = d.seances.filter((s) => s.debut <= c.maintenant);
  const membre0 = d.membres[0]?.id;
  return {
    groupe: d.groupe,
    relaisNom: d.relaisNom,
    membres: d.membres,
    max: SEUILS_ANALYSE_PRATIQUE.membresParGroupeMax,
    complet: d.complet,
    message: MESSAGES[q.get('fait') ?? ''] ?? null,
    erreurs: echec?.erreurs ?? {},
    /** An attendance error links to the first box of the session posted (or to the content). */
    cibles: { formulaire: seanceEnErreur && membre0 && passees.some((s) => s.id === seanceEnErreur) ? `present-${seanceEnErreur}-${membre0}` : 'contenu' },
    placer: relecture(echec, 'placer', poste),
    seance: relecture(echec, 'seance', poste),
    seanceEnErreur,
    aPlacer: [
      { value: '', label: d.aPlacer.length ? 'Choisir…' : 'Aucun volontaire à placer' },
      ...d.aPlacer.map((v) => ({ value: v.id, label: `${v.nom}${v.groupeId ? ' (dans un autre groupe)' : ''}` })),
    ],
    seances: d.seances.map((s) => ({
      id: s.id,
      texte: `${jourLong(s.debut, 'fr')}, ${heure(s.debut, 'fr')}–${heure(s.fin, 'fr')} — présents : ${d.membres.filter((m) => d.presences.has(`${s.id}:${m.id}`)).length}`,
    })),
    /** Past sessions, whose attendance can be marked (once the group has members). */
    presences:
      d.membres.length === 0
        ? []
        : passees.map((s) => ({
            id: s.id,
            jour: jourLong(s.debut, 'fr'),
            membres: d.membres.map((m) => ({ ...m, present: d.presences.has(`${s.id}:${m.id}`) })),
          })),
  };
}

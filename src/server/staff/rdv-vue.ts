/**
 * The page of one RDV for staff (/admin/agenda/rdv/[id]) as it shows: its
 * details in words, the message after an action, the status actions offered
 * and the free slots to move it to. Null when there is no such RDV.
 */
import { heureParis, jourParis, type Statut } from '../../domain/rdv/creneaux';
import { jourLong } from '../../domain/rdv/format';
import { adresseLieu } from '../rdv/courriels';
import { lireRdvStaff, type ResultatRdv } from './rdv';
import { relecture, type Echec } from './page-post';
import type { ContexteStaff } from './contexte';

const MESSAGES: Record<string, string> = {
  honore: 'Rendez-vous marqué honoré.',
  absent: 'Rendez-vous marqué absent.',
  excuse: 'Rendez-vous marqué excusé.',
  annule: 'Rendez-vous annulé : le créneau est libre.',
  deplace: 'Rendez-vous déplacé. La famille a reçu un e-mail.',
  reserve: 'Rendez-vous réservé.',
};
const LIBELLES_STATUT: Record<Statut, string> = { reserve: 'Réservé', honore: 'Honoré', absent: 'Absent', excuse: 'Excusé', annule: 'Annulé' };
const ACTIONS: Partial<Record<Statut, string>> = { honore: 'Marquer honoré', absent: 'Marquer absent (non venu)', excuse: 'Marquer excusé' };

/** Field labels for the error summary: an action error has no field of its own. */
export const LIBELLES_RDV = { action: 'Action', creneau: 'Nouveau créneau' };

export async function chargerRdvStaff(c: ContexteStaff, id: string, q: URLSearchParams, echec: Echec<ResultatRdv> | null) {
  const { v } = relecture(echec);
  const vue = await lireRdvStaff(c, id, q.get('depuis') ?? (echec ? v('depuis') : null));
  if (!vue) return null;
  const { ctx, dem, voit, agir, possibles, jours } = vue;
  const rdv = ctx.rdv;
  return {
    ...vue,
    rdv,
    titre: `Rendez-vous du ${jourLong(rdv.debut, 'fr')} à ${heureParis(rdv.debut)}`,
    retour: `/admin/agenda?vue=jour&date=${jourParis(rdv.debut)}`,
    message: MESSAGES[q.get('fait') ?? ''] ?? '',
    erreurs: echec?.erreurs ?? {},
    creneauChoisi: echec ? v('creneau') : undefined,
    /** Where the summary links: the first action button, the first slot, or the page's content when there is none. */
    cibles: { action: possibles.length > 0 ? 'f-action' : 'contenu', creneau: jours.length > 0 ? 'f-creneau' : 'champ-creneau' },
    details: {
      etat: LIBELLES_STATUT[rdv.statut],
      horaire: `${heureParis(rdv.debut)} – ${heureParis(rdv.fin)}`,
      motif: ctx.motif.nom,
      mode: rdv.mode === 'sur-place' ? `Sur place : ${adresseLieu(ctx.lieu, ctx.communeNom)}` : rdv.mode === 'telephone' ? 'Téléphone' : 'Visio',
      demande: dem ? { reference: dem.reference, lien: voit ? `/admin/demandes/${dem.id}` : null } : null,
      prisPar: `${rdv.parFamille ? 'la famille, en ligne' : 'le relais'}${rdv.nbDeplacements > 0 ? `, déplacé ${rdv.nbDeplacements} fois` : ''}`,
      periodeCreneaux: `Du ${jourLong(vue.depuis, 'fr')}, sur 14 jours. Délai et horizon de réservation en ligne ignorés.`,
      prevenu: rdv.demandeId ? 'La famille reçoit' : 'L’assistant maternel reçoit',
    },
    actions: possibles.map((s) => ({ valeur: s, texte: ACTIONS[s] ?? s })),
    modifiable: agir && rdv.statut === 'reserve',
    autreSecteur: !agir && rdv.statut === 'reserve',
  };
}

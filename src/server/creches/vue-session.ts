/**
 * One commission session's page (staff): the POST (compute, close, publish,
 * or an override for one family) and the view model. The override forms
 * name their fields after the proposal (structureId-<id>, motif-<id>) so
 * that every id on the page is unique; a refused override comes back open,
 * with what was typed and its errors under those names.
 */
import { deroger } from './commission';
import { agirSurSession, lireSession } from './staff';
import { un, type ContexteStaff, type Erreurs, type Saisie } from '../staff/contexte';
import { dateCourteFr } from '../../domain/temps';

const MESSAGES: Record<string, string> = {
  calculee: 'La proposition est calculée.',
  derogation: 'La dérogation est enregistrée.',
  close: 'Session close : les offres et les lettres sont parties.',
  publie: 'Le compte rendu est publié.',
};
const STATUTS: Record<string, string> = { ouverte: 'places saisies', proposee: 'proposition calculée', close: 'close' };

/** What a refused POST leaves for the page: errors by field name on the page, what was typed, which override form. */
export type RefusSession = { erreurs: Erreurs; saisie: Saisie; propositionId: string };

/** The POST: where to go (303), or the refusal to show again (422). */
export async function agirDepuisPageSession(c: ContexteStaff, sessionId: string, saisie: Saisie): Promise<{ redirection: string } | RefusSession> {
  const propositionId = un(saisie, 'propositionId');
  const r =
    un(saisie, 'action') === 'deroger'
      ? await deroger(c.db, c.staff, sessionId, propositionId, {
          structureId: un(saisie, `structureId-${propositionId}`),
          motif: un(saisie, `motif-${propositionId}`),
        })
      : await agirSurSession(c.db, c.staff, sessionId, saisie, c.maintenant);
  if (r.ok) return { redirection: r.redirection };
  // An override's errors take the names of that proposal's fields; the session's buttons keep `action`.
  const erreurs = propositionId ? Object.fromEntries(Object.entries(r.erreurs).map(([k, v]) => [k === 'action' ? k : `${k}-${propositionId}`, v])) : r.erreurs;
  return { erreurs, saisie, propositionId };
}

/** Label of a field of the page in the error summary. */
export function libelleChampSession(k: string): string {
  return k.startsWith('structureId') ? 'Crèche' : k.startsWith('motif') ? 'Motif de la dérogation' : 'Action';
}

export async function chargerSession(c: Pick<ContexteStaff, 'db'>, id: string, refus: RefusSession | null, fait: string | null) {
  const s = await lireSession(c.db, id, { anonyme: false });
  if (!s) return null;
  const erreurs = refus?.erreurs ?? {};
  const enErreur = refus?.propositionId ?? '';
  const crecheOptions = [{ value: '', label: 'Aucune place' }, ...Object.keys(s.places).map((cid) => ({ value: cid, label: s.noms.get(cid) ?? cid }))];
  const derogations = s.lignes.map((l) => {
    const posee = enErreur === l.id && refus !== null;
    return {
      id: l.id,
      rangTirage: l.rangTirage,
      resume: `N° ${l.rangTirage} — ${l.reference} : ${l.creche ? s.noms.get(l.creche) : 'pas de place'}`,
      ouvert: posee,
      structureId: {
        nom: `structureId-${l.id}`,
        valeur: posee ? un(refus.saisie, `structureId-${l.id}`) : (l.creche ?? ''),
        erreur: erreurs[`structureId-${l.id}`],
      },
      motif: { nom: `motif-${l.id}`, valeur: posee ? un(refus.saisie, `motif-${l.id}`) : '', erreur: erreurs[`motif-${l.id}`] },
    };
  });
  return {
    s,
    titre: `Commission du ${dateCourteFr(s.le)}`,
    message: fait ? (MESSAGES[fait] ?? null) : null,
    details: {
      statut: STATUTS[s.statut] ?? s.statut,
      debutAccueil: dateCourteFr(s.debutAccueil),
      grille: `version ${s.grilleVersion}, adoptée le ${dateCourteFr(s.grilleAdoptee)}`,
    },
    crecheOptions,
    derogations,
    erreurs,
  };
}

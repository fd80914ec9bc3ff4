/**
 * Handler of /suivi/<jeton>/creche: the family's crèche application (one for
 * every crèche of the territory, made from its demande), and the answers
 * posted from the follow-up page's crèche section (accept or refuse an offer,
 * confirm the application). The rules live in src/server/creches/.
 * Contract: ./contrat.ts; an unknown token gives `introuvable` (the page answers 404).
 */
import { localePath, type T } from '../../i18n';
import { demandeParJeton } from '../demande/suivi';
import { candidatureDe, confirmerCandidature, crechesPourFormulaire, deposerCandidature, NB_VOEUX, type SaisieFamille } from '../creches/candidature';
import { repondreOffre } from '../creches/commission';
import { ACTIVITES } from '../../domain/creches/grille';
import { estOuverte } from '../../domain/demande/etats';
import { lireFormulaire, redirection, vue, type ContexteFormulaire, type Reponse } from './contrat';

type VueCandidatureCreche = {
  /** Where the form posts, and the follow-up page it goes back to. */
  action: string;
  retour: string;
  /** First value of each field, as typed (or the defaults from the demande). */
  valeurs: Record<string, string>;
  /** The ticked days (1 = Monday). */
  jours: string[];
  erreurs: Record<string, string>;
  creches: { value: string; label: string }[];
};

/** Where the summary links for the groups: their first box. */
export const CIBLES_CANDIDATURE = { jours: 'f-jours-1', activite: `f-activite-${ACTIVITES[0]}` };

/** The visible name of each field, as the error summary names it (in page order). */
export function libellesCandidature(t: T): Record<string, string> {
  return {
    voeu1: t('creches.formulaire.voeu', { n: 1 }),
    dateDebut: t('creches.formulaire.dateDebut'),
    jours: t('creches.formulaire.jours'),
    heureFin: t('creches.formulaire.heureFin'),
    activite: t('creches.formulaire.activite'),
    quotient: t('creches.formulaire.quotient'),
    fratrie: t('creches.formulaire.fratrie'),
  };
}

const premiere = (x: string | string[] | undefined) => (Array.isArray(x) ? (x[0] ?? '') : (x ?? ''));

/** The view of a saisie: first values, ticked days. */
function valeursCandidature(saisie: SaisieFamille): Pick<VueCandidatureCreche, 'valeurs' | 'jours'> {
  const jours = saisie.jours;
  return {
    valeurs: Object.fromEntries(Object.entries(saisie).map(([k, x]) => [k, premiere(x)])),
    jours: Array.isArray(jours) ? jours : jours ? [jours] : [],
  };
}

export async function traiterCandidatureCreche(ctx: ContexteFormulaire, jeton: string): Promise<Reponse<VueCandidatureCreche> | { type: 'introuvable' }> {
  const { db, lang } = ctx.locals;
  const demande = await demandeParJeton(db, jeton);
  if (!demande) return { type: 'introuvable' };
  const retour = localePath(lang, `/suivi/${jeton}`);
  let erreurs: Record<string, string> = {};
  let saisie: SaisieFamille = { dateDebut: demande.dateDebut, heureDebut: '08:30', heureFin: '17:30', jours: ['1', '2', '3', '4', '5'] };
  if (ctx.request.method === 'POST') {
    const f = await lireFormulaire(ctx.request);
    const action = String(f.action ?? '');
    if (action === 'accepter' || action === 'refuser') {
      await repondreOffre(db, demande.id, action === 'accepter');
      return redirection(`${retour}?creche=repondu#creche`);
    }
    if (action === 'confirmer') {
      await confirmerCandidature(db, demande.id);
      return redirection(`${retour}?creche=confirmee#creche`);
    }
    const r = await deposerCandidature(db, demande, f);
    if (r.ok) return redirection(`${retour}?creche=enregistree#creche`);
    ({ erreurs, saisie } = r);
  } else if (!estOuverte(demande.etat) || (await candidatureDe(db, demande.id))) {
    return redirection(`${retour}#creche`);
  }
  const creches = (await crechesPourFormulaire(db, demande.territoireId)).map((c) => ({ value: c.id, label: `${c.nom} (${c.communeNom})` }));
  const action = localePath(lang, `/suivi/${jeton}/creche`);
  return vue({ action, retour, ...valeursCandidature(saisie), erreurs, creches }, Object.keys(erreurs).length ? 422 : 200);
}

export { NB_VOEUX };

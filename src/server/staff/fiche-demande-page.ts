/**
 * The demande page of the back office (src/pages/admin/demandes/[id].astro),
 * Astro-independent: the posted form goes to agirSurDemande, then the page
 * reads the file (lireFicheDemande) and the errors of the one form that was
 * posted, each to be shown next to its field and linked from the summary.
 */
import { DemandeIntrouvable } from '../backoffice/demande';
import { LANG_INFO, isLang } from '../../i18n';
import { agirSurDemande, lireFicheDemande, type ActionDemande, type ResultatFiche } from './fiche-demande';
import { lireSaisie, type ContexteStaff } from './contexte';

/** Labels of the fields the actions' errors name, in page order. */
function libellesFiche(action: ActionDemande | null): Record<string, string> {
  return {
    transition: 'Action',
    typeSolution: 'Type de solution trouvée',
    motif: action === 'contact' ? 'Motif principal' : 'Motif ou précision',
    canal: 'Canal',
    issue: 'Issue',
    assignee: 'Suivie par',
    texte: 'Nouvelle note',
    communes: 'Communes où relayer',
    miseEnRelationId: 'Mise en relation',
    structureId: 'Lieu d’accueil',
    relancer: 'Courriel à la famille',
    relanceId: 'Suivi',
    action: 'Action',
  };
}

/** Fields that are not a control of the action's form: the summary links to their section. */
const AILLEURS: Record<string, string> = { miseEnRelationId: 't-mer', structureId: 't-suggestions', relanceId: 't-relances', action: 'message' };

/** Where each error's summary link goes: the control `<action>-<field>`, or the section. */
function ciblesErreurs(action: ActionDemande | null, erreurs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(erreurs).map((k) => [k, AILLEURS[k] ?? `${action}-${k}`]));
}

/** The file of the demande and, after a failed action, what its form needs to show again. */
async function vueFicheDemande(c: ContexteStaff, id: string, resultat: ResultatFiche | null, q: URLSearchParams) {
  const fiche = await lireFicheDemande(c, id);
  const d = fiche.detail.demande;
  const echec = resultat && !resultat.ok ? resultat : null;
  const action = echec?.action ?? null;
  const erreurs = echec?.erreurs ?? {};
  const saisie = echec?.saisie ?? {};
  /** The error of a field, only for the form of the action that was posted. */
  const err = (a: string, champ: string) => (action === a ? erreurs[champ] : undefined);
  return {
    ...fiche,
    action,
    erreurs,
    err,
    /** What was typed in that form (nothing typed is lost). */
    val: (a: string, champ: string) => (action === a ? String(saisie[champ] ?? '') : ''),
    decrit: (champ: string, a: string) => (err(a, champ) ? `err-${a}-${champ}` : undefined),
    invalide: (champ: string, a: string) => (err(a, champ) ? ('true' as const) : undefined),
    libelles: libellesFiche(action),
    cibles: ciblesErreurs(action, erreurs),
    fait: q.get('fait'),
    langue: isLang(d.langue) ? LANG_INFO[d.langue].nomFrancais : d.langue,
    famille: d.parents.map((p) => `${p.prenom} ${p.nom}`).join(' et ') || '(données anonymisées)',
  };
}

type PageFicheDemande =
  { type: 'introuvable' } | { type: 'redirection'; vers: string } | { type: 'page'; statut: 200 | 422; vue: Awaited<ReturnType<typeof vueFicheDemande>> };

/** GET: the file. POST: the action, then where to go (303) or the file again with the errors (422). An unknown demande: not found. */
export async function pageFicheDemande(c: ContexteStaff, id: string, requete: Request, q: URLSearchParams): Promise<PageFicheDemande> {
  try {
    const resultat = requete.method === 'POST' ? await agirSurDemande(c, id, await lireSaisie(requete)) : null;
    if (resultat?.ok) return { type: 'redirection', vers: resultat.redirection };
    return { type: 'page', statut: resultat ? 422 : 200, vue: await vueFicheDemande(c, id, resultat, q) };
  } catch (e) {
    if (e instanceof DemandeIntrouvable) return { type: 'introuvable' };
    throw e;
  }
}

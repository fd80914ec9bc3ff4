/**
 * The demande page of the back office: what it shows (lireFicheDemande) and
 * the nine things staff do on it (agirSurDemande). Each action checks the
 * perimeter again on the server (backoffice/demande.ts) and validates its
 * fields with zod; a refusal throws AccesRefuse, which the guard answers with 403.
 */
import { z } from 'zod';
import {
  ajouterContact,
  appliquerTransition,
  ajouterNote,
  assigner,
  chargerDemande,
  enregistrerIssueRelation,
  marquerRelanceTraitee,
  mettreEnRelationAvec,
  relancerFamille,
  type ResultatAction,
} from '../backoffice/demande';
import { suggestionsPour, centresCommunes } from '../backoffice/suggestions';
import { relayerOffre } from '../backoffice/offres';
import { courrierSansSolution } from '../backoffice/courriers';
import { communesDuRelais } from '../donnees/perimetre';
import { effacerParStaff } from '../donnees/effacement-staff';
import { kmEntre } from '../../domain/relance/alternatives';
import { suiviPrevuLe } from '../../domain/demande/mise-en-relation';
import type { ContexteStaff, Resultat, Saisie } from './contexte';

export const ACTIONS_DEMANDE = [
  'contact',
  'transition',
  'note',
  'assigner',
  'mise-en-relation',
  'relayer',
  'effacer',
  'relancer',
  'relance-traitee',
  'issue-relation',
] as const;
export type ActionDemande = (typeof ACTIONS_DEMANDE)[number];

const schemaAction = z.object({ action: z.enum(ACTIONS_DEMANDE, { error: 'Action inconnue' }) });

/** Success: where to go (POST/redirect/GET, the message in the URL). Failure: which form to redisplay with its errors. */
export type ResultatFiche = Resultat<{ action: ActionDemande | null }>;

export async function agirSurDemande(c: ContexteStaff, id: string, saisie: Saisie): Promise<ResultatFiche> {
  const p = schemaAction.safeParse(saisie);
  if (!p.success) return { ok: false, action: null, erreurs: { action: 'Action inconnue' }, saisie };
  const { db, staff: u, maintenant } = c;
  const baseUrl = c.config.publicUrl;
  const action = p.data.action;
  const executer: Record<ActionDemande, () => Promise<ResultatAction>> = {
    contact: () => ajouterContact(db, u, id, saisie, maintenant),
    transition: () => appliquerTransition(db, u, id, saisie, maintenant),
    note: () => ajouterNote(db, u, id, saisie, maintenant),
    assigner: () => assigner(db, u, id, saisie),
    'mise-en-relation': () => mettreEnRelationAvec(db, u, id, saisie, maintenant, baseUrl),
    'issue-relation': () => enregistrerIssueRelation(db, u, id, saisie, maintenant),
    relayer: () => relayerOffre(db, u, id, saisie, { baseUrl, maintenant }),
    effacer: () => effacerParStaff(db, u, id, saisie, { maintenant }),
    relancer: () => relancerFamille(db, u, id, { baseUrl, maintenant }),
    'relance-traitee': () => marquerRelanceTraitee(db, u, id, saisie, maintenant),
  };
  const r = await executer[action]();
  if (r.ok) return { ok: true, redirection: `/admin/demandes/${id}?fait=${encodeURIComponent(r.message)}#message` };
  return { ok: false, action, erreurs: r.erreurs, saisie };
}

/** Everything the page shows (the read is written to the audit log by chargerDemande). */
export async function lireFicheDemande(c: ContexteStaff, id: string) {
  const { db, staff, maintenant } = c;
  const detail = await chargerDemande(db, staff, id, maintenant);
  const d = detail.demande;
  const suggestions = await suggestionsPour(db, staff, id, { maintenant, seuilFraicheurJours: c.config.DISPO_FRAICHEUR_JOURS });
  const communes = await centresCommunes(db);
  const origine = communes.find((x) => x.code === d.communeCode);
  // Communes where the need may be relayed to AM: the family's and its neighbours within 12 km.
  const communesRelais = origine
    ? communes
        .map((x) => ({ ...x, km: kmEntre(origine, x) }))
        .filter((x) => x.km <= 12)
        .sort((a, b) => a.km - b.km)
        .slice(0, 15)
    : [];
  const duRelais = await communesDuRelais(db, d.relaisId, maintenant);
  const lettre = d.etat === 'sans-solution' && !d.email && !d.anonymiseeLe ? await courrierSansSolution(db, id, maintenant) : null;
  const dernierSuivi =
    detail.relances
      .filter((r) => r.type === 'suivi')
      .map((r) => r.envoyeeLe)
      .sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  const suiviPrevu = suiviPrevuLe(d, c.config.SUIVI_DELAI_MOIS, dernierSuivi);
  return { detail, suggestions, communesRelais, duRelais, lettre, suiviPrevuLe: suiviPrevu };
}

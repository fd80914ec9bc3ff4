/**
 * A mise en relation that leads somewhere: what the family is told about the
 * professional proposed, what the professional may answer from her link, and
 * what each answer does to the demande.
 */
import { addMonths } from 'date-fns';
import type { TypeSolution } from './etats';

/** The three answers a professional gives in one click from her email. */
export const REPONSES_PRO = ['contacte', 'contrat', 'sans-suite'] as const;
export type ReponsePro = (typeof REPONSES_PRO)[number];

export function estReponsePro(v: unknown): v is ReponsePro {
  return typeof v === 'string' && (REPONSES_PRO as readonly string[]).includes(v);
}

export const LIBELLES_ISSUE_MER: Record<string, string> = {
  'en-attente': 'En attente de réponse',
  contacte: 'Famille contactée',
  contrat: 'Contrat signé',
  'sans-suite': 'Pas d’accord possible',
  'refus-famille': 'Refus de la famille',
  'refus-pro': 'Refus du professionnel',
};

type TypeStructure = 'creche' | 'micro-creche' | 'mam' | 'assistant-maternel' | 'garde-a-domicile' | 'periscolaire';

/** The kind of solution a contract with this place is. */
export function typeSolutionDe(type: TypeStructure): TypeSolution {
  const t: Record<TypeStructure, TypeSolution> = {
    creche: 'eaje',
    'micro-creche': 'micro-creche',
    mam: 'mam',
    'assistant-maternel': 'am',
    'garde-a-domicile': 'garde-a-domicile',
    periscolaire: 'periscolaire',
  };
  return t[type];
}

type Publication = { prenom?: boolean; telephone?: boolean; email?: boolean; adresse?: boolean };

/**
 * The phone and email the family may see: an assistant maternel's only when
 * she agreed to publish them; a structure's (crèche, MAM, service) are public.
 */
export function coordonneesPubliees(s: { type: TypeStructure; telephone: string | null; email: string | null; publication: Publication }): {
  telephone: string | null;
  email: string | null;
} {
  if (s.type !== 'assistant-maternel') return { telephone: s.telephone, email: s.email };
  return { telephone: s.publication.telephone ? s.telephone : null, email: s.publication.email ? s.email : null };
}

/**
 * When the follow-up email is due (the job sends it SUIVI_DELAI_MOIS months
 * after the solution, or after the latest mise en relation): null when none is
 * scheduled, or when one was already sent since.
 */
export function suiviPrevuLe(d: { etat: string; solutionLe: Date | null; etatDepuis: Date }, delaiMois: number, dernierSuiviLe: Date | null): Date | null {
  const depuis = d.etat === 'solution-trouvee' ? (d.solutionLe ?? d.etatDepuis) : d.etat === 'mise-en-relation' ? d.etatDepuis : null;
  if (!depuis) return null;
  if (dernierSuiviLe && dernierSuiviLe.getTime() >= depuis.getTime()) return null;
  return addMonths(depuis, delaiMois);
}

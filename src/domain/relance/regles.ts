/**
 * Follow-up rules: when to write to the family, when to remind, when staff
 * must call, what an answer does to the demande, and what retention erases.
 * Pure: dates are passed in.
 */
import { addDays, addMonths, subMonths } from 'date-fns';
import type { Etat, Transition, TypeSolution } from '../demande/etats';
import { ETATS_OUVERTS } from '../demande/etats';

export const TYPES_RELANCE = ['suivi', 'actualite'] as const;
export type TypeRelance = (typeof TYPES_RELANCE)[number];
export const REPONSES = { suivi: ['contrat', 'recherche', 'plus-besoin'], actualite: ['oui', 'non'] } as const;
export type ReponseSuivi = (typeof REPONSES.suivi)[number];
export type ReponseActualite = (typeof REPONSES.actualite)[number];
export type Reponse = ReponseSuivi | ReponseActualite;

/** Days between the first email and the reminder, then between the reminder and the staff's list. */
export const JOURS_AVANT_RAPPEL = 14;
export const JOURS_APRES_RAPPEL = 14;
/** How long the one-click links stay valid. */
export const VALIDITE_LIEN_JOURS = 60;

export function estReponse(type: TypeRelance, r: string): r is Reponse {
  return (REPONSES[type] as readonly string[]).includes(r);
}

/** The follow-up email is due N months after the solution or the (last) mise en relation. */
export function suiviDu(depuis: Date, delaiMois: number, maintenant: Date): boolean {
  return addMonths(depuis, delaiMois).getTime() <= maintenant.getTime();
}

/** The single reminder is due JOURS_AVANT_RAPPEL days after the email, without answer. */
export function rappelDu(r: { envoyeeLe: Date; rappelLe: Date | null; reponduLe: Date | null }, maintenant: Date): boolean {
  return !r.reponduLe && !r.rappelLe && addDays(r.envoyeeLe, JOURS_AVANT_RAPPEL).getTime() <= maintenant.getTime();
}

/** Still no answer JOURS_APRES_RAPPEL days after the reminder: staff must call. */
export function aTraiterDu(r: { rappelLe: Date | null; reponduLe: Date | null; aTraiterLe: Date | null }, maintenant: Date): boolean {
  return !r.reponduLe && !r.aTraiterLe && !!r.rappelLe && addDays(r.rappelLe, JOURS_APRES_RAPPEL).getTime() <= maintenant.getTime();
}

/** States whose families get the monthly "still current?" (a mise en relation gets the follow-up instead). */
export const ETATS_EN_ATTENTE: readonly Etat[] = ['nouvelle', 'en-cours', 'solution-proposee'];

/** Monthly "still current?" for waiting families: one month after filing, then one month after the last one. */
export function actualiteDue(o: { etat: Etat; creeLe: Date; derniereActualite: Date | null }, maintenant: Date): boolean {
  if (!ETATS_EN_ATTENTE.includes(o.etat)) return false;
  return addMonths(o.derniereActualite ?? o.creeLe, 1).getTime() <= maintenant.getTime();
}

/** Closed demandes whose closing is older than this are anonymised. */
export function limiteRetention(maintenant: Date, mois: number): Date {
  return subMonths(maintenant, mois);
}

type Effet = { transition: Transition | null; aTraiter: boolean; typeSolution?: TypeSolution };

/**
 * What an answer does. `solutionProbable` is the kind of the last place the
 * family was put in touch with (used when they answer "contract signed").
 */
export function effetReponse(type: TypeRelance, reponse: Reponse, etat: Etat, solutionProbable: TypeSolution = 'autre'): Effet {
  const ouverte = ETATS_OUVERTS.includes(etat);
  if (type === 'actualite') {
    if (reponse === 'non' && ouverte) return { transition: 'abandonner', aTraiter: false };
    return { transition: null, aTraiter: false };
  }
  switch (reponse) {
    case 'contrat':
      return etat === 'nouvelle' || !ouverte
        ? { transition: null, aTraiter: etat === 'nouvelle' }
        : { transition: 'conclure', aTraiter: false, typeSolution: solutionProbable };
    case 'recherche':
      return { transition: ['solution-trouvee', 'sans-solution', 'abandonnee'].includes(etat) ? 'reprendre' : null, aTraiter: true };
    case 'plus-besoin':
      return { transition: ouverte ? 'abandonner' : null, aTraiter: false };
    default:
      return { transition: null, aTraiter: false };
  }
}

/** Kind of solution from the type of a place of the offer. */
export function typeSolutionDe(typeStructure: string | null | undefined): TypeSolution {
  switch (typeStructure) {
    case 'creche':
      return 'eaje';
    case 'micro-creche':
      return 'micro-creche';
    case 'assistant-maternel':
      return 'am';
    case 'mam':
      return 'mam';
    case 'garde-a-domicile':
      return 'garde-a-domicile';
    case 'periscolaire':
      return 'periscolaire';
    default:
      return 'autre';
  }
}

/** i18n key of the thank-you message after an answer. */
export function cleMerci(reponse: Reponse): string {
  return (
    {
      contrat: 'relance.page.merciContrat',
      recherche: 'relance.page.merciRecherche',
      'plus-besoin': 'relance.page.merciPlusBesoin',
      oui: 'relance.page.merciOui',
      non: 'relance.page.merciNon',
    } as const
  )[reponse];
}

/**
 * What the family's follow-up page says: a plain-language timeline built from
 * the history rows, and what comes next (within how many days). Pure: the
 * page passes the rows and `maintenant`; the texts are i18n keys of `suivi`.
 */
import { addDays } from 'date-fns';
import type { Etat } from './etats';

/** Urgent demandes get a first contact within a week. */
const DELAI_URGENCE_JOURS = 7;

type LigneHistorique = { le: Date; transition: string; vers: Etat; parFamille: boolean };
export type EvenementSuivi = { le: Date; cle: string };
export type ProchaineEtape = { cle: string; avant?: Date; jours?: number };

const CLES_TRANSITION: Record<string, string> = {
  deposer: 'suivi.evenement.deposee',
  deposerHorsTerritoire: 'suivi.evenement.horsTerritoire',
  prendreEnCharge: 'suivi.evenement.priseEnCharge',
  proposerSolution: 'suivi.evenement.solutionProposee',
  mettreEnRelation: 'suivi.evenement.miseEnRelation',
  conclure: 'suivi.evenement.solutionTrouvee',
  classerSansSolution: 'suivi.evenement.sansSolution',
  abandonner: 'suivi.evenement.abandonnee',
  reprendre: 'suivi.evenement.reprise',
  rattacher: 'suivi.evenement.rattachee',
  miseAJourFamille: 'suivi.evenement.miseAJour',
};

/** The timeline, oldest first; the family's own withdrawal reads differently from staff closing it. */
export function chronologie(historique: readonly LigneHistorique[]): EvenementSuivi[] {
  return [...historique]
    .sort((a, b) => a.le.getTime() - b.le.getTime())
    .map((h) => ({
      le: h.le,
      cle: h.transition === 'abandonner' && h.parFamille ? 'suivi.evenement.retireeParVous' : (CLES_TRANSITION[h.transition] ?? 'suivi.evenement.autre'),
    }));
}

/** Days allowed before the first contact. */
export function delaiPremierContact(urgence: boolean, delaiRelaisJours: number): number {
  return urgence ? Math.min(DELAI_URGENCE_JOURS, delaiRelaisJours) : delaiRelaisJours;
}

export function prochaineEtape(o: { etat: Etat; creeLe: Date; urgence: boolean; delaiRelaisJours: number; maintenant: Date }): ProchaineEtape {
  switch (o.etat) {
    case 'nouvelle': {
      const jours = delaiPremierContact(o.urgence, o.delaiRelaisJours);
      const avant = addDays(o.creeLe, jours);
      return avant.getTime() >= o.maintenant.getTime() ? { cle: 'suivi.prochaine.nouvelle', avant, jours } : { cle: 'suivi.prochaine.nouvelleEnRetard', jours };
    }
    case 'en-cours':
      return { cle: 'suivi.prochaine.enCours' };
    case 'solution-proposee':
      return { cle: 'suivi.prochaine.solutionProposee' };
    case 'mise-en-relation':
      return { cle: 'suivi.prochaine.miseEnRelation' };
    case 'solution-trouvee':
      return { cle: 'suivi.prochaine.solutionTrouvee' };
    case 'sans-solution':
      return { cle: 'suivi.prochaine.sansSolution' };
    case 'abandonnee':
      return { cle: 'suivi.prochaine.abandonnee' };
    case 'hors-territoire':
      return { cle: 'suivi.prochaine.horsTerritoire' };
  }
}

/** Plain-language name of each state (i18n keys). */
export const CLES_ETAT: Record<Etat, string> = {
  nouvelle: 'suivi.etat.nouvelle',
  'en-cours': 'suivi.etat.enCours',
  'solution-proposee': 'suivi.etat.solutionProposee',
  'mise-en-relation': 'suivi.etat.miseEnRelation',
  'solution-trouvee': 'suivi.etat.solutionTrouvee',
  'sans-solution': 'suivi.etat.sansSolution',
  abandonnee: 'suivi.etat.abandonnee',
  'hors-territoire': 'suivi.etat.horsTerritoire',
};

/**
 * Two demandes side by side (a possible duplicate, src/pages/admin/demandes/[id]/doublon.astro):
 * one line per field as staff read it, marked when the two differ.
 */
import type { Etat } from './etats';
import { LIBELLES_ETAT, LIBELLES_MODE } from './file';
import { dateCourteFr, dateHeureFr } from '../temps';

/** What is compared of a demande. */
export type FicheComparee = {
  reference: string;
  etat: Etat;
  creeLe: Date;
  parents: { prenom: string; nom: string }[];
  email: string | null;
  telephone: string | null;
  communeNom: string | null;
  communeHorsTerritoire: string | null;
  enfants: { prenom: string | null; dateNaissance: string | null; naissancePrevue: string | null }[];
  dateDebut: string;
  modesSouhaites: string[];
  urgence: boolean;
  premierContactLe: Date | null;
};

type LigneComparaison = { libelle: string; nouvelle: string; originale: string; differe: boolean };

const enfant = (e: FicheComparee['enfants'][number]): string =>
  `${e.prenom ?? 'enfant'} (${e.dateNaissance ? `né le ${dateCourteFr(e.dateNaissance)}` : e.naissancePrevue ? `attendu le ${dateCourteFr(e.naissancePrevue)}` : '?'})`;

const CHAMPS: [string, (f: FicheComparee) => string][] = [
  ['Référence', (f) => f.reference],
  ['État', (f) => LIBELLES_ETAT[f.etat]],
  ['Déposée le', (f) => dateHeureFr(f.creeLe)],
  ['Parents', (f) => f.parents.map((p) => `${p.prenom} ${p.nom}`).join(', ') || '—'],
  ['Courriel', (f) => f.email ?? '—'],
  ['Téléphone', (f) => f.telephone ?? '—'],
  ['Commune', (f) => f.communeNom ?? f.communeHorsTerritoire ?? '—'],
  ['Enfants', (f) => f.enfants.map(enfant).join(', ') || '—'],
  ['Début souhaité', (f) => dateCourteFr(f.dateDebut)],
  ['Modes souhaités', (f) => f.modesSouhaites.map((m) => LIBELLES_MODE[m] ?? m).join(', ') || '—'],
  ['Urgent', (f) => (f.urgence ? 'oui' : 'non')],
  ['Premier contact', (f) => (f.premierContactLe ? dateHeureFr(f.premierContactLe) : 'aucun')],
];

export function lignesComparaison(nouvelle: FicheComparee, originale: FicheComparee): LigneComparaison[] {
  return CHAMPS.map(([libelle, f]) => {
    const [a, b] = [f(nouvelle), f(originale)];
    return { libelle, nouvelle: a, originale: b, differe: a !== b };
  });
}

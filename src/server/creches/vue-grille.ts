/**
 * The points grid page (admin): the adoption handler's call and the view
 * model, the versions adopted and the form of a new version (prefilled with
 * the grid in force, or what was typed when the adoption is refused).
 */
import { grilleDuJour, grilles } from './donnees';
import { adopterGrilleFormulaire, NB_TRANCHES_QF, saisieDeGrille } from './grille-admin';
import { un, type ContexteStaff, type Resultat, type Saisie } from '../staff/contexte';
import { ACTIVITES } from '../../domain/creches/grille';
import { dateCourteFr, jourParis } from '../../domain/temps';

const ACTIVITE: Record<(typeof ACTIVITES)[number], string> = {
  'deux-actifs': 'Les parents travaillent ou sont en formation',
  insertion: 'Parcours d’insertion',
  'un-actif': 'Un seul parent travaille',
  aucune: 'Aucune activité',
};
const AUTRES_CRITERES = ['fratrie', 'handicap', 'accompagnement', 'parentIsole', 'ancienneteParMois', 'anciennetePlafond', 'commune'] as const;

/** Field name → visible label, in the order of the form. */
export const LIBELLES_GRILLE: Record<string, string> = {
  adopteeLe: 'Date d’adoption',
  source: 'Décision',
  ...Object.fromEntries(ACTIVITES.map((a) => [`activite-${a}`, ACTIVITE[a]])),
  ...Object.fromEntries(
    Array.from({ length: NB_TRANCHES_QF }, (_, i) => [
      [`qf${i}-jusqua`, `Tranche ${i + 1} de quotient : jusqu’à (€)`],
      [`qf${i}-points`, `Tranche ${i + 1} de quotient : points`],
    ]).flat(),
  ),
  quotientInconnu: 'Quotient non communiqué',
  fratrie: 'Fratrie dans la crèche',
  handicap: 'Handicap dans la famille',
  accompagnement: 'Accompagnement social',
  parentIsole: 'Parent seul',
  ancienneteParMois: 'Ancienneté : points par mois',
  anciennetePlafond: 'Ancienneté : plafond',
  commune: 'Commune de la crèche',
};

/** A POST adopts a version: where to go, or the refused form (422). */
export function adopterGrilleDepuisPage(c: ContexteStaff, saisie: Saisie): Promise<Resultat> {
  return adopterGrilleFormulaire(c.db, c.staff, c.config.TERRITOIRE, saisie, c.maintenant);
}

/** `refus`: the handler's answer to a refused POST (else the form is prefilled with the grid in force). */
export async function chargerGrille(c: Pick<ContexteStaff, 'db' | 'config' | 'maintenant'>, refus: Extract<Resultat, { ok: false }> | null) {
  const territoireId = c.config.TERRITOIRE;
  const aujourdhui = jourParis(c.maintenant);
  const erreurs = refus?.erreurs ?? {};
  const saisie = refus?.saisie ?? { ...saisieDeGrille((await grilleDuJour(c.db, territoireId, aujourdhui))?.criteres ?? null), adopteeLe: aujourdhui };
  const champ = (k: string, type: 'number' | 'text' | 'date' = 'number') => ({
    nom: k,
    label: LIBELLES_GRILLE[k]!,
    type,
    valeur: un(saisie, k),
    erreur: erreurs[k],
    ...(type === 'number' ? { min: 0, inputmode: 'numeric' as const } : {}),
  });
  const versions = (await grilles(c.db, territoireId)).map((v) => ({ version: v.version, adoptee: dateCourteFr(v.adopteeLe), source: v.source }));
  return {
    versions,
    erreurs,
    champs: {
      adopteeLe: champ('adopteeLe', 'date'),
      source: champ('source', 'text'),
      activites: ACTIVITES.map((a) => champ(`activite-${a}`)),
      tranches: Array.from({ length: NB_TRANCHES_QF }, (_, i) => ({ jusqua: champ(`qf${i}-jusqua`), points: champ(`qf${i}-points`) })),
      quotientInconnu: champ('quotientInconnu'),
      autres: AUTRES_CRITERES.map((k) => champ(k)),
    },
  };
}

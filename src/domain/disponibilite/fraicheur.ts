/**
 * Availability is only useful when fresh: a place confirmed more than
 * `seuilJours` days ago (60 by default, DISPO_FRAICHEUR_JOURS) is shown
 * "à confirmer" and not counted as available.
 */
import { joursEntre, jourParis } from '../temps';

export type StatutDispo = 'places' | 'complet' | 'inconnu';
export type EtatAffiche = 'disponible' | 'a-confirmer' | 'complet' | 'inconnu';

/**
 * Calendar days in the portal's zone since `date` ("confirmé il y a 3 jours"
 * counts days as a family does, and the public offer then changes only with
 * the day, which lets it be cached for a whole day when nothing is written).
 */
export function joursDepuis(date: Date | null, maintenant: Date): number | null {
  if (!date) return null;
  return Math.max(0, joursEntre(jourParis(date), jourParis(maintenant)));
}

export function etatAffiche(statut: StatutDispo, confirmeeLe: Date | null, maintenant: Date, seuilJours = 60): EtatAffiche {
  if (statut === 'inconnu' || !confirmeeLe) return 'inconnu';
  const j = joursDepuis(confirmeeLe, maintenant)!;
  if (j > seuilJours) return 'a-confirmer';
  return statut === 'places' ? 'disponible' : 'complet';
}

/** Counted as available now: fresh, with a place from `aPartirDu` on or before `date`. */
export function disponibleLe(
  statut: StatutDispo,
  confirmeeLe: Date | null,
  placesDepuis: (string | Date)[],
  date: Date,
  maintenant: Date,
  seuilJours = 60,
): boolean {
  if (etatAffiche(statut, confirmeeLe, maintenant, seuilJours) !== 'disponible') return false;
  const limite = date.toISOString().slice(0, 10);
  return placesDepuis.some((p) => (typeof p === 'string' ? p : p.toISOString().slice(0, 10)) <= limite);
}

/**
 * The day a crèche manager says the contract was signed: a real day, not
 * in the future, not before the family accepted the place.
 */
import { instantParis, jourParis } from '../temps';

const JOUR = /^\d{4}-\d{2}-\d{2}$/;
const jourValide = (v: string) => JOUR.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** The error message for `jour` (AAAA-MM-JJ as a date field posts it), or null when it can be recorded. */
export function erreurDateContrat(jour: string, o: { maintenant: Date; accepteeLe: Date | null }): string | null {
  const v = jour.trim();
  if (!v) return 'Indiquez le jour où le contrat a été signé.';
  if (!jourValide(v)) return 'Date invalide : indiquez le jour, le mois et l’année (par exemple 15/03/2027).';
  if (v > jourParis(o.maintenant)) return 'La signature ne peut pas être dans le futur : notez le contrat une fois signé.';
  if (o.accepteeLe && v < jourParis(o.accepteeLe)) return 'Le contrat ne peut pas être signé avant que la famille accepte la place.';
  return null;
}

/** The instant recorded for a contract signed on `jour`: now when it is today, else noon of that day (always that day in the portal's zone). */
export function instantContrat(jour: string, maintenant: Date): Date {
  return jour === jourParis(maintenant) ? maintenant : instantParis(jour, '12:00');
}

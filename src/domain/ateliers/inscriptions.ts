/** Rules of the sign-ups to ateliers d'éveil (pure). */
export { PRESENCES, STATUTS_INSCRIPTION, type Presence, type StatutInscription } from './vocabulaire';

/** An AM may cancel up to this many hours before the session (after: she calls the relais). */
const DELAI_ANNULATION_HEURES = 24;
/** Reminder sent the day before, from this many hours before the start. */
export const RAPPEL_HEURES_AVANT = 36;
/** At most this many children per professional (an agrément allows 4 at most, plus her own). */
export const ENFANTS_MAX_PAR_AM = 6;

export function peutSInscrire(debut: Date, maintenant: Date, annulee = false): boolean {
  return !annulee && debut.getTime() > maintenant.getTime();
}

export function peutAnnuler(debut: Date, maintenant: Date): boolean {
  return debut.getTime() - maintenant.getTime() >= DELAI_ANNULATION_HEURES * 3600_000;
}

export function limiteAnnulation(debut: Date): Date {
  return new Date(debut.getTime() - DELAI_ANNULATION_HEURES * 3600_000);
}

/**
 * Which waiting sign-ups to promote, in order of arrival, when places free up.
 * A sign-up whose children do not fit is skipped (the next smaller one may fit):
 * the relais prefers a full session to a strict queue.
 */
export function aPromouvoir<T extends { enfants: number }>(attente: T[], placesPro: number, placesEnfants: number): T[] {
  const out: T[] = [];
  let pro = placesPro;
  let enf = placesEnfants;
  for (const a of attente) {
    if (pro < 1) break;
    if (a.enfants <= enf) {
      out.push(a);
      pro -= 1;
      enf -= a.enfants;
    }
  }
  return out;
}

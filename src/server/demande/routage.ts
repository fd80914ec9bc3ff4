import type { DbOrTx } from '../db';
import { relaisDeLaCommuneLe, type Routage } from '../requetes/adhesions';

export type { Routage };

/**
 * The relais responsible for a commune on a given day ('YYYY-MM-DD' in the portal's zone),
 * from the memberships with effective dates (debut inclusive, fin exclusive).
 * null when no relais covers the commune that day.
 */
export function relaisPourCommune(db: DbOrTx, communeCode: string, jour: string): Promise<Routage | null> {
  return relaisDeLaCommuneLe(db, communeCode, jour);
}

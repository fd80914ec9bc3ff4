import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';

export type Routage = { relaisId: string; secteurId: string | null };

/**
 * The relais responsible for a commune on a given day ('YYYY-MM-DD', Europe/Paris),
 * from the memberships with effective dates (debut inclusive, fin exclusive).
 * null when no relais covers the commune that day.
 */
export async function relaisPourCommune(db: DbOrTx, communeCode: string, jour: string): Promise<Routage | null> {
  const a = schema.adhesions;
  const [r] = await db.select({ relaisId: a.relaisId, secteurId: a.secteurId }).from(a)
    .where(and(eq(a.communeCode, communeCode), lte(a.debut, jour), or(isNull(a.fin), gt(a.fin, jour))))
    .limit(1);
  return r ?? null;
}

/**
 * "Commune → relais in force on day D": the one definition of a membership
 * (adhésion) being in force, used by routing, the queue, statistics, the
 * offer and the agenda. `debut` is inclusive, `fin` exclusive (null = open).
 */
import { and, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';

const a = schema.adhesions;

/** Condition on the `adhesions` table (not aliased): the row is in force on `jour` ('YYYY-MM-DD'). */
export function adhesionEnVigueur(jour: string): SQL {
  return and(lte(a.debut, jour), or(isNull(a.fin), gt(a.fin, jour)))!;
}

/**
 * Subquery of the commune codes a relais covers on `jour`, for `col in (…)`.
 * With `secteurId`, only that sector's communes.
 */
export function communesDuRelaisLe(jour: string, relaisId: string, secteurId?: string | null): SQL {
  const secteur = secteurId ? sql` and ${a.secteurId} = ${secteurId}` : sql``;
  return sql`(select ${a.communeCode} from ${a} where ${a.relaisId} = ${relaisId}${secteur} and ${adhesionEnVigueur(jour)})`;
}

export type Routage = { relaisId: string; secteurId: string | null };

/** The relais (and sector) responsible for a commune on `jour`; null when none covers it. */
export async function relaisDeLaCommuneLe(db: DbOrTx, communeCode: string, jour: string): Promise<Routage | null> {
  const [r] = await db
    .select({ relaisId: a.relaisId, secteurId: a.secteurId })
    .from(a)
    .where(and(eq(a.communeCode, communeCode), adhesionEnVigueur(jour)))
    .limit(1);
  return r ?? null;
}

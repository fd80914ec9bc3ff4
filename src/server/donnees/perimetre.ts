import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { jourParis } from '../../domain/temps';

/** INSEE codes of the communes that belong to `relaisId` on the day of `maintenant`. */
export async function communesDuRelais(db: DbOrTx, relaisId: string | null, maintenant = new Date()): Promise<Set<string>> {
  if (!relaisId) return new Set();
  const jour = jourParis(maintenant);
  const a = schema.adhesions;
  const rows = await db
    .select({ code: a.communeCode })
    .from(a)
    .where(and(eq(a.relaisId, relaisId), lte(a.debut, jour), or(isNull(a.fin), gt(a.fin, jour))));
  return new Set(rows.map((r) => r.code));
}

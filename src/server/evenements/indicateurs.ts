/**
 * Counts of the promotion of the métier for the CAF activity report: events
 * held in a period (not cancelled) and their sign-ups, by type. Periods
 * follow src/domain/stats/periode.ts: `debut` included, `fin` excluded.
 */
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { instantsDe, type PeriodeRelais } from '../../domain/stats/periode';
import type { TypeEvenement } from '../../domain/metier/vocabulaire';

type ComptesEvenements = { evenements: number; inscrits: number; parType: Partial<Record<TypeEvenement, { evenements: number; inscrits: number }>> };

export async function evenementsMetier(db: DbOrTx, p: PeriodeRelais): Promise<ComptesEvenements> {
  const vide: ComptesEvenements = { evenements: 0, inscrits: 0, parType: {} };
  if (p.relaisIds.length === 0) return vide;
  const e = schema.evenementsMetier;
  const i = schema.inscriptionsEvenement;
  const bornes = instantsDe(p);
  const rows = await db
    .select({
      type: e.type,
      evenements: sql<number>`count(distinct ${e.id})::int`,
      inscrits: sql<number>`count(${i.id})::int`,
    })
    .from(e)
    .leftJoin(i, eq(i.evenementId, e.id))
    .where(and(eq(e.annule, false), inArray(e.relaisId, [...p.relaisIds]), gte(e.debut, bornes.debut), lt(e.debut, bornes.fin)))
    .groupBy(e.type);
  return rows.reduce<ComptesEvenements>((acc, r) => {
    acc.evenements += Number(r.evenements);
    acc.inscrits += Number(r.inscrits);
    acc.parType[r.type as TypeEvenement] = { evenements: Number(r.evenements), inscrits: Number(r.inscrits) };
    return acc;
  }, vide);
}

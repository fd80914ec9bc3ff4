/**
 * Counts of the formation continue for the CAF activity report
 * (/admin/statistiques): departures in training of a period and relais.
 * Periods follow src/domain/stats/periode.ts: `debut` included, `fin` excluded.
 */
import { and, countDistinct, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import type { PeriodeRelais } from '../../domain/stats/periode';

/** Distinct AM who left in training during the period, for sessions of these relais. */
export async function departsEnFormation(db: DbOrTx, p: PeriodeRelais): Promise<number> {
  if (p.relaisIds.length === 0) return 0;
  const v = schema.voeuxFormation;
  const [r] = await db
    .select({ n: countDistinct(v.structureId) })
    .from(v)
    .innerJoin(schema.formations, eq(schema.formations.id, v.formationId))
    .where(and(eq(v.statut, 'parti'), gte(v.partiLe, p.debut), lt(v.partiLe, p.fin), inArray(schema.formations.relaisId, [...p.relaisIds])));
  return Number(r?.n ?? 0);
}

/** The same, with the sessions and the wishes of the period, relais by relais. */
export async function formationParRelais(db: DbOrTx, p: PeriodeRelais): Promise<{ relaisId: string; sessions: number; souhaits: number; departs: number }[]> {
  if (p.relaisIds.length === 0) return [];
  const f = schema.formations;
  const v = schema.voeuxFormation;
  const rows = await db
    .select({
      relaisId: f.relaisId,
      sessions: sql<number>`count(distinct ${f.id})::int`,
      souhaits: sql<number>`count(distinct ${v.structureId})::int`,
      departs: sql<number>`count(distinct ${v.structureId}) filter (where ${v.statut} = 'parti' and ${v.partiLe} >= ${p.debut} and ${v.partiLe} < ${p.fin})::int`,
    })
    .from(f)
    .leftJoin(v, and(eq(v.formationId, f.id), sql`${v.statut} <> 'retire'`))
    .where(and(inArray(f.relaisId, [...p.relaisIds]), lt(f.debut, p.fin), gte(f.fin, p.debut)))
    .groupBy(f.relaisId);
  return rows.map((r) => ({ relaisId: r.relaisId, sessions: Number(r.sessions), souhaits: Number(r.souhaits), departs: Number(r.departs) }));
}

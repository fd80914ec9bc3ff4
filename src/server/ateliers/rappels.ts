/** Reminder emails the day before an atelier session; safe to run twice (the sign-up row records it). */
import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import { schema, type Db } from '../db';
import { RAPPEL_HEURES_AVANT } from '../../domain/ateliers/inscriptions';
import { courrielAtelier } from './courriels';

export async function envoyerRappelsAteliers(db: Db, o: { maintenant: Date; publicUrl: string }): Promise<{ rappels: number }> {
  const i = schema.inscriptionsAtelier;
  const s = schema.seancesAtelier;
  const dues = await db
    .select({ id: i.id })
    .from(i)
    .innerJoin(s, eq(i.seanceId, s.id))
    .where(
      and(
        eq(i.statut, 'inscrite'),
        isNull(i.rappelEnvoyeLe),
        eq(s.annulee, false),
        gt(s.debut, o.maintenant),
        lte(s.debut, new Date(o.maintenant.getTime() + RAPPEL_HEURES_AVANT * 3600_000)),
      ),
    )
    .limit(2000);
  let rappels = 0;
  for (const d of dues) {
    await db.transaction(async (tx) => {
      const pris = await tx
        .update(i)
        .set({ rappelEnvoyeLe: o.maintenant })
        .where(and(eq(i.id, d.id), isNull(i.rappelEnvoyeLe), eq(i.statut, 'inscrite')))
        .returning({ id: i.id });
      if (!pris.length) return;
      await courrielAtelier(tx, d.id, 'rappel', o.publicUrl);
      rappels++;
    });
  }
  return { rappels };
}

/**
 * The waiting list stays true: every 3 months the family confirms that its
 * application is still current; without a confirmation a reminder goes out,
 * and 15 days after the reminder the application lapses.
 */
import { and, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { subMonths, subDays } from 'date-fns';
import { schema, type Db } from '../db';
import { journaliser } from '../audit';
import { CONFIRMATION_MOIS, DELAI_APRES_RAPPEL_JOURS } from '../../domain/creches/vocabulaire';
import { mettreEnFileRappel } from './courriels';

export async function relancerConfirmations(db: Db, maintenant = new Date()): Promise<{ rappels: number; caduques: number }> {
  const c = schema.candidaturesCreche;
  const d = schema.demandes;
  let rappels = 0;
  let caduques = 0;
  // 1. Lapse: reminded more than 15 days ago and still not confirmed.
  const perimees = await db
    .select({ id: c.id, demandeId: c.demandeId })
    .from(c)
    .where(and(eq(c.statut, 'active'), isNotNull(c.rappelConfirmationLe), lte(c.rappelConfirmationLe, subDays(maintenant, DELAI_APRES_RAPPEL_JOURS))));
  for (const x of perimees) {
    await db.transaction(async (tx) => {
      const r = await tx
        .update(c)
        .set({ statut: 'caduque' })
        .where(and(eq(c.id, x.id), eq(c.statut, 'active')))
        .returning({ id: c.id });
      if (r.length) {
        await journaliser(tx, null, 'creches.candidature.caduque', 'demande', x.demandeId);
        caduques++;
      }
    });
  }
  // 2. Reminder: not confirmed for 3 months, not reminded yet.
  const dues = await db
    .select({ id: c.id, demandeId: d.id, email: d.email, langue: d.langue, parents: d.parents })
    .from(c)
    .innerJoin(d, eq(d.id, c.demandeId))
    .where(and(eq(c.statut, 'active'), isNull(c.rappelConfirmationLe), lte(c.confirmeeLe, subMonths(maintenant, CONFIRMATION_MOIS)), isNull(d.anonymiseeLe)));
  for (const x of dues) {
    await db.transaction(async (tx) => {
      const r = await tx
        .update(c)
        .set({ rappelConfirmationLe: maintenant })
        .where(and(eq(c.id, x.id), isNull(c.rappelConfirmationLe)))
        .returning({ id: c.id });
      if (!r.length) return;
      await mettreEnFileRappel(tx, { demandeId: x.demandeId, email: x.email, langue: x.langue, prenom: x.parents[0]?.prenom ?? '' });
      rappels++;
    });
  }
  return { rappels, caduques };
}

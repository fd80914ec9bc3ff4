/**
 * Emails the outbox gave up on ('echec', shown as « non distribués »): staff
 * of the relais in charge (or an admin) can queue one again.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '../db';
import type { Staff } from '../auth/staff';
import { conditionPerimetre, exigerAccesFile } from './file';
import { masquerLiensPrives } from '../../domain/courriels/masque';
import { journaliser } from '../audit';

const c = schema.courriels;

/** Visibility of one email for a staff member: admin sees all, others their perimeter's. */
function conditionVisibilite(u: Staff) {
  if (u.role === 'admin') return undefined;
  const perim = conditionPerimetre(u);
  return sql`(
    (${c.objetType} = 'demande' and exists (select 1 from demandes where demandes.id::text = ${c.objetId} and ${perim}))
    or (${c.objetType} = 'offre' and exists (select 1 from offres_relayees o join demandes on demandes.id = o.demande_id where o.id::text = ${c.objetId} and ${perim})))`;
}

export async function compterNonDistribues(db: DbOrTx, u: Staff): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .where(and(eq(c.statut, 'echec'), conditionVisibilite(u)));
  return r?.n ?? 0;
}

const entree = z.object({ id: z.uuid() });
type ResultatRenvoi = { ok: true } | { ok: false; erreur: 'introuvable' };

/** Queues a non-delivered email again, from its first attempt. */
export async function renvoyerCourriel(db: DbOrTx, u: Staff | undefined, brut: unknown): Promise<ResultatRenvoi> {
  exigerAccesFile(u);
  const p = entree.safeParse(brut);
  if (!p.success) return { ok: false, erreur: 'introuvable' };
  const r = await db
    .update(c)
    .set({ statut: 'a-envoyer', tentatives: 0, prochaineTentativeLe: new Date(), derniereErreur: null })
    .where(and(eq(c.id, p.data.id), eq(c.statut, 'echec'), conditionVisibilite(u)))
    .returning({ id: c.id });
  if (!r.length) return { ok: false, erreur: 'introuvable' };
  await journaliser(db, u, 'courriel.renvoi', 'courriel', p.data.id);
  return { ok: true };
}

/** What staff may read of an email: private links masked. */
export function pourLecture<T extends { texte: string; html?: string | null }>(m: T): T {
  return { ...m, texte: masquerLiensPrives(m.texte), html: m.html ? masquerLiensPrives(m.html) : m.html };
}

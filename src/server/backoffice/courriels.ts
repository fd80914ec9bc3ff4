/**
 * The outbox as staff see it (useful when no SMTP server is configured):
 * admin sees every email; an animatrice only those about demandes of her
 * perimeter (and the offers relayed for them).
 */
import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import type { Staff } from '../auth/staff';
import { conditionPerimetre, exigerAccesFile } from './file';
import { pourLecture } from './courriels-non-distribues';

const c = schema.courriels;
const TAILLE = 50;

type LigneCourriel = typeof c.$inferSelect;

export async function listerCourriels(
  db: DbOrTx,
  u: Staff | undefined,
  o: { avant?: string | null; nonDistribues?: boolean } = {},
): Promise<{ lignes: LigneCourriel[]; suivant: string | null }> {
  exigerAccesFile(u);
  const conds: (SQL | undefined)[] = [];
  if (u.role !== 'admin') {
    const perim = conditionPerimetre(u);
    conds.push(
      or(
        and(eq(c.objetType, 'demande'), sql`exists (select 1 from demandes where demandes.id::text = ${c.objetId} and ${perim})`),
        and(
          eq(c.objetType, 'offre'),
          sql`exists (select 1 from offres_relayees o join demandes on demandes.id = o.demande_id where o.id::text = ${c.objetId} and ${perim})`,
        ),
      ),
    );
  }
  if (o.nonDistribues) conds.push(eq(c.statut, 'echec'));
  const avant = o.avant && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/i.test(o.avant) ? o.avant.split('_') : null;
  if (avant) conds.push(sql`(${c.creeLe}, ${c.id}) < (${avant[0]}::timestamptz, ${avant[1]}::uuid)`);
  const rows = await db
    .select()
    .from(c)
    .where(and(...conds))
    .orderBy(desc(c.creeLe), desc(c.id))
    .limit(TAILLE + 1);
  // Staff never get a live private link of a family or a professional.
  const lignes = rows.slice(0, TAILLE).map(pourLecture);
  const der = lignes[lignes.length - 1];
  return { lignes, suivant: rows.length > TAILLE && der ? `${der.creeLe.toISOString()}_${der.id}` : null };
}

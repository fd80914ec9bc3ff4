import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '../db';
import { exigerDonneesPersonnelles, type Perimetre } from '../auth/acces';
import type { Staff } from '../auth/staff';
import type { Etat } from '../../domain/demande/etats';
import { exigerAccesFile } from './file';

export class DemandeIntrouvable extends Error {}

const d = schema.demandes;

/** Loads the perimeter of a demande and checks `u` may see it (throws AccesRefuse / DemandeIntrouvable). */
export async function exigerAccesDemande(db: DbOrTx, u: Staff | undefined, id: string, verrou = false): Promise<Perimetre & { id: string; etat: Etat }> {
  exigerAccesFile(u);
  if (!z.uuid().safeParse(id).success) throw new DemandeIntrouvable();
  const q = db.select({ id: d.id, relaisId: d.relaisId, secteurId: d.secteurId, communeCode: d.communeCode, etat: d.etat }).from(d).where(eq(d.id, id));
  const [p] = verrou ? await q.for('update') : await q;
  if (!p) throw new DemandeIntrouvable();
  exigerDonneesPersonnelles(u, p);
  return p;
}

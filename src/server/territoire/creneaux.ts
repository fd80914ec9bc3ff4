/** RDV slots are never offered on a public holiday, on a closure day of their site, or after the site closed. */
import { inArray } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { dansFermeture, ferie } from '../../domain/territoire/feries';
import { jourParis } from '../../domain/temps';

export async function sansFeriesNiFermetures<T extends { debut: Date; lieuId: string | null }>(db: DbOrTx, creneaux: T[]): Promise<T[]> {
  if (!creneaux.length) return creneaux;
  const lieuIds = [...new Set(creneaux.map((c) => c.lieuId).filter((x): x is string => x !== null))];
  const fermetures = lieuIds.length
    ? await db
        .select({ lieuId: schema.fermeturesLieux.lieuId, debut: schema.fermeturesLieux.debut, fin: schema.fermeturesLieux.fin })
        .from(schema.fermeturesLieux)
        .where(inArray(schema.fermeturesLieux.lieuId, lieuIds))
    : [];
  const fermesLe = lieuIds.length
    ? new Map(
        (await db.select({ id: schema.lieux.id, fermeLe: schema.lieux.fermeLe }).from(schema.lieux).where(inArray(schema.lieux.id, lieuIds))).map((l) => [
          l.id,
          l.fermeLe,
        ]),
      )
    : new Map<string, string | null>();
  return creneaux.filter((c) => {
    const jour = jourParis(c.debut);
    if (ferie(jour)) return false;
    if (c.lieuId === null) return true;
    const fermeLe = fermesLe.get(c.lieuId);
    if (fermeLe && jour >= fermeLe) return false;
    return !dansFermeture(
      jour,
      fermetures.filter((f) => f.lieuId === c.lieuId),
    );
  });
}

/** Which relais (and sector) covers a place today, and who may manage it. */
import { and, eq, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { adhesionEnVigueur } from '../requetes/adhesions';
import type { Staff } from '../auth/staff';
import { AccesRefuse, peutVoirDonneesPersonnelles, type Perimetre } from '../auth/acces';

import { jourParis } from '../../domain/temps';
export { jourParis };

const adhesionLe = adhesionEnVigueur;

/** The relais and sector covering a commune on `jour` (adhesions with effective dates). */
export async function perimetreCommune(db: DbOrTx, communeCode: string, jour: string): Promise<Perimetre> {
  const [a] = await db
    .select({ relaisId: schema.adhesions.relaisId, secteurId: schema.adhesions.secteurId })
    .from(schema.adhesions)
    .where(and(eq(schema.adhesions.communeCode, communeCode), adhesionLe(jour)));
  return { relaisId: a?.relaisId ?? null, secteurId: a?.secteurId ?? null, communeCode };
}

export async function perimetreStructure(db: DbOrTx, structureId: string, jour: string): Promise<Perimetre | null> {
  const [s] = await db.select({ communeCode: schema.structures.communeCode }).from(schema.structures).where(eq(schema.structures.id, structureId));
  return s ? perimetreCommune(db, s.communeCode, jour) : null;
}

/** Admin everywhere; an animatrice for places of the communes her relais (and her sector) covers today. */
function peutGererOffre(u: Staff, p: Perimetre): boolean {
  return peutVoirDonneesPersonnelles(u, p);
}

export async function exigerGestionStructure(db: DbOrTx, u: Staff, structureId: string, jour: string): Promise<Perimetre> {
  if (u.role !== 'admin' && u.role !== 'animatrice') throw new AccesRefuse();
  const p = await perimetreStructure(db, structureId, jour);
  if (!p || !peutGererOffre(u, p)) throw new AccesRefuse();
  return p;
}

/** Communes whose offer this staff member manages today (admin: every commune). */
export async function communesGerees(db: DbOrTx, u: Staff, jour: string): Promise<{ code: string; nom: string; codesPostaux: string[] }[]> {
  if (u.role === 'admin') {
    return db
      .select({ code: schema.communes.code, nom: schema.communes.nom, codesPostaux: schema.communes.codesPostaux })
      .from(schema.communes)
      .orderBy(schema.communes.nom);
  }
  if (u.role !== 'animatrice' || !u.relaisId) return [];
  return db
    .select({ code: schema.communes.code, nom: schema.communes.nom, codesPostaux: schema.communes.codesPostaux })
    .from(schema.communes)
    .innerJoin(schema.adhesions, eq(schema.adhesions.communeCode, schema.communes.code))
    .where(
      and(
        eq(schema.adhesions.relaisId, u.relaisId),
        adhesionLe(jour),
        u.secteurId ? sql`(${schema.adhesions.secteurId} is null or ${schema.adhesions.secteurId} = ${u.secteurId})` : undefined,
      ),
    )
    .orderBy(schema.communes.nom);
}

/**
 * Reading the crèche-places data: grids, participating crèches, the next
 * session. Shared by the family's, the staff's and the public pages.
 */
import { and, asc, desc, eq, gte, inArray, ne, or, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { grilleValide, type Grille } from '../../domain/creches/grille';

type GrilleRow = typeof schema.grillesPoints.$inferSelect;

/** Every version of the territory's grid, latest first. */
export async function grilles(db: DbOrTx, territoireId: string): Promise<GrilleRow[]> {
  return db
    .select()
    .from(schema.grillesPoints)
    .where(eq(schema.grillesPoints.territoireId, territoireId))
    .orderBy(desc(schema.grillesPoints.adopteeLe), desc(schema.grillesPoints.version));
}

/** The grid in force on `jour` (the latest adopted on or before it), checked. */
export async function grilleDuJour(db: DbOrTx, territoireId: string, jour: string): Promise<(GrilleRow & { criteres: Grille }) | null> {
  const [g] = await db
    .select()
    .from(schema.grillesPoints)
    .where(and(eq(schema.grillesPoints.territoireId, territoireId), sql`${schema.grillesPoints.adopteeLe} <= ${jour}`))
    .orderBy(desc(schema.grillesPoints.adopteeLe), desc(schema.grillesPoints.version))
    .limit(1);
  return g && grilleValide(g.criteres) ? (g as GrilleRow & { criteres: Grille }) : null;
}

/**
 * Adopts a new version of the grid (never changes an earlier one, so a
 * closed session keeps the grid and the points it used).
 */
export async function adopterGrille(db: DbOrTx, territoireId: string, g: Grille): Promise<GrilleRow> {
  if (!grilleValide(g)) throw new Error('Grille de points invalide');
  const [der] = await db
    .select({ v: sql<number>`coalesce(max(${schema.grillesPoints.version}), 0)::int` })
    .from(schema.grillesPoints)
    .where(eq(schema.grillesPoints.territoireId, territoireId));
  const version = (der?.v ?? 0) + 1;
  const [row] = await db
    .insert(schema.grillesPoints)
    .values({ territoireId, version, adopteeLe: g.adopteeLe, source: g.source, criteres: { ...g, version } })
    .returning();
  return row!;
}

type CrecheParticipante = { id: string; nom: string; communeCode: string; communeNom: string; type: string; lat: number; lon: number };

/** Crèches taking part in the common application: PSU crèches and multi-accueils, PSU micro-crèches. */
export async function crechesParticipantes(db: DbOrTx, territoireId: string): Promise<CrecheParticipante[]> {
  const s = schema.structures;
  return db
    .select({ id: s.id, nom: s.nom, communeCode: s.communeCode, communeNom: schema.communes.nom, type: s.type, lat: s.lat, lon: s.lon })
    .from(s)
    .innerJoin(schema.communes, eq(schema.communes.code, s.communeCode))
    .where(
      and(
        eq(schema.communes.territoireId, territoireId),
        eq(s.actif, true),
        or(eq(s.type, 'creche'), and(eq(s.type, 'micro-creche'), eq(s.financement, 'psu'))),
      ),
    )
    .orderBy(asc(schema.communes.nom), asc(s.nom));
}

/** The next session not yet closed, on or after `jour`. */
export async function prochaineSession(db: DbOrTx, territoireId: string, jour: string): Promise<{ id: string; le: string } | null> {
  const [s] = await db
    .select({ id: schema.sessionsCommission.id, le: schema.sessionsCommission.le })
    .from(schema.sessionsCommission)
    .where(
      and(eq(schema.sessionsCommission.territoireId, territoireId), gte(schema.sessionsCommission.le, jour), ne(schema.sessionsCommission.statut, 'close')),
    )
    .orderBy(asc(schema.sessionsCommission.le))
    .limit(1);
  return s ?? null;
}

/** Names of structures by id. */
export async function nomsStructures(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: schema.structures.id, nom: schema.structures.nom })
    .from(schema.structures)
    .where(inArray(schema.structures.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.nom]));
}

import { and, eq, inArray } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import type { Staff } from '../auth/staff';
import { exigerAccesDemande } from './acces-demande';
import { suggerer, MODE_DU_TYPE, type LieuCandidat, type Suggestion } from '../../domain/demande/suggestions';
import type { CommuneCentre } from '../../domain/relance/alternatives';

export async function centresCommunes(db: DbOrTx): Promise<CommuneCentre[]> {
  const c = schema.communes;
  const rows = await db.select({ code: c.code, nom: c.nom, lon: c.centreLon, lat: c.centreLat }).from(c);
  // Communes whose outline was never uploaded have no centre: no distance from them.
  return rows.filter((r): r is CommuneCentre => r.lat !== null && r.lon !== null);
}

/** Active places of the offer of some types, with their declared free places. */
export async function lieuxCandidats(db: DbOrTx, types?: string[]): Promise<LieuCandidat[]> {
  const s = schema.structures;
  const rows = await db
    .select({
      id: s.id,
      nom: s.nom,
      type: s.type,
      communeCode: s.communeCode,
      ageMinMois: s.ageMinMois,
      ageMaxMois: s.ageMaxMois,
      horaires: s.horaires,
      horairesAtypiques: s.horairesAtypiques,
      accueilUrgence: s.accueilUrgence,
      handicapAccueilli: s.handicapAccueilli,
      dispoStatut: s.dispoStatut,
      dispoConfirmeeLe: s.dispoConfirmeeLe,
      telephone: s.telephone,
    })
    .from(s)
    .where(and(eq(s.actif, true), types?.length ? inArray(s.type, types as (typeof s.type.enumValues)[number][]) : undefined));
  if (!rows.length) return [];
  const p = schema.placesDisponibles;
  const places = await db
    .select({ structureId: p.structureId, aPartirDu: p.aPartirDu, jours: p.jours, nombre: p.nombre })
    .from(p)
    .where(
      inArray(
        p.structureId,
        rows.map((r) => r.id),
      ),
    );
  const parStructure = new Map<string, { aPartirDu: string; jours: number[] | null; nombre: number }[]>();
  for (const x of places) {
    const l = parStructure.get(x.structureId) ?? [];
    l.push({ aPartirDu: x.aPartirDu, jours: x.jours, nombre: x.nombre });
    parStructure.set(x.structureId, l);
  }
  return rows.map((r) => ({ ...r, places: parStructure.get(r.id) ?? [] }));
}

/** Ranked places for one demande (access checked by the caller through chargerDemande, and here again). */
export async function suggestionsPour(
  db: DbOrTx,
  u: Staff | undefined,
  id: string,
  o: { maintenant: Date; seuilFraicheurJours: number },
): Promise<Suggestion[]> {
  await exigerAccesDemande(db, u, id);
  const [dem] = await db.select().from(schema.demandes).where(eq(schema.demandes.id, id));
  if (!dem) return [];
  const types = Object.entries(MODE_DU_TYPE)
    .filter(([, m]) => dem.modesSouhaites.includes(m) || (m === 'periscolaire' && dem.periscolaire))
    .map(([t]) => t);
  const [lieux, communes] = await Promise.all([lieuxCandidats(db, dem.modesSouhaites.length ? types : undefined), centresCommunes(db)]);
  return suggerer(dem, lieux, communes, { ...o, max: 10 });
}

/**
 * Writes availability: the current state in structures / places_disponibles
 * and one row per update in dispo_historique (who, when, through which channel).
 */
import { asc, desc, eq } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '../db';
import type { MiseAJour, Publication } from '../../domain/disponibilite/mise-a-jour';
import { positionSelonPublication } from '../../domain/disponibilite/mise-a-jour';
import { invaliderCacheOffre } from '../offre/requetes';

/** 'am' | 'gestionnaire' | 'rpe' (on behalf, after a call) | 'relance' (one-tap email) | 'import' */
type SourceDispo = 'am' | 'gestionnaire' | 'rpe' | 'relance' | 'import';

export type StructurePro = typeof schema.structures.$inferSelect & { places: (typeof schema.placesDisponibles.$inferSelect)[]; communeNom: string };

export async function lireStructure(db: DbOrTx, id: string): Promise<StructurePro | null> {
  const [r] = await db
    .select({ s: schema.structures, communeNom: schema.communes.nom })
    .from(schema.structures)
    .innerJoin(schema.communes, eq(schema.communes.code, schema.structures.communeCode))
    .where(eq(schema.structures.id, id));
  if (!r) return null;
  const places = await db
    .select()
    .from(schema.placesDisponibles)
    .where(eq(schema.placesDisponibles.structureId, id))
    .orderBy(asc(schema.placesDisponibles.aPartirDu), asc(schema.placesDisponibles.trancheAge));
  return { ...r.s, places, communeNom: r.communeNom };
}

/** Replaces the free places and marks the availability confirmed now. */
export async function enregistrerDisponibilite(db: Db, o: OptionsEnregistrement): Promise<void> {
  await db.transaction((tx) => enregistrerDansTx(tx, o));
  // The public map keeps the offer a few seconds: show the change at once.
  invaliderCacheOffre(db);
}
type OptionsEnregistrement = { structureId: string; miseAJour: MiseAJour; source: SourceDispo; parUtilisateurId?: string | null; maintenant?: Date };

export async function enregistrerDansTx(tx: DbOrTx, o: OptionsEnregistrement): Promise<void> {
  const maintenant = o.maintenant ?? new Date();
  {
    await tx.delete(schema.placesDisponibles).where(eq(schema.placesDisponibles.structureId, o.structureId));
    if (o.miseAJour.places.length) {
      await tx.insert(schema.placesDisponibles).values(o.miseAJour.places.map((p) => ({ structureId: o.structureId, ...p })));
    }
    const r = await tx
      .update(schema.structures)
      .set({ dispoStatut: o.miseAJour.statut, dispoConfirmeeLe: maintenant, modifieLe: maintenant })
      .where(eq(schema.structures.id, o.structureId))
      .returning({ id: schema.structures.id });
    if (!r.length) throw new Error(`structure inconnue ${o.structureId}`);
    await tx.insert(schema.dispoHistorique).values({
      structureId: o.structureId,
      le: maintenant,
      statut: o.miseAJour.statut,
      source: o.source,
      parUtilisateurId: o.parUtilisateurId ?? null,
      details: { places: o.miseAJour.places },
    });
  }
}

/**
 * "Toujours disponible" / "toujours complet": the same state, confirmed now.
 * A place whose start date has passed stays (it is free from then on).
 */
export async function confirmerDisponibilite(db: Db, o: OptionsConfirmation): Promise<'places' | 'complet' | 'inconnu'> {
  const statut = await db.transaction((tx) => confirmerDansTx(tx, o));
  invaliderCacheOffre(db);
  return statut;
}
type OptionsConfirmation = { structureId: string; source: SourceDispo; parUtilisateurId?: string | null; maintenant?: Date };

export async function confirmerDansTx(tx: DbOrTx, o: OptionsConfirmation): Promise<'places' | 'complet' | 'inconnu'> {
  const maintenant = o.maintenant ?? new Date();
  {
    const [s] = await tx.select({ statut: schema.structures.dispoStatut }).from(schema.structures).where(eq(schema.structures.id, o.structureId));
    if (!s) throw new Error(`structure inconnue ${o.structureId}`);
    if (s.statut === 'inconnu') return 'inconnu';
    await tx.update(schema.structures).set({ dispoConfirmeeLe: maintenant, modifieLe: maintenant }).where(eq(schema.structures.id, o.structureId));
    await tx.insert(schema.dispoHistorique).values({
      structureId: o.structureId,
      le: maintenant,
      statut: s.statut,
      source: o.source,
      parUtilisateurId: o.parUtilisateurId ?? null,
      details: { confirmation: true },
    });
    return s.statut;
  }
}

/** What an AM agrees to publish; her public position follows the street address choice. */
export async function enregistrerPublication(db: Db, structureId: string, publication: Publication, maintenant = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [r] = await tx
      .select({ s: schema.structures, lat: schema.communes.centreLat, lon: schema.communes.centreLon })
      .from(schema.structures)
      .innerJoin(schema.communes, eq(schema.communes.code, schema.structures.communeCode))
      .where(eq(schema.structures.id, structureId));
    if (!r) throw new Error(`structure inconnue ${structureId}`);
    // Without a commune centre (outlines not uploaded yet): a 0.02° grid point (about 2 km), never the home.
    const centre = r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : { lat: Math.round(r.s.lat * 50) / 50, lon: Math.round(r.s.lon * 50) / 50 };
    const position = positionSelonPublication(publication.adresse && !!r.s.adresse, r.s, centre);
    await tx
      .update(schema.structures)
      .set({ publication, ...position, modifieLe: maintenant })
      .where(eq(schema.structures.id, structureId));
  });
  invaliderCacheOffre(db);
}

/** "Ne plus me montrer sur la carte" (and back). */
export async function changerVisibilite(db: Db, structureId: string, visible: boolean, maintenant = new Date()): Promise<void> {
  await db.update(schema.structures).set({ visible, modifieLe: maintenant }).where(eq(schema.structures.id, structureId));
  invaliderCacheOffre(db);
}

export async function historique(db: DbOrTx, structureId: string, limite = 10) {
  return db
    .select()
    .from(schema.dispoHistorique)
    .where(eq(schema.dispoHistorique.structureId, structureId))
    .orderBy(desc(schema.dispoHistorique.le))
    .limit(limite);
}

/** Loads the decisions of closed sessions for the crèche statistics (domain: creches/statistiques.ts). */
import { and, eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { statistiques, ouvrir, type Axe, type LigneDecision, type LignePlaces } from '../../domain/creches/statistiques';
import { nomsStructures } from './donnees';

async function lignes(db: DbOrTx, territoireId: string): Promise<{ decisions: LigneDecision[]; places: LignePlaces[]; sessions: Map<string, string> }> {
  const p = schema.propositionsCreche;
  const s = schema.sessionsCommission;
  const decisions = await db.select({
    sessionId: p.sessionId, structureId: p.structureId, communeCode: schema.demandes.communeCode, statut: p.statut,
    deposeeLe: schema.candidaturesCreche.deposeeLe, offerteLe: p.offerteLe,
  }).from(p).innerJoin(s, eq(s.id, p.sessionId))
    .innerJoin(schema.candidaturesCreche, eq(schema.candidaturesCreche.id, p.candidatureId))
    .innerJoin(schema.demandes, eq(schema.demandes.id, schema.candidaturesCreche.demandeId))
    .where(and(eq(s.territoireId, territoireId), eq(s.statut, 'close')));
  const places = await db.select({ sessionId: schema.placesCommission.sessionId, structureId: schema.placesCommission.structureId, nombre: schema.placesCommission.nombre })
    .from(schema.placesCommission).innerJoin(s, eq(s.id, schema.placesCommission.sessionId)).where(and(eq(s.territoireId, territoireId), eq(s.statut, 'close')));
  const sessions = new Map((await db.select({ id: s.id, le: s.le }).from(s).where(eq(s.territoireId, territoireId))).map((x) => [x.id, x.le]));
  return { decisions, places, sessions };
}

/** The three tables of the staff page, with readable labels. */
export async function statistiquesCreches(db: DbOrTx, territoireId: string) {
  const { decisions, places, sessions } = await lignes(db, territoireId);
  const noms = await nomsStructures(db, places.map((x) => x.structureId));
  const communes = new Map((await db.select({ code: schema.communes.code, nom: schema.communes.nom }).from(schema.communes).where(eq(schema.communes.territoireId, territoireId))).map((c) => [c.code, c.nom]));
  const libelle: Record<Axe, (k: string) => string> = {
    session: (k) => sessions.get(k) ?? k, creche: (k) => noms.get(k) ?? k, commune: (k) => communes.get(k) ?? 'Hors territoire',
  };
  const table = (axe: Axe) => statistiques(decisions, places, axe).map((a) => ({ ...a, libelle: libelle[axe](a.cle) }));
  return { parSession: table('session'), parCreche: table('creche'), parCommune: table('commune') };
}

/** Open data: by session (date) and by crèche (name), small counts masked. No commune table (too small). */
export async function donneesOuvertesCreches(db: DbOrTx, territoireId: string) {
  const t = await statistiquesCreches(db, territoireId);
  const sans = (a: (typeof t.parSession)[number]) => {
    const { cle: _cle, ...o } = ouvrir(a);
    return o;
  };
  return {
    parSession: t.parSession.map((a) => ({ session: a.libelle, ...sans(a) })),
    parCreche: t.parCreche.map((a) => ({ creche: a.libelle, ...sans(a) })),
  };
}

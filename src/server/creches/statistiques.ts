/** Loads the decisions of closed sessions for the crèche statistics (domain: creches/statistiques.ts). */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import {
  statistiques,
  ouvrir,
  refusSuivisDeSolution,
  statistiquesParCritere,
  type Axe,
  type CandidatureNotee,
  type LigneDecision,
  type LignePlaces,
  type Refus,
  type Solution,
} from '../../domain/creches/statistiques';
import { jourParis } from '../../domain/temps';
import { crechesParticipantes, grilleDuJour, nomsStructures } from './donnees';
import { situationDe } from './candidature';

async function lignes(db: DbOrTx, territoireId: string): Promise<{ decisions: LigneDecision[]; places: LignePlaces[]; sessions: Map<string, string> }> {
  const p = schema.propositionsCreche;
  const s = schema.sessionsCommission;
  const decisions = await db
    .select({
      sessionId: p.sessionId,
      structureId: p.structureId,
      communeCode: schema.demandes.communeCode,
      statut: p.statut,
      deposeeLe: schema.candidaturesCreche.deposeeLe,
      offerteLe: p.offerteLe,
    })
    .from(p)
    .innerJoin(s, eq(s.id, p.sessionId))
    .innerJoin(schema.candidaturesCreche, eq(schema.candidaturesCreche.id, p.candidatureId))
    .innerJoin(schema.demandes, eq(schema.demandes.id, schema.candidaturesCreche.demandeId))
    .where(and(eq(s.territoireId, territoireId), eq(s.statut, 'close')));
  const places = await db
    .select({ sessionId: schema.placesCommission.sessionId, structureId: schema.placesCommission.structureId, nombre: schema.placesCommission.nombre })
    .from(schema.placesCommission)
    .innerJoin(s, eq(s.id, schema.placesCommission.sessionId))
    .where(and(eq(s.territoireId, territoireId), eq(s.statut, 'close')));
  const sessions = new Map((await db.select({ id: s.id, le: s.le }).from(s).where(eq(s.territoireId, territoireId))).map((x) => [x.id, x.le]));
  return { decisions, places, sessions };
}

/** The three tables of the staff page, with readable labels. */
export async function statistiquesCreches(db: DbOrTx, territoireId: string) {
  const { decisions, places, sessions } = await lignes(db, territoireId);
  const noms = await nomsStructures(
    db,
    places.map((x) => x.structureId),
  );
  const communes = new Map(
    (await db.select({ code: schema.communes.code, nom: schema.communes.nom }).from(schema.communes).where(eq(schema.communes.territoireId, territoireId))).map(
      (c) => [c.code, c.nom],
    ),
  );
  const libelle: Record<Axe, (k: string) => string> = {
    session: (k) => sessions.get(k) ?? k,
    creche: (k) => noms.get(k) ?? k,
    commune: (k) => communes.get(k) ?? 'Hors territoire',
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

/**
 * For each criterion of the grid in force on the day: the applications of
 * the territory that meet it and the share placed. Applications whose
 * situation was erased (effacement) cannot be read and are left out.
 */
export async function statistiquesParCritereCreches(db: DbOrTx, territoireId: string, maintenant = new Date()) {
  const jour = jourParis(maintenant);
  const grille = await grilleDuJour(db, territoireId, jour);
  if (!grille) return null;
  const c = schema.candidaturesCreche;
  const rows = await db
    .select({ c, communeCode: schema.demandes.communeCode })
    .from(c)
    .innerJoin(schema.demandes, eq(schema.demandes.id, c.demandeId))
    .where(eq(schema.demandes.territoireId, territoireId));
  // Wished crèches that no longer take part still have their commune (structures).
  const ids = [...new Set(rows.flatMap((r) => r.c.voeux))];
  const communes = new Map((await crechesParticipantes(db, territoireId)).map((x) => [x.id, x.communeCode]));
  const autres = ids.filter((id) => !communes.has(id));
  if (autres.length)
    for (const x of await db
      .select({ id: schema.structures.id, communeCode: schema.structures.communeCode })
      .from(schema.structures)
      .where(inArray(schema.structures.id, autres)))
      communes.set(x.id, x.communeCode);
  const candidatures: CandidatureNotee[] = [];
  for (const r of rows) {
    const situation = situationDe(r.c, r.communeCode);
    if (!situation) continue;
    candidatures.push({
      situation,
      voeux: r.c.voeux.filter((v) => communes.has(v)).map((id) => ({ id, communeCode: communes.get(id)! })),
      placee: r.c.statut === 'placee',
    });
  }
  return { grilleVersion: grille.version, adopteeLe: grille.adopteeLe, jour, criteres: statistiquesParCritere(grille.criteres, candidatures, jour) };
}

/**
 * Families that left a closed session without a crèche place (none offered,
 * offer refused or lapsed) and whether something solved their need after
 * that: the demande concluded (solution-trouvee), a crèche contract noted,
 * or the family's answer « contrat » to a follow-up email.
 */
export async function refusSuivisCreches(db: DbOrTx, territoireId: string) {
  const p = schema.propositionsCreche;
  const s = schema.sessionsCommission;
  const c = schema.candidaturesCreche;
  const d = schema.demandes;
  const refus: Refus[] = (
    await db
      .select({ demandeId: c.demandeId, sessionId: p.sessionId, le: s.closeLe })
      .from(p)
      .innerJoin(s, eq(s.id, p.sessionId))
      .innerJoin(c, eq(c.id, p.candidatureId))
      .where(and(eq(s.territoireId, territoireId), eq(s.statut, 'close'), inArray(p.statut, ['sans-place', 'refusee', 'expiree'])))
  ).filter((r): r is Refus => r.le !== null);
  const demandes = [...new Set(refus.map((r) => r.demandeId))];
  const solutions: Solution[] = [];
  if (demandes.length) {
    for (const x of await db
      .select({ demandeId: d.id, le: d.etatDepuis })
      .from(d)
      .where(and(inArray(d.id, demandes), eq(d.etat, 'solution-trouvee'))))
      solutions.push({ ...x, nature: 'solution-trouvee' });
    for (const x of await db
      .select({ demandeId: c.demandeId, le: p.contratLe })
      .from(p)
      .innerJoin(c, eq(c.id, p.candidatureId))
      .where(and(inArray(c.demandeId, demandes), isNotNull(p.contratLe))))
      solutions.push({ demandeId: x.demandeId, le: x.le!, nature: 'contrat-creche' });
    const r = schema.relances;
    for (const x of await db
      .select({ demandeId: r.demandeId, le: r.reponduLe })
      .from(r)
      .where(and(inArray(r.demandeId, demandes), eq(r.reponse, 'contrat'), isNotNull(r.reponduLe))))
      solutions.push({ demandeId: x.demandeId, le: x.le!, nature: 'contrat-declare' });
  }
  const sessions = new Map((await db.select({ id: s.id, le: s.le }).from(s).where(eq(s.territoireId, territoireId))).map((x) => [x.id, x.le]));
  const r = refusSuivisDeSolution(refus, solutions);
  return { total: r.total, parSession: r.parSession.map((x) => ({ ...x, libelle: sessions.get(x.cle) ?? x.cle })) };
}

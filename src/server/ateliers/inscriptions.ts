/**
 * Sign-ups of professionals to the sessions of ateliers d'éveil (the /pro side).
 *
 * Capacity is a database guarantee: a confirmed sign-up takes its places with
 * ONE conditional UPDATE of the session's counters (`pris_pro + 1 <= places_pro
 * and pris_enfants + n <= places_enfants`), which PostgreSQL re-checks on the
 * locked row, and the CHECK constraints of seances_atelier refuse any excess.
 * When the UPDATE matches nothing, the sign-up goes to the waiting list.
 */
import { and, asc, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '../db';
import { relaisDeLaCommuneLe } from '../requetes/adhesions';
import { aPromouvoir, ENFANTS_MAX_PAR_AM, peutAnnuler, peutSInscrire } from '../../domain/ateliers/inscriptions';
import { jourParis } from '../../domain/temps';
import { courrielAtelier } from './courriels';

const s = schema.seancesAtelier;
const a = schema.ateliers;
const i = schema.inscriptionsAtelier;

/** Kinds of pro accounts that may come to an atelier with the children they look after. */
const TYPES_PROFESSIONNELS = ['assistant-maternel', 'mam', 'garde-a-domicile'] as const;
export const estProfessionnelAccueil = (type: string) => (TYPES_PROFESSIONNELS as readonly string[]).includes(type);

/** The relais of a professional: the one her commune belongs to today. */
export async function relaisDuProfessionnel(db: DbOrTx, structureId: string, maintenant: Date): Promise<string | null> {
  const [st] = await db.select({ communeCode: schema.structures.communeCode }).from(schema.structures).where(eq(schema.structures.id, structureId));
  if (!st) return null;
  return (await relaisDeLaCommuneLe(db, st.communeCode, jourParis(maintenant)))?.relaisId ?? null;
}

/** Ateliers she may see: her relais', and those open to all. */
function visiblesPour(relaisId: string | null) {
  return relaisId ? or(eq(a.relaisId, relaisId), eq(a.ouvertATous, true))! : eq(a.ouvertATous, true);
}

export type SeanceProgramme = Awaited<ReturnType<typeof programmePro>>[number];

/** Upcoming sessions she may join, with places left and her own sign-up if any. */
export async function programmePro(db: DbOrTx, structureId: string, maintenant: Date, o: { limite?: number } = {}) {
  const relaisId = await relaisDuProfessionnel(db, structureId, maintenant);
  const rows = await db
    .select({
      seance: s,
      atelier: a,
      lieuNom: schema.lieux.nom,
      lieuAdresse: schema.lieux.adresse,
      relaisNom: schema.relais.nom,
    })
    .from(s)
    .innerJoin(a, eq(s.atelierId, a.id))
    .innerJoin(schema.lieux, eq(a.lieuId, schema.lieux.id))
    .innerJoin(schema.relais, eq(a.relaisId, schema.relais.id))
    .where(and(gt(s.debut, maintenant), eq(s.annulee, false), visiblesPour(relaisId)))
    .orderBy(asc(s.debut))
    .limit(o.limite ?? 60);
  const miennes = rows.length
    ? await db
        .select()
        .from(i)
        .where(
          and(
            eq(i.structureId, structureId),
            inArray(
              i.seanceId,
              rows.map((r) => r.seance.id),
            ),
            sql`${i.statut} <> 'annulee'`,
          ),
        )
    : [];
  const parSeance = new Map(miennes.map((m) => [m.seanceId, m]));
  return rows.map((r) => ({
    ...r.seance,
    theme: r.atelier.theme,
    description: r.atelier.description,
    reglement: r.atelier.reglement,
    ageMinMois: r.atelier.ageMinMois,
    ageMaxMois: r.atelier.ageMaxMois,
    ouvertATous: r.atelier.ouvertATous,
    autreRelais: r.atelier.relaisId !== relaisId,
    lieuNom: r.lieuNom,
    lieuAdresse: r.lieuAdresse,
    relaisNom: r.relaisNom,
    restantesPro: r.seance.placesPro - r.seance.prisPro,
    restantesEnfants: r.seance.placesEnfants - r.seance.prisEnfants,
    inscription: parSeance.get(r.seance.id) ?? null,
  }));
}

/** Her sign-ups (confirmed or waiting), upcoming first, then the last past ones. */
export async function mesInscriptions(db: DbOrTx, structureId: string, maintenant: Date) {
  const rows = await db
    .select({ inscription: i, seance: s, theme: a.theme, lieuNom: schema.lieux.nom, lieuAdresse: schema.lieux.adresse, relaisNom: schema.relais.nom })
    .from(i)
    .innerJoin(s, eq(i.seanceId, s.id))
    .innerJoin(a, eq(s.atelierId, a.id))
    .innerJoin(schema.lieux, eq(a.lieuId, schema.lieux.id))
    .innerJoin(schema.relais, eq(a.relaisId, schema.relais.id))
    .where(and(eq(i.structureId, structureId), sql`${i.statut} <> 'annulee'`))
    .orderBy(desc(gt(s.debut, maintenant)), asc(s.debut))
    .limit(200);
  return rows.map((r) => ({
    ...r.inscription,
    debut: r.seance.debut,
    fin: r.seance.fin,
    annulee: r.seance.annulee,
    theme: r.theme,
    lieuNom: r.lieuNom,
    lieuAdresse: r.lieuAdresse,
    relaisNom: r.relaisNom,
    aVenir: r.seance.debut > maintenant,
    annulable: peutAnnuler(r.seance.debut, maintenant),
  }));
}

type ResultatInscription =
  | { ok: true; id: string; statut: 'inscrite' | 'attente' }
  | { ok: false; raison: 'introuvable' | 'passee' | 'annulee' | 'perimetre' | 'deja' | 'enfants' | 'reglement' | 'profil' };

/** Signs her up: confirmed when both counters have room, else on the waiting list. */
export async function inscrire(
  db: Db,
  o: { seanceId: string; structureId: string; enfants: number; reglementAccepte: boolean; maintenant: Date; publicUrl?: string },
): Promise<ResultatInscription> {
  if (!Number.isInteger(o.enfants) || o.enfants < 0 || o.enfants > ENFANTS_MAX_PAR_AM) return { ok: false, raison: 'enfants' };
  if (!o.reglementAccepte) return { ok: false, raison: 'reglement' };
  if (!/^[0-9a-f-]{36}$/.test(o.seanceId)) return { ok: false, raison: 'introuvable' };
  const [st] = await db
    .select({ type: schema.structures.type, actif: schema.structures.actif })
    .from(schema.structures)
    .where(eq(schema.structures.id, o.structureId));
  if (!st?.actif || !estProfessionnelAccueil(st.type)) return { ok: false, raison: 'profil' };
  const relaisId = await relaisDuProfessionnel(db, o.structureId, o.maintenant);
  // Two taps at once from the same AM: the partial unique index refuses the second one.
  return inscrireDansTransaction(db, o, relaisId).catch((e: unknown) => {
    if (codeErreur(e) === '23505') return { ok: false as const, raison: 'deja' as const };
    throw e;
  });
}

function codeErreur(e: unknown): string | undefined {
  for (let x: unknown = e; x && typeof x === 'object'; x = (x as { cause?: unknown }).cause) {
    const c = (x as { code?: unknown }).code;
    if (typeof c === 'string') return c;
  }
  return undefined;
}

async function inscrireDansTransaction(
  db: Db,
  o: { seanceId: string; structureId: string; enfants: number; maintenant: Date; publicUrl?: string },
  relaisId: string | null,
): Promise<ResultatInscription> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ seance: s, relaisId: a.relaisId, ouvertATous: a.ouvertATous })
      .from(s)
      .innerJoin(a, eq(s.atelierId, a.id))
      .where(eq(s.id, o.seanceId));
    if (!row) return { ok: false as const, raison: 'introuvable' as const };
    if (row.relaisId !== relaisId && !row.ouvertATous) return { ok: false as const, raison: 'perimetre' as const };
    if (row.seance.annulee) return { ok: false as const, raison: 'annulee' as const };
    if (!peutSInscrire(row.seance.debut, o.maintenant)) return { ok: false as const, raison: 'passee' as const };
    const deja = await tx
      .select({ id: i.id })
      .from(i)
      .where(and(eq(i.seanceId, o.seanceId), eq(i.structureId, o.structureId), sql`${i.statut} <> 'annulee'`));
    if (deja.length) return { ok: false as const, raison: 'deja' as const };
    const pris = await tx
      .update(s)
      .set({ prisPro: sql`${s.prisPro} + 1`, prisEnfants: sql`${s.prisEnfants} + ${o.enfants}` })
      .where(
        and(
          eq(s.id, o.seanceId),
          sql`${s.prisPro} + 1 <= ${s.placesPro}`,
          sql`${s.prisEnfants} + ${o.enfants} <= ${s.placesEnfants}`,
          gt(s.debut, o.maintenant),
        ),
      )
      .returning({ id: s.id });
    const statut = pris.length ? ('inscrite' as const) : ('attente' as const);
    const id = crypto.randomUUID();
    await tx
      .insert(i)
      .values({ id, seanceId: o.seanceId, structureId: o.structureId, enfants: o.enfants, statut, reglementAccepteLe: o.maintenant, creeLe: o.maintenant });
    await courrielAtelier(tx, id, statut === 'inscrite' ? 'inscription' : 'attente', o.publicUrl);
    return { ok: true as const, id, statut };
  });
}

/**
 * Cancels her sign-up (up to the cut-off for a confirmed one; a waiting one
 * any time before the start) and promotes the waiting list into the places freed.
 */
export async function annulerInscription(
  db: Db,
  o: { inscriptionId: string; structureId: string; maintenant: Date; publicUrl?: string },
): Promise<{ ok: true; promues: string[] } | { ok: false; raison: 'introuvable' | 'trop-tard' }> {
  if (!/^[0-9a-f-]{36}$/.test(o.inscriptionId)) return { ok: false, raison: 'introuvable' };
  return db.transaction(async (tx) => {
    const [ins] = await tx
      .select()
      .from(i)
      .where(and(eq(i.id, o.inscriptionId), eq(i.structureId, o.structureId), sql`${i.statut} <> 'annulee'`));
    if (!ins) return { ok: false as const, raison: 'introuvable' as const };
    // The session row lock serialises cancellations and promotions of one session.
    const [se] = await tx.select().from(s).where(eq(s.id, ins.seanceId)).for('update');
    if (!se) return { ok: false as const, raison: 'introuvable' as const };
    if (ins.statut === 'inscrite' ? !peutAnnuler(se.debut, o.maintenant) : se.debut <= o.maintenant)
      return { ok: false as const, raison: 'trop-tard' as const };
    await tx.update(i).set({ statut: 'annulee', annuleeLe: o.maintenant }).where(eq(i.id, ins.id));
    if (ins.statut !== 'inscrite') return { ok: true as const, promues: [] };
    await tx
      .update(s)
      .set({ prisPro: sql`${s.prisPro} - 1`, prisEnfants: sql`${s.prisEnfants} - ${ins.enfants}` })
      .where(eq(s.id, se.id));
    const promues = await promouvoir(tx, se.id, o.maintenant, o.publicUrl);
    return { ok: true as const, promues };
  });
}

/** Moves waiting sign-ups into free places (in order of arrival, those that fit) and emails them. Call with the session locked. */
async function promouvoir(tx: DbOrTx, seanceId: string, maintenant: Date, publicUrl?: string): Promise<string[]> {
  const [se] = await tx.select().from(s).where(eq(s.id, seanceId));
  if (!se || se.annulee || se.debut <= maintenant) return [];
  const attente = await tx
    .select({ id: i.id, enfants: i.enfants })
    .from(i)
    .where(and(eq(i.seanceId, seanceId), eq(i.statut, 'attente')))
    .orderBy(asc(i.creeLe), asc(i.id));
  const choisies = aPromouvoir(attente, se.placesPro - se.prisPro, se.placesEnfants - se.prisEnfants);
  const promues: string[] = [];
  for (const c of choisies) {
    const pris = await tx
      .update(s)
      .set({ prisPro: sql`${s.prisPro} + 1`, prisEnfants: sql`${s.prisEnfants} + ${c.enfants}` })
      .where(and(eq(s.id, seanceId), sql`${s.prisPro} + 1 <= ${s.placesPro}`, sql`${s.prisEnfants} + ${c.enfants} <= ${s.placesEnfants}`))
      .returning({ id: s.id });
    if (!pris.length) break;
    await tx.update(i).set({ statut: 'inscrite', promueLe: maintenant }).where(eq(i.id, c.id));
    await courrielAtelier(tx, c.id, 'promotion', publicUrl);
    promues.push(c.id);
  }
  return promues;
}

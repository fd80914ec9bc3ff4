/**
 * Reminder emails with one-tap answers, and what happens when a button is
 * used. At most one reminder per place per 30 days (the outbox is the record).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '../db';
import { sha256 } from '../auth/tokens';
import { mettreEnFile } from '../mail/outbox';
import { motifRelance, peutRelancer, type MotifRelance } from '../../domain/disponibilite/relances';
import { lienConnexion } from './comptes';
import { courrielRelance } from './courriels';
import { lireJetonRelance, nonceRelance, signerJetonRelance, USAGE_RELANCE, type Reponse } from './jeton-signe';
import { confirmerDansTx, enregistrerDansTx } from './mise-a-jour';
import { invaliderCacheOffre } from '../offre/requetes';

const RELANCE_VALIDITE_JOURS = 21;
export const TYPE_RELANCE = 'dispo-relance';
/** Spread a first big campaign over several days rather than flood the mail server. */
const MAX_PAR_EXECUTION = 150;

type CandidatRelance = {
  structureId: string;
  compteId: string;
  email: string | null;
  nom: string;
  prenom: string | null;
  type: string;
  actif: boolean;
  statut: 'places' | 'complet' | 'inconnu';
  dispoConfirmeeLe: Date | null;
  derniereRelanceLe: Date | null;
};

/** Places with an account, their last confirmation and last reminder. */
async function candidatsRelance(db: DbOrTx, structureIds?: string[]): Promise<CandidatRelance[]> {
  const derniere = sql<
    string | null
  >`(select max(c.cree_le) from courriels c where c.type = ${TYPE_RELANCE} and c.objet_type = 'structure' and c.objet_id = ${schema.structures.id}::text)`;
  const rows = await db
    .select({
      structureId: schema.structures.id,
      compteId: schema.comptesPro.id,
      email: schema.comptesPro.email,
      nom: schema.structures.nom,
      prenom: schema.structures.prenom,
      type: schema.structures.type,
      actif: schema.structures.actif,
      visible: schema.structures.visible,
      statut: schema.structures.dispoStatut,
      dispoConfirmeeLe: schema.structures.dispoConfirmeeLe,
      derniere,
    })
    .from(schema.structures)
    .innerJoin(schema.comptesPro, eq(schema.comptesPro.structureId, schema.structures.id))
    .where(
      structureIds
        ? inArray(schema.structures.id, structureIds.length ? structureIds : ['00000000-0000-0000-0000-000000000000'])
        : and(eq(schema.structures.actif, true), eq(schema.structures.visible, true)),
    );
  const vus = new Set<string>();
  return rows
    .filter((r) => !vus.has(r.structureId) && vus.add(r.structureId))
    .map((r) => ({
      structureId: r.structureId,
      compteId: r.compteId,
      email: r.email,
      nom: r.nom,
      prenom: r.prenom,
      type: r.type,
      actif: r.actif && r.visible,
      statut: r.statut,
      dispoConfirmeeLe: r.dispoConfirmeeLe,
      derniereRelanceLe: r.derniere ? new Date(r.derniere) : null,
    }));
}

/** Queues one reminder email (in the caller's transaction). */
async function mettreRelanceEnFile(
  tx: DbOrTx,
  c: CandidatRelance,
  o: { publicUrl: string; secret: string; maintenant: Date; motif: MotifRelance | 'rpe' },
): Promise<void> {
  if (!c.email) return;
  const places = await tx
    .select({ trancheAge: schema.placesDisponibles.trancheAge, nombre: schema.placesDisponibles.nombre, aPartirDu: schema.placesDisponibles.aPartirDu })
    .from(schema.placesDisponibles)
    .where(eq(schema.placesDisponibles.structureId, c.structureId))
    .orderBy(schema.placesDisponibles.aPartirDu);
  const expire = new Date(o.maintenant.getTime() + RELANCE_VALIDITE_JOURS * 86400_000);
  const nonce = nonceRelance();
  const lien = (reponse: Reponse) => `${o.publicUrl}/pro/confirmer/${signerJetonRelance(o.secret, { structureId: c.structureId, reponse, expire, nonce })}`;
  const espace = await lienConnexion(tx, c.compteId, o.publicUrl, { dureeHeures: RELANCE_VALIDITE_JOURS * 24, maintenant: o.maintenant });
  const contenu = courrielRelance({
    nom: c.type === 'assistant-maternel' ? (c.prenom ?? c.nom) : c.nom,
    statut: c.statut,
    places,
    confirmeeLe: c.dispoConfirmeeLe,
    liens: { toujours: lien('toujours'), plusDePlace: lien('plus-de-place'), espace },
    joursValidite: RELANCE_VALIDITE_JOURS,
  });
  await mettreEnFile(tx, { ...contenu, destinataire: c.email, objetType: 'structure', objetId: c.structureId });
}

/** The scheduled run: January/June campaign and 45-day-old availability. */
export async function relancesPlanifiees(
  db: Db,
  o: { publicUrl: string; secret: string; maintenant: Date },
): Promise<{ envoyees: number; campagne: number; anciennete: number }> {
  const dus = (await candidatsRelance(db))
    .map((c) => ({ c, motif: motifRelance(c, o.maintenant) }))
    .filter((x): x is { c: CandidatRelance; motif: MotifRelance } => x.motif !== null)
    // Never confirmed first, then the oldest confirmations.
    .sort((a, b) => (a.c.dispoConfirmeeLe?.getTime() ?? -Infinity) - (b.c.dispoConfirmeeLe?.getTime() ?? -Infinity))
    .slice(0, MAX_PAR_EXECUTION);
  await db.transaction(async (tx) => {
    for (const { c, motif } of dus) await mettreRelanceEnFile(tx, c, { ...o, motif });
  });
  return { envoyees: dus.length, campagne: dus.filter((d) => d.motif === 'campagne').length, anciennete: dus.filter((d) => d.motif === 'anciennete').length };
}

/** Bulk reminders sent by the RPE (the caller checked who she may manage). */
export async function relancerEnMasse(
  db: Db,
  structureIds: string[],
  o: { publicUrl: string; secret: string; maintenant: Date },
): Promise<{ envoyees: string[]; ignorees: string[] }> {
  const cands = await candidatsRelance(db, structureIds);
  const envoyees: string[] = [];
  await db.transaction(async (tx) => {
    for (const c of cands) {
      if (!peutRelancer(c, o.maintenant)) continue;
      await mettreRelanceEnFile(tx, c, { ...o, motif: 'rpe' });
      envoyees.push(c.structureId);
    }
  });
  return { envoyees, ignorees: structureIds.filter((id) => !envoyees.includes(id)) };
}

type ExamenRelance =
  | { ok: true; structureId: string; reponse: Reponse; nom: string; statut: 'places' | 'complet' | 'inconnu' }
  | { ok: false; raison: 'inconnu' | 'expire' | 'utilise' };

const cleNonce = (n: string) => sha256(`${USAGE_RELANCE}:${n}`);

/** For the confirmation page (GET): reads, changes nothing. */
export async function examinerRelance(db: DbOrTx, secret: string, jeton: string, maintenant = new Date()): Promise<ExamenRelance> {
  const lu = lireJetonRelance(secret, jeton, maintenant);
  if (!lu.ok) return lu;
  const [deja] = await db
    .select({ h: schema.jetons.hash })
    .from(schema.jetons)
    .where(eq(schema.jetons.hash, cleNonce(lu.contenu.n)));
  if (deja) return { ok: false, raison: 'utilise' };
  const [s] = await db
    .select({
      nom: schema.structures.nom,
      prenom: schema.structures.prenom,
      type: schema.structures.type,
      statut: schema.structures.dispoStatut,
      actif: schema.structures.actif,
    })
    .from(schema.structures)
    .where(eq(schema.structures.id, lu.contenu.s));
  if (!s || !s.actif) return { ok: false, raison: 'inconnu' };
  return { ok: true, structureId: lu.contenu.s, reponse: lu.contenu.r, nom: s.type === 'assistant-maternel' ? (s.prenom ?? s.nom) : s.nom, statut: s.statut };
}

/** The POST of the confirmation page: records the answer once. */
export async function repondreRelance(db: Db, secret: string, jeton: string, maintenant = new Date()): Promise<ExamenRelance> {
  const ex = await examinerRelance(db, secret, jeton, maintenant);
  if (!ex.ok) return ex;
  const lu = lireJetonRelance(secret, jeton, maintenant);
  if (!lu.ok) return lu;
  const r = await db.transaction(async (tx): Promise<ExamenRelance> => {
    // The nonce row makes the email single-use, even with two taps at once.
    const pris = await tx
      .insert(schema.jetons)
      .values({
        hash: cleNonce(lu.contenu.n),
        usage: USAGE_RELANCE,
        sujetId: ex.structureId,
        donnees: { reponse: ex.reponse },
        creeLe: maintenant,
        expireLe: new Date(lu.contenu.e * 1000),
        utiliseLe: maintenant,
      })
      .onConflictDoNothing()
      .returning({ h: schema.jetons.hash });
    if (!pris.length) return { ok: false as const, raison: 'utilise' as const };
    if (ex.reponse === 'plus-de-place') {
      await enregistrerDansTx(tx, { structureId: ex.structureId, miseAJour: { statut: 'complet', places: [] }, source: 'relance', maintenant });
      return { ...ex, statut: 'complet' as const };
    }
    const statut = await confirmerDansTx(tx, { structureId: ex.structureId, source: 'relance', maintenant });
    return { ...ex, statut };
  });
  if (r.ok) invaliderCacheOffre(db);
  return r;
}

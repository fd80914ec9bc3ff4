/**
 * Accounts of assistants maternels and structure managers: no password.
 * They enter with an emailed link (single use, expiring) or with a short
 * code the relais gives by phone or prints as a QR code; then a session
 * cookie keeps them signed in on their phone.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '../db';
import { consommerJeton, creerJeton, sha256 } from '../auth/tokens';
import { codeProBloque, noterEchecCodePro } from '../auth/throttle';
import { mettreEnFile } from '../mail/outbox';
import { courrielLienConnexion } from './courriels';
import { codeProExpireLe, codeProValide } from '../../domain/disponibilite/code-pro';

export const COOKIE_PRO = 'gpe_pro';
export const SESSION_PRO_JOURS = 30;
const LIEN_CONNEXION_HEURES = 24;
export const USAGE_CONNEXION = 'pro-connexion';
const LIENS_PAR_QUART_HEURE = 3;

/** No 0/O, 1/I/L: easy to read out on the phone. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function codeCourtAleatoire(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
/** "abcd 2345", "ABCD2345" → "ABCD-2345"; null when it cannot be a code. */
function normaliserCode(s: string): string | null {
  const c = s.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (c.length !== 8 || [...c].some((x) => !ALPHABET.includes(x))) return null;
  return `${c.slice(0, 4)}-${c.slice(4)}`;
}

export type ComptePro = { id: string; structureId: string; email: string | null; codeCourt: string | null; codeExpireLe: Date };
export type SessionPro = { compte: ComptePro; csrf: string };

/** Creates the account of a place (or returns the existing one), with a short code. */
export async function assurerComptePro(db: DbOrTx, structureId: string, email: string | null): Promise<ComptePro> {
  const [existant] = await db.select().from(schema.comptesPro).where(eq(schema.comptesPro.structureId, structureId)).limit(1);
  if (existant) {
    if (email && existant.email !== email.toLowerCase())
      await db.update(schema.comptesPro).set({ email: email.toLowerCase() }).where(eq(schema.comptesPro.id, existant.id));
    return {
      id: existant.id,
      structureId,
      email: email?.toLowerCase() ?? existant.email,
      codeCourt: existant.codeCourt,
      codeExpireLe: codeProExpireLe(existant.codeCourtCreeLe),
    };
  }
  for (let essai = 0; ; essai++) {
    const code = codeCourtAleatoire();
    const [c] = await db
      .insert(schema.comptesPro)
      .values({ structureId, email: email?.toLowerCase() ?? null, codeCourt: code })
      .onConflictDoNothing()
      .returning();
    if (c) return { id: c.id, structureId, email: c.email, codeCourt: c.codeCourt, codeExpireLe: codeProExpireLe(c.codeCourtCreeLe) };
    if (essai > 5) throw new Error('code court: trop de collisions');
  }
}

/** A new short code, valid from now (the old sheet stops working, open sessions are closed). */
export async function nouveauCode(db: DbOrTx, compteId: string, maintenant = new Date()): Promise<string> {
  for (let essai = 0; ; essai++) {
    const code = codeCourtAleatoire();
    const r = await db
      .update(schema.comptesPro)
      .set({ codeCourt: code, codeCourtCreeLe: maintenant })
      .where(and(eq(schema.comptesPro.id, compteId), sql`not exists (select 1 from comptes_pro where code_court = ${code})`))
      .returning({ id: schema.comptesPro.id });
    if (r.length) {
      await db.delete(schema.sessionsPro).where(eq(schema.sessionsPro.compteId, compteId));
      return code;
    }
    if (essai > 5) throw new Error('code court: trop de collisions');
  }
}

export async function lienConnexion(tx: DbOrTx, compteId: string, publicUrl: string, o: { dureeHeures?: number; maintenant?: Date } = {}): Promise<string> {
  const jeton = await creerJeton(tx, {
    usage: USAGE_CONNEXION,
    sujetId: compteId,
    dureeHeures: o.dureeHeures ?? LIEN_CONNEXION_HEURES,
    maintenant: o.maintenant,
  });
  return `${publicUrl}/pro/lien/${jeton}`;
}

/**
 * Sends a sign-in link to every account with this email. Always answers the
 * same way so that the page does not reveal who is registered.
 */
export async function demanderLien(db: Db, o: { email: string; publicUrl: string; maintenant?: Date }): Promise<number> {
  const maintenant = o.maintenant ?? new Date();
  const email = o.email.trim().toLowerCase();
  const cle = `lien-pro:${sha256(email)}`; // hashed: the table never holds an address in clear
  const [n] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.tentativesConnexion)
    .where(and(eq(schema.tentativesConnexion.cle, cle), gt(schema.tentativesConnexion.le, new Date(maintenant.getTime() - 15 * 60_000))));
  if ((n?.n ?? 0) >= LIENS_PAR_QUART_HEURE) return 0;
  await db.insert(schema.tentativesConnexion).values({ cle, le: maintenant });
  const comptes = await db
    .select({ id: schema.comptesPro.id, nom: schema.structures.nom, prenom: schema.structures.prenom, type: schema.structures.type })
    .from(schema.comptesPro)
    .innerJoin(schema.structures, eq(schema.structures.id, schema.comptesPro.structureId))
    .where(and(eq(schema.comptesPro.email, email), eq(schema.structures.actif, true)));
  await db.transaction(async (tx) => {
    for (const c of comptes) {
      const lien = await lienConnexion(tx, c.id, o.publicUrl, { maintenant });
      await mettreEnFile(tx, {
        ...courrielLienConnexion({ lien, nom: c.type === 'assistant-maternel' ? (c.prenom ?? c.nom) : c.nom, heures: LIEN_CONNEXION_HEURES }),
        destinataire: email,
        objetType: 'compte-pro',
        objetId: c.id,
      });
    }
  });
  return comptes.length;
}

async function ouvrirSession(db: DbOrTx, compteId: string, maintenant: Date): Promise<{ jeton: string; expire: Date }> {
  const jeton = randomBytes(32).toString('base64url');
  const expire = new Date(maintenant.getTime() + SESSION_PRO_JOURS * 86400_000);
  await db
    .insert(schema.sessionsPro)
    .values({ idHash: sha256(jeton), compteId, csrf: randomBytes(24).toString('base64url'), creeLe: maintenant, expireLe: expire });
  await db.update(schema.comptesPro).set({ derniereConnexionLe: maintenant }).where(eq(schema.comptesPro.id, compteId));
  return { jeton, expire };
}

type ResultatEntree = { ok: true; jeton: string; expire: Date } | { ok: false; raison: 'inconnu' | 'expire' | 'utilise' | 'trop-de-tentatives' };

/** The emailed link, once confirmed by a tap (a mail scanner opening it changes nothing). */
export async function entrerParLien(db: Db, jeton: string, maintenant = new Date()): Promise<ResultatEntree> {
  return db.transaction(async (tx) => {
    const r = await consommerJeton(tx, USAGE_CONNEXION, jeton, maintenant);
    if (!r.ok) return r;
    return { ok: true as const, ...(await ouvrirSession(tx, r.sujetId, maintenant)) };
  });
}

/**
 * The short code; failures are counted per address and for all addresses
 * together. An expired code counts as a failure too (it opens nothing).
 */
export async function entrerParCode(db: Db, o: { code: string; ip: string; maintenant?: Date }): Promise<ResultatEntree> {
  const maintenant = o.maintenant ?? new Date();
  if (await codeProBloque(db, o.ip, maintenant)) return { ok: false, raison: 'trop-de-tentatives' };
  const code = normaliserCode(o.code);
  const [c] = code
    ? await db
        .select({ id: schema.comptesPro.id, creeLe: schema.comptesPro.codeCourtCreeLe })
        .from(schema.comptesPro)
        .innerJoin(schema.structures, eq(schema.structures.id, schema.comptesPro.structureId))
        .where(and(eq(schema.comptesPro.codeCourt, code), eq(schema.structures.actif, true)))
    : [];
  if (!c || !codeProValide(c.creeLe, maintenant)) {
    await noterEchecCodePro(db, o.ip, maintenant);
    return { ok: false, raison: c ? 'expire' : 'inconnu' };
  }
  return { ok: true, ...(await ouvrirSession(db, c.id, maintenant)) };
}

export async function sessionPro(db: DbOrTx, jeton: string | undefined, maintenant = new Date()): Promise<SessionPro | null> {
  if (!jeton) return null;
  const [r] = await db
    .select({ s: schema.sessionsPro, c: schema.comptesPro })
    .from(schema.sessionsPro)
    .innerJoin(schema.comptesPro, eq(schema.comptesPro.id, schema.sessionsPro.compteId))
    .where(and(eq(schema.sessionsPro.idHash, sha256(jeton)), gt(schema.sessionsPro.expireLe, maintenant)));
  if (!r) return null;
  return {
    csrf: r.s.csrf,
    compte: { id: r.c.id, structureId: r.c.structureId, email: r.c.email, codeCourt: r.c.codeCourt, codeExpireLe: codeProExpireLe(r.c.codeCourtCreeLe) },
  };
}

export async function fermerSessionPro(db: DbOrTx, jeton: string | undefined): Promise<void> {
  if (jeton) await db.delete(schema.sessionsPro).where(eq(schema.sessionsPro.idHash, sha256(jeton)));
}

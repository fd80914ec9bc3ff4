/**
 * Storage side of the staff second factor (rules: src/domain/securite/totp.ts):
 * enrolment (a pending secret shown as a QR code and a key, confirmed by a
 * code), the code step of sign-in, one-time recovery codes (SHA-256 only),
 * and throttling of wrong codes (ESSAIS_CODE_MAX per account in 15 minutes,
 * counted in tentatives_connexion like the passwords, shared by instances).
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { schema, type Db, type DbOrTx } from '../db';
import { journaliser } from '../audit';
import { consommerJeton, lireJeton, sha256 } from './tokens';
import { depasse } from './throttle';
import { ouvrirSession, USAGE_ETAPE_CODE, type Staff } from './staff';
import {
  cleLisible,
  codesSecours,
  ESSAIS_CODE_MAX,
  estCodeSecours,
  estExige,
  normaliserCode,
  nouveauSecret,
  uriEnrolement,
  verifierCode,
  type RoleStaff,
} from '../../domain/securite/totp';

const u = schema.utilisateurs;
const cleEchecs = (id: string) => `totp:${id}`;

export type EtatDoubleFacteur = { actif: boolean; exige: boolean; codesRestants: number };

async function rolesExiges(db: DbOrTx): Promise<string[]> {
  const [t] = await db.select({ r: schema.territoires.totpRoles }).from(schema.territoires).orderBy(schema.territoires.creeLe).limit(1);
  return t?.r ?? [];
}

export async function etatDoubleFacteur(db: DbOrTx, staff: Staff): Promise<EtatDoubleFacteur> {
  const [row] = await db.select({ s: u.totpSecret }).from(u).where(eq(u.id, staff.id));
  const [c] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.codesSecours)
    .where(and(eq(schema.codesSecours.utilisateurId, staff.id), isNull(schema.codesSecours.utiliseLe)));
  return { actif: Boolean(row?.s), exige: estExige(await rolesExiges(db), staff.role), codesRestants: c?.n ?? 0 };
}

export type Enrolement = { cle: string; uri: string; qrSvg: string };

/** The secret to scan, kept pending until a code confirms it (the same one on every reload). */
export async function preparerEnrolement(db: DbOrTx, staff: Staff, emetteur: string): Promise<Enrolement> {
  const [row] = await db.select({ attente: u.totpSecretAttente }).from(u).where(eq(u.id, staff.id));
  let secret = row?.attente ?? null;
  if (!secret) {
    secret = nouveauSecret();
    await db.update(u).set({ totpSecretAttente: secret }).where(eq(u.id, staff.id));
  }
  const uri = uriEnrolement(secret, staff.email, emetteur);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { cle: cleLisible(secret), uri, qrSvg };
}

async function nouveauxCodes(tx: DbOrTx, utilisateurId: string, maintenant: Date): Promise<string[]> {
  const codes = codesSecours(randomBytes(120));
  await tx.delete(schema.codesSecours).where(eq(schema.codesSecours.utilisateurId, utilisateurId));
  await tx.insert(schema.codesSecours).values(codes.map((c) => ({ hash: sha256(normaliserCode(c)), utilisateurId, creeLe: maintenant })));
  return codes;
}

type ResultatCode = { ok: true; codes?: string[] } | { ok: false; erreur: string };

const MESSAGE_TROP = `Trop de codes erronés : attendez 15 minutes avant de réessayer.`;
const MESSAGE_FAUX = 'Code incorrect. Saisissez les 6 chiffres affichés maintenant par l’application.';

async function trop(db: DbOrTx, id: string, maintenant: Date): Promise<boolean> {
  return depasse(db, cleEchecs(id), ESSAIS_CODE_MAX, maintenant);
}
async function noter(db: DbOrTx, id: string, maintenant: Date): Promise<void> {
  await db.insert(schema.tentativesConnexion).values({ cle: cleEchecs(id), le: maintenant });
}

/** Confirms the pending secret with a code from the app; returns the recovery codes to show once. */
export async function confirmerEnrolement(db: Db, staff: Staff, code: string, maintenant = new Date()): Promise<ResultatCode> {
  if (await trop(db, staff.id, maintenant)) return { ok: false, erreur: MESSAGE_TROP };
  const [row] = await db.select({ attente: u.totpSecretAttente }).from(u).where(eq(u.id, staff.id));
  if (!row?.attente) return { ok: false, erreur: 'Rechargez la page : la clé à scanner a changé.' };
  const pas = verifierCode(row.attente, code, maintenant, null);
  if (pas === null) {
    await noter(db, staff.id, maintenant);
    return { ok: false, erreur: MESSAGE_FAUX };
  }
  const codes = await db.transaction(async (tx) => {
    await tx.update(u).set({ totpSecret: row.attente, totpSecretAttente: null, totpDernierPas: pas }).where(eq(u.id, staff.id));
    const c = await nouveauxCodes(tx, staff.id, maintenant);
    await journaliser(tx, staff, 'securite.totp-activer', 'utilisateur', staff.id);
    return c;
  });
  return { ok: true, codes };
}

/**
 * Checks a TOTP or recovery code of an enrolled person: throttled, a TOTP
 * step never accepted twice, a recovery code used once.
 */
async function verifierSecondFacteur(db: DbOrTx, utilisateurId: string, saisi: string, maintenant = new Date()): Promise<ResultatCode & { secours?: boolean }> {
  if (await trop(db, utilisateurId, maintenant)) return { ok: false, erreur: MESSAGE_TROP };
  const [row] = await db
    .select({ s: u.totpSecret, pas: u.totpDernierPas })
    .from(u)
    .where(and(eq(u.id, utilisateurId), eq(u.actif, true)));
  if (!row?.s) return { ok: false, erreur: MESSAGE_FAUX };
  const code = normaliserCode(saisi);
  const pas = verifierCode(row.s, code, maintenant, row.pas);
  if (pas !== null) {
    // Conditional update: two concurrent uses of the same code, only one wins.
    const r = await db
      .update(u)
      .set({ totpDernierPas: pas })
      .where(and(eq(u.id, utilisateurId), sql`coalesce(${u.totpDernierPas}, -1) < ${pas}`))
      .returning({ id: u.id });
    if (r.length) return { ok: true };
  } else if (estCodeSecours(code)) {
    const r = await db
      .update(schema.codesSecours)
      .set({ utiliseLe: maintenant })
      .where(and(eq(schema.codesSecours.hash, sha256(code)), eq(schema.codesSecours.utilisateurId, utilisateurId), isNull(schema.codesSecours.utiliseLe)))
      .returning({ h: schema.codesSecours.hash });
    if (r.length) {
      await db.insert(schema.journalAudit).values({ utilisateurId, action: 'securite.code-secours-utilise', objetType: 'utilisateur', objetId: utilisateurId });
      return { ok: true, secours: true };
    }
  }
  await noter(db, utilisateurId, maintenant);
  return { ok: false, erreur: 'Code incorrect. Saisissez les 6 chiffres de l’application, ou un code de secours non encore utilisé.' };
}

type ResultatEtape = { ok: true; jeton: string; expire: Date; secours: boolean } | { ok: false; erreur: string; recommencer?: boolean };

/** The code step of sign-in: the step token from the password, then the code. */
export async function terminerConnexion(
  db: Db,
  etape: string | undefined,
  code: string,
  o: { dureeHeures: number; maintenant?: Date },
): Promise<ResultatEtape> {
  const maintenant = o.maintenant ?? new Date();
  const recommencer = { ok: false as const, recommencer: true, erreur: 'Cette étape a expiré : saisissez de nouveau votre adresse et votre mot de passe.' };
  if (!etape || !/^[A-Za-z0-9_-]{20,100}$/.test(etape)) return recommencer;
  const j = await lireJeton(db, USAGE_ETAPE_CODE, etape, maintenant);
  if (!j.ok) return recommencer;
  if (!normaliserCode(code)) return { ok: false, erreur: 'Saisissez le code à 6 chiffres de votre application.' };
  const v = await verifierSecondFacteur(db, j.sujetId, code, maintenant);
  if (!v.ok) return v;
  const c = await consommerJeton(db, USAGE_ETAPE_CODE, etape, maintenant);
  if (!c.ok) return recommencer;
  return { ok: true, ...(await ouvrirSession(db, j.sujetId, o.dureeHeures, maintenant)), secours: v.secours ?? false };
}

/** New recovery codes (the old ones stop working), after a current code. */
export async function regenererCodes(db: Db, staff: Staff, code: string, maintenant = new Date()): Promise<ResultatCode> {
  const v = await verifierSecondFacteur(db, staff.id, code, maintenant);
  if (!v.ok) return v;
  const codes = await db.transaction(async (tx) => {
    const c = await nouveauxCodes(tx, staff.id, maintenant);
    await journaliser(tx, staff, 'securite.codes-secours', 'utilisateur', staff.id);
    return c;
  });
  return { ok: true, codes };
}

/** Turns the second factor off, after a current code; refused when the role requires it. */
export async function desactiverDoubleFacteur(db: Db, staff: Staff, code: string, maintenant = new Date()): Promise<ResultatCode> {
  if (estExige(await rolesExiges(db), staff.role))
    return { ok: false, erreur: 'Le territoire exige la double authentification pour votre rôle : elle ne peut pas être retirée.' };
  const v = await verifierSecondFacteur(db, staff.id, code, maintenant);
  if (!v.ok) return v;
  await db.transaction(async (tx) => {
    await tx.update(u).set({ totpSecret: null, totpSecretAttente: null, totpDernierPas: null }).where(eq(u.id, staff.id));
    await tx.delete(schema.codesSecours).where(eq(schema.codesSecours.utilisateurId, staff.id));
    await journaliser(tx, staff, 'securite.totp-desactiver', 'utilisateur', staff.id);
  });
  return { ok: true };
}

export type { RoleStaff };

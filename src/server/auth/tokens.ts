import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, gt, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';

/** A long random token for links (256 bits, URL-safe). */
export function jetonAleatoire(): string {
  return randomBytes(32).toString('base64url');
}
export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
export function egalConstant(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Creates a single-purpose, expiring token; returns the clear token to put in a link. */
export async function creerJeton(
  tx: DbOrTx,
  o: { usage: string; sujetId: string; dureeHeures: number; donnees?: unknown; reutilisable?: boolean; maintenant?: Date },
): Promise<string> {
  const jeton = jetonAleatoire();
  const now = o.maintenant ?? new Date();
  await tx.insert(schema.jetons).values({
    hash: sha256(jeton),
    usage: o.usage,
    sujetId: o.sujetId,
    donnees: o.donnees ?? null,
    reutilisable: o.reutilisable ?? false,
    creeLe: now,
    expireLe: new Date(now.getTime() + o.dureeHeures * 3600_000),
  });
  return jeton;
}

type JetonVerifie = { ok: true; sujetId: string; donnees: unknown } | { ok: false; raison: 'inconnu' | 'expire' | 'utilise' };

/** Reads a token without consuming it (e.g. to show a confirmation page). */
export async function lireJeton(tx: DbOrTx, usage: string, jeton: string, maintenant = new Date()): Promise<JetonVerifie> {
  const [row] = await tx
    .select()
    .from(schema.jetons)
    .where(and(eq(schema.jetons.hash, sha256(jeton)), eq(schema.jetons.usage, usage)));
  if (!row) return { ok: false, raison: 'inconnu' };
  if (row.utiliseLe && !row.reutilisable) return { ok: false, raison: 'utilise' };
  if (row.expireLe <= maintenant) return { ok: false, raison: 'expire' };
  return { ok: true, sujetId: row.sujetId, donnees: row.donnees };
}

/** Consumes a token atomically: two concurrent uses → only one succeeds. */
export async function consommerJeton(tx: DbOrTx, usage: string, jeton: string, maintenant = new Date()): Promise<JetonVerifie> {
  const lu = await lireJeton(tx, usage, jeton, maintenant);
  if (!lu.ok) return lu;
  const r = await tx
    .update(schema.jetons)
    .set({ utiliseLe: maintenant })
    .where(
      and(
        eq(schema.jetons.hash, sha256(jeton)),
        gt(schema.jetons.expireLe, maintenant),
        sql`(${schema.jetons.reutilisable} or ${schema.jetons.utiliseLe} is null)`,
      ),
    )
    .returning({ h: schema.jetons.hash });
  if (!r.length) return { ok: false, raison: 'utilise' };
  return lu;
}
export { isNull };

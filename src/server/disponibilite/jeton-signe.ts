/**
 * One-tap answers in reminder emails ("toujours disponible", "plus de
 * place"). The token is signed (HMAC-SHA256 with the portal secret), names
 * one place and one answer, and expires. Both buttons of one email share a
 * nonce: once one answer is recorded (a row in `jetons`), the email is spent.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { egalConstant } from '../auth/tokens';

export const USAGE_RELANCE = 'dispo-relance';
export const REPONSES = ['toujours', 'plus-de-place'] as const;
export type Reponse = (typeof REPONSES)[number];
type ContenuJeton = { u: typeof USAGE_RELANCE; s: string; r: Reponse; e: number; n: string };

function signature(secret: string, corps: string): string {
  return createHmac('sha256', secret).update(`gpe:${USAGE_RELANCE}:${corps}`).digest('base64url');
}

export function nonceRelance(): string {
  return randomBytes(12).toString('base64url');
}

/** `expire`: when the link stops working. */
export function signerJetonRelance(secret: string, o: { structureId: string; reponse: Reponse; expire: Date; nonce: string }): string {
  const contenu: ContenuJeton = { u: USAGE_RELANCE, s: o.structureId, r: o.reponse, e: Math.floor(o.expire.getTime() / 1000), n: o.nonce };
  const corps = Buffer.from(JSON.stringify(contenu)).toString('base64url');
  return `${corps}.${signature(secret, corps)}`;
}

type JetonRelanceLu = { ok: true; contenu: ContenuJeton } | { ok: false; raison: 'inconnu' | 'expire' };

/** Checks signature, purpose and expiry (single use is checked against the database). */
export function lireJetonRelance(secret: string, jeton: string, maintenant = new Date()): JetonRelanceLu {
  const [corps, sig, ...reste] = jeton.split('.');
  if (!corps || !sig || reste.length || !egalConstant(sig, signature(secret, corps))) return { ok: false, raison: 'inconnu' };
  let c: ContenuJeton;
  try {
    c = JSON.parse(Buffer.from(corps, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, raison: 'inconnu' };
  }
  if (c.u !== USAGE_RELANCE || typeof c.s !== 'string' || !REPONSES.includes(c.r) || typeof c.e !== 'number' || typeof c.n !== 'string')
    return { ok: false, raison: 'inconnu' };
  if (c.e * 1000 <= maintenant.getTime()) return { ok: false, raison: 'expire' };
  return { ok: true, contenu: c };
}

/**
 * Second factor of the staff (TOTP, RFC 6238: 6 digits, 30 s, SHA-1, the
 * settings every authenticator app reads from a QR code) and its one-time
 * recovery codes. Pure: the secret, the time and the last accepted step come
 * in as arguments; storage and throttling are in src/server/auth/totp.ts.
 */
import { Secret, TOTP } from 'otpauth';

const PERIODE_S = 30;
const CHIFFRES = 6;
/** One step either side: a phone clock 30 s off still works. */
const FENETRE = 1;
const NOMBRE_CODES_SECOURS = 10;
/** Failed codes allowed per account in 15 minutes before the code step refuses. */
export const ESSAIS_CODE_MAX = 5;
/** Minutes between the password and the code before signing in starts again. */
export const DUREE_ETAPE_CODE_MIN = 10;

/** Roles for which a territory can require the second factor (the CHECK `territoires_totp_roles_ck` is built from this list). */
export const ROLES_STAFF = ['admin', 'animatrice', 'commune', 'gestionnaire-creche'] as const;
export type RoleStaff = (typeof ROLES_STAFF)[number];

export function nouveauSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, compte = '', emetteur = 'Guichet Petite Enfance'): TOTP {
  return new TOTP({ issuer: emetteur, label: compte, algorithm: 'SHA1', digits: CHIFFRES, period: PERIODE_S, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// URI put in the QR code. */
export function uriEnrolement(secret: string, compte: string, emetteur: string): string {
  return totp(secret, compte, emetteur).toString();
}

/** The key typed by hand: groups of four characters. */
export function cleLisible(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** What a person types: spaces and dashes removed, letters in upper case. */
export function normaliserCode(saisi: string): string {
  return saisi.replace(/[\s-]/g, '').toUpperCase();
}

const estCodeTotp = (code: string) => /^\d{6}$/.test(code);

export function pasDe(maintenant: Date): number {
  return Math.floor(maintenant.getTime() / 1000 / PERIODE_S);
}

/**
 * The time step of a valid code, or null. A code of a step already used
 * (`dernierPas`) is refused: the same code cannot sign in twice.
 */
export function verifierCode(secret: string, code: string, maintenant: Date, dernierPas: number | null): number | null {
  const c = normaliserCode(code);
  if (!estCodeTotp(c)) return null;
  const delta = totp(secret).validate({ token: c, timestamp: maintenant.getTime(), window: FENETRE });
  if (delta === null) return null;
  const pas = pasDe(maintenant) + delta;
  return dernierPas !== null && pas <= dernierPas ? null : pas;
}

/** The code an app shows at `maintenant` (tests and the enrolment check). */
export function codeA(secret: string, maintenant: Date): string {
  return totp(secret).generate({ timestamp: maintenant.getTime() });
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

/** Recovery codes "XXXX-XXXX-XXXX" (60 bits) from random bytes given by the caller. */
export function codesSecours(octets: Uint8Array, n = NOMBRE_CODES_SECOURS): string[] {
  if (octets.length < n * 12) throw new Error(`${n * 12} octets attendus`);
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    for (let j = 0; j < 12; j++) s += ALPHABET[octets[i * 12 + j]! % 32];
    codes.push(`${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`);
  }
  return codes;
}

export const estCodeSecours = (code: string) => /^[A-Z2-9]{12}$/.test(normaliserCode(code));

/** Does the territory require a second factor for this role? */
export function estExige(rolesExiges: readonly string[], role: string): boolean {
  return rolesExiges.includes(role);
}

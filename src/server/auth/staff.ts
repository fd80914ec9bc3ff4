import { randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { hash, verify } from '@node-rs/argon2';
import { schema, type Db, type DbOrTx } from '../db';
import { creerJeton, sha256 } from './tokens';
import { DUREE_ETAPE_CODE_MIN } from '../../domain/securite/totp';
import { attenteAvantEssai, envoyerLienDeblocage, noterEchec, oublierEchecs } from './throttle';

export type Role = 'admin' | 'animatrice' | 'commune' | 'gestionnaire-creche';
export type Staff = {
  id: string;
  email: string;
  nom: string;
  role: Role;
  relaisId: string | null;
  secteurId: string | null;
  communeCode: string | null;
  /** Crèche manager only: their crèche. */
  structureId?: string | null;
};
/** `doubleFacteurManquant`: the territory requires a second factor for this role and the person has none yet. */
type SessionStaff = { utilisateur: Staff; csrf: string; doubleFacteurManquant: boolean };

export const COOKIE_SESSION = 'gpe_session';

export function hacherMotDePasse(mdp: string): Promise<string> {
  return hash(mdp); // argon2id with the library's OWASP-aligned defaults
}

type ResultatConnexion =
  | { ok: true; jeton: string; expire: Date }
  | { ok: false; raison: 'identifiants' | 'trop-de-tentatives'; attenteMs?: number }
  /** Password right, second factor on: no session yet, a short-lived step token for the code page. */
  | { ok: false; raison: 'code-requis'; etape: string; expire: Date; attenteMs?: undefined };

/** The step between the password and the code (jetons.usage). */
export const USAGE_ETAPE_CODE = 'staff-etape-code';
export { DUREE_ETAPE_CODE_MIN };

/**
 * Same answers and the same work whether the account exists or not: a throttled
 * try verifies no hash at all, any other try verifies one (a dummy for unknown
 * accounts). Throttling: src/server/auth/throttle.ts.
 */
export async function connecter(
  db: Db,
  o: { email: string; motDePasse: string; ip: string; dureeHeures: number; maintenant?: Date; publicUrl?: string },
): Promise<ResultatConnexion> {
  const maintenant = o.maintenant ?? new Date();
  const email = o.email.trim().toLowerCase();
  const attente = await attenteAvantEssai(db, email, o.ip, maintenant);
  if (attente > 0) return { ok: false, raison: 'trop-de-tentatives', attenteMs: attente };
  const [u] = await db
    .select()
    .from(schema.utilisateurs)
    .where(and(eq(schema.utilisateurs.email, email), eq(schema.utilisateurs.actif, true)));
  // Verify against a dummy hash when the user is unknown so timing does not reveal accounts.
  const ok = u ? await verify(u.motDePasseHash, o.motDePasse).catch(() => false) : (await verify(HASH_FACTICE, o.motDePasse).catch(() => false)) && false;
  if (!u || !ok) {
    const ralentir = await noterEchec(db, email, o.ip, maintenant);
    if (ralentir && u && o.publicUrl) await envoyerLienDeblocage(db, u, o.publicUrl, maintenant);
    return { ok: false, raison: 'identifiants' };
  }
  await oublierEchecs(db, email, o.ip);
  if (u.totpSecret) {
    const etape = await creerJeton(db, { usage: USAGE_ETAPE_CODE, sujetId: u.id, dureeHeures: DUREE_ETAPE_CODE_MIN / 60, maintenant });
    return { ok: false, raison: 'code-requis', etape, expire: new Date(maintenant.getTime() + DUREE_ETAPE_CODE_MIN * 60_000) };
  }
  return { ok: true, ...(await ouvrirSession(db, u.id, o.dureeHeures, maintenant)) };
}

/** Creates the session of a person whose every factor has been checked. */
export async function ouvrirSession(db: DbOrTx, utilisateurId: string, dureeHeures: number, maintenant = new Date()): Promise<{ jeton: string; expire: Date }> {
  const jeton = randomBytes(32).toString('base64url');
  const expire = new Date(maintenant.getTime() + dureeHeures * 3600_000);
  await db
    .insert(schema.sessions)
    .values({ idHash: sha256(jeton), utilisateurId, csrf: randomBytes(24).toString('base64url'), creeLe: maintenant, vuLe: maintenant, expireLe: expire });
  await db.update(schema.utilisateurs).set({ derniereConnexionLe: maintenant }).where(eq(schema.utilisateurs.id, utilisateurId));
  return { jeton, expire };
}
const HASH_FACTICE = '$argon2id$v=19$m=19456,t=2,p=1$KmbsgQSYIqkt4SIzXbq9Yw$BOIt3+gsh6G/ERZoXPOFvNg2yq8AZzOGFh4ig3arwKA';

export async function sessionDepuisJeton(db: Db, jeton: string | undefined, maintenant = new Date()): Promise<SessionStaff | null> {
  if (!jeton) return null;
  const rows = await db
    .select({
      s: schema.sessions,
      u: schema.utilisateurs,
      exige: sql<boolean>`exists (select 1 from ${schema.territoires} where ${schema.utilisateurs.role}::text = any(${schema.territoires.totpRoles}))`,
    })
    .from(schema.sessions)
    .innerJoin(schema.utilisateurs, eq(schema.sessions.utilisateurId, schema.utilisateurs.id))
    .where(and(eq(schema.sessions.idHash, sha256(jeton)), gt(schema.sessions.expireLe, maintenant), eq(schema.utilisateurs.actif, true)));
  const r = rows[0];
  if (!r) return null;
  const { u } = r;
  return {
    csrf: r.s.csrf,
    doubleFacteurManquant: Boolean(r.exige) && !u.totpSecret,
    utilisateur: {
      id: u.id,
      email: u.email,
      nom: u.nom,
      role: u.role,
      relaisId: u.relaisId,
      secteurId: u.secteurId,
      communeCode: u.communeCode,
      structureId: u.structureId,
    },
  };
}

export async function deconnecter(db: Db, jeton: string | undefined): Promise<void> {
  if (jeton) await db.delete(schema.sessions).where(eq(schema.sessions.idHash, sha256(jeton)));
}

export async function creerAdmin(db: Db, o: { email: string; nom: string; motDePasse: string }): Promise<string> {
  const [u] = await db
    .insert(schema.utilisateurs)
    .values({ email: o.email.trim().toLowerCase(), nom: o.nom, role: 'admin', motDePasseHash: await hacherMotDePasse(o.motDePasse) })
    .onConflictDoUpdate({ target: schema.utilisateurs.email, set: { role: 'admin', motDePasseHash: await hacherMotDePasse(o.motDePasse), actif: true } })
    .returning({ id: schema.utilisateurs.id });
  return u!.id;
}

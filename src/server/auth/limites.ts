/**
 * Counting the uses of the family forms against src/domain/limites.ts, in the
 * table shared with sign-in attempts (`tentatives_connexion`, purged daily):
 * every instance sees the same counts. The target (email, relais) is stored as
 * a hash, never in clear.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { sha256 } from './tokens';
import { LIMITES, limiteDepassee, type UsageLimite } from '../../domain/limites';

const t = schema.tentativesConnexion;

export type Demandeur = { ip: string; cible: string | null };

/**
 * Loopback (a local reverse proxy whose TRUST_PROXY is missing, or the machine
 * itself) and an unknown address name no client: counting them per address
 * would lump every family together and refuse them all. Only the target counts then.
 */
function adresseIdentifiante(ip: string): boolean {
  return ip !== 'inconnue' && ip !== '' && !/^(127\.|::1$|::ffff:127\.)/.test(ip);
}

const cles = (usage: UsageLimite, d: Demandeur) => ({
  adresse: `limite:${usage}:adresse:${d.ip}`,
  cible: `limite:${usage}:cible:${sha256((d.cible ?? '').trim().toLowerCase())}`,
});

async function compter(db: DbOrTx, cle: string, minutes: number, maintenant: Date): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t)
    .where(and(eq(t.cle, cle), gt(t.le, new Date(maintenant.getTime() - minutes * 60_000))));
  return r?.n ?? 0;
}

/** Would this use go over the limit? (No target: only the address counts.) */
export async function limiteAtteinte(db: DbOrTx, usage: UsageLimite, d: Demandeur, maintenant = new Date()): Promise<boolean> {
  const k = cles(usage, d);
  const l = LIMITES[usage];
  const parAdresse = adresseIdentifiante(d.ip) ? await compter(db, k.adresse, l.parAdresse.minutes, maintenant) : 0;
  const parCible = d.cible ? await compter(db, k.cible, l.parCible.minutes, maintenant) : 0;
  return limiteDepassee(usage, parAdresse, parCible);
}

/** The rows that count one use (written by `noterUsage`, or within a larger statement: src/server/demande/creer.ts). */
export function lignesUsage(usage: UsageLimite, d: Demandeur, maintenant: Date): (typeof t.$inferInsert)[] {
  const k = cles(usage, d);
  return [...(adresseIdentifiante(d.ip) ? [{ cle: k.adresse, le: maintenant }] : []), ...(d.cible ? [{ cle: k.cible, le: maintenant }] : [])];
}

/** Counts one use (after it was accepted). */
export async function noterUsage(db: DbOrTx, usage: UsageLimite, d: Demandeur, maintenant = new Date()): Promise<void> {
  const lignes = lignesUsage(usage, d, maintenant);
  if (lignes.length) await db.insert(t).values(lignes);
}

/**
 * What to count for one use, for a caller that reads the counts within a
 * larger query (src/server/demande/creer.ts): each key with the start of its
 * window, null when that count does not apply.
 */
export function fenetresLimite(usage: UsageLimite, d: Demandeur, maintenant: Date): { adresse: Fenetre | null; cible: Fenetre | null } {
  const k = cles(usage, d);
  const l = LIMITES[usage];
  const depuis = (minutes: number) => new Date(maintenant.getTime() - minutes * 60_000);
  return {
    adresse: adresseIdentifiante(d.ip) ? { cle: k.adresse, depuis: depuis(l.parAdresse.minutes) } : null,
    cible: d.cible ? { cle: k.cible, depuis: depuis(l.parCible.minutes) } : null,
  };
}
type Fenetre = { cle: string; depuis: Date };

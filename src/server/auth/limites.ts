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

type Demandeur = { ip: string; cible: string | null };

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

/** Counts one use (after it was accepted). */
export async function noterUsage(db: DbOrTx, usage: UsageLimite, d: Demandeur, maintenant = new Date()): Promise<void> {
  const k = cles(usage, d);
  const lignes = [...(adresseIdentifiante(d.ip) ? [{ cle: k.adresse, le: maintenant }] : []), ...(d.cible ? [{ cle: k.cible, le: maintenant }] : [])];
  if (lignes.length) await db.insert(t).values(lignes);
}

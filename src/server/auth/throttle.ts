/**
 * Sign-in throttling that slows an attacker without locking the owner out.
 * Failures are counted per (account, address) pair, so failures from
 * elsewhere never block the owner's own address; after a few free tries each
 * new try must wait longer (30 s doubling to 15 min). An address that fails on
 * many accounts is slowed the same way. The owner can clear the pair's count
 * with a link sent by email. Accounts are named by a hash, never in clear.
 */
import { and, eq, gt, like, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { sha256, creerJeton, consommerJeton } from './tokens';
import { mettreEnFile } from '../mail/outbox';

const t = schema.tentativesConnexion;
export const ESSAIS_LIBRES_PAIRE = 3;
export const ESSAIS_LIBRES_ADRESSE = 20;
const FENETRE_MS = 24 * 3600_000;
const DELAI_MAX_MS = 15 * 60_000;
const USAGE_DEBLOCAGE = 'deblocage-connexion';

export function delaiApresEchecs(echecs: number, libres: number): number {
  return echecs < libres ? 0 : Math.min(DELAI_MAX_MS, 30_000 * 2 ** (echecs - libres));
}

const clePaire = (email: string, ip: string) => `paire:${sha256(email)}|${ip}`;
const cleAdresse = (ip: string) => `adresse:${ip}`;

async function etat(db: DbOrTx, cle: string, maintenant: Date): Promise<{ n: number; dernier: Date | null }> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int`, dernier: sql<string | null>`max(${t.le})` })
    .from(t)
    .where(and(eq(t.cle, cle), gt(t.le, new Date(maintenant.getTime() - FENETRE_MS))));
  return { n: r?.n ?? 0, dernier: r?.dernier ? new Date(r.dernier) : null };
}

/** Milliseconds this (account, address) must still wait before a try; 0 = go ahead. */
export async function attenteAvantEssai(db: DbOrTx, email: string, ip: string, maintenant = new Date()): Promise<number> {
  let attente = 0;
  for (const [cle, libres] of [
    [clePaire(email, ip), ESSAIS_LIBRES_PAIRE],
    [cleAdresse(ip), ESSAIS_LIBRES_ADRESSE],
  ] as const) {
    const e = await etat(db, cle, maintenant);
    const delai = delaiApresEchecs(e.n, libres);
    if (!e.dernier || delai === 0) continue;
    const reste = e.dernier.getTime() + delai - maintenant.getTime();
    attente = Math.max(attente, reste);
  }
  return Math.max(0, attente);
}

/**
 * Records a failure. Returns true when this failure starts the slowing down
 * for the pair (the moment to send the owner an unlock link).
 */
export async function noterEchec(db: DbOrTx, email: string, ip: string, maintenant = new Date()): Promise<boolean> {
  await db.insert(t).values([
    { cle: clePaire(email, ip), le: maintenant },
    { cle: cleAdresse(ip), le: maintenant },
  ]);
  const e = await etat(db, clePaire(email, ip), maintenant);
  return e.n === ESSAIS_LIBRES_PAIRE;
}

export async function oublierEchecs(db: DbOrTx, email: string, ip: string): Promise<void> {
  await db.delete(t).where(eq(t.cle, clePaire(email, ip)));
}

/** Sends the owner a link that clears every address's count for the account (at most one an hour). */
export async function envoyerLienDeblocage(db: DbOrTx, u: { id: string; email: string }, publicUrl: string, maintenant = new Date()): Promise<void> {
  const [recent] = await db
    .select({ id: schema.jetons.hash })
    .from(schema.jetons)
    .where(and(eq(schema.jetons.usage, USAGE_DEBLOCAGE), eq(schema.jetons.sujetId, u.id), gt(schema.jetons.creeLe, new Date(maintenant.getTime() - 3600_000))))
    .limit(1);
  if (recent) return;
  const jeton = await creerJeton(db, { usage: USAGE_DEBLOCAGE, sujetId: u.id, dureeHeures: 24, donnees: { email: u.email }, maintenant });
  await mettreEnFile(db, {
    destinataire: u.email,
    type: 'deblocage-connexion',
    sujet: 'Connexion à l’espace des relais : plusieurs essais refusés',
    texte:
      `Plusieurs mots de passe erronés ont été saisis pour votre compte. Les nouveaux essais sont ralentis.\n\n` +
      `Si c’était vous, ce lien (valable 24 heures, une fois) efface ces essais et vous permet de vous connecter tout de suite :\n` +
      `${publicUrl}/admin/connexion?deblocage=${jeton}\n\n` +
      `Si ce n’était pas vous, votre mot de passe n’a pas été trouvé : vous n’avez rien à faire. Prévenez l’administrateur du portail si ce message se répète.`,
  });
}

/** Uses an unlock link: clears the account's counts for every address. */
export async function debloquer(db: DbOrTx, jeton: string, maintenant = new Date()): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(jeton)) return false;
  const r = await consommerJeton(db, USAGE_DEBLOCAGE, jeton, maintenant);
  if (!r.ok) return false;
  const email = (r.donnees as { email?: string } | null)?.email;
  if (email) await db.delete(t).where(like(t.cle, `paire:${sha256(email)}|%`));
  return true;
}

/** Has `cle` failed `max` times or more in the last `fenetreMin` minutes? (shared by every instance) */
export async function depasse(db: DbOrTx, cle: string, max: number, maintenant = new Date(), fenetreMin = 15): Promise<boolean> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(t)
    .where(and(eq(t.cle, cle), gt(t.le, new Date(maintenant.getTime() - fenetreMin * 60_000))));
  return (r?.n ?? 0) >= max;
}

/** Short codes of assistants maternels: 5 failures per address, and a ceiling for all addresses together (rotating addresses). */
const CODE_PRO_MAX_PAR_ADRESSE = 5;
export const CODE_PRO_MAX_GLOBAL = 100;
export async function codeProBloque(db: DbOrTx, ip: string, maintenant = new Date()): Promise<boolean> {
  return (await depasse(db, `code-pro:${ip}`, CODE_PRO_MAX_PAR_ADRESSE, maintenant)) || (await depasse(db, 'code-pro:*', CODE_PRO_MAX_GLOBAL, maintenant));
}
export async function noterEchecCodePro(db: DbOrTx, ip: string, maintenant = new Date()): Promise<void> {
  await db.insert(t).values([
    { cle: `code-pro:${ip}`, le: maintenant },
    { cle: 'code-pro:*', le: maintenant },
  ]);
}

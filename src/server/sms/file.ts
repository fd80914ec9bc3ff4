/** The SMS outbox: queue in the caller's transaction, send by the worker (several instances never send one twice). */
import { desc, eq, lt, and, sql } from 'drizzle-orm';
import { schema, rowsOf, type Db, type DbOrTx } from '../db';
import { log } from '../log';
import type { Staff } from '../auth/staff';
import { raccourcir, recoitSms } from '../../domain/sms/regles';
import { masquerLiensPrives } from '../../domain/courriels/masque';
import { delaiAvantNouvelEssai } from '../mail/outbox';
import type { FournisseurSms } from './fournisseurs';

const MAX_TENTATIVES_SMS = 10;

/**
 * Queues an SMS to the family of a demande when it chose SMS (otherwise
 * nothing: that is the opt-out). Returns whether one was queued.
 */
export async function mettreEnFileSms(tx: DbOrTx, famille: FamilleSms, m: MessageSms): Promise<boolean> {
  const ligne = ligneSms(famille, m);
  if (!ligne) return false;
  await tx.insert(schema.sms).values(ligne);
  return true;
}

type FamilleSms = { canalPrefere: string; telephone: string | null; relaisId: string | null };
type MessageSms = { texte: string; type: string; langue: string; objetType: string; objetId: string };

/** The row `mettreEnFileSms` writes, or null when the family did not choose SMS. */
export function ligneSms(famille: FamilleSms, m: MessageSms): typeof schema.sms.$inferInsert | null {
  const numero = recoitSms(famille);
  if (!numero) return null;
  return {
    destinataire: numero,
    texte: raccourcir(m.texte),
    type: m.type,
    langue: m.langue,
    relaisId: famille.relaisId,
    objetType: m.objetType,
    objetId: m.objetId,
  };
}

type Ligne = typeof schema.sms.$inferSelect;

async function reserver(db: Db, maintenant: Date): Promise<Ligne | null> {
  return db.transaction(async (tx) => {
    const id = rowsOf<{ id: string }>(
      await tx.execute(sql`
      select id from sms where statut = 'a-envoyer' and prochaine_tentative_le <= ${maintenant.toISOString()}
      order by prochaine_tentative_le limit 1 for update skip locked`),
    )[0]?.id;
    if (!id) return null;
    const [m] = await tx
      .update(schema.sms)
      .set({ tentatives: sql`${schema.sms.tentatives} + 1`, prochaineTentativeLe: new Date(maintenant.getTime() + 10 * 60_000) })
      .where(eq(schema.sms.id, id))
      .returning();
    return m ?? null;
  });
}

/** Sends up to `lot` due SMS (no database connection held while the gateway answers). */
export async function envoyerSmsEnAttente(
  db: Db,
  fournisseur: FournisseurSms,
  lot = 20,
  maintenant = new Date(),
): Promise<{ envoyes: number; echecs: number }> {
  let envoyes = 0;
  let echecs = 0;
  for (let i = 0; i < lot; i++) {
    const m = await reserver(db, maintenant);
    if (!m) break;
    try {
      await fournisseur.envoyer({ id: m.id, a: m.destinataire, texte: m.texte });
      await db.update(schema.sms).set({ statut: 'envoye', envoyeLe: new Date(), derniereErreur: null }).where(eq(schema.sms.id, m.id));
      envoyes++;
    } catch (err) {
      const fin = m.tentatives >= MAX_TENTATIVES_SMS;
      await db
        .update(schema.sms)
        .set({
          statut: fin ? 'echec' : 'a-envoyer',
          derniereErreur: (err as Error).message.slice(0, 300),
          prochaineTentativeLe: new Date(maintenant.getTime() + delaiAvantNouvelEssai(m.tentatives)),
        })
        .where(eq(schema.sms.id, m.id));
      log.warn({ sms: m.id, tentatives: m.tentatives }, 'SMS not sent');
      if (fin) echecs++;
    }
  }
  return { envoyes, echecs };
}

type LigneSms = {
  id: string;
  destinataire: string;
  texte: string;
  type: string;
  langue: string;
  statut: string;
  creeLe: Date;
  envoyeLe: Date | null;
  derniereErreur: string | null;
};

/** The latest 50 SMS before `avant` (the relais' own for an animatrice); private links masked. */
export async function listerSms(db: DbOrTx, u: Staff | undefined, o: { avant?: Date | null } = {}): Promise<LigneSms[]> {
  if (!u || (u.role !== 'admin' && (u.role !== 'animatrice' || !u.relaisId))) return [];
  const s = schema.sms;
  const rows = await db
    .select({
      id: s.id,
      destinataire: s.destinataire,
      texte: s.texte,
      type: s.type,
      langue: s.langue,
      statut: s.statut,
      creeLe: s.creeLe,
      envoyeLe: s.envoyeLe,
      derniereErreur: s.derniereErreur,
    })
    .from(s)
    .where(and(u.role === 'admin' ? undefined : eq(s.relaisId, u.relaisId!), o.avant ? lt(s.creeLe, o.avant) : undefined))
    .orderBy(desc(s.creeLe))
    .limit(50);
  return rows.map((r) => ({ ...r, texte: masquerLiensPrives(r.texte) }));
}

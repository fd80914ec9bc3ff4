import { eq, sql } from 'drizzle-orm';
import { schema, rowsOf, type Db, type DbOrTx } from '../db';
import type { Transport } from './transport';
import { log } from '../log';

export type Courriel = {
  destinataire: string; sujet: string; texte: string; html?: string;
  piecesJointes?: { filename: string; contentType: string; content: string }[];
  type: string; langue?: string; objetType?: string; objetId?: string;
};

/** Queues an email in the caller's transaction: it is sent only if that transaction commits. */
export async function mettreEnFile(tx: DbOrTx, c: Courriel): Promise<string> {
  const [row] = await tx.insert(schema.courriels).values({
    destinataire: c.destinataire, sujet: c.sujet, texte: c.texte, html: c.html ?? null, piecesJointes: c.piecesJointes ?? null,
    type: c.type, langue: c.langue ?? 'fr', objetType: c.objetType ?? null, objetId: c.objetId ?? null,
  }).returning({ id: schema.courriels.id });
  return row!.id;
}

export const MAX_TENTATIVES = 12;
/** 30 s, 1 min, 2 min … capped at 1 h: a mail server outage of a day loses nothing. */
export function delaiAvantNouvelEssai(tentatives: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, tentatives - 1)) * 1000;
}

/**
 * Sends up to `lot` due emails. Rows are claimed with SKIP LOCKED so several
 * instances can run the worker on one PostgreSQL without sending twice.
 */
export async function envoyerEnAttente(db: Db, transport: Transport, from: string, lot = 20, maintenant = new Date()): Promise<{ envoyes: number; echecs: number }> {
  let envoyes = 0;
  let echecs = 0;
  for (let i = 0; i < lot; i++) {
    const fait = await db.transaction(async (tx) => {
      const res = await tx.execute(sql`
        select id from courriels
        where statut = 'a-envoyer' and prochaine_tentative_le <= ${maintenant.toISOString()}
        order by prochaine_tentative_le limit 1 for update skip locked`);
      const id = rowsOf<{ id: string }>(res)[0]?.id;
      if (!id) return false;
      const [m] = await tx.select().from(schema.courriels).where(eq(schema.courriels.id, id));
      if (!m) return false;
      try {
        const { messageId } = await transport.envoyer({
          from, to: m.destinataire, subject: m.sujet, text: m.texte, html: m.html, attachments: m.piecesJointes,
          headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': m.langue === 'falc' ? 'fr' : m.langue },
        });
        await tx.update(schema.courriels).set({ statut: 'envoye', envoyeLe: new Date(), messageId, tentatives: m.tentatives + 1, derniereErreur: null }).where(eq(schema.courriels.id, id));
        envoyes++;
      } catch (err) {
        const tentatives = m.tentatives + 1;
        echecs++;
        log.warn({ err: (err as Error).message, id, tentatives }, 'email not sent, will retry');
        await tx.update(schema.courriels).set({
          tentatives,
          statut: tentatives >= MAX_TENTATIVES ? 'echec' : 'a-envoyer',
          prochaineTentativeLe: new Date(maintenant.getTime() + delaiAvantNouvelEssai(tentatives)),
          derniereErreur: String((err as Error).message).slice(0, 500),
        }).where(eq(schema.courriels.id, id));
      }
      return true;
    });
    if (!fait) break;
  }
  return { envoyes, echecs };
}

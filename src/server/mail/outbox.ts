import { and, eq, sql } from 'drizzle-orm';
import { schema, rowsOf, type Db, type DbOrTx } from '../db';
import type { Transport } from './transport';
import { log } from '../log';

export type Courriel = {
  destinataire: string;
  sujet: string;
  texte: string;
  html?: string;
  piecesJointes?: { filename: string; contentType: string; content: string }[];
  type: string;
  langue?: string;
  objetType?: string;
  objetId?: string;
};

/** Queues an email in the caller's transaction: it is sent only if that transaction commits. */
export async function mettreEnFile(tx: DbOrTx, c: Courriel): Promise<string> {
  const [row] = await tx.insert(schema.courriels).values(ligneCourriel(c)).returning({ id: schema.courriels.id });
  return row!.id;
}

/** The row `mettreEnFile` writes (to be part of a larger statement: src/server/demande/creer.ts). */
export function ligneCourriel(c: Courriel): typeof schema.courriels.$inferInsert {
  return {
    destinataire: c.destinataire,
    sujet: c.sujet,
    texte: c.texte,
    html: c.html ?? null,
    piecesJointes: c.piecesJointes ?? null,
    type: c.type,
    langue: c.langue ?? 'fr',
    objetType: c.objetType ?? null,
    objetId: c.objetId ?? null,
  };
}

/** About 23 hours of retries (30 s doubling to 1 h): a mail server outage of a day loses nothing. */
export const MAX_TENTATIVES = 30;
/** 30 s, 1 min, 2 min … capped at 1 h; never shrinks as the attempt count grows. */
export function delaiAvantNouvelEssai(tentatives: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, tentatives - 1)) * 1000;
}
/**
 * While a worker sends a claimed email the row stays 'a-envoyer' with its next
 * attempt pushed this far ahead: if the worker dies mid-send, the email becomes
 * due again by itself. Longer than the SMTP timeouts added together.
 */
const BAIL_ENVOI_MS = 10 * 60_000;

type Ligne = typeof schema.courriels.$inferSelect;

/** Claims one due email in a short transaction (SKIP LOCKED: several instances never send it twice). */
async function reserver(db: Db, maintenant: Date): Promise<Ligne | null> {
  return db.transaction(async (tx) => {
    const res = await tx.execute(sql`
      select id from courriels
      where statut = 'a-envoyer' and prochaine_tentative_le <= ${maintenant.toISOString()}
      order by prochaine_tentative_le limit 1 for update skip locked`);
    const id = rowsOf<{ id: string }>(res)[0]?.id;
    if (!id) return null;
    const [m] = await tx
      .update(schema.courriels)
      .set({ tentatives: sql`${schema.courriels.tentatives} + 1`, prochaineTentativeLe: new Date(maintenant.getTime() + BAIL_ENVOI_MS) })
      .where(eq(schema.courriels.id, id))
      .returning();
    return m ?? null;
  });
}

/**
 * Sends up to `lot` due emails: claim (short transaction), send (no database
 * connection held: a hung SMTP server never blocks a page), then record. After
 * the last attempt an email becomes 'echec' ("non distribué"): staff see it in
 * /admin/courriels and can send it again, and the relais is told by email.
 */
export async function envoyerEnAttente(
  db: Db,
  transport: Transport,
  from: string,
  lot = 20,
  maintenant = new Date(),
): Promise<{ envoyes: number; echecs: number }> {
  let envoyes = 0;
  let echecs = 0;
  // Times are recorded on the real clock from `maintenant`, so a slow batch never shortens a back-off.
  const t0 = Date.now();
  const instant = () => new Date(maintenant.getTime() + (Date.now() - t0));
  for (let i = 0; i < lot; i++) {
    const m = await reserver(db, instant());
    if (!m) break;
    const garde = and(eq(schema.courriels.id, m.id), eq(schema.courriels.tentatives, m.tentatives), eq(schema.courriels.statut, 'a-envoyer'));
    try {
      const { messageId } = await transport.envoyer({
        from,
        to: m.destinataire,
        subject: m.sujet,
        text: m.texte,
        html: m.html,
        attachments: m.piecesJointes,
        headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': m.langue === 'falc' ? 'fr' : m.langue },
      });
      await db.update(schema.courriels).set({ statut: 'envoye', envoyeLe: instant(), messageId, derniereErreur: null }).where(garde);
      envoyes++;
    } catch (err) {
      echecs++;
      const dernier = m.tentatives >= MAX_TENTATIVES;
      // The error text of an SMTP server may quote the recipient: keep only its code.
      const erreur = resumeErreur(err);
      log.warn({ id: m.id, tentatives: m.tentatives, erreur }, dernier ? 'email not delivered after the last attempt' : 'email not sent, will retry');
      await db.transaction(async (tx) => {
        await tx
          .update(schema.courriels)
          .set({
            statut: dernier ? 'echec' : 'a-envoyer',
            prochaineTentativeLe: new Date(instant().getTime() + delaiAvantNouvelEssai(m.tentatives)),
            derniereErreur: erreur,
          })
          .where(garde);
        if (dernier) await prevenirRelais(tx, m);
      });
    }
  }
  return { envoyes, echecs };
}

function resumeErreur(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; command?: string; message?: string };
  const parts = [e.code, e.responseCode, e.command].filter((x) => x !== undefined && x !== null && x !== '');
  return (parts.length ? parts.join(' ') : 'erreur d’envoi').slice(0, 200);
}

/** Tells the relais in charge that an email could not be delivered (never for that notice itself). */
async function prevenirRelais(tx: DbOrTx, m: Ligne): Promise<void> {
  if (m.type === 'courriel-non-distribue' || m.objetType !== 'demande' || !m.objetId) return;
  const res = await tx.execute(sql`
    select r.email, d.reference from demandes d join relais r on r.id = d.relais_id
    where d.id::text = ${m.objetId} and r.email is not null`);
  const r = rowsOf<{ email: string; reference: string }>(res)[0];
  if (!r) return;
  await mettreEnFile(tx, {
    destinataire: r.email,
    type: 'courriel-non-distribue',
    objetType: m.objetType,
    objetId: m.objetId,
    sujet: `Courriel non distribué – demande ${r.reference}`,
    texte:
      `Un courriel à la famille de la demande ${r.reference} n’a pas pu être distribué après ${m.tentatives} essais.\n` +
      `Il est dans la liste « Non distribués » de l’espace des relais (Courriels), d’où vous pouvez le renvoyer. ` +
      `Vérifiez l’adresse de la famille ou contactez-la par un autre moyen.`,
  });
}

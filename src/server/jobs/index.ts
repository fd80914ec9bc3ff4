import { sql } from 'drizzle-orm';
import { schema, rowsOf, type Db } from '../db';
import { log } from '../log';
import { creerTransport } from '../mail/transport';
import { envoyerEnAttente } from '../mail/outbox';
import { creerFournisseurSms } from '../sms/fournisseurs';
import { envoyerSmsEnAttente } from '../sms/file';
import type { AppContext } from '../contexte';
import type { Tache } from './tache';
import { TACHES } from './taches';

export type { Tache };

/** Claims (tache, periode); only the instance whose insert succeeds runs it. */
export async function reserverExecution(db: Db, tache: string, periode: string): Promise<boolean> {
  const r = await db.execute(sql`insert into executions_taches (tache, periode) values (${tache}, ${periode}) on conflict do nothing returning tache`);
  return rowsOf(r).length > 0;
}

export async function executerTachesDues(ctx: AppContext, maintenant = new Date(), taches: Tache[] = TACHES): Promise<string[]> {
  const lancees: string[] = [];
  for (const t of taches) {
    const periode = t.periode(maintenant);
    if (!periode || !(await reserverExecution(ctx.db, t.nom, periode))) continue;
    try {
      const resultat = await t.executer(ctx, maintenant);
      await ctx.db
        .update(schema.executionsTaches)
        .set({ finLe: new Date(), resultat: (resultat ?? null) as object })
        .where(sql`${schema.executionsTaches.tache} = ${t.nom} and ${schema.executionsTaches.periode} = ${periode}`);
      lancees.push(t.nom);
      log.info({ tache: t.nom, periode, resultat }, 'scheduled task done');
    } catch (err) {
      log.error({ err, tache: t.nom, periode }, 'scheduled task failed');
      // Free the period so that another tick retries it.
      await ctx.db.delete(schema.executionsTaches).where(sql`${schema.executionsTaches.tache} = ${t.nom} and ${schema.executionsTaches.periode} = ${periode}`);
    }
  }
  return lancees;
}

/** Starts the outbox sender (every 5 s) and the scheduler (every minute). Returns a stop function. */
export function demarrerTravailleurs(ctx: AppContext): () => Promise<void> {
  const transport = creerTransport(ctx.config);
  let arret = false;
  let enCours: Promise<unknown> = Promise.resolve();
  const boucle = (ms: number, f: () => Promise<unknown>) => {
    const tick = async () => {
      if (arret) return;
      enCours = f().catch((err) => log.error({ err }, 'worker tick failed'));
      await enCours;
      if (!arret) timer = setTimeout(tick, ms);
    };
    let timer = setTimeout(tick, 500);
    return () => clearTimeout(timer);
  };
  const stopMail = boucle(ctx.config.OUTBOX_INTERVAL_MS, () => envoyerEnAttente(ctx.db, transport, ctx.config.MAIL_FROM));
  const fournisseurSms = creerFournisseurSms(ctx.config);
  const stopSms = boucle(ctx.config.OUTBOX_INTERVAL_MS, () => envoyerSmsEnAttente(ctx.db, fournisseurSms));
  const stopTaches = boucle(60_000, () => executerTachesDues(ctx));
  return async () => {
    arret = true;
    stopMail();
    stopSms();
    stopTaches();
    await enCours;
  };
}

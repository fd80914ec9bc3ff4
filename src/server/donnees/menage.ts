/**
 * Daily housekeeping of personal data: expired sessions, tokens and sign-in
 * attempts; sent emails older than COURRIELS_RETENTION_MOIS and their .eml
 * copies; sign-ups to events of the métier some months after the event;
 * the audit log of erased families loses its details (who did what,
 * and when, stays).
 */
import { and, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { subDays, subMonths } from 'date-fns';
import { schema, type Db } from '../db';
import { supprimerFichiersEml, supprimerFichiersSms } from './effacement';
import { effacerInscriptionsPassees } from '../evenements/evenements';

/** Failed sign-in attempts older than this no longer count for throttling. */
const TENTATIVES_JOURS = 1;

type BilanMenage = {
  sessions: number;
  jetons: number;
  tentatives: number;
  courriels: number;
  fichiers: number;
  audit: number;
  inscriptionsEvenements: number;
};

export async function menageDonnees(db: Db, o: { maintenant: Date; courrielsMois: number; dataDir?: string }): Promise<BilanMenage> {
  const m = o.maintenant;
  const sessions = await db.delete(schema.sessions).where(lt(schema.sessions.expireLe, m)).returning({ x: schema.sessions.idHash });
  const sessionsPro = await db.delete(schema.sessionsPro).where(lt(schema.sessionsPro.expireLe, m)).returning({ x: schema.sessionsPro.idHash });
  const jetons = await db.delete(schema.jetons).where(lt(schema.jetons.expireLe, m)).returning({ x: schema.jetons.hash });
  const tentatives = await db
    .delete(schema.tentativesConnexion)
    .where(lt(schema.tentativesConnexion.le, subDays(m, TENTATIVES_JOURS)))
    .returning({ x: schema.tentativesConnexion.id });
  const limite = subMonths(m, o.courrielsMois);
  const courriels = await db
    .delete(schema.courriels)
    .where(and(inArray(schema.courriels.statut, ['envoye', 'echec']), lt(schema.courriels.creeLe, limite)))
    .returning({ x: schema.courriels.id });
  const sms = await db
    .delete(schema.sms)
    .where(and(inArray(schema.sms.statut, ['envoye', 'echec']), lt(schema.sms.creeLe, limite)))
    .returning({ x: schema.sms.id });
  const fichiers = o.dataDir ? supprimerFichiersEml(o.dataDir, { avant: limite }) + supprimerFichiersSms(o.dataDir, { avant: limite }) : 0;
  const audit = await db
    .update(schema.journalAudit)
    .set({ details: null })
    .where(
      and(
        isNotNull(schema.journalAudit.details),
        sql`${schema.journalAudit.objetType} = 'demande'`,
        sql`${schema.journalAudit.objetId} in (select id::text from demandes where anonymisee_le is not null)`,
      ),
    )
    .returning({ x: schema.journalAudit.id });
  // Candidates signed up to an event of the métier: pseudonymised some months after it.
  const inscriptionsEvenements = await effacerInscriptionsPassees(db, m);
  return {
    inscriptionsEvenements,
    sessions: sessions.length + sessionsPro.length,
    jetons: jetons.length,
    tentatives: tentatives.length,
    courriels: courriels.length + sms.length,
    fichiers,
    audit: audit.length,
  };
}

/**
 * Follow-up of families and retention:
 * - N months (SUIVI_DELAI_MOIS) after a solution or a mise en relation, an
 *   email with three one-click answers; one reminder; then staff's list;
 * - every month, "is your need still current?" to families still waiting;
 * - anonymisation of demandes closed more than RETENTION_MOIS months ago.
 */
import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { chaqueJourApres } from '../../domain/temps';
import { subDays, subMonths } from 'date-fns';
import { schema, type Db } from '../db';
import type { Tache } from './tache';
import { envoyerRelance } from '../backoffice/courriers';
import { ETATS_EN_ATTENTE, JOURS_APRES_RAPPEL, JOURS_AVANT_RAPPEL } from '../../domain/relance/regles';
import { effacerAnciennes } from '../donnees/effacement';

const d = schema.demandes;
const rl = schema.relances;
const LOT = 200;

const chaqueJourApres9h = chaqueJourApres(9);

type BilanSuivi = { suivis: number; rappels: number; aTraiter: number; actualites: number };

/** Sends what is due today. Safe to run twice: each step looks at what was already sent. */
export async function envoyerSuivis(db: Db, o: { maintenant: Date; delaiMois: number; baseUrl: string }): Promise<BilanSuivi> {
  const bilan: BilanSuivi = { suivis: 0, rappels: 0, aTraiter: 0, actualites: 0 };
  const limite = subMonths(o.maintenant, o.delaiMois);
  // 1. First follow-up email: solution found, or put in touch, N months ago, and no follow-up since.
  const depuis = sql`case when ${d.etat} = 'solution-trouvee' then coalesce(${d.solutionLe}, ${d.etatDepuis}) else ${d.etatDepuis} end`;
  const dus = await db
    .select({ id: d.id })
    .from(d)
    .where(
      and(
        inArray(d.etat, ['solution-trouvee', 'mise-en-relation']),
        isNotNull(d.email),
        isNull(d.anonymiseeLe),
        sql`${depuis} <= ${limite.toISOString()}::timestamptz`,
        sql`not exists (select 1 from relances x where x.demande_id = ${d.id} and x.type = 'suivi' and x.envoyee_le >= ${depuis})`,
      ),
    )
    .limit(LOT);
  for (const x of dus) {
    await db.transaction(async (tx) => {
      if (await envoyerRelance(tx, { demandeId: x.id, type: 'suivi', baseUrl: o.baseUrl, maintenant: o.maintenant })) bilan.suivis++;
    });
  }
  // 2. One reminder after JOURS_AVANT_RAPPEL days without answer.
  const rappels = await db
    .select({ id: rl.id, demandeId: rl.demandeId })
    .from(rl)
    .innerJoin(d, eq(d.id, rl.demandeId))
    .where(
      and(
        eq(rl.type, 'suivi'),
        isNull(rl.reponduLe),
        isNull(rl.rappelLe),
        isNull(d.anonymiseeLe),
        lte(rl.envoyeeLe, subDays(o.maintenant, JOURS_AVANT_RAPPEL)),
      ),
    )
    .limit(LOT);
  for (const x of rappels) {
    await db.transaction(async (tx) => {
      if (await envoyerRelance(tx, { demandeId: x.demandeId, type: 'suivi', baseUrl: o.baseUrl, maintenant: o.maintenant, relanceId: x.id })) bilan.rappels++;
    });
  }
  // 3. Still no answer after the reminder: staff's follow-up list.
  const r3 = await db
    .update(rl)
    .set({ aTraiterLe: o.maintenant })
    .where(
      and(
        eq(rl.type, 'suivi'),
        isNull(rl.reponduLe),
        isNull(rl.aTraiterLe),
        isNotNull(rl.rappelLe),
        lte(rl.rappelLe, subDays(o.maintenant, JOURS_APRES_RAPPEL)),
      ),
    )
    .returning({ id: rl.id });
  bilan.aTraiter = r3.length;
  // 4. Monthly "still current?" to families still waiting.
  const unMois = subMonths(o.maintenant, 1);
  const attente = await db
    .select({ id: d.id })
    .from(d)
    .where(
      and(
        inArray(d.etat, [...ETATS_EN_ATTENTE]),
        isNotNull(d.email),
        isNull(d.anonymiseeLe),
        lte(d.creeLe, unMois),
        sql`not exists (select 1 from relances x where x.demande_id = ${d.id} and x.type = 'actualite' and x.envoyee_le > ${unMois.toISOString()}::timestamptz)`,
      ),
    )
    .limit(LOT * 5);
  for (const x of attente) {
    await db.transaction(async (tx) => {
      if (await envoyerRelance(tx, { demandeId: x.id, type: 'actualite', baseUrl: o.baseUrl, maintenant: o.maintenant })) bilan.actualites++;
    });
  }
  return bilan;
}

/**
 * Erases the personal data of demandes closed before the retention limit
 * (the one erasure function; statistics keep counting the anonymous rows).
 */
export async function anonymiserAnciennes(db: Db, o: { maintenant: Date; retentionMois: number; dataDir?: string }): Promise<number> {
  return effacerAnciennes(db, o);
}

export const taches: Tache[] = [
  {
    nom: 'suivi-familles',
    periode: chaqueJourApres9h,
    executer: (ctx, maintenant) => envoyerSuivis(ctx.db, { maintenant, delaiMois: ctx.config.SUIVI_DELAI_MOIS, baseUrl: ctx.config.publicUrl }),
  },
  {
    nom: 'retention-demandes',
    periode: chaqueJourApres9h,
    executer: async (ctx, maintenant) => ({
      anonymisees: await anonymiserAnciennes(ctx.db, { maintenant, retentionMois: ctx.config.RETENTION_MOIS, dataDir: ctx.config.DATA_DIR }),
    }),
  },
];

/**
 * Alerts to staff. A new urgent demande: one email to the relais' address
 * within minutes. Exactly once, even with several instances running the
 * task at the same moment: the email is queued in the same transaction as
 * the row of `alertes_staff`, whose primary key (kind, demande, recipient)
 * lets only one instance insert it.
 */
import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import { subHours } from 'date-fns';
import { schema, rowsOf, type Db } from '../db';
import { mettreEnFile } from '../mail/outbox';
import { miseEnPage } from '../mail/gabarits';
import { dateHeureFr } from '../../domain/temps';

/** Only demandes filed this recently raise an alert (no flood of old ones when the feature is switched on). */
export const FENETRE_ALERTE_HEURES = 24;

/** Queues one email per new urgent demande to its relais' address. Returns how many were queued. */
export async function alerterUrgences(db: Db, o: { maintenant: Date; publicUrl: string }): Promise<number> {
  const d = schema.demandes;
  const r = schema.relais;
  const a = schema.alertesStaff;
  const candidates = await db.select({ id: d.id, reference: d.reference, creeLe: d.creeLe, urgenceMotif: d.urgenceMotif, relaisNom: r.nom, relaisEmail: r.email, communeNom: schema.communes.nom })
    .from(d).innerJoin(r, eq(r.id, d.relaisId)).leftJoin(schema.communes, eq(schema.communes.code, d.communeCode))
    .leftJoin(a, and(eq(a.type, 'urgence'), eq(a.cle, sql`${d.id}::text`), eq(a.destinataire, r.email)))
    .where(and(eq(d.urgence, true), eq(d.etat, 'nouvelle'), isNull(d.anonymiseeLe), gte(d.creeLe, subHours(o.maintenant, FENETRE_ALERTE_HEURES)),
      sql`${r.email} is not null`, isNull(a.cle)));
  let n = 0;
  for (const c of candidates) {
    const envoye = await db.transaction(async (tx) => {
      const pris = rowsOf(await tx.execute(sql`insert into alertes_staff (type, cle, destinataire) values ('urgence', ${c.id}, ${c.relaisEmail})
        on conflict do nothing returning cle`));
      if (!pris.length) return false;
      const titre = `Demande urgente ${c.reference}`;
      const { texte, html } = miseEnPage({
        lang: 'fr', titre, blocs: [
          { type: 'paragraphe', texte: `Une demande urgente vient d’arriver pour ${c.relaisNom}${c.communeNom ? ` (${c.communeNom})` : ''}, le ${dateHeureFr(c.creeLe)}.` },
          ...(c.urgenceMotif ? [{ type: 'encadre' as const, texte: `Motif indiqué par la famille : ${c.urgenceMotif}` }] : []),
          { type: 'paragraphe', texte: 'Le premier contact est attendu dans les 7 jours au plus.' },
          { type: 'lien', texte: 'Ouvrir la demande (connexion requise)', url: `${o.publicUrl}/admin/demandes/${c.id}` },
        ],
      });
      await mettreEnFile(tx, { destinataire: c.relaisEmail!, sujet: titre, texte, html, type: 'alerte-urgence', objetType: 'alerte', objetId: c.id });
      return true;
    });
    if (envoye) n++;
  }
  // The minute-keyed runs of this task are not worth keeping beyond a day.
  await db.execute(sql`delete from executions_taches where tache = 'alertes-urgences' and debut_le < ${subHours(o.maintenant, 24).toISOString()}`);
  return n;
}

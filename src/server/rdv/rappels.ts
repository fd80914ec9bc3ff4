/** Reminders 48 h before a RDV or a réunion (email; SMS too when the family chose SMS in its demande). */
import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { schema, type Db } from '../db';
import { contexteRdv, jetonGestion } from './reservation';
import { mettreEnFileCourrielRdv, texteSms } from './courriels';
import { courrielInscription } from './reunions';
import { langueRdv } from './contexte';
import { mettreEnFileSms } from '../sms/file';

const HEURES_RAPPEL = 48;

export async function envoyerRappels(db: Db, o: { maintenant: Date; secret: string; publicUrl: string }): Promise<{ rdv: number; reunions: number }> {
  const limite = new Date(o.maintenant.getTime() + HEURES_RAPPEL * 3_600_000);
  // RDVs booked before the reminder window only: a RDV booked yesterday for tomorrow has just been confirmed.
  const rdvs = await db
    .select({ id: schema.rdvs.id })
    .from(schema.rdvs)
    .where(
      and(
        eq(schema.rdvs.statut, 'reserve'),
        isNull(schema.rdvs.rappelEnvoyeLe),
        gt(schema.rdvs.debut, o.maintenant),
        lte(schema.rdvs.debut, limite),
        sql`${schema.rdvs.creeLe} < ${schema.rdvs.debut} - interval '48 hours'`,
      ),
    );
  let nRdv = 0;
  for (const { id } of rdvs) {
    await db.transaction(async (tx) => {
      const maj = await tx
        .update(schema.rdvs)
        .set({ rappelEnvoyeLe: o.maintenant })
        .where(and(eq(schema.rdvs.id, id), isNull(schema.rdvs.rappelEnvoyeLe), eq(schema.rdvs.statut, 'reserve')))
        .returning({ id: schema.rdvs.id });
      if (!maj.length) return;
      const ctx = (await contexteRdv(tx, id))!;
      const jeton = jetonGestion(o.secret, 'rdv', id);
      const sms = texteSms(ctx, jeton, o.publicUrl);
      await tx.update(schema.rdvs).set({ smsTexte: sms }).where(eq(schema.rdvs.id, id));
      // The reminder also goes by SMS to a family who chose SMS in its demande.
      if (ctx.rdv.demandeId) {
        const [dem] = await tx
          .select({ canalPrefere: schema.demandes.canalPrefere, telephone: schema.demandes.telephone, relaisId: schema.demandes.relaisId })
          .from(schema.demandes)
          .where(eq(schema.demandes.id, ctx.rdv.demandeId));
        if (dem)
          await mettreEnFileSms(
            tx,
            { ...dem, telephone: ctx.rdv.telephone ?? dem.telephone },
            { texte: sms, type: 'rdv-rappel', langue: langueRdv(ctx), objetType: 'rdv', objetId: id },
          );
      }
      await mettreEnFileCourrielRdv(tx, ctx, 'rappel', jeton, o.publicUrl);
      nRdv++;
    });
  }
  const inscriptions = await db
    .select({ id: schema.inscriptionsReunion.id })
    .from(schema.inscriptionsReunion)
    .innerJoin(schema.reunionsInfo, eq(schema.inscriptionsReunion.reunionId, schema.reunionsInfo.id))
    .where(
      and(
        isNull(schema.inscriptionsReunion.annuleeLe),
        isNull(schema.inscriptionsReunion.rappelEnvoyeLe),
        eq(schema.reunionsInfo.annulee, false),
        gt(schema.reunionsInfo.debut, o.maintenant),
        lte(schema.reunionsInfo.debut, limite),
        sql`${schema.inscriptionsReunion.creeLe} < ${schema.reunionsInfo.debut} - interval '48 hours'`,
      ),
    );
  let nReu = 0;
  for (const { id } of inscriptions) {
    await db.transaction(async (tx) => {
      const maj = await tx
        .update(schema.inscriptionsReunion)
        .set({ rappelEnvoyeLe: o.maintenant })
        .where(and(eq(schema.inscriptionsReunion.id, id), isNull(schema.inscriptionsReunion.rappelEnvoyeLe)))
        .returning({ id: schema.inscriptionsReunion.id });
      if (!maj.length) return;
      await courrielInscription(tx, id, 'rappel', jetonGestion(o.secret, 'inscription', id), o.publicUrl);
      nReu++;
    });
  }
  return { rdv: nRdv, reunions: nReu };
}

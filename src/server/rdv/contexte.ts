import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';

/**
 * A RDV with its motif, site, relais and the family's reference: what emails and pages show.
 * `langueDemande` is the language the family chose in its demande: messages use it
 * whatever page the RDV was booked from (see `langueRdv`).
 */
export async function contexteRdv(db: DbOrTx, rdvId: string) {
  const [row] = await db
    .select({
      rdv: schema.rdvs,
      motif: schema.motifsRdv,
      relais: schema.relais,
      lieu: schema.lieux,
      communeNom: schema.communes.nom,
      langueDemande: schema.demandes.langue,
    })
    .from(schema.rdvs)
    .leftJoin(schema.demandes, eq(schema.rdvs.demandeId, schema.demandes.id))
    .innerJoin(schema.motifsRdv, eq(schema.rdvs.motifId, schema.motifsRdv.id))
    .innerJoin(schema.relais, eq(schema.rdvs.relaisId, schema.relais.id))
    .leftJoin(schema.lieux, eq(schema.rdvs.lieuId, schema.lieux.id))
    .leftJoin(schema.communes, eq(schema.lieux.communeCode, schema.communes.code))
    .where(eq(schema.rdvs.id, rdvId));
  return row ?? null;
}
export type ContexteRdv = NonNullable<Awaited<ReturnType<typeof contexteRdv>>>;

/** The language of every message about this RDV: the demande's choice, else the booking's. */
export function langueRdv(ctx: { rdv: { langue: string }; langueDemande: string | null }): string {
  return ctx.langueDemande ?? ctx.rdv.langue;
}

/** The private token of a RDV's (or a registration's) management link, derived from the portal's secret. */
export function jetonGestion(secret: string, objet: 'rdv' | 'inscription', id: string): string {
  return createHmac('sha256', secret).update(`${objet}-gestion:${id}`).digest('base64url');
}

/**
 * What a closed demande no longer needs: its future RDVs are cancelled (the
 * slot is free again once the transaction commits, the animatrice is told,
 * no reminder goes out), its réunion sign-ups are released, and its health
 * details are erased (they are kept only while the relais works on the need).
 * Called by changerEtat for every transition into a closed state, and by the
 * erasure function.
 */
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { jetonAleatoire, sha256 } from '../auth/tokens';
import { mettreEnFile } from '../mail/outbox';
import { miseEnPage } from '../mail/gabarits';
import { config } from '../config';
import { mettreEnFileCourrielRdv } from '../rdv/courriels';
import type { ContexteRdv } from '../rdv/contexte';
import { contexteRdv } from '../rdv/contexte';
import { heure, jourLong } from '../../domain/rdv/format';

/** The RDV with its motif, site and relais, for the cancellation emails (rdv/contexte.ts imports no transition: no cycle). */
async function contexte(tx: DbOrTx, rdvId: string): Promise<ContexteRdv> {
  return (await contexteRdv(tx, rdvId))!;
}

type BilanCloture = { rdvsAnnules: string[]; inscriptionsLiberees: string[] };

const RAISONS = {
  retrait: 'la famille a retiré sa demande',
  effacement: 'les données de la famille ont été effacées',
  solution: 'une solution a été trouvée',
  'sans-solution': 'la demande est close sans solution',
  close: 'la demande est close',
} as const;
type RaisonCloture = keyof typeof RAISONS;

/**
 * Cancels the demande's future RDVs and releases its future réunion sign-ups,
 * inside the caller's transaction. `prevenirFamille`: queue the cancellation
 * email to the family (not when its data are being erased).
 */
export async function libererDependances(
  tx: DbOrTx,
  demandeId: string,
  o: { maintenant: Date; raison: RaisonCloture; prevenirFamille: boolean; publicUrl?: string },
): Promise<BilanCloture> {
  const [d] = await tx
    .select({ reference: schema.demandes.reference, email: schema.demandes.email })
    .from(schema.demandes)
    .where(eq(schema.demandes.id, demandeId));
  if (!d) return { rdvsAnnules: [], inscriptionsLiberees: [] };
  const publicUrl = o.publicUrl ?? config().publicUrl;
  const annules = await tx
    .update(schema.rdvs)
    .set({
      statut: 'annule',
      statutLe: o.maintenant,
      annuleLe: o.maintenant,
      annuleParFamille: o.raison === 'retrait' || o.raison === 'effacement',
      smsTexte: null,
    })
    .where(and(eq(schema.rdvs.demandeId, demandeId), eq(schema.rdvs.statut, 'reserve'), gt(schema.rdvs.debut, o.maintenant)))
    .returning({ id: schema.rdvs.id });
  const ids = annules.map((r) => r.id);
  if (ids.length) {
    // Reminders and confirmations not sent yet are pointless now.
    await tx
      .delete(schema.courriels)
      .where(and(eq(schema.courriels.objetType, 'rdv'), inArray(schema.courriels.objetId, ids), eq(schema.courriels.statut, 'a-envoyer')));
  }
  for (const id of ids) {
    const ctx = await contexte(tx, id);
    const [anim] = await tx
      .select({ email: schema.utilisateurs.email, actif: schema.utilisateurs.actif })
      .from(schema.utilisateurs)
      .where(eq(schema.utilisateurs.id, ctx.rdv.animatriceId));
    if (anim?.actif) {
      const quand = `${jourLong(ctx.rdv.debut, 'fr')} à ${heure(ctx.rdv.debut, 'fr')}`;
      const c = miseEnPage({
        lang: 'fr',
        titre: `Rendez-vous annulé : ${quand}`,
        blocs: [
          {
            type: 'paragraphe',
            texte: `Le rendez-vous du ${quand} (demande ${d.reference}) est annulé : ${RAISONS[o.raison]}. Le créneau est de nouveau libre.`,
          },
        ],
      });
      await mettreEnFile(tx, {
        destinataire: anim.email,
        sujet: `Rendez-vous annulé : ${quand}`,
        texte: c.texte,
        html: c.html,
        type: 'rdv-annulation-animatrice',
        objetType: 'rdv-animatrice',
        objetId: id,
      });
    }
    if (o.prevenirFamille && ctx.rdv.email) {
      // A fresh link: the page it opens says the RDV is cancelled.
      const jeton = jetonAleatoire();
      await tx
        .update(schema.rdvs)
        .set({ gestionTokenHash: sha256(jeton) })
        .where(eq(schema.rdvs.id, id));
      await mettreEnFileCourrielRdv(tx, ctx, 'annulation', jeton, publicUrl);
    }
  }
  const inscriptions = await tx
    .update(schema.inscriptionsReunion)
    .set({ annuleeLe: o.maintenant })
    .where(
      and(
        isNull(schema.inscriptionsReunion.annuleeLe),
        d.email
          ? or(
              eq(schema.inscriptionsReunion.demandeId, demandeId),
              and(eq(schema.inscriptionsReunion.email, d.email), eq(schema.inscriptionsReunion.profil, 'famille')),
            )
          : eq(schema.inscriptionsReunion.demandeId, demandeId),
        sql`${schema.inscriptionsReunion.reunionId} in (select id from reunions_info where debut > ${o.maintenant.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ id: schema.inscriptionsReunion.id });
  return { rdvsAnnules: ids, inscriptionsLiberees: inscriptions.map((i) => i.id) };
}

/** Health details live only while the demande is open. */
async function effacerSante(tx: DbOrTx, demandeId: string): Promise<void> {
  await tx.update(schema.demandes).set({ handicapPrecisions: null, besoinsAccessibilite: null }).where(eq(schema.demandes.id, demandeId));
}

/** The closing hook of changerEtat. */
export async function apresCloture(
  tx: DbOrTx,
  demandeId: string,
  vers: string,
  o: { maintenant: Date; parFamille: boolean; effacement?: boolean },
): Promise<void> {
  const raison: RaisonCloture = o.effacement
    ? 'effacement'
    : vers === 'solution-trouvee'
      ? 'solution'
      : vers === 'sans-solution'
        ? 'sans-solution'
        : o.parFamille
          ? 'retrait'
          : 'close';
  await libererDependances(tx, demandeId, { maintenant: o.maintenant, raison, prevenirFamille: !o.effacement });
  await effacerSante(tx, demandeId);
}

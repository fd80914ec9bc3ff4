/**
 * Possible duplicates (detected when a demande is filed: same email or phone,
 * src/server/demande/creer.ts): staff compare both side by side, then merge
 * the newer into the older one (its contacts, notes, RDVs and mises en
 * relation move over; it is closed with a history row on both: nothing is
 * lost) or say it is not a duplicate.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '../db';
import type { Staff } from '../auth/staff';
import { journaliser } from '../audit';
import { changerEtat } from '../demande/transitions';
import { exigerAccesDemande } from './acces-demande';
import { transitionsPossibles } from '../../domain/demande/etats';
import type { ResultatAction } from './demande';

async function fiche(db: DbOrTx, id: string) {
  const [d] = await db
    .select({ demande: schema.demandes, communeNom: schema.communes.nom })
    .from(schema.demandes)
    .leftJoin(schema.communes, eq(schema.communes.code, schema.demandes.communeCode))
    .where(eq(schema.demandes.id, id));
  if (!d) return null;
  const enfants = await db.select().from(schema.enfants).where(eq(schema.enfants.demandeId, id)).orderBy(asc(schema.enfants.ordre));
  const [n] = await db.select({ contacts: schema.contacts.id }).from(schema.contacts).where(eq(schema.contacts.demandeId, id));
  return { ...d.demande, communeNom: d.communeNom, enfants, aDesContacts: !!n };
}

/** The demande and the one it may duplicate, both within the staff member's perimeter (else AccesRefuse). */
export async function comparerDoublon(db: Db, u: Staff | undefined, id: string) {
  await exigerAccesDemande(db, u, id);
  const [d] = await db.select({ de: schema.demandes.doublonPossibleDeId }).from(schema.demandes).where(eq(schema.demandes.id, id));
  if (!d?.de) return null;
  await exigerAccesDemande(db, u, d.de);
  await journaliser(db, u!, 'voir', 'demande', d.de);
  return { nouvelle: (await fiche(db, id))!, originale: (await fiche(db, d.de))! };
}

export async function ecarterDoublon(db: Db, u: Staff | undefined, id: string, maintenant = new Date()): Promise<ResultatAction> {
  const dem = await exigerAccesDemande(db, u, id);
  await db.transaction(async (tx) => {
    await exigerAccesDemande(tx, u, id, true);
    const [d] = await tx.select({ de: schema.demandes.doublonPossibleDeId }).from(schema.demandes).where(eq(schema.demandes.id, id));
    await tx.update(schema.demandes).set({ doublonPossibleDeId: null }).where(eq(schema.demandes.id, id));
    await tx.insert(schema.demandeHistorique).values({
      demandeId: id,
      le: maintenant,
      transition: 'doublonEcarte',
      de: dem.etat,
      vers: dem.etat,
      parUtilisateurId: u!.id,
      details: { de: d?.de ?? null },
    });
    await journaliser(tx, u!, 'doublon', 'demande', id, { decision: 'pas-un-doublon' });
  });
  return { ok: true, message: 'Noté : ce n’est pas un doublon.' };
}

/** Merges demande `id` into the one it duplicates; returns the id of the demande that stays. */
export async function fusionnerDoublon(db: Db, u: Staff | undefined, id: string, maintenant = new Date()): Promise<ResultatAction & { garde?: string }> {
  const dem = await exigerAccesDemande(db, u, id);
  const [d] = await db.select().from(schema.demandes).where(eq(schema.demandes.id, id));
  if (!d?.doublonPossibleDeId) return { ok: false, erreurs: { doublon: 'Cette demande n’est pas signalée comme doublon' } };
  const garde = d.doublonPossibleDeId;
  await exigerAccesDemande(db, u, garde);
  if (!transitionsPossibles(dem.etat, 'staff').includes('abandonner')) return { ok: false, erreurs: { doublon: 'Cette demande est déjà close' } };
  await db.transaction(async (tx) => {
    await exigerAccesDemande(tx, u, id, true);
    const originale = await exigerAccesDemande(tx, u, garde, true);
    const [o] = await tx.select().from(schema.demandes).where(eq(schema.demandes.id, garde));
    // What the original lacks, the newer one brings (contact details, a newer need is noted in the history).
    const complement: Partial<typeof schema.demandes.$inferInsert> = {};
    if (!o!.email && d.email) complement.email = d.email;
    if (!o!.telephone && d.telephone) complement.telephone = d.telephone;
    if (!o!.premierContactLe && d.premierContactLe) complement.premierContactLe = d.premierContactLe;
    if (Object.keys(complement).length) await tx.update(schema.demandes).set(complement).where(eq(schema.demandes.id, garde));
    for (const t of [schema.contacts, schema.notes, schema.misesEnRelation, schema.rdvs, schema.relances, schema.offresRelayees] as const) {
      await tx
        .update(t)
        .set({ demandeId: garde })
        .where(inArray(t.demandeId, [id]));
    }
    await tx.insert(schema.demandeHistorique).values({
      demandeId: garde,
      le: maintenant,
      transition: 'fusionDoublon',
      de: originale.etat,
      vers: originale.etat,
      parUtilisateurId: u!.id,
      details: { fusionnee: d.reference, dateDebut: d.dateDebut, modesSouhaites: d.modesSouhaites, commentaire: d.commentaire },
    });
    await changerEtat(
      tx,
      id,
      'abandonner',
      { acteur: 'staff', utilisateurId: u!.id },
      { maintenant, motif: `Doublon fusionné dans ${o!.reference}`, details: { fusionneeDans: garde } },
    );
    await journaliser(tx, u!, 'doublon', 'demande', id, { decision: 'fusion', garde });
  });
  return {
    ok: true,
    message: `Demande fusionnée dans ${(await db.select({ r: schema.demandes.reference }).from(schema.demandes).where(eq(schema.demandes.id, garde)))[0]!.r}.`,
    garde,
  };
}

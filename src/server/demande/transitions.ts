import { eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { apresCloture } from '../donnees/cloture';
import { compteCommePremierContact, type MotifFamille } from '../../domain/contacts/regles';
import { appliquer, type Acteur, type Etat, type Transition, type TypeSolution } from '../../domain/demande/etats';

type ParQui = { acteur: Acteur; utilisateurId?: string | null };

/**
 * Applies a named transition to a demande inside the caller's transaction:
 * checks it is allowed, updates the state and its timestamps, and writes the
 * history row (who, when, why). Throws TransitionInterdite otherwise.
 */
export async function changerEtat(
  tx: DbOrTx,
  demandeId: string,
  transition: Transition,
  par: ParQui,
  o: { motif?: string | null; typeSolution?: TypeSolution | null; details?: unknown; maintenant?: Date; effacement?: boolean } = {},
): Promise<Etat> {
  const maintenant = o.maintenant ?? new Date();
  const [d] = await tx
    .select({ etat: schema.demandes.etat, premierContactLe: schema.demandes.premierContactLe })
    .from(schema.demandes)
    .where(eq(schema.demandes.id, demandeId))
    .for('update');
  if (!d) throw new Error(`Demande ${demandeId} introuvable`);
  const vers = appliquer(transition, d.etat, par.acteur);
  if (transition === 'conclure' && !o.typeSolution) throw new Error('Le type de solution est obligatoire pour conclure');
  const maj: Partial<typeof schema.demandes.$inferInsert> = { etat: vers, etatDepuis: maintenant };
  if (transition === 'prendreEnCharge' && !d.premierContactLe) maj.premierContactLe = maintenant;
  if (transition === 'conclure') {
    maj.typeSolution = o.typeSolution!;
    maj.solutionLe = maintenant;
  }
  if (['solution-trouvee', 'sans-solution', 'abandonnee'].includes(vers)) maj.clotureLe = maintenant;
  if (transition === 'reprendre') maj.clotureLe = null;
  await tx.update(schema.demandes).set(maj).where(eq(schema.demandes.id, demandeId));
  await tx.insert(schema.demandeHistorique).values({
    demandeId,
    le: maintenant,
    transition,
    de: d.etat,
    vers,
    parUtilisateurId: par.utilisateurId ?? null,
    parFamille: par.acteur === 'famille',
    motif: o.motif ?? null,
    details: o.details ?? (o.typeSolution ? { typeSolution: o.typeSolution } : null),
  });
  if (maj.clotureLe) await apresCloture(tx, demandeId, vers, { maintenant, parFamille: par.acteur === 'famille', effacement: o.effacement });
  return vers;
}

type NouveauContact = {
  motif?: MotifFamille | null;
  canal: (typeof schema.canalContact.enumValues)[number];
  sens?: 'sortant' | 'entrant';
  issue?: string | null;
  note?: string | null;
  le?: Date;
};

/**
 * Logs one contact with the family (the CAF counts them one by one). Only a
 * contact that reached the family (compteCommePremierContact) is its first
 * contact: it stops the clock and takes a new demande in charge (nouvelle →
 * en cours); a message left or an unanswered call leaves the clock running.
 */
export async function enregistrerContact(tx: DbOrTx, demandeId: string, c: NouveauContact, par: ParQui): Promise<string> {
  const le = c.le ?? new Date();
  const [row] = await tx
    .insert(schema.contacts)
    .values({
      demandeId,
      public: 'famille',
      motif: c.motif ?? null,
      le,
      canal: c.canal,
      sens: c.sens ?? 'sortant',
      parUtilisateurId: par.utilisateurId ?? null,
      issue: c.issue ?? null,
      note: c.note ?? null,
    })
    .returning({ id: schema.contacts.id });
  if (!compteCommePremierContact({ public: 'famille', issue: c.issue })) return row!.id;
  const [d] = await tx
    .select({ etat: schema.demandes.etat, premierContactLe: schema.demandes.premierContactLe })
    .from(schema.demandes)
    .where(eq(schema.demandes.id, demandeId));
  if (d?.etat === 'nouvelle')
    await changerEtat(tx, demandeId, 'prendreEnCharge', par.acteur === 'famille' ? { acteur: 'systeme' } : par, {
      maintenant: le,
      motif: `Premier contact (${c.canal})`,
    });
  else if (d && !d.premierContactLe) await tx.update(schema.demandes).set({ premierContactLe: le }).where(eq(schema.demandes.id, demandeId));
  return row!.id;
}

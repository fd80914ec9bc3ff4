/**
 * The family's side of a demande, reached through the private /suivi/<token>
 * link (token stored only as its SHA-256): read, update, withdraw, delete all
 * data now (RGPD), and send the link again.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '../db';
import { config } from '../config';
import { jetonAleatoire, sha256 } from '../auth/tokens';
import { journaliser } from '../audit';
import { changerEtat } from './transitions';
import { effacerDemande } from '../donnees/effacement';
import { mettreEnFileLien } from './courriels';
import { propositionsPourFamille } from './mise-en-relation';
import type { Etat } from '../../domain/demande/etats';
import { ageMoisAuDebut, type DemandeValidee } from '../../domain/demande/schema';

export type DemandeRow = typeof schema.demandes.$inferSelect;

/** The demande behind a follow-up token, or null (unknown token, or data deleted). */
export async function demandeParJeton(db: DbOrTx, jeton: string): Promise<DemandeRow | null> {
  if (!jeton || jeton.length < 20 || jeton.length > 100) return null;
  const [d] = await db
    .select()
    .from(schema.demandes)
    .where(and(eq(schema.demandes.suiviTokenHash, sha256(jeton)), isNull(schema.demandes.anonymiseeLe)));
  return d ?? null;
}

/** Everything the follow-up page shows (no staff names). */
export async function vueSuivi(db: Db, d: DemandeRow) {
  const [historique, enfants, contacts, relais, commune] = await Promise.all([
    db
      .select({
        le: schema.demandeHistorique.le,
        transition: schema.demandeHistorique.transition,
        vers: schema.demandeHistorique.vers,
        parFamille: schema.demandeHistorique.parFamille,
      })
      .from(schema.demandeHistorique)
      .where(eq(schema.demandeHistorique.demandeId, d.id))
      .orderBy(asc(schema.demandeHistorique.le)),
    db.select().from(schema.enfants).where(eq(schema.enfants.demandeId, d.id)).orderBy(asc(schema.enfants.ordre)),
    db.select({ n: count() }).from(schema.contacts).where(eq(schema.contacts.demandeId, d.id)),
    d.relaisId ? db.select().from(schema.relais).where(eq(schema.relais.id, d.relaisId)) : Promise.resolve([]),
    d.communeCode ? db.select({ nom: schema.communes.nom }).from(schema.communes).where(eq(schema.communes.code, d.communeCode)) : Promise.resolve([]),
  ]);
  await journaliser(db, null, 'demande.suivi.consulter', 'demande', d.id);
  const propositions = await propositionsPourFamille(db, d.id);
  return {
    historique,
    enfants,
    propositions,
    nbContacts: contacts[0]?.n ?? 0,
    relais: relais[0] ?? null,
    communeNom: commune[0]?.nom ?? d.communeHorsTerritoire,
  };
}

/** The stored demande as the form's validated shape (to prefill the update forms). */
export async function demandeValidee(db: DbOrTx, d: DemandeRow): Promise<DemandeValidee> {
  const enfants = await db.select().from(schema.enfants).where(eq(schema.enfants.demandeId, d.id)).orderBy(asc(schema.enfants.ordre));
  return {
    parents: d.parents.map((p) => ({ prenom: p.prenom, nom: p.nom })),
    email: d.email,
    telephone: d.telephone,
    canalPrefere: d.canalPrefere as DemandeValidee['canalPrefere'],
    langueContact: d.langue as DemandeValidee['langueContact'],
    communeCode: d.communeCode,
    communeHorsTerritoire: d.communeHorsTerritoire,
    adresse: d.adresse,
    enfants: enfants.map((e) => ({ prenom: e.prenom, dateNaissance: e.dateNaissance, naissancePrevue: e.naissancePrevue })),
    dateDebut: d.dateDebut,
    planning: d.planning,
    regularite: d.regularite as DemandeValidee['regularite'],
    horairesAtypiques: d.horairesAtypiques,
    urgence: d.urgence,
    urgenceMotif: d.urgenceMotif,
    handicap: d.handicap,
    handicapPrecisions: d.handicapPrecisions,
    periscolaire: d.periscolaire,
    modesSouhaites: d.modesSouhaites as DemandeValidee['modesSouhaites'],
    communesAcceptees: d.communesAcceptees,
    interpreteLangue: d.interpreteLangue,
    besoinsAccessibilite: d.besoinsAccessibilite,
    commentaire: d.commentaire,
    consentementContact: d.consentementContact,
    consentementPartage: d.consentementPartage,
    consentementSante: d.consentementSante,
    structureVueId: d.structureVueId,
    idempotencyKey: d.idempotencyKey,
  };
}

type Modification = 'contact' | 'besoin';

/**
 * The family updates its contact details or its need (already validated with
 * schemaDemande). Written as a history row so staff see it.
 */
export async function modifierParFamille(db: Db, demandeId: string, quoi: Modification, v: DemandeValidee, maintenant = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [d] = await tx.select({ etat: schema.demandes.etat }).from(schema.demandes).where(eq(schema.demandes.id, demandeId)).for('update');
    if (!d) throw new Error('Demande introuvable');
    const maj: Partial<typeof schema.demandes.$inferInsert> =
      quoi === 'contact'
        ? { parents: v.parents, email: v.email, telephone: v.telephone, canalPrefere: v.canalPrefere, langue: v.langueContact, adresse: v.adresse }
        : {
            dateDebut: v.dateDebut,
            planning: v.planning,
            regularite: v.regularite,
            horairesAtypiques: v.horairesAtypiques,
            urgence: v.urgence,
            urgenceMotif: v.urgenceMotif,
            handicap: v.handicap,
            handicapPrecisions: v.handicapPrecisions,
            consentementSante: v.consentementSante,
            periscolaire: v.periscolaire,
            ageMoisAuDebut: ageMoisAuDebut(v.enfants, v.dateDebut),
          };
    await tx.update(schema.demandes).set(maj).where(eq(schema.demandes.id, demandeId));
    await tx
      .insert(schema.demandeHistorique)
      .values({ demandeId, le: maintenant, transition: 'miseAJourFamille', de: d.etat, vers: d.etat, parFamille: true, details: { champs: quoi } });
    await journaliser(tx, null, `demande.suivi.modifier-${quoi}`, 'demande', demandeId);
  });
}

/** The family withdraws its demande (transition `abandonner` by the family). */
export async function retirerParFamille(db: Db, demandeId: string, motif: string | null, maintenant = new Date()): Promise<Etat> {
  return db.transaction(async (tx) => {
    const etat = await changerEtat(tx, demandeId, 'abandonner', { acteur: 'famille' }, { motif: motif || 'Retirée par la famille', maintenant });
    await journaliser(tx, null, 'demande.suivi.retirer', 'demande', demandeId);
    return etat;
  });
}

/**
 * RGPD: deletes every personal datum of the demande now (the one erasure
 * function). The row stays, anonymous, so that counts remain true; the
 * follow-up link stops working.
 */
export async function supprimerDonneesFamille(db: Db, demandeId: string, maintenant = new Date(), dataDir = config().DATA_DIR): Promise<void> {
  await effacerDemande(db, demandeId, { origine: 'famille', maintenant, dataDir });
}

/** At most one new link per demande in this window, so the form cannot be used to flood a mailbox. */
const DELAI_ENTRE_LIENS_MINUTES = 10;

/**
 * The lost-link form: every non-deleted demande filed with this email gets a
 * NEW private link by email (the old one stops working). Says nothing to the
 * caller about whether the email exists.
 */
export async function renvoyerLiens(db: Db, email: string, o: { publicUrl?: string; maintenant?: Date } = {}): Promise<number> {
  const maintenant = o.maintenant ?? new Date();
  const publicUrl = o.publicUrl ?? config().publicUrl;
  const adresse = email.trim().toLowerCase();
  const demandes = await db
    .select({ id: schema.demandes.id, reference: schema.demandes.reference, langue: schema.demandes.langue })
    .from(schema.demandes)
    .where(and(eq(schema.demandes.email, adresse), isNull(schema.demandes.anonymiseeLe)))
    .orderBy(desc(schema.demandes.creeLe))
    .limit(5);
  if (!demandes.length) return 0;
  const recents = await db
    .select({ objetId: schema.courriels.objetId })
    .from(schema.courriels)
    .where(
      and(
        eq(schema.courriels.type, 'demande-lien'),
        eq(schema.courriels.objetType, 'demande'),
        inArray(
          schema.courriels.objetId,
          demandes.map((d) => d.id),
        ),
        gt(schema.courriels.creeLe, new Date(maintenant.getTime() - DELAI_ENTRE_LIENS_MINUTES * 60_000)),
      ),
    );
  const deja = new Set(recents.map((r) => r.objetId));
  let n = 0;
  for (const d of demandes) {
    if (deja.has(d.id)) continue;
    await db.transaction(async (tx) => {
      const jeton = jetonAleatoire();
      await tx
        .update(schema.demandes)
        .set({ suiviTokenHash: sha256(jeton) })
        .where(eq(schema.demandes.id, d.id));
      await mettreEnFileLien(tx, { demandeId: d.id, reference: d.reference, email: adresse, langue: d.langue, jeton, publicUrl });
      await journaliser(tx, null, 'demande.suivi.renvoyer-lien', 'demande', d.id);
    });
    n++;
  }
  return n;
}

/**
 * The family's side of its personal data, reached through the private
 * follow-up link: everything held about it (right of access, readable page
 * and JSON file), and what a withdrawal or an erasure would do before the
 * family confirms it.
 */
import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { addMonths } from 'date-fns';
import { schema, type Db } from '../db';
import { journaliser } from '../audit';
import type { DemandeRow } from '../demande/suivi';

export async function donneesDeLaFamille(db: Db, d: DemandeRow) {
  const email = d.email?.toLowerCase() ?? null;
  const [enfants, historique, contacts, notes, rdvs, inscriptions, relances, offres, mises, courriels, relais, commune] = await Promise.all([
    db
      .select({ prenom: schema.enfants.prenom, dateNaissance: schema.enfants.dateNaissance, naissancePrevue: schema.enfants.naissancePrevue })
      .from(schema.enfants)
      .where(eq(schema.enfants.demandeId, d.id))
      .orderBy(asc(schema.enfants.ordre)),
    db
      .select({
        le: schema.demandeHistorique.le,
        transition: schema.demandeHistorique.transition,
        vers: schema.demandeHistorique.vers,
        motif: schema.demandeHistorique.motif,
      })
      .from(schema.demandeHistorique)
      .where(eq(schema.demandeHistorique.demandeId, d.id))
      .orderBy(asc(schema.demandeHistorique.le)),
    db
      .select({ le: schema.contacts.le, canal: schema.contacts.canal, sens: schema.contacts.sens, issue: schema.contacts.issue, note: schema.contacts.note })
      .from(schema.contacts)
      .where(eq(schema.contacts.demandeId, d.id))
      .orderBy(asc(schema.contacts.le)),
    db.select({ le: schema.notes.le, texte: schema.notes.texte }).from(schema.notes).where(eq(schema.notes.demandeId, d.id)).orderBy(asc(schema.notes.le)),
    db
      .select({
        debut: schema.rdvs.debut,
        mode: schema.rdvs.mode,
        statut: schema.rdvs.statut,
        email: schema.rdvs.email,
        telephone: schema.rdvs.telephone,
        lieu: schema.lieux.nom,
      })
      .from(schema.rdvs)
      .leftJoin(schema.lieux, eq(schema.lieux.id, schema.rdvs.lieuId))
      .where(eq(schema.rdvs.demandeId, d.id))
      .orderBy(asc(schema.rdvs.debut)),
    db
      .select({
        titre: schema.reunionsInfo.titre,
        debut: schema.reunionsInfo.debut,
        nom: schema.inscriptionsReunion.nom,
        email: schema.inscriptionsReunion.email,
        telephone: schema.inscriptionsReunion.telephone,
        places: schema.inscriptionsReunion.places,
        annuleeLe: schema.inscriptionsReunion.annuleeLe,
      })
      .from(schema.inscriptionsReunion)
      .innerJoin(schema.reunionsInfo, eq(schema.reunionsInfo.id, schema.inscriptionsReunion.reunionId))
      .where(
        or(
          eq(schema.inscriptionsReunion.demandeId, d.id),
          email ? and(sql`lower(${schema.inscriptionsReunion.email}) = ${email}`, eq(schema.inscriptionsReunion.profil, 'famille')) : sql`false`,
        ),
      )
      .orderBy(asc(schema.reunionsInfo.debut)),
    db
      .select({ type: schema.relances.type, envoyeeLe: schema.relances.envoyeeLe, reponse: schema.relances.reponse, reponduLe: schema.relances.reponduLe })
      .from(schema.relances)
      .where(eq(schema.relances.demandeId, d.id))
      .orderBy(asc(schema.relances.envoyeeLe)),
    db
      .select({ le: schema.offresRelayees.le, texte: schema.offresRelayees.texte })
      .from(schema.offresRelayees)
      .where(eq(schema.offresRelayees.demandeId, d.id))
      .orderBy(asc(schema.offresRelayees.le)),
    db
      .select({ le: schema.misesEnRelation.le, lieu: schema.structures.nom, issue: schema.misesEnRelation.issue })
      .from(schema.misesEnRelation)
      .innerJoin(schema.structures, eq(schema.structures.id, schema.misesEnRelation.structureId))
      .where(eq(schema.misesEnRelation.demandeId, d.id)),
    db
      .select({ le: schema.courriels.creeLe, sujet: schema.courriels.sujet, destinataire: schema.courriels.destinataire })
      .from(schema.courriels)
      .where(
        or(
          and(eq(schema.courriels.objetType, 'demande'), eq(schema.courriels.objetId, d.id)),
          email ? sql`lower(${schema.courriels.destinataire}) = ${email}` : sql`false`,
        ),
      )
      .orderBy(desc(schema.courriels.creeLe))
      .limit(200),
    d.relaisId
      ? db
          .select({ nom: schema.relais.nom, email: schema.relais.email, telephone: schema.relais.telephone })
          .from(schema.relais)
          .where(eq(schema.relais.id, d.relaisId))
      : Promise.resolve([]),
    d.communeCode ? db.select({ nom: schema.communes.nom }).from(schema.communes).where(eq(schema.communes.code, d.communeCode)) : Promise.resolve([]),
  ]);
  // The crèche application and the commission's decisions about the family (JSON file).
  const c = schema.candidaturesCreche;
  const candidatureCreche =
    (
      await db
        .select({
          voeux: c.voeux,
          dateDebut: c.dateDebut,
          planning: c.planning,
          tranche: c.tranche,
          situation: c.situation,
          statut: c.statut,
          deposeeLe: c.deposeeLe,
          confirmeeLe: c.confirmeeLe,
        })
        .from(c)
        .where(eq(c.demandeId, d.id))
    )[0] ?? null;
  const decisionsCreche = await db
    .select({
      session: schema.sessionsCommission.le,
      creche: schema.structures.nom,
      statut: schema.propositionsCreche.statut,
      points: schema.propositionsCreche.notes,
      echeance: schema.propositionsCreche.echeance,
    })
    .from(schema.propositionsCreche)
    .innerJoin(c, eq(c.id, schema.propositionsCreche.candidatureId))
    .innerJoin(schema.sessionsCommission, eq(schema.sessionsCommission.id, schema.propositionsCreche.sessionId))
    .leftJoin(schema.structures, eq(schema.structures.id, schema.propositionsCreche.structureId))
    .where(and(eq(c.demandeId, d.id), eq(schema.sessionsCommission.statut, 'close')))
    .orderBy(asc(schema.sessionsCommission.le));
  // The crèches the application and the decisions refer to by id (wishes, siblings, points), by name.
  const idsCreches = [
    ...new Set([
      ...(candidatureCreche?.voeux ?? []),
      ...((candidatureCreche?.situation as { fratrieDans?: string[] } | undefined)?.fratrieDans ?? []),
      ...decisionsCreche.flatMap((x) => Object.keys(x.points)),
    ]),
  ];
  const nomsCreches: Record<string, string> = idsCreches.length
    ? Object.fromEntries(
        (
          await db.select({ id: schema.structures.id, nom: schema.structures.nom }).from(schema.structures).where(inArray(schema.structures.id, idsCreches))
        ).map((x) => [x.id, x.nom]),
      )
    : {};
  await journaliser(db, null, 'demande.suivi.telecharger-donnees', 'demande', d.id);
  return {
    reference: d.reference,
    deposeeLe: d.creeLe,
    etat: d.etat,
    langue: d.langue,
    vous: {
      parents: d.parents,
      email: d.email,
      telephone: d.telephone,
      adresse: d.adresse,
      canalPrefere: d.canalPrefere,
      commune: commune[0]?.nom ?? d.communeHorsTerritoire,
      interprete: d.interpreteLangue,
    },
    enfants,
    besoin: {
      dateDebut: d.dateDebut,
      planning: d.planning,
      regularite: d.regularite,
      horairesAtypiques: d.horairesAtypiques,
      urgence: d.urgence,
      urgenceMotif: d.urgenceMotif,
      handicap: d.handicap,
      handicapPrecisions: d.handicapPrecisions,
      periscolaire: d.periscolaire,
      modesSouhaites: d.modesSouhaites,
      besoinsAccessibilite: d.besoinsAccessibilite,
      commentaire: d.commentaire,
    },
    consentements: { contact: d.consentementContact, partage: d.consentementPartage, sante: d.consentementSante, le: d.consentementLe },
    relais: relais[0] ?? null,
    historique,
    contacts,
    notes,
    rendezVous: rdvs,
    reunions: inscriptions,
    relances,
    offresRelayees: offres,
    misesEnRelation: mises,
    courriels,
    candidatureCreche,
    decisionsCreche,
    nomsCreches,
  };
}
export type DonneesFamille = Awaited<ReturnType<typeof donneesDeLaFamille>>;

export type Consequences = {
  rdvs: { debut: Date; mode: string }[];
  reunions: { titre: string; debut: Date }[];
  /** When the personal data will be erased: now for an erasure, RETENTION_MOIS after closing for a withdrawal. */
  effacementLe: Date;
};

/** What withdrawing or erasing would do now (shown before the family confirms). */
export async function consequences(
  db: Db,
  d: DemandeRow,
  o: { quoi: 'retrait' | 'effacement'; retentionMois: number; maintenant?: Date },
): Promise<Consequences> {
  const maintenant = o.maintenant ?? new Date();
  const rdvs = await db
    .select({ debut: schema.rdvs.debut, mode: schema.rdvs.mode })
    .from(schema.rdvs)
    .where(and(eq(schema.rdvs.demandeId, d.id), eq(schema.rdvs.statut, 'reserve'), gt(schema.rdvs.debut, maintenant)))
    .orderBy(asc(schema.rdvs.debut));
  const email = d.email?.toLowerCase() ?? null;
  const ir = schema.inscriptionsReunion;
  const reunions = await db
    .select({ titre: schema.reunionsInfo.titre, debut: schema.reunionsInfo.debut })
    .from(ir)
    .innerJoin(schema.reunionsInfo, eq(schema.reunionsInfo.id, ir.reunionId))
    .where(
      and(
        isNull(ir.annuleeLe),
        gt(schema.reunionsInfo.debut, maintenant),
        or(eq(ir.demandeId, d.id), email ? and(sql`lower(${ir.email}) = ${email}`, eq(ir.profil, 'famille')) : sql`false`),
      ),
    )
    .orderBy(asc(schema.reunionsInfo.debut));
  return { rdvs, reunions, effacementLe: o.quoi === 'effacement' ? maintenant : addMonths(maintenant, o.retentionMois) };
}

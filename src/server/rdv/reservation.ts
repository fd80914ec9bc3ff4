/**
 * Booking, moving, cancelling RDVs and marking them. No SELECT-then-INSERT
 * guard against double booking: the exclusion constraint rdvs_sans_chevauchement
 * rejects the loser of a race, and we then try the next free animatrice.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import { sansFeriesNiFermetures } from '../territoire/creneaux';
import { schema, type Db, type DbOrTx } from '../db';
import { sha256 } from '../auth/tokens';
import { journaliser } from '../audit';
import { enregistrerContact } from '../demande/transitions';
import type { Staff } from '../auth/staff';
import {
  creneauxLibres,
  modifiableEnLigne,
  statutsPossibles,
  type Creneau,
  type Mode,
  type Occupation,
  type Plage,
  type Statut,
} from '../../domain/rdv/creneaux';
import { mettreEnFileCourrielRdv, texteSms } from './courriels';
import { contexteRdv, jetonGestion, type ContexteRdv } from './contexte';

const JOUR = 86_400_000;

export type MotifRow = typeof schema.motifsRdv.$inferSelect;
type RdvRow = typeof schema.rdvs.$inferSelect;

/** The token of the move/cancel link, derived from the secret so that every email of a RDV carries the same link. */
export { jetonGestion };

/** Was this error the exclusion constraint (two RDVs of one animatrice at once)? */
function estChevauchement(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e.code === '23P01') return true;
  }
  return false;
}

export async function motifsDuRelais(
  db: DbOrTx,
  relaisId: string,
  o: { enLigne?: boolean; public?: 'famille' | 'am'; tous?: boolean } = {},
): Promise<MotifRow[]> {
  const rows = await db
    .select()
    .from(schema.motifsRdv)
    .where(eq(schema.motifsRdv.relaisId, relaisId))
    .orderBy(asc(schema.motifsRdv.ordre), asc(schema.motifsRdv.nom));
  return rows.filter((m) => (o.tous || m.actif) && (!o.enLigne || m.reservableEnLigne) && (!o.public || m.public === o.public));
}

/** Opening slots and busy time of a relais over [du, au). */
async function donneesAgenda(db: DbOrTx, relaisId: string, du: Date, au: Date, sauf?: string): Promise<{ plages: Plage[]; occupations: Occupation[] }> {
  const plages = await db
    .select()
    .from(schema.plagesOuverture)
    .where(and(eq(schema.plagesOuverture.relaisId, relaisId), eq(schema.plagesOuverture.actif, true)));
  const animatrices = [...new Set(plages.map((p) => p.animatriceId))];
  const [rdvs, exceptions] = await Promise.all([
    animatrices.length
      ? db
          .select({ animatriceId: schema.rdvs.animatriceId, debut: schema.rdvs.debut, fin: schema.rdvs.fin })
          .from(schema.rdvs)
          .where(
            and(
              inArray(schema.rdvs.animatriceId, animatrices),
              ne(schema.rdvs.statut, 'annule'),
              lt(schema.rdvs.debut, au),
              gt(schema.rdvs.fin, du),
              sauf ? ne(schema.rdvs.id, sauf) : undefined,
            ),
          )
      : Promise.resolve([]),
    db
      .select({ animatriceId: schema.exceptionsAgenda.animatriceId, debut: schema.exceptionsAgenda.debut, fin: schema.exceptionsAgenda.fin })
      .from(schema.exceptionsAgenda)
      .where(and(eq(schema.exceptionsAgenda.relaisId, relaisId), lt(schema.exceptionsAgenda.debut, au), gt(schema.exceptionsAgenda.fin, du))),
  ]);
  return {
    plages: plages.map((p) => ({
      id: p.id,
      animatriceId: p.animatriceId,
      lieuId: p.lieuId,
      motifIds: p.motifIds,
      jours: p.jours,
      heureDebut: p.heureDebut,
      heureFin: p.heureFin,
      valideDu: p.valideDu,
      valideAu: p.valideAu,
      delaiMinimumHeures: p.delaiMinimumHeures,
      horizonJours: p.horizonJours,
    })),
    occupations: [...rdvs, ...exceptions],
  };
}

type QuestionCreneaux = {
  relaisId: string;
  motifId: string;
  lieuId?: string | null;
  maintenant?: Date;
  du?: Date;
  au?: Date;
  personnel?: boolean;
  animatriceId?: string | null;
  sauf?: string;
};

/** Free slots of a motif at a site (or remote), for a family or for staff. */
export async function creneauxDisponibles(db: DbOrTx, q: QuestionCreneaux): Promise<{ motif: MotifRow | null; creneaux: Creneau[] }> {
  const maintenant = q.maintenant ?? new Date();
  const [motif] = await db
    .select()
    .from(schema.motifsRdv)
    .where(and(eq(schema.motifsRdv.id, q.motifId), eq(schema.motifsRdv.relaisId, q.relaisId)));
  if (!motif) return { motif: null, creneaux: [] };
  const du = q.du ?? maintenant;
  const au = q.au ?? new Date(maintenant.getTime() + 366 * JOUR);
  const { plages, occupations } = await donneesAgenda(
    db,
    q.relaisId,
    new Date(Math.min(du.getTime(), maintenant.getTime()) - JOUR),
    new Date(au.getTime() + JOUR),
    q.sauf,
  );
  let creneaux = creneauxLibres({
    plages: q.animatriceId ? plages.filter((p) => p.animatriceId === q.animatriceId) : plages,
    occupations,
    motif,
    lieuId: q.lieuId,
    maintenant,
    du: q.du,
    au: q.au,
    personnel: q.personnel,
  });
  if (q.au) creneaux = creneaux.filter((c) => c.debut < q.au!);
  creneaux = await sansFeriesNiFermetures(db, creneaux);
  return { motif, creneaux };
}

type NouvelleReservation = {
  relaisId: string;
  motifId: string;
  mode: Mode;
  lieuId: string | null;
  debut: Date;
  demandeId?: string | null;
  structureId?: string | null;
  /** Staff may choose the animatrice; otherwise any free one. */
  animatriceId?: string | null;
  parFamille: boolean;
  staff?: Staff | null;
  langue?: string;
  email?: string | null;
  telephone?: string | null;
  nomContact?: string | null;
  note?: string | null;
  maintenant?: Date;
  secret: string;
  publicUrl: string;
};
type ResultatReservation = { ok: true; rdvId: string; jeton: string } | { ok: false; raison: 'motif' | 'indisponible' | 'trop-de-rdv' };

/** A family books at most this many future RDVs per demande online (one anonymous demande must not take a team's week). */
export const MAX_RDV_FUTURS_PAR_DEMANDE = 2;

function modeCompatible(motif: MotifRow, mode: Mode, lieuId: string | null): boolean {
  return motif.modes.includes(mode) && (mode === 'sur-place') === (lieuId !== null);
}

/** Books one slot: the email with its .ics is queued in the same transaction. */
export async function reserverRdv(db: Db, r: NouvelleReservation): Promise<ResultatReservation> {
  const maintenant = r.maintenant ?? new Date();
  const { motif, creneaux } = await creneauxDisponibles(db, {
    relaisId: r.relaisId,
    motifId: r.motifId,
    lieuId: r.lieuId,
    maintenant,
    du: r.debut,
    au: new Date(r.debut.getTime() + 1),
    personnel: !r.parFamille,
    animatriceId: r.animatriceId,
  });
  if (!motif || !motif.actif || (r.parFamille && !motif.reservableEnLigne) || !modeCompatible(motif, r.mode, r.lieuId)) return { ok: false, raison: 'motif' };
  if (!r.demandeId && !r.structureId) return { ok: false, raison: 'motif' };
  if (r.parFamille && r.demandeId) {
    const [n] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.rdvs)
      .where(and(eq(schema.rdvs.demandeId, r.demandeId), eq(schema.rdvs.statut, 'reserve'), gt(schema.rdvs.debut, maintenant)));
    if ((n?.n ?? 0) >= MAX_RDV_FUTURS_PAR_DEMANDE) return { ok: false, raison: 'trop-de-rdv' };
  }
  const candidates = creneaux.filter((c) => c.debut.getTime() === r.debut.getTime());
  if (!candidates.length) return { ok: false, raison: 'indisponible' };
  // Messages go out in the language chosen in the demande, whatever page the booking came from.
  const [dem] = r.demandeId ? await db.select({ langue: schema.demandes.langue }).from(schema.demandes).where(eq(schema.demandes.id, r.demandeId)) : [];
  const cadre = { ...(await cadreRdv(db, r.relaisId, motif.id, r.lieuId)), langueDemande: dem?.langue ?? null };
  for (const c of candidates) {
    // Everything is computed before the single INSERT: a later UPDATE of the new row would re-check
    // the exclusion constraint against concurrent bookings and could deadlock on PostgreSQL.
    const id = randomUUID();
    const jeton = jetonGestion(r.secret, 'rdv', id);
    const valeurs: typeof schema.rdvs.$inferInsert = {
      id,
      relaisId: r.relaisId,
      animatriceId: c.animatriceId,
      lieuId: r.lieuId,
      motifId: motif.id,
      mode: r.mode,
      debut: c.debut,
      fin: c.fin,
      demandeId: r.demandeId ?? null,
      structureId: r.structureId ?? null,
      statut: 'reserve',
      statutLe: maintenant,
      parFamille: r.parFamille,
      creeParId: r.staff?.id ?? null,
      creeLe: maintenant,
      langue: dem?.langue ?? r.langue ?? 'fr',
      email: r.email ?? null,
      telephone: r.telephone ?? null,
      nomContact: r.nomContact ?? null,
      note: r.note ?? null,
      gestionTokenHash: sha256(jeton),
      nbDeplacements: 0,
    };
    valeurs.smsTexte = texteSms({ ...cadre, rdv: valeurs as RdvRow }, jeton, r.publicUrl);
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx.insert(schema.rdvs).values(valeurs).returning();
        await mettreEnFileCourrielRdv(tx, { ...cadre, rdv: row! }, 'confirmation', jeton, r.publicUrl);
        if (r.demandeId) await journaliser(tx, r.staff ?? null, 'rdv.reserver', 'demande', r.demandeId, { rdvId: id, parFamille: r.parFamille });
        return { ok: true as const, rdvId: id, jeton };
      });
    } catch (err) {
      if (estChevauchement(err)) continue; // somebody took this animatrice at this time: try the next one
      throw err;
    }
  }
  return { ok: false, raison: 'indisponible' };
}

/** Motif, relais and site of a RDV (what its emails and SMS text need). */
async function cadreRdv(db: DbOrTx, relaisId: string, motifId: string, lieuId: string | null) {
  const [motif] = await db.select().from(schema.motifsRdv).where(eq(schema.motifsRdv.id, motifId));
  const [relais] = await db.select().from(schema.relais).where(eq(schema.relais.id, relaisId));
  const [l] = lieuId
    ? await db
        .select({ lieu: schema.lieux, communeNom: schema.communes.nom })
        .from(schema.lieux)
        .leftJoin(schema.communes, eq(schema.lieux.communeCode, schema.communes.code))
        .where(eq(schema.lieux.id, lieuId))
    : [];
  return { motif: motif!, relais: relais!, lieu: l?.lieu ?? null, communeNom: l?.communeNom ?? null };
}

export { contexteRdv, type ContexteRdv };

/** The RDV behind an emailed move/cancel link. */
export async function rdvParJeton(db: DbOrTx, jeton: string): Promise<ContexteRdv | null> {
  if (!jeton || jeton.length < 20 || jeton.length > 100) return null;
  const [r] = await db
    .select({ id: schema.rdvs.id })
    .from(schema.rdvs)
    .where(eq(schema.rdvs.gestionTokenHash, sha256(jeton)));
  return r ? contexteRdv(db, r.id) : null;
}

type Deplacement = {
  rdvId: string;
  debut: Date;
  parFamille: boolean;
  staff?: Staff | null;
  animatriceId?: string | null;
  maintenant?: Date;
  secret: string;
  publicUrl: string;
  heuresLimite?: number;
};
type ResultatModification = { ok: true } | { ok: false; raison: 'introuvable' | 'trop-tard' | 'indisponible' };

/** Moves a RDV to another free start (same motif and site); the constraint still guards the race. */
export async function deplacerRdv(db: Db, d: Deplacement): Promise<ResultatModification> {
  const maintenant = d.maintenant ?? new Date();
  const ctx = await contexteRdv(db, d.rdvId);
  if (!ctx || ctx.rdv.statut !== 'reserve') return { ok: false, raison: 'introuvable' };
  if (d.parFamille && !modifiableEnLigne(ctx.rdv.debut, maintenant, d.heuresLimite ?? 4)) return { ok: false, raison: 'trop-tard' };
  const { creneaux } = await creneauxDisponibles(db, {
    relaisId: ctx.rdv.relaisId,
    motifId: ctx.rdv.motifId,
    lieuId: ctx.rdv.lieuId,
    maintenant,
    du: d.debut,
    au: new Date(d.debut.getTime() + 1),
    personnel: !d.parFamille,
    animatriceId: d.animatriceId,
    sauf: ctx.rdv.id,
  });
  // The same animatrice first: the family keeps the person it booked with when she is free.
  const candidates = creneaux
    .filter((c) => c.debut.getTime() === d.debut.getTime())
    .sort((a, b) => Number(b.animatriceId === ctx.rdv.animatriceId) - Number(a.animatriceId === ctx.rdv.animatriceId));
  for (const c of candidates) {
    try {
      const jeton = jetonGestion(d.secret, 'rdv', ctx.rdv.id);
      const nouveau = {
        ...ctx.rdv,
        debut: c.debut,
        fin: c.fin,
        animatriceId: c.animatriceId,
        nbDeplacements: ctx.rdv.nbDeplacements + 1,
        rappelEnvoyeLe: null,
      };
      const fait = await db.transaction(async (tx) => {
        const maj = await tx
          .update(schema.rdvs)
          .set({
            debut: nouveau.debut,
            fin: nouveau.fin,
            animatriceId: nouveau.animatriceId,
            nbDeplacements: nouveau.nbDeplacements,
            rappelEnvoyeLe: null,
            smsTexte: texteSms({ ...ctx, rdv: nouveau }, jeton, d.publicUrl),
          })
          .where(and(eq(schema.rdvs.id, ctx.rdv.id), eq(schema.rdvs.statut, 'reserve')))
          .returning();
        if (!maj.length) return false;
        await mettreEnFileCourrielRdv(tx, { ...ctx, rdv: maj[0]! }, 'deplacement', jeton, d.publicUrl);
        if (ctx.rdv.demandeId)
          await journaliser(tx, d.staff ?? null, 'rdv.deplacer', 'demande', ctx.rdv.demandeId, { rdvId: ctx.rdv.id, de: ctx.rdv.debut, vers: c.debut });
        return true;
      });
      return fait ? { ok: true } : { ok: false, raison: 'introuvable' };
    } catch (err) {
      if (estChevauchement(err)) continue;
      throw err;
    }
  }
  return { ok: false, raison: 'indisponible' };
}

/** Cancels a RDV: its time is free again as soon as this commits. */
export async function annulerRdv(
  db: Db,
  a: { rdvId: string; parFamille: boolean; staff?: Staff | null; maintenant?: Date; secret: string; publicUrl: string; heuresLimite?: number },
): Promise<ResultatModification> {
  const maintenant = a.maintenant ?? new Date();
  const ctx = await contexteRdv(db, a.rdvId);
  if (!ctx || ctx.rdv.statut !== 'reserve') return { ok: false, raison: 'introuvable' };
  if (a.parFamille && !modifiableEnLigne(ctx.rdv.debut, maintenant, a.heuresLimite ?? 4)) return { ok: false, raison: 'trop-tard' };
  return db.transaction(async (tx) => {
    const maj = await tx
      .update(schema.rdvs)
      .set({ statut: 'annule', statutLe: maintenant, annuleLe: maintenant, annuleParFamille: a.parFamille, smsTexte: null })
      .where(and(eq(schema.rdvs.id, a.rdvId), eq(schema.rdvs.statut, 'reserve')))
      .returning();
    if (!maj.length) return { ok: false as const, raison: 'introuvable' as const };
    await mettreEnFileCourrielRdv(tx, { ...ctx, rdv: maj[0]! }, 'annulation', jetonGestion(a.secret, 'rdv', a.rdvId), a.publicUrl);
    if (ctx.rdv.demandeId) await journaliser(tx, a.staff ?? null, 'rdv.annuler', 'demande', ctx.rdv.demandeId, { rdvId: a.rdvId, parFamille: a.parFamille });
    return { ok: true as const };
  });
}

/**
 * Staff mark a RDV honoured, no-show or excused. An honoured RDV of a demande
 * is logged as a contact (canal 'rdv'): the first one takes the demande in charge.
 */
export async function marquerRdv(
  db: Db,
  o: { rdvId: string; statut: Exclude<Statut, 'reserve' | 'annule'>; staff: Staff; maintenant?: Date },
): Promise<boolean> {
  const maintenant = o.maintenant ?? new Date();
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(schema.rdvs).where(eq(schema.rdvs.id, o.rdvId)).for('update');
    if (!r || !statutsPossibles(r.debut, maintenant, r.statut).includes(o.statut)) return false;
    await tx.update(schema.rdvs).set({ statut: o.statut, statutLe: maintenant }).where(eq(schema.rdvs.id, r.id));
    if (r.demandeId) {
      if (o.statut === 'honore') {
        const [m] = await tx.select({ nom: schema.motifsRdv.nom }).from(schema.motifsRdv).where(eq(schema.motifsRdv.id, r.motifId));
        await enregistrerContact(
          tx,
          r.demandeId,
          { canal: 'rdv', sens: 'entrant', issue: 'joint', motif: 'recherche-mode-accueil', le: r.debut, note: `RDV honoré (${r.mode}) : ${m?.nom ?? ''}` },
          { acteur: 'staff', utilisateurId: o.staff.id },
        );
      }
      await journaliser(tx, o.staff, `rdv.${o.statut}`, 'demande', r.demandeId, { rdvId: r.id });
    }
    return true;
  });
}

/** RDVs of a demande, newest first (for the follow-up page and the demande's history in the back office). */
export async function rdvsDeDemande(db: DbOrTx, demandeId: string) {
  return db
    .select({
      id: schema.rdvs.id,
      debut: schema.rdvs.debut,
      fin: schema.rdvs.fin,
      mode: schema.rdvs.mode,
      statut: schema.rdvs.statut,
      statutLe: schema.rdvs.statutLe,
      creeLe: schema.rdvs.creeLe,
      parFamille: schema.rdvs.parFamille,
      nbDeplacements: schema.rdvs.nbDeplacements,
      motifNom: schema.motifsRdv.nom,
      motifCle: schema.motifsRdv.cle,
      lieuNom: schema.lieux.nom,
      animatriceId: schema.rdvs.animatriceId,
    })
    .from(schema.rdvs)
    .innerJoin(schema.motifsRdv, eq(schema.rdvs.motifId, schema.motifsRdv.id))
    .leftJoin(schema.lieux, eq(schema.rdvs.lieuId, schema.lieux.id))
    .where(eq(schema.rdvs.demandeId, demandeId))
    .orderBy(desc(schema.rdvs.debut));
}

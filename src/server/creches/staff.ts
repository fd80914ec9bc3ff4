/**
 * The back-office screens of the crèche places: sessions and their
 * proposal, the anonymised minutes, the "zéro sans solution" follow-up list,
 * and the crèche manager's restricted view (only the families proposed to
 * their crèche).
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db, type DbOrTx } from '../db';
import { journaliser } from '../audit';
import { AccesRefuse, peutVoirDonneesPersonnelles } from '../auth/acces';
import type { Staff } from '../auth/staff';
import type { Note } from '../../domain/creches/grille';
import type { TrancheCreche } from '../../domain/creches/affectation';
import { crechesParticipantes, nomsStructures } from './donnees';
import { calculerProposition, cloreSession, EtatSessionInvalide, placesDeSession, publierPv } from './commission';
import type { Erreurs, Resultat, Saisie } from '../staff/contexte';

const UUID = z.uuid();

export async function listeSessions(db: DbOrTx, territoireId: string) {
  const s = schema.sessionsCommission;
  return db
    .select({
      id: s.id,
      le: s.le,
      debutAccueil: s.debutAccueil,
      statut: s.statut,
      pvPublieLe: s.pvPublieLe,
      graine: s.graine,
      places: sql<number>`(select coalesce(sum(nombre), 0)::int from places_commission p where p.session_id = ${s.id})`,
    })
    .from(s)
    .where(eq(s.territoireId, territoireId))
    .orderBy(desc(s.le));
}

export type LignePv = {
  rangTirage: number;
  tranche: TrancheCreche;
  voeux: string[];
  points: Record<string, number>;
  creche: string | null;
  origine: string;
  motifDerogation: string | null;
  statut: string;
  reference?: string;
};

/**
 * A session with its places and its decisions. The minutes (`anonyme`)
 * name no family: each is shown by its number in the draw; staff also see
 * the demande reference.
 */
export async function lireSession(db: DbOrTx, id: string, o: { anonyme: boolean }) {
  if (!UUID.safeParse(id).success) return null;
  const [s] = await db
    .select({ session: schema.sessionsCommission, grilleVersion: schema.grillesPoints.version, grilleAdoptee: schema.grillesPoints.adopteeLe })
    .from(schema.sessionsCommission)
    .innerJoin(schema.grillesPoints, eq(schema.grillesPoints.id, schema.sessionsCommission.grilleId))
    .where(eq(schema.sessionsCommission.id, id));
  if (!s) return null;
  const places = await placesDeSession(db, id);
  const props = await db
    .select({ p: schema.propositionsCreche, reference: schema.demandes.reference })
    .from(schema.propositionsCreche)
    .innerJoin(schema.candidaturesCreche, eq(schema.candidaturesCreche.id, schema.propositionsCreche.candidatureId))
    .innerJoin(schema.demandes, eq(schema.demandes.id, schema.candidaturesCreche.demandeId))
    .where(eq(schema.propositionsCreche.sessionId, id))
    .orderBy(asc(schema.propositionsCreche.rangTirage));
  const noms = await nomsStructures(db, [...Object.keys(places), ...props.flatMap(({ p }) => p.voeux)]);
  const lignes: (LignePv & { id: string })[] = props.map(({ p, reference }) => ({
    id: p.id,
    rangTirage: p.rangTirage,
    tranche: p.tranche as TrancheCreche,
    voeux: p.voeux,
    points: Object.fromEntries(Object.entries(p.notes as Record<string, Note>).map(([k, n]) => [k, n.total])),
    creche: p.structureId,
    origine: p.origine,
    statut: p.statut,
    // A written reason may name the family: in the public minutes only the fact of an override is shown.
    motifDerogation: o.anonyme ? null : p.motifDerogation,
    ...(o.anonyme ? {} : { reference }),
  }));
  // Best points first (the order the commission reads), the draw breaking ties.
  const meilleur = (l: LignePv) => Math.max(0, ...Object.values(l.points));
  lignes.sort((a, b) => meilleur(b) - meilleur(a) || a.rangTirage - b.rangTirage);
  return { ...s.session, grilleVersion: s.grilleVersion, grilleAdoptee: s.grilleAdoptee, places, lignes, noms };
}

/** Published minutes only (public page). */
export async function lirePvPublie(db: DbOrTx, id: string) {
  const s = await lireSession(db, id, { anonyme: true });
  return s && s.pvPublieLe ? s : null;
}

export async function pvPublies(db: DbOrTx, territoireId: string) {
  const s = schema.sessionsCommission;
  return db
    .select({ id: s.id, le: s.le })
    .from(s)
    .where(and(eq(s.territoireId, territoireId), isNotNull(s.pvPublieLe)))
    .orderBy(desc(s.le));
}

export { crechesParticipantes };

// ── Zéro sans solution ─────────────────────────────────────────────

/** Families with nothing after a session, still on the list, with the relais' last contact; only those staff may see. */
export async function listeSansSolution(db: DbOrTx, u: Staff) {
  const c = schema.candidaturesCreche;
  const d = schema.demandes;
  const rows = await db
    .select({
      candidatureId: c.id,
      demandeId: d.id,
      reference: d.reference,
      parents: d.parents,
      telephone: d.telephone,
      email: d.email,
      communeNom: schema.communes.nom,
      relaisId: d.relaisId,
      secteurId: d.secteurId,
      depuis: c.sansSolutionDepuis,
      dernierContactLe: c.dernierContactLe,
      tranche: c.tranche,
    })
    .from(c)
    .innerJoin(d, eq(d.id, c.demandeId))
    .leftJoin(schema.communes, eq(schema.communes.code, d.communeCode))
    .where(and(isNotNull(c.sansSolutionDepuis), eq(c.statut, 'active'), sql`${d.anonymiseeLe} is null`))
    .orderBy(sql`${c.dernierContactLe} asc nulls first`, asc(c.sansSolutionDepuis));
  return rows.filter((r) => peutVoirDonneesPersonnelles(u, r));
}

const schemaContact = z.object({
  candidatureId: z.uuid('Famille introuvable.'),
  canal: z.enum(['telephone', 'email', 'sms', 'accueil-physique', 'visio', 'courrier', 'rdv'], 'Choisissez le canal du contact.'),
  note: z.string().trim().max(1000, 'Note trop longue (1 000 caractères au plus).').optional(),
});

/** The relais records a contact with a family of the list (also counted in the demande's contacts). */
export async function noterContactSansSolution(db: Db, u: Staff, saisie: Saisie, maintenant = new Date()): Promise<Resultat> {
  // The page names each row's fields after the family (unique ids): canal-<id>, note-<id>.
  const id = String(saisie.candidatureId ?? '');
  saisie = { ...saisie, canal: saisie[`canal-${id}`] ?? saisie.canal ?? '', note: saisie[`note-${id}`] ?? saisie.note ?? '' };
  const p = schemaContact.safeParse(saisie);
  if (!p.success) return { ok: false, erreurs: Object.fromEntries(p.error.issues.map((i) => [String(i.path[0]), i.message])) as Erreurs, saisie };
  const [r] = await db
    .select({ demandeId: schema.demandes.id, relaisId: schema.demandes.relaisId, secteurId: schema.demandes.secteurId })
    .from(schema.candidaturesCreche)
    .innerJoin(schema.demandes, eq(schema.demandes.id, schema.candidaturesCreche.demandeId))
    .where(eq(schema.candidaturesCreche.id, p.data.candidatureId));
  if (!r) return { ok: false, erreurs: { candidatureId: 'Famille introuvable.' }, saisie };
  if (!peutVoirDonneesPersonnelles(u, r)) throw new AccesRefuse();
  await db.transaction(async (tx) => {
    await tx.update(schema.candidaturesCreche).set({ dernierContactLe: maintenant }).where(eq(schema.candidaturesCreche.id, p.data.candidatureId));
    await tx
      .insert(schema.contacts)
      .values({ demandeId: r.demandeId, le: maintenant, canal: p.data.canal, sens: 'sortant', parUtilisateurId: u.id, note: p.data.note || null });
    await journaliser(tx, u, 'creches.sans-solution.contact', 'demande', r.demandeId);
  });
  return { ok: true, redirection: '/admin/creches/sans-solution?fait=contact' };
}

// ── The crèche manager ─────────────────────────────────────────────

/** The families proposed to the manager's crèche (offer out or accepted), with what the contract needs. Nobody else. */
export async function familiesProposees(db: DbOrTx, u: Staff) {
  if (u.role !== 'gestionnaire-creche' || !u.structureId) throw new AccesRefuse();
  const p = schema.propositionsCreche;
  const d = schema.demandes;
  const rows = await db
    .select({
      propositionId: p.id,
      statut: p.statut,
      echeance: p.echeance,
      contratLe: p.contratLe,
      tranche: p.tranche,
      sessionLe: schema.sessionsCommission.le,
      debutAccueil: schema.sessionsCommission.debutAccueil,
      reference: d.reference,
      parents: d.parents,
      email: d.email,
      telephone: d.telephone,
      dateDebut: schema.candidaturesCreche.dateDebut,
      planning: schema.candidaturesCreche.planning,
      demandeId: d.id,
    })
    .from(p)
    .innerJoin(schema.sessionsCommission, eq(schema.sessionsCommission.id, p.sessionId))
    .innerJoin(schema.candidaturesCreche, eq(schema.candidaturesCreche.id, p.candidatureId))
    .innerJoin(d, eq(d.id, schema.candidaturesCreche.demandeId))
    .where(and(eq(p.structureId, u.structureId), inArray(p.statut, ['offerte', 'acceptee']), sql`${d.anonymiseeLe} is null`))
    .orderBy(desc(schema.sessionsCommission.le), asc(d.reference));
  for (const r of rows) await journaliser(db, u, 'creches.gestion.consulter', 'demande', r.demandeId);
  const [nom] = await db.select({ nom: schema.structures.nom }).from(schema.structures).where(eq(schema.structures.id, u.structureId));
  return { creche: nom?.nom ?? '', familles: rows };
}

/** The manager records that the contract is signed (only for a family that accepted a place in their crèche). */
export async function noterContrat(db: Db, u: Staff, propositionId: string, maintenant = new Date()): Promise<boolean> {
  if (u.role !== 'gestionnaire-creche' || !u.structureId) throw new AccesRefuse();
  if (!UUID.safeParse(propositionId).success) return false;
  const r = await db
    .update(schema.propositionsCreche)
    .set({ contratLe: maintenant })
    .where(
      and(
        eq(schema.propositionsCreche.id, propositionId),
        eq(schema.propositionsCreche.structureId, u.structureId),
        eq(schema.propositionsCreche.statut, 'acceptee'),
      ),
    )
    .returning({ id: schema.propositionsCreche.id });
  if (r.length) await journaliser(db, u, 'creches.gestion.contrat', 'proposition-creche', propositionId);
  return r.length > 0;
}

// ── Actions of the session page ────────────────────────────────────

/** compute / close / publish, from the session page's buttons. */
export async function agirSurSession(db: Db, u: Staff, sessionId: string, saisie: Saisie, maintenant = new Date()): Promise<Resultat> {
  const ici = `/admin/creches/sessions/${sessionId}`;
  const action = String(saisie.action ?? '');
  try {
    if (action === 'calculer') {
      await calculerProposition(db, u, sessionId);
      return { ok: true, redirection: `${ici}?fait=calculee` };
    }
    if (action === 'clore') {
      await cloreSession(db, u, sessionId, maintenant);
      return { ok: true, redirection: `${ici}?fait=close` };
    }
    if (action === 'publier') {
      return (await publierPv(db, u, sessionId, maintenant))
        ? { ok: true, redirection: `${ici}?fait=publie` }
        : { ok: false, erreurs: { action: 'Seul le compte rendu d’une session close peut être publié, une fois.' }, saisie };
    }
  } catch (e) {
    if (e instanceof EtatSessionInvalide) return { ok: false, erreurs: { action: e.message }, saisie };
    throw e;
  }
  return { ok: false, erreurs: { action: 'Action inconnue.' }, saisie };
}

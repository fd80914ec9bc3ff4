/**
 * Commission sessions: places per crèche and age group, the proposal
 * (deferred acceptance, src/domain/creches/affectation.ts) with the points
 * snapshot of the grid in force on the session's day, overrides with a
 * written reason, closing (offers and alternatives letters), answers, and a
 * freed place going at once to the next family.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db, type DbOrTx } from '../db';
import { journaliser } from '../audit';
import type { Staff } from '../auth/staff';
import { affecter, reattribuer, TRANCHES_CRECHE, type Candidat, type TrancheCreche } from '../../domain/creches/affectation';
import { noter, type Note, type Situation } from '../../domain/creches/grille';
import { DELAI_REPONSE_OFFRE_JOURS } from '../../domain/creches/vocabulaire';
import { ajouterJours } from '../../domain/rdv/creneaux';
import { jourParis } from '../../domain/temps';
import { crechesParticipantes, grilleDuJour, nomsStructures, prochaineSession } from './donnees';
import { alternativesPour, mettreEnFileLettre, mettreEnFileOffre } from './courriels';
import type { Erreurs, Resultat, Saisie } from '../staff/contexte';

const JOUR = /^\d{4}-\d{2}-\d{2}$/;

export class EtatSessionInvalide extends Error {}

// ── Creating a session ─────────────────────────────────────────────

const schemaSession = z.object({
  le: z.string().regex(JOUR, 'Indiquez la date de la commission.'),
  debutAccueil: z.string().regex(JOUR, 'Indiquez la date de début d’accueil.'),
});

/** Form field of the number of places of a crèche and age group. */
export const champPlaces = (structureId: string, tranche: TrancheCreche) => `places-${structureId}-${tranche}`;

export async function creerSession(db: Db, u: Staff, territoireId: string, saisie: Saisie, maintenant = new Date()): Promise<Resultat> {
  const erreurs: Erreurs = {};
  const p = schemaSession.safeParse({ le: saisie.le, debutAccueil: saisie.debutAccueil });
  if (!p.success) for (const i of p.error.issues) erreurs[String(i.path[0])] ??= i.message;
  const creches = await crechesParticipantes(db, territoireId);
  const places: { structureId: string; tranche: TrancheCreche; nombre: number }[] = [];
  for (const c of creches) {
    for (const t of TRANCHES_CRECHE) {
      const brut = String(saisie[champPlaces(c.id, t)] ?? '').trim();
      if (brut === '' || brut === '0') continue;
      const n = Number(brut);
      if (!Number.isInteger(n) || n < 0 || n > 200) erreurs[champPlaces(c.id, t)] = 'Indiquez un nombre de places entre 0 et 200.';
      else places.push({ structureId: c.id, tranche: t, nombre: n });
    }
  }
  if (!Object.keys(erreurs).length && !places.length) erreurs.places = 'Indiquez au moins une place à attribuer.';
  const grille = p.success ? await grilleDuJour(db, territoireId, p.data.le) : null;
  if (p.success && !grille) erreurs.le = 'Aucune grille de points n’est en vigueur à cette date.';
  if (Object.keys(erreurs).length || !p.success || !grille) return { ok: false, erreurs, saisie };
  const id = await db.transaction(async (tx) => {
    const [s] = await tx
      .insert(schema.sessionsCommission)
      .values({
        territoireId,
        le: p.data.le,
        debutAccueil: p.data.debutAccueil,
        grilleId: grille.id,
        graine: randomBytes(8).toString('hex'),
        creeParId: u.id,
        creeLe: maintenant,
      })
      .returning({ id: schema.sessionsCommission.id });
    await tx.insert(schema.placesCommission).values(places.map((x) => ({ ...x, sessionId: s!.id })));
    await journaliser(tx, u, 'creches.session.creer', 'session-commission', s!.id, { places: places.reduce((n, x) => n + x.nombre, 0) });
    return s!.id;
  });
  return { ok: true, redirection: `/admin/creches/sessions/${id}` };
}

// ── The proposal ───────────────────────────────────────────────────

type SessionRow = typeof schema.sessionsCommission.$inferSelect;

async function sessionPourMaj(tx: DbOrTx, id: string): Promise<SessionRow> {
  const [s] = await tx.select().from(schema.sessionsCommission).where(eq(schema.sessionsCommission.id, id)).for('update');
  if (!s) throw new EtatSessionInvalide('Session introuvable');
  return s;
}

/** Places of a session: crèche → age group → number. */
export async function placesDeSession(db: DbOrTx, sessionId: string): Promise<Record<string, Partial<Record<TrancheCreche, number>>>> {
  const rows = await db.select().from(schema.placesCommission).where(eq(schema.placesCommission.sessionId, sessionId));
  const places: Record<string, Partial<Record<TrancheCreche, number>>> = {};
  for (const r of rows) (places[r.structureId] ??= {})[r.tranche as TrancheCreche] = r.nombre;
  return places;
}

/**
 * Computes (or computes again, until the session is closed) the proposal:
 * every active application, its points at each wished crèche under the
 * session's grid, the draw from the session's seed, deferred acceptance.
 */
export async function calculerProposition(db: Db, u: Staff | null, sessionId: string): Promise<{ places: number; familles: number }> {
  return db.transaction(async (tx) => {
    const s = await sessionPourMaj(tx, sessionId);
    if (s.statut === 'close') throw new EtatSessionInvalide('Session close : la proposition ne change plus.');
    const [g] = await tx.select().from(schema.grillesPoints).where(eq(schema.grillesPoints.id, s.grilleId));
    const grille = g!.criteres;
    const places = await placesDeSession(tx, sessionId);
    const creches = new Map((await crechesParticipantes(tx, s.territoireId)).map((c) => [c.id, c]));
    const c = schema.candidaturesCreche;
    const rows = await tx
      .select({ cand: c, communeCode: schema.demandes.communeCode })
      .from(c)
      .innerJoin(schema.demandes, eq(schema.demandes.id, c.demandeId))
      .where(
        and(
          eq(c.statut, 'active'),
          eq(schema.demandes.territoireId, s.territoireId),
          isNull(schema.demandes.anonymiseeLe),
          // A family still deciding on an offer of an earlier session waits for its answer.
          sql`not exists (select 1 from propositions_creche o where o.candidature_id = ${c.id} and o.statut = 'offerte' and o.session_id <> ${sessionId})`,
        ),
      );
    const notes = new Map<string, Record<string, Note>>();
    const candidats: Candidat[] = rows.map(({ cand, communeCode }) => {
      const situation = { ...(cand.situation as Omit<Situation, 'deposeeLe' | 'communeCode'>), deposeeLe: cand.deposeeLe, communeCode };
      const parCreche: Record<string, Note> = {};
      const points: Record<string, number> = {};
      for (const id of cand.voeux) {
        const cr = creches.get(id);
        if (!cr) continue;
        parCreche[id] = noter(grille, situation, cr, s.le);
        points[id] = parCreche[id].total;
      }
      notes.set(cand.id, parCreche);
      return { id: cand.id, voeux: cand.voeux.filter((v) => creches.has(v)), tranche: cand.tranche as TrancheCreche, points };
    });
    const a = affecter(candidats, places, s.graine);
    await tx.delete(schema.propositionsCreche).where(eq(schema.propositionsCreche.sessionId, sessionId));
    const valeurs = candidats.map((x) => ({
      sessionId,
      candidatureId: x.id,
      structureId: a.resultat[x.id] ?? null,
      tranche: x.tranche,
      notes: notes.get(x.id)!,
      voeux: [...x.voeux],
      rangTirage: a.tirage[x.id]!,
      origine: 'algorithme' as const,
      statut: a.resultat[x.id] ? 'proposee' : 'sans-place',
    }));
    for (let i = 0; i < valeurs.length; i += 200) await tx.insert(schema.propositionsCreche).values(valeurs.slice(i, i + 200));
    await tx.update(schema.sessionsCommission).set({ statut: 'proposee' }).where(eq(schema.sessionsCommission.id, sessionId));
    await journaliser(tx, u, 'creches.session.calculer', 'session-commission', sessionId, { familles: candidats.length });
    return { places: valeurs.filter((v) => v.structureId).length, familles: candidats.length };
  });
}

// ── Overrides ──────────────────────────────────────────────────────

const schemaDerogation = z.object({
  structureId: z.string().trim(),
  motif: z.string().trim().min(10, 'Écrivez le motif de la dérogation (10 caractères au moins).').max(1000, 'Motif trop long (1 000 caractères au plus).'),
});

/** A member changes one family's proposal (a crèche with a place left in its age group, or none), with a written reason. */
export async function deroger(db: Db, u: Staff, sessionId: string, propositionId: string, saisie: Saisie): Promise<Resultat<{ propositionId: string }>> {
  const p = schemaDerogation.safeParse(saisie);
  const echec = (erreurs: Erreurs) => ({ ok: false as const, erreurs, saisie, propositionId });
  if (!p.success) return echec(Object.fromEntries(p.error.issues.map((i) => [String(i.path[0]), i.message])));
  return db.transaction(async (tx) => {
    const s = await sessionPourMaj(tx, sessionId);
    if (s.statut !== 'proposee') return echec({ motif: 'La session n’accepte plus de dérogation (calculez la proposition, ou elle est close).' });
    const [prop] = await tx
      .select()
      .from(schema.propositionsCreche)
      .where(and(eq(schema.propositionsCreche.id, propositionId), eq(schema.propositionsCreche.sessionId, sessionId)));
    if (!prop) return echec({ structureId: 'Proposition introuvable.' });
    const vers = p.data.structureId || null;
    if (vers) {
      const places = await placesDeSession(tx, sessionId);
      const cap = places[vers]?.[prop.tranche as TrancheCreche] ?? 0;
      const [pris] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(schema.propositionsCreche)
        .where(
          and(
            eq(schema.propositionsCreche.sessionId, sessionId),
            eq(schema.propositionsCreche.structureId, vers),
            eq(schema.propositionsCreche.tranche, prop.tranche),
            sql`${schema.propositionsCreche.id} <> ${propositionId}`,
          ),
        );
      if (cap <= (pris?.n ?? 0))
        return echec({ structureId: 'Plus de place dans cette crèche pour cette tranche d’âge : retirez d’abord la place d’une autre famille.' });
    }
    await tx
      .update(schema.propositionsCreche)
      .set({ structureId: vers, origine: 'derogation', motifDerogation: p.data.motif, statut: vers ? 'proposee' : 'sans-place' })
      .where(eq(schema.propositionsCreche.id, propositionId));
    await journaliser(tx, u, 'creches.session.deroger', 'session-commission', sessionId, { propositionId, de: prop.structureId, vers });
    return { ok: true, redirection: `/admin/creches/sessions/${sessionId}?fait=derogation` };
  });
}

// ── Closing: offers and letters ────────────────────────────────────

type Famille = { demandeId: string; email: string | null; langue: string; prenom: string; communeCode: string | null; territoireId: string };

async function familleDeCandidature(tx: DbOrTx, candidatureId: string): Promise<Famille> {
  const [r] = await tx
    .select({
      demandeId: schema.demandes.id,
      email: schema.demandes.email,
      langue: schema.demandes.langue,
      parents: schema.demandes.parents,
      communeCode: schema.demandes.communeCode,
      territoireId: schema.demandes.territoireId,
    })
    .from(schema.candidaturesCreche)
    .innerJoin(schema.demandes, eq(schema.demandes.id, schema.candidaturesCreche.demandeId))
    .where(eq(schema.candidaturesCreche.id, candidatureId));
  return { ...r!, prenom: r!.parents[0]?.prenom ?? '' };
}

async function offrir(tx: DbOrTx, propositionId: string, structureId: string, debut: string, maintenant: Date, origine?: 'liste-attente'): Promise<void> {
  const echeance = ajouterJours(jourParis(maintenant), DELAI_REPONSE_OFFRE_JOURS);
  const [p] = await tx
    .update(schema.propositionsCreche)
    .set({ structureId, statut: 'offerte', echeance, offerteLe: maintenant, ...(origine ? { origine } : {}) })
    .where(eq(schema.propositionsCreche.id, propositionId))
    .returning({ candidatureId: schema.propositionsCreche.candidatureId });
  await tx.update(schema.candidaturesCreche).set({ sansSolutionDepuis: null }).where(eq(schema.candidaturesCreche.id, p!.candidatureId));
  const f = await familleDeCandidature(tx, p!.candidatureId);
  const noms = await nomsStructures(tx, [structureId]);
  await mettreEnFileOffre(tx, f, { creche: noms.get(structureId) ?? '', debut, echeance });
}

/** Closes the session: offers go out with their deadline; families with nothing get the alternatives letter and join the follow-up list. */
export async function cloreSession(db: Db, u: Staff | null, sessionId: string, maintenant = new Date()): Promise<{ offres: number; lettres: number }> {
  return db.transaction(async (tx) => {
    const s = await sessionPourMaj(tx, sessionId);
    if (s.statut !== 'proposee') throw new EtatSessionInvalide('Calculez la proposition avant de clore la session.');
    await tx.update(schema.sessionsCommission).set({ statut: 'close', closeLe: maintenant }).where(eq(schema.sessionsCommission.id, sessionId));
    const props = await tx
      .select()
      .from(schema.propositionsCreche)
      .where(eq(schema.propositionsCreche.sessionId, sessionId))
      .orderBy(asc(schema.propositionsCreche.rangTirage));
    const prochaine = await prochaineSession(tx, s.territoireId, ajouterJours(s.le, 1));
    let offres = 0;
    let lettres = 0;
    for (const p of props) {
      if (p.statut === 'proposee' && p.structureId) {
        await offrir(tx, p.id, p.structureId, s.debutAccueil, maintenant);
        offres++;
      } else if (p.statut === 'sans-place') {
        await tx
          .update(schema.candidaturesCreche)
          .set({ sansSolutionDepuis: maintenant })
          .where(and(eq(schema.candidaturesCreche.id, p.candidatureId), isNull(schema.candidaturesCreche.sansSolutionDepuis)));
        const f = await familleDeCandidature(tx, p.candidatureId);
        await mettreEnFileLettre(tx, f, await alternativesPour(tx, f.territoireId, f.communeCode, maintenant, p.voeux), prochaine?.le ?? null);
        lettres++;
      }
    }
    await journaliser(tx, u, 'creches.session.clore', 'session-commission', sessionId, { offres, lettres });
    return { offres, lettres };
  });
}

/** The minutes may be published (they name nobody). */
export async function publierPv(db: Db, u: Staff, sessionId: string, maintenant = new Date()): Promise<boolean> {
  const r = await db
    .update(schema.sessionsCommission)
    .set({ pvPublieLe: maintenant })
    .where(and(eq(schema.sessionsCommission.id, sessionId), eq(schema.sessionsCommission.statut, 'close'), isNull(schema.sessionsCommission.pvPublieLe)))
    .returning({ id: schema.sessionsCommission.id });
  if (r.length) await journaliser(db, u, 'creches.session.publier', 'session-commission', sessionId);
  return r.length > 0;
}

// ── A freed place goes to the next family ──────────────────────────

/**
 * After a refusal or a lapse in session `sessionId`, offers the place of
 * (`structureId`, `tranche`) to the next family, and the place that family
 * held (if any) to the next one, and so on (domain: reattribuer).
 */
async function libererPlace(tx: DbOrTx, sessionId: string, structureId: string, tranche: TrancheCreche, maintenant: Date): Promise<number> {
  const [s] = await tx.select().from(schema.sessionsCommission).where(eq(schema.sessionsCommission.id, sessionId));
  const rows = await tx
    .select({ p: schema.propositionsCreche, statutCand: schema.candidaturesCreche.statut })
    .from(schema.propositionsCreche)
    .innerJoin(schema.candidaturesCreche, eq(schema.candidaturesCreche.id, schema.propositionsCreche.candidatureId))
    .where(eq(schema.propositionsCreche.sessionId, sessionId));
  const candidats: Candidat[] = rows.map(({ p }) => ({
    id: p.id,
    voeux: p.voeux,
    tranche: p.tranche as TrancheCreche,
    points: Object.fromEntries(Object.entries(p.notes).map(([k, n]) => [k, n.total])),
  }));
  const tirage = Object.fromEntries(rows.map(({ p }) => [p.id, p.rangTirage]));
  const actuel = Object.fromEntries(rows.map(({ p }) => [p.id, p.statut === 'offerte' || p.statut === 'acceptee' ? p.structureId : null]));
  // Free to move: families still on the list, with an offer not yet answered or with nothing.
  const figes = new Set(
    rows.filter(({ p, statutCand }) => !(statutCand === 'active' && (p.statut === 'offerte' || p.statut === 'sans-place'))).map(({ p }) => p.id),
  );
  const r = reattribuer(candidats, tirage, actuel, figes, { creche: structureId, tranche });
  for (const m of r.mouvements) await offrir(tx, m.famille, m.vers, s!.debutAccueil, maintenant, 'liste-attente');
  return r.mouvements.length;
}

// ── The family's answer ────────────────────────────────────────────

/** The offer waiting for this family's answer, if any. */
export async function offreEnCours(db: DbOrTx, demandeId: string) {
  const [r] = await db
    .select({ p: schema.propositionsCreche })
    .from(schema.propositionsCreche)
    .innerJoin(schema.candidaturesCreche, eq(schema.candidaturesCreche.id, schema.propositionsCreche.candidatureId))
    .where(and(eq(schema.candidaturesCreche.demandeId, demandeId), eq(schema.propositionsCreche.statut, 'offerte')));
  return r?.p ?? null;
}

export async function repondreOffre(db: Db, demandeId: string, accepter: boolean, maintenant = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const p = await offreEnCours(tx, demandeId);
    if (!p || !p.structureId) return false;
    await tx
      .update(schema.propositionsCreche)
      .set({ statut: accepter ? 'acceptee' : 'refusee', reponduLe: maintenant })
      .where(eq(schema.propositionsCreche.id, p.id));
    await tx
      .update(schema.candidaturesCreche)
      .set({ statut: accepter ? 'placee' : 'refus-offre', sansSolutionDepuis: null })
      .where(eq(schema.candidaturesCreche.id, p.candidatureId));
    await journaliser(tx, null, accepter ? 'creches.offre.accepter' : 'creches.offre.refuser', 'demande', demandeId, { propositionId: p.id });
    if (!accepter) await libererPlace(tx, p.sessionId, p.structureId, p.tranche as TrancheCreche, maintenant);
    return true;
  });
}

/** Daily job: offers past their deadline lapse, and their place goes to the next family. */
export async function expirerOffres(db: Db, maintenant = new Date()): Promise<number> {
  const jour = jourParis(maintenant);
  const dues = await db
    .select({ id: schema.propositionsCreche.id })
    .from(schema.propositionsCreche)
    .where(and(eq(schema.propositionsCreche.statut, 'offerte'), lt(schema.propositionsCreche.echeance, jour)));
  let n = 0;
  for (const { id } of dues) {
    await db.transaction(async (tx) => {
      const [p] = await tx
        .update(schema.propositionsCreche)
        .set({ statut: 'expiree' })
        .where(and(eq(schema.propositionsCreche.id, id), eq(schema.propositionsCreche.statut, 'offerte')))
        .returning();
      if (!p || !p.structureId) return;
      await tx.update(schema.candidaturesCreche).set({ statut: 'caduque' }).where(eq(schema.candidaturesCreche.id, p.candidatureId));
      await journaliser(tx, null, 'creches.offre.expirer', 'session-commission', p.sessionId, { propositionId: p.id });
      await libererPlace(tx, p.sessionId, p.structureId, p.tranche as TrancheCreche, maintenant);
      n++;
    });
  }
  return n;
}

/** Erasing a family (effacement.ts): its application is withdrawn and an offer it held goes to the next family. */
export async function retirerCandidature(tx: DbOrTx, demandeId: string, maintenant: Date): Promise<void> {
  const [c] = await tx
    .update(schema.candidaturesCreche)
    .set({ statut: 'retiree', sansSolutionDepuis: null })
    .where(and(eq(schema.candidaturesCreche.demandeId, demandeId), inArray(schema.candidaturesCreche.statut, ['active', 'placee'])))
    .returning({ id: schema.candidaturesCreche.id });
  if (!c) return;
  const offertes = await tx
    .update(schema.propositionsCreche)
    .set({ statut: 'refusee', reponduLe: maintenant })
    .where(and(eq(schema.propositionsCreche.candidatureId, c.id), eq(schema.propositionsCreche.statut, 'offerte')))
    .returning();
  for (const p of offertes) if (p.structureId) await libererPlace(tx, p.sessionId, p.structureId, p.tranche as TrancheCreche, maintenant);
}

/**
 * Demo crèche places: the published points grid, applications with points
 * made from open demo demandes, one past session (computed, closed, two
 * answers, minutes published) and the next session, open; a crèche manager
 * account for the first crèche. Deterministic for a given "now". The last
 * two participating crèches get no demo application (the e2e spec uses them).
 */
import { and, asc, eq, inArray, isNotNull, like } from 'drizzle-orm';
import * as s from '../schema';
import type { Db } from '../../src/server/db';
import type { SeedContext } from './index';
import { prng } from './offre';
import { GRILLE_DEMO, ACTIVITES } from '../../src/domain/creches/grille';
import { trancheDeAge } from '../../src/domain/creches/affectation';
import { ajouterJours } from '../../src/domain/rdv/creneaux';
import { jourParis } from '../../src/domain/temps';
import { ageMoisAuDebut } from '../../src/domain/demande/schema';
import { adopterGrille, crechesParticipantes } from '../../src/server/creches/donnees';
import { calculerProposition, cloreSession, repondreOffre } from '../../src/server/creches/commission';

async function semerCreches(db: Db, ctx: SeedContext): Promise<void> {
  const jour = jourParis(ctx.maintenant);
  const r = prng(`creches:${ctx.territoireId}`);
  const adopteeLe = [GRILLE_DEMO.adopteeLe, ajouterJours(jour, -120)].sort()[0]!;
  const grille = await adopterGrille(db, ctx.territoireId, { ...GRILLE_DEMO, adopteeLe });
  const toutes = await crechesParticipantes(db, ctx.territoireId);
  const creches = toutes.slice(0, Math.max(0, toutes.length - 2));
  if (creches.length < 2) return;
  const main = ctx.relais[0];
  if (!main) return;

  // Applications from open demo demandes (about 30), 1 to 3 wishes among the crèches, older ones first.
  const demandes = await db
    .select({ id: s.demandes.id, creeLe: s.demandes.creeLe, communeCode: s.demandes.communeCode })
    .from(s.demandes)
    .where(and(eq(s.demandes.relaisId, main.id), inArray(s.demandes.etat, ['nouvelle', 'en-cours', 'solution-proposee']), isNotNull(s.demandes.email)))
    .orderBy(asc(s.demandes.reference))
    .limit(30);
  // Crèches near the families first (same commune), so that points and wishes look real.
  const proches = (code: string | null) => [...creches].sort((a, b) => Number(b.communeCode === code) - Number(a.communeCode === code) || r() - 0.5);
  const debutAccueil = ajouterJours(jour, 60);
  for (const d of demandes) {
    const enfants = await db.select().from(s.enfants).where(eq(s.enfants.demandeId, d.id));
    const age = ageMoisAuDebut(enfants, debutAccueil);
    if (age === null) continue;
    const voeux = proches(d.communeCode)
      .slice(0, 1 + Math.floor(r() * 3))
      .map((c) => c.id);
    await db.insert(s.candidaturesCreche).values({
      demandeId: d.id,
      voeux,
      dateDebut: debutAccueil,
      planning: [1, 2, 3, 4, 5].map((j) => ({ jour: j, debut: '08:30', fin: '17:30' })),
      tranche: trancheDeAge(age),
      deposeeLe: [jourParis(d.creeLe), ajouterJours(jour, -45)].sort()[0]!,
      confirmeeLe: ctx.maintenant,
      creeLe: d.creeLe,
      situation: {
        activite: ACTIVITES[Math.floor(r() * 3)]!,
        quotientFamilial: r() < 0.15 ? null : 300 + Math.floor(r() * 15) * 100,
        fratrieDans: r() < 0.15 ? [voeux[0]!] : [],
        handicap: r() < 0.08,
        accompagnementSocial: r() < 0.15,
        parentIsole: r() < 0.2,
      },
    });
  }

  // One past session, a month ago: 4 places in the two most wished crèches, computed, closed, answered, minutes published.
  const passe = ajouterJours(jour, -30);
  const quand = new Date(ctx.maintenant.getTime() - 30 * 86_400_000);
  const [session] = await db
    .insert(s.sessionsCommission)
    .values({
      territoireId: ctx.territoireId,
      le: passe,
      debutAccueil: ajouterJours(jour, 30),
      grilleId: grille.id,
      graine: 'd3m0c0mm1ss10n01',
      creeLe: quand,
    })
    .returning();
  const places = creches.slice(0, 2).flatMap((c) => [
    { sessionId: session!.id, structureId: c.id, tranche: 'bebe', nombre: 1 },
    { sessionId: session!.id, structureId: c.id, tranche: 'marcheur', nombre: 1 },
  ]);
  await db.insert(s.placesCommission).values(places);
  await calculerProposition(db, null, session!.id);
  await cloreSession(db, null, session!.id, quand);
  const offres = await db
    .select({ demandeId: s.candidaturesCreche.demandeId })
    .from(s.propositionsCreche)
    .innerJoin(s.candidaturesCreche, eq(s.candidaturesCreche.id, s.propositionsCreche.candidatureId))
    .where(and(eq(s.propositionsCreche.sessionId, session!.id), eq(s.propositionsCreche.statut, 'offerte')))
    .orderBy(asc(s.propositionsCreche.rangTirage));
  if (offres[0]) await repondreOffre(db, offres[0].demandeId, true, new Date(quand.getTime() + 2 * 86_400_000));
  if (offres[1]) await repondreOffre(db, offres[1].demandeId, false, new Date(quand.getTime() + 3 * 86_400_000));
  // Every other offer (including the one the refused place went to) was accepted.
  for (let i = 0; i < 10; i++) {
    const [reste] = await db
      .select({ demandeId: s.candidaturesCreche.demandeId })
      .from(s.propositionsCreche)
      .innerJoin(s.candidaturesCreche, eq(s.candidaturesCreche.id, s.propositionsCreche.candidatureId))
      .where(and(eq(s.propositionsCreche.sessionId, session!.id), eq(s.propositionsCreche.statut, 'offerte')))
      .limit(1);
    if (!reste) break;
    await repondreOffre(db, reste.demandeId, true, new Date(quand.getTime() + 4 * 86_400_000));
  }
  await db
    .update(s.sessionsCommission)
    .set({ pvPublieLe: new Date(quand.getTime() + 86_400_000) })
    .where(eq(s.sessionsCommission.id, session!.id));
  // The demo does not mail its fictional families.
  await db.delete(s.courriels).where(like(s.courriels.type, 'creche-%'));

  // The next session, open, in three weeks.
  const [prochaine] = await db
    .insert(s.sessionsCommission)
    .values({
      territoireId: ctx.territoireId,
      le: ajouterJours(jour, 21),
      debutAccueil: ajouterJours(jour, 90),
      grilleId: grille.id,
      graine: 'd3m0c0mm1ss10n02',
      creeLe: ctx.maintenant,
    })
    .returning();
  await db.insert(s.placesCommission).values(creches.slice(0, 3).map((c) => ({ sessionId: prochaine!.id, structureId: c.id, tranche: 'bebe', nombre: 2 })));

  // A crèche manager for the first crèche (same demo password as the other accounts).
  const [admin] = await db.select({ hash: s.utilisateurs.motDePasseHash }).from(s.utilisateurs).where(eq(s.utilisateurs.email, 'admin@exemple.fr'));
  if (admin) {
    const [u] = await db
      .insert(s.utilisateurs)
      .values({
        email: 'creche@exemple.fr',
        nom: `Direction ${creches[0]!.nom} (démo)`,
        role: 'gestionnaire-creche',
        structureId: creches[0]!.id,
        motDePasseHash: admin.hash,
      })
      .returning({ id: s.utilisateurs.id, email: s.utilisateurs.email });
    ctx.utilisateurs[u!.email] = u!.id;
  }
}

/** Demo seeding step for this area (see etapes.ts). */
export const etapes: ((db: Db, ctx: SeedContext) => Promise<void>)[] = [semerCreches];

/**
 * The family's side of the crèche places, reached from its private follow-up
 * page: apply once for every crèche (from the demande), see its points and
 * why, its rank band per crèche and the next session, answer an offer,
 * confirm every 3 months that the application is still current.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db, type DbOrTx } from '../db';
import { journaliser } from '../audit';
import { bandeDeRang, trancheDeAge, type BandeRang } from '../../domain/creches/affectation';
import { ACTIVITES, noter, type Note, type Situation } from '../../domain/creches/grille';
import { ageMoisAuDebut } from '../../domain/demande/schema';
import { estOuverte } from '../../domain/demande/etats';
import { jourParis } from '../../domain/temps';
import type { Creneau } from '../../../db/schema/demande';
import { crechesParticipantes, grilleDuJour, prochaineSession, nomsStructures } from './donnees';
import { alternativesPour } from './courriels';
import { offreEnCours } from './commission';
import type { Alternatives } from '../../domain/creches/lettre';

type DemandeRow = typeof schema.demandes.$inferSelect;
type CandidatureRow = typeof schema.candidaturesCreche.$inferSelect;

export const NB_VOEUX = 5;
const HEURE = /^([01]\d|2[0-3]):[0-5]\d$/;

export type SaisieFamille = Record<string, string | string[]>;
type ResultatCandidature = { ok: true } | { ok: false; erreurs: Record<string, string>; saisie: SaisieFamille };

const liste = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);
const un = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

const schemaSituation = z.object({
  activite: z.enum(ACTIVITES, 'creches.formulaire.erreurs.activite'),
  quotient: z.union([
    z.literal(''),
    z.coerce
      .number('creches.formulaire.erreurs.quotient')
      .int('creches.formulaire.erreurs.quotient')
      .min(0, 'creches.formulaire.erreurs.quotient')
      .max(10000, 'creches.formulaire.erreurs.quotient'),
  ]),
  dateDebut: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'creches.formulaire.erreurs.dateDebut'),
});

export async function candidatureDe(db: DbOrTx, demandeId: string): Promise<CandidatureRow | null> {
  const [c] = await db.select().from(schema.candidaturesCreche).where(eq(schema.candidaturesCreche.demandeId, demandeId));
  return c ?? null;
}

/** The application form, posted from /suivi/<token>/creche. Errors are i18n keys. */
export async function deposerCandidature(db: Db, d: DemandeRow, saisie: SaisieFamille, maintenant = new Date()): Promise<ResultatCandidature> {
  const erreurs: Record<string, string> = {};
  if (!estOuverte(d.etat)) return { ok: false, erreurs: { voeu1: 'creches.formulaire.erreurs.fermee' }, saisie };
  if (await candidatureDe(db, d.id)) return { ok: false, erreurs: { voeu1: 'creches.formulaire.erreurs.deja' }, saisie };
  const creches = await crechesParticipantes(db, d.territoireId);
  const ids = new Set(creches.map((c) => c.id));
  const voeux = Array.from({ length: NB_VOEUX }, (_, i) => un(saisie[`voeu${i + 1}`])).filter(Boolean);
  if (!voeux.length || new Set(voeux).size !== voeux.length || voeux.some((v) => !ids.has(v))) erreurs.voeu1 = 'creches.formulaire.erreurs.voeux';
  const p = schemaSituation.safeParse({ activite: un(saisie.activite), quotient: un(saisie.quotient), dateDebut: un(saisie.dateDebut) });
  if (!p.success) for (const i of p.error.issues) erreurs[String(i.path[0])] ??= i.message;
  const jours = liste(saisie.jours)
    .map(Number)
    .filter((j) => Number.isInteger(j) && j >= 1 && j <= 7);
  if (!jours.length) erreurs.jours = 'creches.formulaire.erreurs.jours';
  const debut = un(saisie.heureDebut) || '08:30';
  const fin = un(saisie.heureFin) || '17:30';
  if (!HEURE.test(debut) || !HEURE.test(fin) || fin <= debut) erreurs.heureFin = 'creches.formulaire.erreurs.heures';
  const fratrie = un(saisie.fratrie);
  if (fratrie && !voeux.includes(fratrie)) erreurs.fratrie = 'creches.formulaire.erreurs.voeux';
  let tranche: ReturnType<typeof trancheDeAge> | null = null;
  if (p.success) {
    const enfants = await db.select().from(schema.enfants).where(eq(schema.enfants.demandeId, d.id));
    const age = ageMoisAuDebut(enfants, p.data.dateDebut);
    if (age === null) erreurs.dateDebut = 'creches.formulaire.erreurs.enfant';
    else tranche = trancheDeAge(age);
  }
  if (Object.keys(erreurs).length || !p.success || !tranche) return { ok: false, erreurs, saisie };
  const planning: Creneau[] = [...new Set(jours)].sort().map((jour) => ({ jour, debut, fin }));
  const situation = {
    activite: p.data.activite,
    quotientFamilial: p.data.quotient === '' ? null : p.data.quotient,
    fratrieDans: fratrie ? [fratrie] : [],
    handicap: un(saisie.handicap) === 'oui',
    accompagnementSocial: un(saisie.accompagnement) === 'oui',
    parentIsole: un(saisie.parentIsole) === 'oui',
  };
  await db.transaction(async (tx) => {
    await tx.insert(schema.candidaturesCreche).values({
      demandeId: d.id,
      voeux,
      dateDebut: p.data.dateDebut,
      planning,
      tranche: tranche!,
      situation,
      deposeeLe: jourParis(maintenant),
      confirmeeLe: maintenant,
      creeLe: maintenant,
    });
    await journaliser(tx, null, 'creches.candidature.deposer', 'demande', d.id);
  });
  return { ok: true };
}

/** The situation of an application as the grid reads it. */
export function situationDe(c: CandidatureRow, communeCode: string | null): Situation | null {
  const s = c.situation as Partial<Situation>;
  if (!s.activite) return null; // erased
  return { ...(s as Omit<Situation, 'deposeeLe' | 'communeCode'>), deposeeLe: c.deposeeLe, communeCode };
}

type VueCandidature = {
  candidature: CandidatureRow;
  grilleVersion: number | null;
  parCreche: { id: string; nom: string; note: Note | null; bande: BandeRang | null }[];
  prochaine: string | null;
  offre: { creche: string; echeance: string | null } | null;
  acceptee: { creche: string } | null;
  sansPlace: { le: string; alternatives: Alternatives } | null;
};

/**
 * What the family sees: points and why at each crèche under today's grid,
 * rank band among the active applications of its age group (ties counted in
 * its favour), next session, current offer, or the alternatives letter.
 */
export async function vueCandidature(db: Db, d: DemandeRow, maintenant = new Date()): Promise<VueCandidature | null> {
  const c = await candidatureDe(db, d.id);
  if (!c) return null;
  const jour = jourParis(maintenant);
  const [grille, creches, prochaine] = await Promise.all([
    grilleDuJour(db, d.territoireId, jour),
    crechesParticipantes(db, d.territoireId),
    prochaineSession(db, d.territoireId, jour),
  ]);
  const parId = new Map(creches.map((x) => [x.id, x]));
  const sit = situationDe(c, d.communeCode);
  const autres =
    grille && c.statut === 'active'
      ? await db
          .select({ cand: schema.candidaturesCreche, communeCode: schema.demandes.communeCode })
          .from(schema.candidaturesCreche)
          .innerJoin(schema.demandes, eq(schema.demandes.id, schema.candidaturesCreche.demandeId))
          .where(
            and(
              eq(schema.candidaturesCreche.statut, 'active'),
              eq(schema.candidaturesCreche.tranche, c.tranche),
              eq(schema.demandes.territoireId, d.territoireId),
              isNull(schema.demandes.anonymiseeLe),
            ),
          )
      : [];
  const parCreche = c.voeux.map((id) => {
    const cr = parId.get(id);
    const note = grille && sit && cr ? noter(grille.criteres, sit, cr, jour) : null;
    let bande: BandeRang | null = null;
    if (note && cr && grille) {
      const devant = autres
        .filter((o) => o.cand.id !== c.id && o.cand.voeux.includes(id))
        .filter((o) => {
          const s = situationDe(o.cand, o.communeCode);
          return s ? noter(grille.criteres, s, cr, jour).total > note.total : false;
        }).length;
      bande = c.statut === 'active' ? bandeDeRang(devant + 1) : null;
    }
    return { id, nom: cr?.nom ?? '', note, bande };
  });
  const offreP = await offreEnCours(db, d.id);
  const [derniere] = await db
    .select({ p: schema.propositionsCreche, le: schema.sessionsCommission.le })
    .from(schema.propositionsCreche)
    .innerJoin(schema.sessionsCommission, eq(schema.sessionsCommission.id, schema.propositionsCreche.sessionId))
    .where(and(eq(schema.propositionsCreche.candidatureId, c.id), eq(schema.sessionsCommission.statut, 'close')))
    .orderBy(desc(schema.sessionsCommission.le))
    .limit(1);
  const noms = await nomsStructures(
    db,
    [offreP?.structureId, derniere?.p.structureId].filter((x): x is string => !!x),
  );
  return {
    candidature: c,
    grilleVersion: grille?.version ?? null,
    parCreche,
    prochaine: prochaine?.le ?? null,
    offre: offreP?.structureId ? { creche: noms.get(offreP.structureId) ?? '', echeance: offreP.echeance } : null,
    acceptee: derniere?.p.statut === 'acceptee' && derniere.p.structureId ? { creche: noms.get(derniere.p.structureId) ?? '' } : null,
    sansPlace:
      derniere?.p.statut === 'sans-place' && c.statut === 'active'
        ? { le: derniere.le, alternatives: await alternativesPour(db, d.territoireId, d.communeCode, maintenant, c.voeux) }
        : null,
  };
}

/** One click: the application is still current (resets the 3-month clock). */
export async function confirmerCandidature(db: Db, demandeId: string, maintenant = new Date()): Promise<boolean> {
  const r = await db
    .update(schema.candidaturesCreche)
    .set({ confirmeeLe: maintenant, rappelConfirmationLe: null })
    .where(and(eq(schema.candidaturesCreche.demandeId, demandeId), eq(schema.candidaturesCreche.statut, 'active')))
    .returning({ id: schema.candidaturesCreche.id });
  if (r.length) await journaliser(db, null, 'creches.candidature.confirmer', 'demande', demandeId);
  return r.length > 0;
}

/** Crèches by id (names for the form). */
export async function crechesPourFormulaire(db: DbOrTx, territoireId: string) {
  return crechesParticipantes(db, territoireId);
}

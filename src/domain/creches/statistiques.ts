/**
 * Statistics of the crèche places, by session, crèche or commune: places
 * offered, applications examined, offers, acceptances, refusals, mean delay
 * from application to offer, share of families placed. Pure; the open-data
 * version masks small counts (stats/calculs.ts: secretiser).
 */
import { secretiser } from '../stats/calculs';
import { CRITERES, noter, type Critere, type Grille, type Situation } from './grille';

export type LigneDecision = {
  sessionId: string;
  structureId: string | null;
  communeCode: string | null;
  statut: string;
  deposeeLe: string;
  offerteLe: Date | null;
};
export type LignePlaces = { sessionId: string; structureId: string; nombre: number };

type Agregat = {
  cle: string;
  places: number;
  candidatures: number;
  offres: number;
  acceptations: number;
  refus: number;
  /** Mean days from application to offer; null without offer. */
  delaiMoyenJours: number | null;
  /** Share of the families examined that accepted a place (0..1); null without family. */
  partPlacees: number | null;
};

const OFFERTES = new Set(['offerte', 'acceptee', 'refusee', 'expiree']);
const JOUR = 86_400_000;

function agreger(cle: string, decisions: LigneDecision[], places: number): Agregat {
  const offres = decisions.filter((d) => OFFERTES.has(d.statut));
  const acceptations = decisions.filter((d) => d.statut === 'acceptee').length;
  const delais = offres.filter((d) => d.offerteLe).map((d) => (d.offerteLe!.getTime() - Date.parse(`${d.deposeeLe}T00:00:00Z`)) / JOUR);
  return {
    cle,
    places,
    candidatures: decisions.length,
    offres: offres.length,
    acceptations,
    refus: decisions.filter((d) => d.statut === 'refusee' || d.statut === 'expiree').length,
    delaiMoyenJours: delais.length ? Math.round(delais.reduce((a, b) => a + b, 0) / delais.length) : null,
    partPlacees: decisions.length ? acceptations / decisions.length : null,
  };
}

export type Axe = 'session' | 'creche' | 'commune';

/**
 * One line per session, crèche or commune. By crèche, a family counts where
 * it got an offer (applications without a place have no crèche); by commune,
 * where it lives.
 */
export function statistiques(decisions: readonly LigneDecision[], places: readonly LignePlaces[], axe: Axe): Agregat[] {
  const cleDe = (d: { sessionId: string; structureId?: string | null; communeCode?: string | null }) =>
    axe === 'session' ? d.sessionId : axe === 'creche' ? (d.structureId ?? null) : (d.communeCode ?? 'hors-territoire');
  const groupes = new Map<string, LigneDecision[]>();
  for (const d of decisions) {
    const k = cleDe(d);
    if (k === null) continue;
    groupes.set(k, [...(groupes.get(k) ?? []), d]);
  }
  const parPlaces = new Map<string, number>();
  if (axe !== 'commune') for (const p of places) parPlaces.set(cleDe(p)!, (parPlaces.get(cleDe(p)!) ?? 0) + p.nombre);
  const cles = new Set([...groupes.keys(), ...parPlaces.keys()]);
  return [...cles].sort().map((k) => agreger(k, groupes.get(k) ?? [], parPlaces.get(k) ?? 0));
}

/** Open data: every count under the threshold is masked (null), and the ratios computed from masked counts too. */
export function ouvrir(
  a: Agregat,
): Omit<Agregat, 'places' | 'candidatures' | 'offres' | 'acceptations' | 'refus'> &
  Record<'places' | 'candidatures' | 'offres' | 'acceptations' | 'refus', number | null> {
  const candidatures = secretiser(a.candidatures);
  const acceptations = secretiser(a.acceptations);
  const offres = secretiser(a.offres);
  return {
    cle: a.cle,
    places: a.places,
    candidatures,
    offres,
    acceptations,
    refus: secretiser(a.refus),
    delaiMoyenJours: offres === null ? null : a.delaiMoyenJours,
    partPlacees: candidatures === null || acceptations === null ? null : a.partPlacees,
  };
}

// ── By criterion of the grid in force ─────────────────────────────

/** One application as the grid sees it: the family's situation, the wished crèches, and whether it got a place. */
export type CandidatureNotee = { situation: Situation; voeux: readonly { id: string; communeCode: string }[]; placee: boolean };
type ParCritere = { critere: Critere; candidatures: number; placees: number; partPlacees: number | null };

/**
 * For each criterion of the grid `g` (the one in force on `jour`): how many
 * applications meet it (it gives them points, at one of their wished crèches
 * at least for the crèche-dependent ones: siblings, commune) and the share of
 * those that got a place. An application meets several criteria.
 */
export function statistiquesParCritere(g: Grille, candidatures: readonly CandidatureNotee[], jour: string): ParCritere[] {
  const n = new Map<Critere, { candidatures: number; placees: number }>(CRITERES.map((c) => [c, { candidatures: 0, placees: 0 }]));
  for (const c of candidatures) {
    const remplis = new Set<Critere>();
    const notes = c.voeux.length ? c.voeux.map((v) => noter(g, c.situation, v, jour)) : [noter(g, c.situation, null, jour)];
    for (const note of notes) for (const m of note.motifs) if (m.points > 0) remplis.add(m.critere);
    for (const k of remplis) {
      const x = n.get(k)!;
      x.candidatures++;
      if (c.placee) x.placees++;
    }
  }
  return CRITERES.map((critere) => {
    const x = n.get(critere)!;
    return { critere, ...x, partPlacees: x.candidatures ? x.placees / x.candidatures : null };
  });
}

// ── Refusals followed by another solution ─────────────────────────

/** A family that left a closed session without a crèche place (none offered, offer refused or lapsed), at the session's close. */
export type Refus = { demandeId: string; sessionId: string; le: Date };
/** Something that solved the family's need: the demande concluded, a crèche contract, or the family's answer "contrat" to a follow-up. */
const NATURES_SOLUTION = ['solution-trouvee', 'contrat-creche', 'contrat-declare'] as const;
export type NatureSolution = (typeof NATURES_SOLUTION)[number];
export type Solution = { demandeId: string; nature: NatureSolution; le: Date };
type RefusSuivis = { cle: string; familles: number; suivies: number; part: number | null; parNature: Record<NatureSolution, number> };

function suivis(cle: string, refus: readonly Refus[], solutions: readonly Solution[]): RefusSuivis {
  // A family counts once, from its first refusal; its first solution after that refusal tells the nature.
  const premier = new Map<string, Date>();
  for (const r of refus) if (!premier.has(r.demandeId) || r.le < premier.get(r.demandeId)!) premier.set(r.demandeId, r.le);
  const parNature = Object.fromEntries(NATURES_SOLUTION.map((k) => [k, 0])) as Record<NatureSolution, number>;
  let suivies = 0;
  for (const [demandeId, le] of premier) {
    const s = solutions.filter((x) => x.demandeId === demandeId && x.le >= le).sort((a, b) => a.le.getTime() - b.le.getTime())[0];
    if (!s) continue;
    suivies++;
    parNature[s.nature]++;
  }
  return { cle, familles: premier.size, suivies, part: premier.size ? suivies / premier.size : null, parNature };
}

/** All refused families, then one line per session (a family refused in two sessions counts in each, once in the total). */
export function refusSuivisDeSolution(refus: readonly Refus[], solutions: readonly Solution[]): { total: RefusSuivis; parSession: RefusSuivis[] } {
  const sessions = [...new Set(refus.map((r) => r.sessionId))].sort();
  return {
    total: suivis('total', refus, solutions),
    parSession: sessions.map((s) =>
      suivis(
        s,
        refus.filter((r) => r.sessionId === s),
        solutions,
      ),
    ),
  };
}

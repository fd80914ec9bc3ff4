/**
 * Statistics of the crèche places, by session, crèche or commune: places
 * offered, applications examined, offers, acceptances, refusals, mean delay
 * from application to offer, share of families placed. Pure; the open-data
 * version masks small counts (stats/calculs.ts: secretiser).
 */
import { secretiser } from '../stats/calculs';

export type LigneDecision = {
  sessionId: string; structureId: string | null; communeCode: string | null;
  statut: string; deposeeLe: string; offerteLe: Date | null;
};
export type LignePlaces = { sessionId: string; structureId: string; nombre: number };

export type Agregat = {
  cle: string; places: number; candidatures: number; offres: number; acceptations: number; refus: number;
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
    cle, places, candidatures: decisions.length, offres: offres.length, acceptations,
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
export function ouvrir(a: Agregat): Omit<Agregat, 'places' | 'candidatures' | 'offres' | 'acceptations' | 'refus'> & Record<'places' | 'candidatures' | 'offres' | 'acceptations' | 'refus', number | null> {
  const candidatures = secretiser(a.candidatures);
  const acceptations = secretiser(a.acceptations);
  const offres = secretiser(a.offres);
  return {
    cle: a.cle, places: a.places, candidatures, offres, acceptations, refus: secretiser(a.refus),
    delaiMoyenJours: offres === null ? null : a.delaiMoyenJours,
    partPlacees: candidatures === null || acceptations === null ? null : a.partPlacees,
  };
}

/**
 * When an assistant maternel or a structure is asked to confirm its
 * availability by email. Pure: dates in, a reason (or none) out.
 *  - campaign: in January and in June, everyone who has not confirmed since
 *    the 1st of that month;
 *  - age: when the last confirmation is 45 days old (or there never was one);
 *  - never more than one reminder per 30 days.
 */
import { debutDuMoisParis, numeroMoisParis } from '../temps';
import { joursDepuis } from './fraicheur';

const RELANCE_APRES_JOURS = 45;
const RELANCE_ESPACEMENT_JOURS = 30;
const MOIS_CAMPAGNE = [1, 6]; // janvier, juin

export type MotifRelance = 'campagne' | 'anciennete';
type SujetRelance = { actif: boolean; email: string | null; dispoConfirmeeLe: Date | null; derniereRelanceLe: Date | null };

export function motifRelance(s: SujetRelance, maintenant: Date, o: { apresJours?: number; espacementJours?: number } = {}): MotifRelance | null {
  if (!s.actif || !s.email) return null;
  const dernier = joursDepuis(s.derniereRelanceLe, maintenant);
  if (dernier !== null && dernier < (o.espacementJours ?? RELANCE_ESPACEMENT_JOURS)) return null;
  const mois = numeroMoisParis(maintenant);
  if (MOIS_CAMPAGNE.includes(mois) && (!s.dispoConfirmeeLe || s.dispoConfirmeeLe < debutDuMoisParis(maintenant))) return 'campagne';
  const age = joursDepuis(s.dispoConfirmeeLe, maintenant);
  if (age === null || age >= (o.apresJours ?? RELANCE_APRES_JOURS)) return 'anciennete';
  return null;
}

/** A manual reminder sent by the RPE respects the same spacing. */
export function peutRelancer(s: SujetRelance, maintenant: Date, espacementJours = RELANCE_ESPACEMENT_JOURS): boolean {
  if (!s.actif || !s.email) return false;
  const dernier = joursDepuis(s.derniereRelanceLe, maintenant);
  return dernier === null || dernier >= espacementJours;
}

type LigneFraicheur = { communeCode: string; type: string; actif: boolean; dispoConfirmeeLe: Date | null };
export type FraicheurCommune = { communeCode: string; actives: number; confirmees: number; part: number | null };

/**
 * Freshness indicator: share of ACTIVE assistants maternels whose
 * availability was confirmed within `seuilJours` days, per commune.
 */
export function fraicheurParCommune(lignes: LigneFraicheur[], maintenant: Date, seuilJours = 60): FraicheurCommune[] {
  const par = new Map<string, FraicheurCommune>();
  for (const l of lignes) {
    if (l.type !== 'assistant-maternel' || !l.actif) continue;
    const c = par.get(l.communeCode) ?? { communeCode: l.communeCode, actives: 0, confirmees: 0, part: null };
    c.actives++;
    const j = joursDepuis(l.dispoConfirmeeLe, maintenant);
    if (j !== null && j <= seuilJours) c.confirmees++;
    par.set(l.communeCode, c);
  }
  return [...par.values()].map((c) => ({ ...c, part: c.actives ? c.confirmees / c.actives : null }));
}

/** The same figure for a whole list (a relais, the territory). */
export function fraicheurGlobale(lignes: LigneFraicheur[], maintenant: Date, seuilJours = 60): FraicheurCommune {
  const parCommune = fraicheurParCommune(lignes, maintenant, seuilJours);
  const actives = parCommune.reduce((s, c) => s + c.actives, 0);
  const confirmees = parCommune.reduce((s, c) => s + c.confirmees, 0);
  return { communeCode: '*', actives, confirmees, part: actives ? confirmees / actives : null };
}

/**
 * Places of the offer that match a demande, ranked: age at the start date,
 * the family's commune or an accepted one or a neighbour, the days asked,
 * atypical hours, and fresh availability. Pure: the server passes the rows.
 */
import { etatAffiche, type EtatAffiche, type StatutDispo } from '../disponibilite/fraicheur';
import { kmEntre, type CommuneCentre } from '../relance/alternatives';

export type HorairesAtypiques = { tot?: boolean; tard?: boolean; weekend?: boolean; nuit?: boolean };

export type DemandePourSuggestions = {
  communeCode: string | null;
  communesAcceptees: readonly string[];
  dateDebut: string; // YYYY-MM-DD
  ageMoisAuDebut: number | null;
  planning: readonly { jour: number; debut: string; fin: string }[];
  horairesAtypiques: boolean;
  urgence: boolean;
  handicap: boolean;
  periscolaire: boolean;
  modesSouhaites: readonly string[];
};

export type PlaceCandidate = { aPartirDu: string; jours: number[] | null; nombre: number };
export type LieuCandidat = {
  id: string;
  nom: string;
  type: string;
  communeCode: string;
  ageMinMois: number;
  ageMaxMois: number;
  horaires: readonly { jour: number; debut: string; fin: string }[];
  horairesAtypiques: HorairesAtypiques;
  accueilUrgence: boolean;
  handicapAccueilli: boolean;
  dispoStatut: StatutDispo;
  dispoConfirmeeLe: Date | null;
  places: readonly PlaceCandidate[];
  telephone?: string | null;
};

export type Suggestion = {
  lieu: LieuCandidat;
  score: number;
  km: number;
  communeNom: string;
  dispo: EtatAffiche;
  disponibleAuDebut: boolean;
  raisons: string[];
};

/** Mode of the demande form for each type of place. */
export const MODE_DU_TYPE: Record<string, string> = {
  creche: 'collectif',
  'micro-creche': 'collectif',
  'assistant-maternel': 'assistant-maternel',
  mam: 'mam',
  'garde-a-domicile': 'garde-a-domicile',
  periscolaire: 'periscolaire',
};

const RAYON_SUGGESTIONS_KM = 12;

/** Ranked suggestions (best first); places that cannot fit are left out. */
export function suggerer(
  dem: DemandePourSuggestions,
  lieux: readonly LieuCandidat[],
  communes: readonly CommuneCentre[],
  o: { maintenant: Date; seuilFraicheurJours: number; rayonKm?: number; max?: number },
): Suggestion[] {
  const rayon = o.rayonKm ?? RAYON_SUGGESTIONS_KM;
  const parCode = new Map(communes.map((c) => [c.code, c]));
  const origines = [dem.communeCode, ...dem.communesAcceptees].filter((c): c is string => !!c && parCode.has(c)).map((c) => parCode.get(c)!);
  const joursDemandes = [...new Set(dem.planning.map((c) => c.jour))];
  const out: Suggestion[] = [];
  for (const l of lieux) {
    const mode = MODE_DU_TYPE[l.type] ?? l.type;
    const rangMode = dem.modesSouhaites.indexOf(mode);
    if (mode === 'periscolaire' ? !dem.periscolaire : dem.modesSouhaites.length > 0 && rangMode < 0) continue;
    if (dem.ageMoisAuDebut !== null && (dem.ageMoisAuDebut < l.ageMinMois || dem.ageMoisAuDebut > l.ageMaxMois)) continue;
    const c = parCode.get(l.communeCode);
    if (!c) continue;
    const memeCommune = l.communeCode === dem.communeCode || dem.communesAcceptees.includes(l.communeCode);
    const km = memeCommune ? 0 : origines.length ? Math.min(...origines.map((x) => kmEntre(x, c))) : Infinity;
    if (km > rayon) continue;
    const dispo = etatAffiche(l.dispoStatut, l.dispoConfirmeeLe, o.maintenant, o.seuilFraicheurJours);
    if (dispo === 'complet') continue;
    const raisons: string[] = [];
    let score = 100 - km * 4;
    if (memeCommune) raisons.push(l.communeCode === dem.communeCode ? 'Dans la commune de la famille' : 'Dans une commune acceptée par la famille');
    else raisons.push(`À ${km.toFixed(1).replace('.', ',')} km`);
    if (rangMode >= 0) {
      score += [30, 20, 12, 6][rangMode] ?? 4;
      raisons.push(`Mode souhaité n° ${rangMode + 1}`);
    }
    // Availability: fresh places from the start date count most.
    const placesAuDebut = l.places.filter((p) => p.aPartirDu <= dem.dateDebut);
    const disponibleAuDebut = dispo === 'disponible' && placesAuDebut.length > 0;
    if (disponibleAuDebut) {
      score += 45;
      raisons.push('Place libre confirmée récemment pour la date de début');
    } else if (dispo === 'disponible') {
      score += 20;
      raisons.push('Place libre confirmée, à une date plus tardive');
    } else if (dispo === 'a-confirmer') {
      score += 5;
      raisons.push('Disponibilité à confirmer (ancienne)');
    } else raisons.push('Disponibilité inconnue');
    // Days: opening days and the days of the free places.
    if (joursDemandes.length) {
      const ouverts = l.horaires.length ? new Set(l.horaires.map((h) => h.jour)) : null;
      const joursPlace = placesAuDebut.find((p) => p.jours)?.jours;
      const couverts = joursDemandes.filter((j) => (!ouverts || ouverts.has(j)) && (!joursPlace || joursPlace.includes(j)));
      score += Math.round((couverts.length / joursDemandes.length) * 20) - (couverts.length < joursDemandes.length ? 10 : 0);
      if (couverts.length < joursDemandes.length) raisons.push(`Couvre ${couverts.length} jour(s) sur ${joursDemandes.length}`);
      else raisons.push('Tous les jours demandés');
    }
    if (dem.horairesAtypiques) {
      const a = l.horairesAtypiques;
      const besoinWeekend = dem.planning.some((x) => x.jour >= 6);
      const besoinTot = dem.planning.some((x) => x.debut < '07:00');
      const besoinTard = dem.planning.some((x) => x.fin > '20:00' || x.fin < x.debut);
      const ok =
        (!besoinWeekend || a.weekend) &&
        (!besoinTot || a.tot) &&
        (!besoinTard || a.tard || a.nuit) &&
        (besoinWeekend || besoinTot || besoinTard || Object.values(a).some(Boolean));
      if (ok) {
        score += 25;
        raisons.push('Accepte les horaires atypiques');
      } else score -= 25;
    }
    if (dem.urgence && l.accueilUrgence) {
      score += 15;
      raisons.push('Accueil d’urgence');
    }
    if (dem.handicap && l.handicapAccueilli) {
      score += 15;
      raisons.push('Accueil d’enfants en situation de handicap');
    }
    out.push({ lieu: l, score: Math.round(score), km: Math.round(km * 10) / 10, communeNom: c.nom, dispo, disponibleAuDebut, raisons });
  }
  return out.sort((a, b) => b.score - a.score || a.km - b.km || a.lieu.nom.localeCompare(b.lieu.nom)).slice(0, o.max ?? 10);
}

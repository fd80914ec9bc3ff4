/**
 * What remains possible when a demande closes "sans solution": the modes the
 * family did not ask for, free places in neighbouring communes, and the
 * crèches whose waiting list they can join. Pure.
 */
import distance from '@turf/distance';
import { MODES, type Mode } from '../demande/schema';

export type CommuneCentre = { code: string; nom: string; lon: number; lat: number };
type LieuAlternative = { nom: string; type: string; communeCode: string; placesDisponibles: number };
export type Alternatives = {
  autresModes: Mode[];
  voisines: { code: string; commune: string; km: number; places: number }[];
  listesAttente: { nom: string; commune: string; km: number }[];
};

const RAYON_KM = 15;

export function kmEntre(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  return distance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' });
}

export function alternatives(o: {
  modesSouhaites: readonly string[];
  communeCode: string | null;
  communes: readonly CommuneCentre[];
  lieux: readonly LieuAlternative[];
  rayonKm?: number;
}): Alternatives {
  const rayon = o.rayonKm ?? RAYON_KM;
  const autresModes = MODES.filter((m) => !o.modesSouhaites.includes(m));
  const parCode = new Map(o.communes.map((c) => [c.code, c]));
  const origine = o.communeCode ? parCode.get(o.communeCode) : undefined;
  const km = (code: string) => {
    const c = parCode.get(code);
    return origine && c ? Math.round(kmEntre(origine, c) * 10) / 10 : null;
  };
  const places = new Map<string, number>();
  for (const l of o.lieux) {
    if (l.placesDisponibles > 0 && l.communeCode !== o.communeCode) places.set(l.communeCode, (places.get(l.communeCode) ?? 0) + l.placesDisponibles);
  }
  const voisines = [...places.entries()]
    .map(([code, n]) => ({ code, commune: parCode.get(code)?.nom ?? code, km: km(code), places: n }))
    .filter((v): v is { code: string; commune: string; km: number; places: number } => v.km !== null && v.km <= rayon)
    .sort((a, b) => a.km - b.km || b.places - a.places)
    .slice(0, 8);
  const listesAttente = o.lieux
    .filter((l) => l.type === 'creche' || l.type === 'micro-creche')
    .map((l) => ({ nom: l.nom, commune: parCode.get(l.communeCode)?.nom ?? l.communeCode, km: l.communeCode === o.communeCode ? 0 : km(l.communeCode) }))
    .filter((l): l is { nom: string; commune: string; km: number } => l.km !== null && l.km <= rayon)
    .sort((a, b) => a.km - b.km || a.nom.localeCompare(b.nom))
    .slice(0, 6);
  return { autresModes, voisines, listesAttente };
}

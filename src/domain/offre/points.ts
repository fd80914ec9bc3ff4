/**
 * The map's light format (issue 20): for each place only what a marker needs
 * (short id, name, type, commune, coordinates, availability state), in columns of
 * small integers that compress well; dates, hours and contacts come on demand
 * (/api/offre/lieu/<id>). With 20,000 places it stays well under 300 kB
 * compressed, where the full GeoJSON (open data, /api/offre) is 1.3 MB gzip.
 *
 * Ids are the shortest prefix of the UUID's hex digits (at least 8) unique
 * over the whole offer, so they do not change with the filters.
 */
import { TYPES_STRUCTURE } from './filtres';
import type { ResultatOffre } from './recherche';
import { ECHELLE_COORDONNEES, type EtatPoint, type PointsOffre } from './points-lecture';

export { ECHELLE_COORDONNEES, lirePoints, type EtatPoint, type Point, type PointsOffre } from './points-lecture';

const ETATS_POINTS: readonly EtatPoint[] = ['disponible', 'a-confirmer', 'complet', 'inconnu'];
const LONGUEUR_ID_MIN = 8;

const hexDe = (uuid: string) => uuid.replaceAll('-', '').toLowerCase();

/** Shortest prefix length (≥ 8) that tells every id apart. */
export function longueurIdUnique(ids: readonly string[]): number {
  const hex = ids.map(hexDe).sort();
  let l = LONGUEUR_ID_MIN;
  for (let i = 1; i < hex.length; i++) {
    const a = hex[i - 1]!,
      b = hex[i]!;
    let k = 0;
    while (k < a.length && a[k] === b[k]) k++;
    if (k + 1 > l) l = k + 1;
  }
  return l;
}

/** The light format for these results; `longueurId` comes from the whole offer (`longueurIdUnique`). */
export function enPoints(resultats: readonly ResultatOffre[], longueurId: number, date: string): PointsOffre {
  // Order of the results kept (it decides how markers cluster on the map, as with the GeoJSON).
  const tries = resultats;
  const communes: { code: string; nom: string }[] = [];
  const indexCommune = new Map<string, number>();
  const p: PointsOffre = {
    format: 'points-1',
    date,
    total: tries.length,
    longueurId,
    ids: '',
    types: TYPES_STRUCTURE,
    etats: ETATS_POINTS,
    communes,
    noms: [],
    t: [],
    e: [],
    c: [],
    dlat: [],
    dlon: [],
  };
  const ids: string[] = [];
  let lat0 = 0,
    lon0 = 0;
  for (const r of tries) {
    ids.push(hexDe(r.id).slice(0, longueurId));
    p.noms.push(r.nom);
    p.t.push(TYPES_STRUCTURE.indexOf(r.type));
    p.e.push(Math.max(0, ETATS_POINTS.indexOf(r.disponibilite.etat as EtatPoint)));
    let ic = indexCommune.get(r.commune.code);
    if (ic === undefined) {
      ic = communes.length;
      communes.push(r.commune);
      indexCommune.set(r.commune.code, ic);
    }
    p.c.push(ic);
    const lat = Math.round(r.position.lat * ECHELLE_COORDONNEES),
      lon = Math.round(r.position.lon * ECHELLE_COORDONNEES);
    p.dlat.push(lat - lat0);
    p.dlon.push(lon - lon0);
    lat0 = lat;
    lon0 = lon;
  }
  p.ids = ids.join('');
  return p;
}

/** Whether a place's id starts with this short id (hex prefix from the light format, or a full UUID). */
export function correspondId(uuid: string, id: string): boolean {
  const h = id.replaceAll('-', '').toLowerCase();
  return h.length >= LONGUEUR_ID_MIN && hexDe(uuid).startsWith(h);
}

/** `bbox=minLon,minLat,maxLon,maxLat` (WGS 84), or null when absent or malformed. */
export function lireBbox(v: string | null): [number, number, number, number] | null {
  if (!v) return null;
  const n = v.split(',').map(Number);
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) return null;
  const [a, b, c, d] = n as [number, number, number, number];
  if (a > c || b > d || b < -90 || d > 90) return null;
  return [a, b, c, d];
}

export const dansBbox = (r: ResultatOffre, [a, b, c, d]: readonly [number, number, number, number]) =>
  r.position.lon >= a && r.position.lon <= c && r.position.lat >= b && r.position.lat <= d;

/**
 * Reading the map's light format (see points.ts), without dependencies so
 * that the map island can import it.
 */
export type EtatPoint = 'disponible' | 'a-confirmer' | 'complet' | 'inconnu';
/** Coordinates in units of 1e-5 degree (about 1 m). */
export const ECHELLE_COORDONNEES = 1e5;

export type PointsOffre = {
  format: 'points-1';
  date: string;
  total: number;
  /** Hex digits of each id: `ids` is their concatenation. */
  longueurId: number;
  ids: string;
  types: readonly string[];
  etats: readonly EtatPoint[];
  communes: { code: string; nom: string }[];
  /** Per point: public name (null for an AM who did not publish her first name), so that each marker is named after its place. */
  noms: (string | null)[];
  /** Per point, index in `types`, `etats`, `communes`. */
  t: number[];
  e: number[];
  c: number[];
  /** Latitude and longitude × 1e5, each as the difference from the previous point. */
  dlat: number[];
  dlon: number[];
};

export type Point = { id: string; nom: string | null; type: string; etat: EtatPoint; commune: { code: string; nom: string }; lat: number; lon: number };

/** Reads the light format back (the map island). */
export function lirePoints(p: PointsOffre): Point[] {
  const res: Point[] = [];
  let lat = 0,
    lon = 0;
  for (let i = 0; i < p.total; i++) {
    lat += p.dlat[i]!;
    lon += p.dlon[i]!;
    res.push({
      id: p.ids.slice(i * p.longueurId, (i + 1) * p.longueurId),
      nom: p.noms[i] ?? null,
      type: p.types[p.t[i]!]!,
      etat: p.etats[p.e[i]!]!,
      commune: p.communes[p.c[i]!]!,
      lat: lat / ECHELLE_COORDONNEES,
      lon: lon / ECHELLE_COORDONNEES,
    });
  }
  return res;
}

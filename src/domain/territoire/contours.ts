/**
 * Commune outlines uploaded as GeoJSON (IGN Admin Express style or the
 * geo.api.gouv.fr export). Checked whole before anything is written: a file
 * that is not what it claims is refused with the reason.
 */
type Contour = { code: string; geometrie: GeoJSON.Polygon | GeoJSON.MultiPolygon; centre: [number, number] };
type ResultatContours = { ok: true; contours: Contour[]; ignorees: number } | { ok: false; erreur: string };

const CLES_CODE = ['code', 'insee_com', 'code_insee', 'codgeo', 'insee', 'com'];
const TAILLE_MAX = 50 * 1024 * 1024;

function codeDe(p: Record<string, unknown> | null | undefined): string | null {
  if (!p) return null;
  for (const [k, v] of Object.entries(p))
    if (CLES_CODE.includes(k.toLowerCase()) && (typeof v === 'string' || typeof v === 'number')) return String(v).trim().toUpperCase();
  return null;
}

function anneauValide(r: unknown): r is [number, number][] {
  return (
    Array.isArray(r) &&
    r.length >= 4 &&
    r.every((p) => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90)
  );
}

function polygoneValide(p: unknown): p is [number, number][][] {
  return Array.isArray(p) && p.length >= 1 && p.every(anneauValide);
}

/** Area-weighted centroid of the largest outer ring (good enough for a commune centre). */
function centreDe(g: GeoJSON.Polygon | GeoJSON.MultiPolygon): [number, number] {
  const polygones = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let meilleur: { aire: number; x: number; y: number } | null = null;
  for (const poly of polygones) {
    const r = poly[0]!;
    let a = 0,
      cx = 0,
      cy = 0;
    for (let i = 0; i < r.length - 1; i++) {
      const [x0, y0] = r[i]! as [number, number];
      const [x1, y1] = r[i + 1]! as [number, number];
      const f = x0 * y1 - x1 * y0;
      a += f;
      cx += (x0 + x1) * f;
      cy += (y0 + y1) * f;
    }
    const aire = Math.abs(a / 2);
    if (a !== 0 && (!meilleur || aire > meilleur.aire)) meilleur = { aire, x: cx / (3 * a), y: cy / (3 * a) };
  }
  if (meilleur) return [Math.round(meilleur.x * 1e6) / 1e6, Math.round(meilleur.y * 1e6) / 1e6];
  const p = polygones[0]![0]![0]! as [number, number];
  return [p[0], p[1]];
}

export function lireContours(texte: string, codesTerritoire: Set<string>): ResultatContours {
  if (texte.length > TAILLE_MAX) return { ok: false, erreur: 'Fichier trop gros (50 Mo au plus).' };
  let json: unknown;
  try {
    json = JSON.parse(texte.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, erreur: 'Ce fichier n’est pas du GeoJSON : il ne se lit pas comme du JSON.' };
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { ok: false, erreur: 'Ce fichier n’est pas une collection GeoJSON (« FeatureCollection ») de contours de communes.' };
  }
  const contours: Contour[] = [];
  const vus = new Set<string>();
  let ignorees = 0;
  for (const [i, f] of (
    fc.features as { type?: unknown; properties?: Record<string, unknown>; geometry?: { type?: unknown; coordinates?: unknown } }[]
  ).entries()) {
    const n = i + 1;
    const code = codeDe(f?.properties);
    if (!code) return { ok: false, erreur: `Élément ${n} : pas de code INSEE (propriété « code » ou « INSEE_COM »).` };
    const g = f.geometry;
    const valide =
      g &&
      ((g.type === 'Polygon' && polygoneValide(g.coordinates)) ||
        (g.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(polygoneValide)));
    if (!valide) return { ok: false, erreur: `Élément ${n} (commune ${code}) : la géométrie n’est pas un polygone valide en longitude/latitude (WGS 84).` };
    if (vus.has(code)) return { ok: false, erreur: `La commune ${code} apparaît deux fois dans le fichier.` };
    vus.add(code);
    if (!codesTerritoire.has(code)) {
      ignorees++;
      continue;
    }
    const geometrie = g as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    contours.push({ code, geometrie, centre: centreDe(geometrie) });
  }
  if (!contours.length) return { ok: false, erreur: 'Aucun contour ne correspond à une commune du territoire (codes INSEE différents ?).' };
  return { ok: true, contours, ignorees };
}

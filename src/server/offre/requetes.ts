/**
 * Reading the public offer. SQL keeps only visible, active structures; every
 * filter (freshness, ages, distance, sorting…) is a domain rule applied to the
 * public projection, so pages, API and CSV share them.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { rowsOf, schema, type Db } from '../db';
import { AGE_MAX_MS, invalider, surInvalidation } from '../cache';
import { jourParis } from '../../domain/temps';
import type { Filtres } from '../../domain/offre/filtres';
import { projectionPublique, type CommuneRef, type OffrePublique, type PlaceSource, type StructureSource } from '../../domain/offre/projection';
import { rechercher, resoudreLieu, type CommuneRecherche, type ResultatOffre } from '../../domain/offre/recherche';
import { IndexNoms } from '../../domain/territoire/noms-flous';

const s = schema.structures;
const p = schema.placesDisponibles;

type OptionsOffre = { maintenant: Date; seuilJours: number };

type RechercheOffre = {
  resultats: ResultatOffre[];
  tri: 'distance' | 'fraicheur';
  /** Communes resolved from `lieu`. */
  communes: CommuneRecherche[];
  /** `lieu` was given but matches no commune of the territory. */
  lieuInconnu: boolean;
};

/** Every commune of the territory with its centre and postal codes (100 rows at most in the demo). */
export async function communesDuTerritoire(db: Db): Promise<CommuneRecherche[]> {
  const rows = await db
    .select({
      code: schema.communes.code,
      nom: schema.communes.nom,
      codesPostaux: schema.communes.codesPostaux,
      centreLat: schema.communes.centreLat,
      centreLon: schema.communes.centreLon,
      population: schema.communes.population,
    })
    .from(schema.communes)
    .orderBy(asc(schema.communes.nom));
  return rows.map((r) => ({ ...r, codesPostaux: r.codesPostaux ?? [] }));
}

const colonnesStructure = {
  id: s.id,
  type: s.type,
  nom: s.nom,
  communeCode: s.communeCode,
  adresse: s.adresse,
  lat: s.lat,
  lon: s.lon,
  positionPublique: s.positionPublique,
  latPublique: s.latPublique,
  lonPublique: s.lonPublique,
  capacite: s.capacite,
  ageMinMois: s.ageMinMois,
  ageMaxMois: s.ageMaxMois,
  horaires: s.horaires,
  horairesAtypiques: s.horairesAtypiques,
  accueilUrgence: s.accueilUrgence,
  handicapAccueilli: s.handicapAccueilli,
  financement: s.financement,
  gestionnaire: s.gestionnaire,
  telephone: s.telephone,
  email: s.email,
  siteWeb: s.siteWeb,
  publication: s.publication,
  dispoStatut: s.dispoStatut,
  dispoConfirmeeLe: s.dispoConfirmeeLe,
};

/**
 * The whole public offer, projected, kept per database: the map, its list,
 * the API and the CSV all read it, and reading every structure costs far more
 * than filtering in memory. Anything that changes the offer in this process
 * (issue 8: /pro, /admin/offre, territory screens, imports) calls
 * `invaliderCacheOffre`, which drops it at once.
 *
 * Other instances on the same PostgreSQL do not see those calls: after
 * `AGE_MAX_MS` (as every other cache) the entry is revalidated in the
 * background while it keeps being served: a fingerprint computed by the
 * database (md5 over the rows the projection reads) is compared with the
 * entry's, and only a different fingerprint reloads the offer and drops what
 * was derived from it. So a large offer is never re-read, re-serialized and
 * re-compressed while nothing changed (issue 20: p99 of the map's points with
 * 20,000 places). A new Paris day (availability states depend on it) or a
 * different freshness threshold reloads before answering, as a miss does.
 *
 * Values derived from it (serialized API bodies, see `deriveDeLOffre`) live
 * in the same entry, so they go away with it.
 */
const DUREE_CACHE_MS = AGE_MAX_MS;
/** Derived values kept per cached offer: least recently used dropped beyond these. */
const OCTETS_DERIVES_MAX = 64 * 1024 * 1024;
const DERIVES_MAX = 200;
type Derive = { valeur: Promise<unknown>; octets: () => number };
type EntreeCache = {
  le: number;
  cle: string;
  offres: Promise<OffrePublique[]>;
  communes: Promise<CommuneRecherche[]>;
  derives: Map<string, Derive>;
  /** Database fingerprint of what `offres` was read from (read just before it). */
  empreinte: Promise<string>;
  /** A background revalidation is under way. */
  revalidation?: Promise<void>;
};
let caches = new WeakMap<Db, EntreeCache>();
// An 'offre' invalidation relayed from a sibling worker (cluster mode) drops every cached offer here too.
surInvalidation((cle) => {
  if (cle === 'offre') caches = new WeakMap();
});

/** Drops the cached offer of this database and everything derived from it (API bodies, ETags, gzip). */
export function invaliderCacheOffre(db: Db): void {
  caches.delete(db);
  invalider('offre');
}

/**
 * md5 over every row the public projection reads (visible and active
 * structures, their places, the communes' search columns), computed by the
 * database: a few milliseconds there, nothing to parse here.
 */
async function empreinteOffre(db: Db): Promise<string> {
  const [r] = rowsOf<{ e: string }>(
    await db.execute(sql`select md5(
      coalesce((select string_agg(md5(s::text), '' order by s.id) from structures s where s.visible and s.actif), '') ||
      coalesce((select string_agg(md5(p::text), '' order by p.id) from places_disponibles p), '') ||
      coalesce((select string_agg(md5(row(c.code, c.nom, c.codes_postaux, c.centre_lat, c.centre_lon, c.population)::text), '' order by c.code) from communes c), '')
    ) as e`),
  );
  return r!.e;
}
async function chargerOffrePublique(db: Db, o: OptionsOffre, communes: CommuneRecherche[]): Promise<OffrePublique[]> {
  const ou = and(eq(s.visible, true), eq(s.actif, true));
  const [structures, places] = await Promise.all([
    db.select(colonnesStructure).from(s).where(ou),
    db
      .select({
        structureId: p.structureId,
        trancheAge: p.trancheAge,
        nombre: p.nombre,
        aPartirDu: p.aPartirDu,
        jours: p.jours,
        heureDebut: p.heureDebut,
        heureFin: p.heureFin,
        horairesAtypiques: p.horairesAtypiques,
        urgence: p.urgence,
      })
      .from(p)
      .innerJoin(s, eq(p.structureId, s.id))
      .where(ou),
  ]);
  const parStructure = new Map<string, PlaceSource[]>();
  for (const pl of places) {
    const l = parStructure.get(pl.structureId);
    if (l) l.push(pl);
    else parStructure.set(pl.structureId, [pl]);
  }
  const parCode = new Map<string, CommuneRef>(communes.map((c) => [c.code, c]));
  return structures.flatMap((st) => {
    const c = parCode.get(st.communeCode);
    return c ? [projectionPublique(st as StructureSource, parStructure.get(st.id) ?? [], c, o)] : [];
  });
}

function chargerEntree(db: Db, o: OptionsOffre, cle: string, t: number): EntreeCache {
  const empreinte = empreinteOffre(db);
  const communes = empreinte.then(() => communesDuTerritoire(db));
  const offres = communes.then((c) => chargerOffrePublique(db, o, c));
  const entree: EntreeCache = { le: t, cle, offres, communes, derives: new Map(), empreinte };
  offres.catch(() => {
    if (caches.get(db) === entree) caches.delete(db);
  });
  empreinte.catch(() => {});
  return entree;
}

/** Background check of an aged entry: same fingerprint → kept (derived bodies too); else replaced once the new offer is read. */
function revalider(db: Db, o: OptionsOffre, e: EntreeCache): void {
  e.revalidation = (async () => {
    const [avant, maintenant] = await Promise.all([e.empreinte.catch(() => ''), empreinteOffre(db)]);
    if (caches.get(db) !== e) return;
    if (avant === maintenant) {
      e.le = o.maintenant.getTime();
      return;
    }
    const nouvelle = chargerEntree(db, o, e.cle, o.maintenant.getTime());
    await nouvelle.offres;
    if (caches.get(db) === e) caches.set(db, nouvelle);
  })()
    .catch(() => {})
    .finally(() => {
      e.revalidation = undefined;
    });
}

/** Resolves when the background revalidation of this database's offer (if any) is over (tests, benchmarks). */
export function revalidationOffre(db: Db): Promise<void> {
  return caches.get(db)?.revalidation ?? Promise.resolve();
}

function offreEnCache(db: Db, o: OptionsOffre): EntreeCache {
  const cle = `${o.seuilJours}|${jourParis(o.maintenant)}`;
  const t = o.maintenant.getTime();
  const e = caches.get(db);
  if (e && e.cle === cle && t >= e.le - DUREE_CACHE_MS) {
    if (t - e.le >= DUREE_CACHE_MS && !e.revalidation) revalider(db, o, e);
    return e;
  }
  const entree = chargerEntree(db, o, cle, t);
  caches.set(db, entree);
  return entree;
}

async function rechercherDans(cache: EntreeCache, f: Filtres, o: OptionsOffre): Promise<RechercheOffre> {
  const toutes = await cache.communes;
  const communes = f.lieu ? resoudreLieu(f.lieu, toutes).sort((a, b) => (b.population ?? 0) - (a.population ?? 0)) : [];
  const lieuInconnu = Boolean(f.lieu) && communes.length === 0;
  if (lieuInconnu) return { resultats: [], tri: 'fraicheur', communes, lieuInconnu };
  const publiques = await cache.offres;
  const { resultats, tri } = rechercher(publiques, f, { maintenant: o.maintenant, communes });
  return { resultats, tri, communes, lieuInconnu };
}

/** Searches the public offer with the filters of the URL. */
export async function rechercherOffre(db: Db, f: Filtres, o: OptionsOffre): Promise<RechercheOffre> {
  return rechercherDans(offreEnCache(db, o), f, o);
}

function elaguer(e: EntreeCache): void {
  let total = 0;
  for (const d of e.derives.values()) total += d.octets();
  // Map order = least recently used first.
  for (const [k, d] of e.derives) {
    if (total <= OCTETS_DERIVES_MAX && e.derives.size <= DERIVES_MAX) break;
    total -= d.octets();
    e.derives.delete(k);
  }
}

/**
 * A value derived from the cached offer (typically the serialized body of an
 * API answer), computed once per `cle` and kept as long as that offer stays
 * cached: a reload (every 15 s) or `invaliderCacheOffre` drops it. `cle` must
 * say everything the value depends on besides the offer (format, normalised
 * filters, day). Concurrent callers share one computation; beyond 200 values
 * or 64 MiB (`octets`), the least recently used are dropped.
 */
export function deriveDeLOffre<T>(
  db: Db,
  o: OptionsOffre,
  cle: string,
  calcul: (rechercher: (f: Filtres) => Promise<RechercheOffre>) => Promise<T>,
  octets: (v: T) => number,
): Promise<T> {
  const e = offreEnCache(db, o);
  const existant = e.derives.get(cle);
  if (existant) {
    e.derives.delete(cle);
    e.derives.set(cle, existant);
    return existant.valeur as Promise<T>;
  }
  let resultat: T | undefined;
  const valeur = calcul((f) => rechercherDans(e, f, o));
  const d: Derive = { valeur, octets: () => (resultat === undefined ? 0 : octets(resultat)) };
  e.derives.set(cle, d);
  valeur.then(
    (v) => {
      resultat = v;
      if (e.derives.get(cle) === d) elaguer(e);
    },
    () => {
      if (e.derives.get(cle) === d) e.derives.delete(cle);
    },
  );
  return valeur;
}

/** Commune outlines as a GeoJSON FeatureCollection (offline base layer of the map). */
export async function contoursCommunes(db: Db): Promise<GeoJSON.FeatureCollection> {
  const rows = await db
    .select({ code: schema.communes.code, nom: schema.communes.nom, contour: schema.communes.contour })
    .from(schema.communes)
    .orderBy(asc(schema.communes.code));
  const arrondir = (x: unknown): unknown => (Array.isArray(x) ? x.map(arrondir) : typeof x === 'number' ? Math.round(x * 1e5) / 1e5 : x);
  return {
    type: 'FeatureCollection',
    features: rows
      .filter((r) => r.contour)
      .map((r) => ({
        type: 'Feature',
        properties: { code: r.code, nom: r.nom },
        geometry: { ...r.contour!, coordinates: arrondir((r.contour as GeoJSON.Polygon).coordinates) } as GeoJSON.Geometry,
      })),
  };
}

const indexCommunes = new WeakMap<object, IndexNoms<CommuneRecherche>>();
const indexLieux = new WeakMap<object, IndexNoms<OffrePublique & { nom: string }>>();

/**
 * The search page's "places and communes": the territory's communes and the
 * public places whose name matches what was typed, loosely ("Lillers",
 * "bethun", "St Venant", "62190", "creche les lutins").
 */
export async function chercherCommunesEtLieux(
  db: Db,
  q: string,
  o: OptionsOffre,
  limite = 8,
): Promise<{ communes: CommuneRecherche[]; lieux: OffrePublique[] }> {
  if (!q.trim()) return { communes: [], lieux: [] };
  const cache = offreEnCache(db, o);
  const [communes, offres] = await Promise.all([cache.communes, cache.offres]);
  let ic = indexCommunes.get(communes);
  if (!ic) indexCommunes.set(communes, (ic = new IndexNoms(communes)));
  let il = indexLieux.get(offres);
  if (!il) indexLieux.set(offres, (il = new IndexNoms(offres.filter((x): x is OffrePublique & { nom: string } => x.nom !== null))));
  return { communes: ic.chercher(q, limite), lieux: il.chercher(q, limite) };
}

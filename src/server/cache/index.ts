/**
 * In-process caches with explicit invalidation (issue 20).
 *
 * Values that depend on the database but not on the request (the relais and
 * their sites for the home and relais pages, whole rendered public pages,
 * statistics per scope and period) are computed once and kept until a write
 * that matters calls `invalider(cle)`. Concurrent callers of the same value
 * share one computation (single flight). Every entry also has a maximum age,
 * so that several instances on one PostgreSQL, which do not see each other's
 * invalidations, converge within that age. The worker processes of one server
 * (PROCESSUS > 1) do see each other's: scripts/http/grappe.mjs relays them.
 */

/** What a cached value depends on: call `invalider` with it after a write that changes it. */
export type CleCache =
  /** Territory, relais, sites and hours, communes, memberships (admin territory screens). */
  | 'territoire'
  /** The public offer: structures, AM, availability (admin offer, /pro, imports, reminders). */
  | 'offre'
  /** Demandes and what the statistics count (contacts, RDV, transitions). */
  | 'demandes';

type Entree = { valeur: Promise<unknown>; cles: readonly CleCache[]; generations: number[]; enCours: boolean; expire: number };
type Etat = {
  memos: WeakMap<object, Map<string, Entree>>;
  ecouteurs: Set<(cle: CleCache) => void>;
  generations: Map<CleCache, number>;
  /** Cluster mode (scripts/server.mjs, PROCESSUS): passes each local invalidation to the sibling processes. */
  relais?: (cle: CleCache) => void;
};

// On globalThis: the server entry and the pages may be separate module
// instances (bundles, tests) that must share one cache.
const SYMBOLE = Symbol.for('gpe.cache');
const G = globalThis as unknown as Record<symbol, Etat | undefined>;
const etat: Etat = (G[SYMBOLE] ??= { memos: new WeakMap(), ecouteurs: new Set(), generations: new Map() });

/** Maximum age of a cached value when no invalidation came (other instances' writes). */
export const AGE_MAX_MS = 60_000;

const generationsDe = (cles: readonly CleCache[]) => cles.map((c) => etat.generations.get(c) ?? 0);

/**
 * The value `nom` for `portee` (usually the database handle), computed by
 * `calcul` at most once until one of `cles` is invalidated or `ageMaxMs`
 * passes after it was computed. Concurrent callers share the computation; a
 * failure is not kept. With `ageMaxMs` 0 it is only that: identical
 * concurrent requests share one computation (single flight), nothing is kept.
 */
export function memoiser<T>(portee: object, nom: string, cles: readonly CleCache[], calcul: () => Promise<T>, ageMaxMs = AGE_MAX_MS): Promise<T> {
  let memos = etat.memos.get(portee);
  if (!memos) etat.memos.set(portee, (memos = new Map()));
  const maintenant = Date.now();
  const e = memos.get(nom);
  if (e && (e.enCours || e.expire > maintenant) && generationsDe(e.cles).every((g, i) => g === e.generations[i])) return e.valeur as Promise<T>;
  // Generations read before the computation starts: a write during it makes the result stale at once.
  const entree: Entree = { valeur: Promise.resolve().then(calcul), cles, generations: generationsDe(cles), enCours: true, expire: 0 };
  memos.set(nom, entree);
  entree.valeur.then(
    () => {
      entree.enCours = false;
      entree.expire = Date.now() + ageMaxMs;
      if (ageMaxMs <= 0 && memos.get(nom) === entree) memos.delete(nom);
    },
    () => {
      entree.enCours = false;
      if (memos.get(nom) === entree) memos.delete(nom);
    },
  );
  return entree.valeur as Promise<T>;
}

/**
 * Drops every cached value (in every scope) and every cached page that
 * depends on `cle`. Call it after the write has committed.
 */
export function invalider(cle: CleCache): void {
  invaliderLocalement(cle);
  etat.relais?.(cle);
}

/**
 * `invalider` without passing it on: for an invalidation made by a sibling
 * process of the same server (cluster mode), relayed by the primary.
 */
export function invaliderLocalement(cle: CleCache): void {
  etat.generations.set(cle, (etat.generations.get(cle) ?? 0) + 1);
  for (const f of etat.ecouteurs) f(cle);
}

/**
 * Cluster mode: `f` receives every invalidation made in this process (it
 * sends it to the primary, which tells the other workers). `undefined` stops.
 */
export function relayerInvalidations(f: ((cle: CleCache) => void) | undefined): void {
  etat.relais = f;
}

/** Called with each invalidated key (the page cache listens). */
export function surInvalidation(f: (cle: CleCache) => void): () => void {
  etat.ecouteurs.add(f);
  return () => etat.ecouteurs.delete(f);
}

/** How many times `cle` was invalidated in this process. */
export function generation(cle: CleCache): number {
  return etat.generations.get(cle) ?? 0;
}

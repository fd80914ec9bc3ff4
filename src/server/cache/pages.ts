/**
 * Whole public pages that do not depend on the request (home, information
 * pages, relais page, site map), rendered once and kept in memory with their
 * brotli and gzip encodings until `invalider(cle)` (or AGE_MAX_MS). The
 * Node server's front layer (scripts/http/frontal.mjs) answers from this store
 * without entering Astro; the middleware fills it (`finaliserReponse`).
 * Public API answers built from a cached body (the map's points) are kept the
 * same way, by exact URL, query included (`garderCorpsApi`).
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { AGE_MAX_MS, generation, surInvalidation, type CleCache } from './index';
import { finDuJourParisMs } from '../../domain/temps';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Routes whose output depends only on the path (and on the keys listed), with what they read. */
const PAGES_EN_CACHE: Readonly<Record<string, readonly CleCache[]>> = {
  '/[...lang]': ['territoire'],
  '/[...lang]/[slug]': ['territoire'],
  '/[...lang]/plan-du-site': ['territoire'],
};
/** Cookies some of these pages read (home: remembered language): a request carrying one is rendered. */
const COOKIES_QUI_FONT_VARIER = ['gpe_langue'];
/** Headers never replayed from a cached page. */
const NON_REJOUES = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'date', 'set-cookie', 'etag', 'vary', 'connection', 'keep-alive']);

export type PageEnCache = {
  statut: number;
  entetes: [string, string][];
  etag: string;
  corps: Buffer;
  br: Buffer;
  gzip: Buffer;
  cles: readonly CleCache[];
  generations: number[];
  expire: number;
};
type Magasin = { pages: Map<string, PageEnCache>; lire: (chemin: string, cookie: string | undefined) => PageEnCache | undefined; octets: () => number };

const SYMBOLE = Symbol.for('gpe.cache.pages');
const G = globalThis as unknown as Record<symbol, Magasin | undefined>;
/** Total bytes kept (identity + encodings); beyond, the oldest pages go. 96 pages × 3 encodings fit easily. */
const OCTETS_MAX = 32 * 1024 * 1024;

const aJour = (p: PageEnCache) => p.expire > Date.now() && p.cles.every((c, i) => generation(c) === p.generations[i]);
const cookieQuiFaitVarier = (cookie: string | undefined) => Boolean(cookie && COOKIES_QUI_FONT_VARIER.some((n) => new RegExp(`(^|;)\\s*${n}=`).test(cookie)));

function creerMagasin(): Magasin {
  const pages = new Map<string, PageEnCache>();
  surInvalidation((cle) => {
    for (const [k, p] of pages) if (p.cles.includes(cle)) pages.delete(k);
  });
  return {
    pages,
    lire(chemin, cookie) {
      const p = pages.get(chemin);
      if (!p || cookieQuiFaitVarier(cookie)) return undefined;
      if (aJour(p)) return p;
      pages.delete(chemin);
      return undefined;
    },
    octets: () => [...pages.values()].reduce((s, p) => s + p.corps.length + p.br.length + p.gzip.length, 0),
  };
}
const magasin: Magasin = (G[SYMBOLE] ??= creerMagasin());

/** Generations of every key, taken before rendering: a write during the rendering makes the page stale. */
export function instantane(): Record<CleCache, number> {
  return { territoire: generation('territoire'), offre: generation('offre'), demandes: generation('demandes') };
}

/** Whether this request/response pair may be kept for every later request of the same path. */
export function cacheable(request: Request, url: URL, routePattern: string | undefined, res: Response): readonly CleCache[] | null {
  if (request.method !== 'GET' || url.search || !routePattern) return null;
  const cles = PAGES_EN_CACHE[routePattern];
  if (!cles || res.status !== 200 || !res.body || res.headers.has('set-cookie') || res.headers.has('content-encoding')) return null;
  if (!/^text\/html/i.test(res.headers.get('content-type') ?? '')) return null;
  if (cookieQuiFaitVarier(request.headers.get('cookie') ?? undefined)) return null;
  return cles;
}

/** Renders once: reads the body, compresses it (brotli 11, gzip 9: once per change), stores it. */
export async function garder(chemin: string, res: Response, cles: readonly CleCache[], avant: Record<CleCache, number>): Promise<PageEnCache> {
  const corps = Buffer.from(await res.arrayBuffer());
  const [br, gz] = await Promise.all([
    brotliAsync(corps, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: corps.length,
      },
    }),
    gzipAsync(corps, { level: 9 }),
  ]);
  const { createHash } = await import('node:crypto');
  const page: PageEnCache = {
    statut: res.status,
    entetes: [...res.headers].filter(([k]) => !NON_REJOUES.has(k.toLowerCase())),
    etag: `"${createHash('sha1').update(corps).digest('base64url')}"`,
    corps,
    br,
    gzip: gz,
    cles,
    generations: cles.map((c) => avant[c]),
    expire: Date.now() + AGE_MAX_MS,
  };
  // Kept only if nothing it read was invalidated while it was rendered.
  if (aJour(page)) ranger(chemin, page);
  return page;
}

/** Public API routes whose answer depends only on the URL (path and query) and the keys listed. */
const API_EN_CACHE: Readonly<Record<string, readonly CleCache[]>> = {
  '/api/offre/points': ['offre'],
  '/api/offre': ['offre'],
};
/** Larger bodies (the whole offer as GeoJSON) stay with the route's own cache: they would push the pages out. */
const OCTETS_MAX_API = 8 * 1024 * 1024;

/** A body serialized once with its compressed encodings on demand (src/server/offre/http.ts). */
export type CorpsAGarder = { readonly etag: string; readonly brut: Buffer; encode(encodage: 'gzip' | 'br'): Promise<Buffer> };
const corpsDesReponses = new WeakMap<Response, CorpsAGarder>();

/** Marks a response as built from this prepared body, for `garderCorpsApi`. */
export function attacherCorps(res: Response, corps: CorpsAGarder): Response {
  corpsDesReponses.set(res, corps);
  return res;
}

/**
 * Keeps the answer of a listed API route, once its brotli and gzip encodings
 * exist, for the front layer to serve for this exact URL; until a key it read
 * changes, AGE_MAX_MS passes or the portal's day ends (the offer's
 * availability is counted in calendar days). Does not delay the response.
 */
export function garderCorpsApi(request: Request, url: URL, routePattern: string | undefined, res: Response, avant: Record<CleCache, number>): void {
  const cles = routePattern ? API_EN_CACHE[routePattern] : undefined;
  const corps = corpsDesReponses.get(res);
  if (!cles || !corps || request.method !== 'GET' || res.status !== 200 || res.headers.has('set-cookie') || corps.brut.length > OCTETS_MAX_API) return;
  const maintenant = new Date();
  const entetes = [...res.headers].filter(([k]) => !NON_REJOUES.has(k.toLowerCase()));
  Promise.all([corps.encode('br'), corps.encode('gzip')])
    .then(([br, gz]) => {
      const reponse: PageEnCache = {
        statut: 200,
        entetes,
        // The front layer adds W/ to an encoded answer's tag, as the route does.
        etag: corps.etag.replace(/^W\//, ''),
        corps: corps.brut,
        br,
        gzip: gz,
        cles,
        generations: cles.map((c) => avant[c]),
        expire: Math.min(maintenant.getTime() + AGE_MAX_MS, finDuJourParisMs(maintenant)),
      };
      if (aJour(reponse)) ranger(url.pathname + url.search, reponse);
    })
    .catch(() => {});
}

function ranger(cle: string, p: PageEnCache): void {
  magasin.pages.delete(cle);
  magasin.pages.set(cle, p);
  let total = magasin.octets();
  for (const [k, x] of magasin.pages) {
    if (total <= OCTETS_MAX) break;
    total -= x.corps.length + x.br.length + x.gzip.length;
    magasin.pages.delete(k);
  }
}

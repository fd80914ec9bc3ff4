import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip, gzipSync } from 'node:zlib';
import { attacherCorps } from '../cache/pages';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

type OptionsReponse = { type: string; maxAge: number; entetes?: Record<string, string> };

/** Weak ETag over a body (sha1, base64url). */
export function etagDe(corps: string | Buffer): string {
  return `W/"${createHash('sha1').update(corps).digest('base64url')}"`;
}

function entetesCache(etag: string, o: OptionsReponse): Record<string, string> {
  return {
    'Content-Type': o.type,
    ETag: etag,
    'Cache-Control': `public, max-age=${o.maxAge}, stale-while-revalidate=${o.maxAge}`,
    Vary: 'Accept-Encoding',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'ETag',
    ...o.entetes,
  };
}

function correspondEtag(request: Request, etag: string): boolean {
  const siPas = request.headers.get('if-none-match');
  return Boolean(
    siPas &&
    siPas
      .split(',')
      .map((x) => x.trim())
      .some((x) => x === etag || x === '*'),
  );
}

/** Encodings the client accepts (`q=0` means refused), from Accept-Encoding. */
function encodagesAcceptes(request: Request): Set<string> {
  const acceptes = new Set<string>();
  for (const partie of (request.headers.get('accept-encoding') ?? '').toLowerCase().split(',')) {
    const [nom, ...params] = partie.split(';').map((x) => x.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (nom && !(q && Number(q.slice(2)) === 0)) acceptes.add(nom);
  }
  return acceptes;
}

/**
 * A cacheable public response: weak ETag over the body (304 when it matches
 * If-None-Match), Cache-Control, and gzip when the client accepts it (large
 * GeoJSON compresses about tenfold). For small bodies built on each request;
 * large ones go through `preparerCorps` + `reponsePreparee`.
 */
export function reponseCachee(request: Request, corps: string, o: OptionsReponse): Response {
  const entetes = entetesCache(etagDe(corps), o);
  if (correspondEtag(request, entetes.ETag!)) return new Response(null, { status: 304, headers: entetes });
  if (corps.length > 1024 && encodagesAcceptes(request).has('gzip')) {
    return new Response(gzipSync(corps, { level: 6 }), { status: 200, headers: { ...entetes, 'Content-Encoding': 'gzip' } });
  }
  return new Response(corps, { status: 200, headers: entetes });
}

/**
 * A body serialized once and kept (see `deriveDeLOffre`): UTF-8 bytes, weak
 * ETag hashed once, gzip and brotli computed off the main thread on first
 * demand and then reused.
 */
type CorpsPrepare = {
  readonly etag: string;
  readonly brut: Buffer;
  /** Bytes held, compressed variants included once computed. */
  octets(): number;
  encode(encodage: 'gzip' | 'br'): Promise<Buffer>;
};

const SEUIL_COMPRESSION = 1024;

export function preparerCorps(corps: string): CorpsPrepare {
  const brut = Buffer.from(corps, 'utf8');
  const etag = etagDe(brut);
  const encodes = new Map<'gzip' | 'br', Promise<Buffer>>();
  const tailles = new Map<'gzip' | 'br', number>();
  return {
    etag,
    brut,
    octets: () => brut.length + [...tailles.values()].reduce((s, n) => s + n, 0),
    encode(encodage) {
      let p = encodes.get(encodage);
      if (!p) {
        // Moderate levels: gzip 6 (zlib's default); brotli 3 is faster than gzip 6 and smaller, 4+ costs far more.
        p =
          encodage === 'gzip'
            ? gzipAsync(brut, { level: 6 })
            : brotliAsync(brut, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 3, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: brut.length } });
        p.then(
          (b) => tailles.set(encodage, b.length),
          () => encodes.delete(encodage),
        );
        encodes.set(encodage, p);
      }
      return p;
    },
  };
}

/** A Buffer as a BodyInit (Node buffers are never backed by a SharedArrayBuffer). */
const octetsDe = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

/** Same headers, 304 and content negotiation as `reponseCachee`, from a prepared body (brotli preferred, then gzip). */
export async function reponsePreparee(request: Request, corps: CorpsPrepare, o: OptionsReponse): Promise<Response> {
  return attacherCorps(await reponseDe(request, corps, o), corps);
}

async function reponseDe(request: Request, corps: CorpsPrepare, o: OptionsReponse): Promise<Response> {
  const entetes = entetesCache(corps.etag, o);
  if (correspondEtag(request, corps.etag)) return new Response(null, { status: 304, headers: entetes });
  if (corps.brut.length > SEUIL_COMPRESSION) {
    const acceptes = encodagesAcceptes(request);
    const encodage = acceptes.has('br') ? 'br' : acceptes.has('gzip') ? 'gzip' : null;
    if (encodage) {
      const b = await corps.encode(encodage);
      return new Response(octetsDe(b), { status: 200, headers: { ...entetes, 'Content-Encoding': encodage } });
    }
  }
  return new Response(octetsDe(corps.brut), { status: 200, headers: entetes });
}

export function erreurJson(status: number, corps: unknown): Response {
  return new Response(JSON.stringify(corps), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' },
  });
}

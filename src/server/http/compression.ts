/**
 * Response compression by Accept-Encoding (issue 20): brotli, else gzip, for
 * HTML, CSS, JavaScript, JSON, GeoJSON, CSV, SVG, iCalendar and plain text.
 * Streaming responses stay streamed (the body goes through a zlib stream).
 */
import { Duplex } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

type Encodage = 'br' | 'gzip';

const COMPRESSIBLES = /^(text\/(html|css|csv|plain|calendar|javascript)|application\/(json|geo\+json|javascript|xml|manifest\+json)|image\/svg\+xml)\b/i;
/** Below this, compression costs more than it saves. */
const SEUIL_COMPRESSION = 1024;

/** Preferred encoding the client accepts: br, then gzip (`q=0` means refused), or null. */
export function encodageAccepte(acceptEncoding: string | null | undefined): Encodage | null {
  if (!acceptEncoding) return null;
  const acceptes = new Set<string>();
  for (const partie of acceptEncoding.toLowerCase().split(',')) {
    const [nom, ...params] = partie.split(';').map((x) => x.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (nom && !(q && Number(q.slice(2)) === 0)) acceptes.add(nom);
  }
  if (acceptes.has('br')) return 'br';
  if (acceptes.has('gzip') || acceptes.has('*')) return 'gzip';
  return null;
}

const estCompressible = (type: string | null | undefined) => Boolean(type && COMPRESSIBLES.test(type));

/** Adds Accept-Encoding to Vary (once). */
export function varierSelonEncodage(h: Headers): void {
  const v = h.get('vary');
  if (!v) h.set('Vary', 'Accept-Encoding');
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(v)) h.set('Vary', `${v}, Accept-Encoding`);
}

/**
 * The response compressed for this request when it is worth it: compressible
 * type, a body, not already encoded, not tiny. Moderate levels (brotli 4,
 * gzip 6): on-the-fly compression must cost less than the bytes it saves.
 */
export function compresser(request: Request, res: Response): Response {
  if (!res.body || request.method === 'HEAD' || res.status < 200 || res.status === 204 || res.status === 206 || res.status === 304) return res;
  const h = res.headers;
  if (h.has('content-encoding') || !estCompressible(h.get('content-type'))) return res;
  const longueur = h.get('content-length');
  if (longueur !== null && Number(longueur) < SEUIL_COMPRESSION) return res;
  if (/no-transform/i.test(h.get('cache-control') ?? '')) return res;
  const encodage = encodageAccepte(request.headers.get('accept-encoding'));
  const entetes = new Headers(h);
  varierSelonEncodage(entetes);
  if (!encodage) return new Response(res.body, { status: res.status, statusText: res.statusText, headers: entetes });
  const flux =
    encodage === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
      : createGzip({ level: 6 });
  entetes.set('Content-Encoding', encodage);
  entetes.delete('content-length');
  // A strong ETag names the identity bytes: the encoded ones get a weak one.
  const etag = entetes.get('etag');
  if (etag && !etag.startsWith('W/')) entetes.set('ETag', `W/${etag}`);
  const corps = res.body.pipeThrough(Duplex.toWeb(flux) as unknown as TransformStream<Uint8Array, Uint8Array>);
  return new Response(corps, { status: res.status, statusText: res.statusText, headers: entetes });
}

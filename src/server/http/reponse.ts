/**
 * Last step of every SSR response (called once from the middleware): a
 * request-independent page is kept in the page cache and answered from it;
 * anything else is compressed on the fly when the client accepts it.
 */
import { STATUS_CODES } from 'node:http';
import type { APIContext } from 'astro';
import { cacheable, garder, garderCorpsApi, instantane, type PageEnCache } from '../cache/pages';
import type { CleCache } from '../cache';
import { compresser, encodageAccepte } from './compression';

export { instantane };

const octetsDe = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

/** A cached page for this request: 304 on a matching ETag, else the best encoding accepted. */
function reponseDePage(request: Request, page: PageEnCache): Response {
  const h = new Headers(page.entetes);
  h.set('Vary', 'Accept-Encoding');
  const encodage = encodageAccepte(request.headers.get('accept-encoding'));
  const etag = encodage ? `W/${page.etag}` : page.etag;
  h.set('ETag', etag);
  const siPas = request.headers.get('if-none-match');
  if (siPas && siPas.split(',').some((x) => x.trim() === etag || x.trim() === page.etag || x.trim() === `W/${page.etag}`))
    return new Response(null, { status: 304, headers: h });
  if (encodage) h.set('Content-Encoding', encodage);
  const corps = encodage === 'br' ? page.br : encodage === 'gzip' ? page.gzip : page.corps;
  h.set('Content-Length', String(corps.length));
  return new Response(request.method === 'HEAD' ? null : octetsDe(corps), { status: page.statut, headers: h });
}

export async function finaliserReponse(
  context: Pick<APIContext, 'request' | 'url' | 'routePattern'>,
  res: Response,
  avant: Record<CleCache, number>,
): Promise<Response> {
  // Set by scripts/server.mjs, the production server; never under `astro dev`.
  if (process.env.GPE_CACHE_PAGES === 'oui') {
    const cles = cacheable(context.request, context.url, context.routePattern, res);
    if (cles) return reponseDePage(context.request, await garder(context.url.pathname, res, cles, avant));
    garderCorpsApi(context.request, context.url, context.routePattern, res, avant);
  }
  return compresser(context.request, res);
}

/**
 * A page that sets `Astro.response.status = 422` keeps Astro's default status
 * text "OK", which the Node adapter writes on the status line ("422 OK").
 * The standard reason phrase replaces any text that does not belong to the status.
 */
export function texteDeStatut(res: Response): Response {
  const attendu = STATUS_CODES[res.status];
  if (!attendu || !res.statusText || res.statusText === attendu) return res;
  return new Response(res.body, { status: res.status, statusText: attendu, headers: res.headers });
}

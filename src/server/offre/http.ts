import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/**
 * A cacheable public response: weak ETag over the body (304 when it matches
 * If-None-Match), Cache-Control, and gzip when the client accepts it (large
 * GeoJSON compresses about tenfold).
 */
export function reponseCachee(request: Request, corps: string, o: { type: string; maxAge: number; entetes?: Record<string, string> }): Response {
  const etag = `W/"${createHash('sha1').update(corps).digest('base64url')}"`;
  const entetes: Record<string, string> = {
    'Content-Type': o.type,
    ETag: etag,
    'Cache-Control': `public, max-age=${o.maxAge}, stale-while-revalidate=${o.maxAge}`,
    Vary: 'Accept-Encoding',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': 'ETag',
    ...o.entetes,
  };
  const siPas = request.headers.get('if-none-match');
  if (siPas && siPas.split(',').map((x) => x.trim()).some((x) => x === etag || x === '*')) {
    return new Response(null, { status: 304, headers: entetes });
  }
  if (corps.length > 1024 && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
    return new Response(gzipSync(corps, { level: 6 }), { status: 200, headers: { ...entetes, 'Content-Encoding': 'gzip' } });
  }
  return new Response(corps, { status: 200, headers: entetes });
}

export function erreurJson(status: number, corps: unknown): Response {
  return new Response(JSON.stringify(corps), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' } });
}

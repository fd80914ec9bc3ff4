/**
 * Public API answers kept for the front layer (src/server/cache/pages.ts,
 * scripts/http/frontal.mjs): the map's points are served from memory for the
 * exact URL, query included, with the route's headers and encodings, until the
 * offer changes, a minute passes or the portal's day ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { frontal } from '../../../scripts/http/frontal.mjs';
import { garderCorpsApi, instantane } from '../../../src/server/cache/pages';
import { invalider } from '../../../src/server/cache';
import { preparerCorps, reponsePreparee } from '../../../src/server/offre/http';

const dossier = mkdtempSync(path.join(os.tmpdir(), 'gpe-cache-api-'));
afterAll(() => rmSync(dossier, { recursive: true, force: true }));
afterEach(() => {
  vi.useRealTimers();
  invalider('offre');
});

type Sortie = { statut: number; entetes: Record<string, string | number>; corps: Buffer | undefined };
function servir(url: string, headers: Record<string, string> = {}) {
  const handler = vi.fn();
  const s: Sortie = { statut: 0, entetes: {}, corps: undefined };
  const res = {
    writeHead: (statut: number, entetes: Record<string, string>) => Object.assign(s, { statut, entetes }),
    end: (c?: Buffer) => void (s.corps = c),
  };
  frontal(dossier, handler)({ method: 'GET', url, headers } as never, res as never);
  return { ...s, versAstro: handler.mock.calls.length > 0 };
}

/** What the route and the middleware produce for `url`, then kept. */
async function repondreEtGarder(url: string) {
  const u = new URL(`https://guichet.exemple.fr${url}`);
  const request = new Request(u, { headers: { 'accept-encoding': 'br' } });
  const avant = instantane();
  const corps = preparerCorps(JSON.stringify({ points: Array.from({ length: 400 }, (_, i) => [i, 50 + i / 1000, 2.6]) }));
  const res = await reponsePreparee(request, corps, { type: 'application/json; charset=utf-8', maxAge: 300 });
  res.headers.set('X-Content-Type-Options', 'nosniff');
  garderCorpsApi(request, u, '/api/offre/points', res, avant);
  await Promise.all([corps.encode('br'), corps.encode('gzip')]);
  await new Promise((r) => setTimeout(r, 0));
  return corps;
}

describe('public API answers served by the front layer', () => {
  it('serves the kept answer for the same URL with the route’s headers, brotli or gzip, and 304 on its tag', async () => {
    const corps = await repondreEtGarder('/api/offre/points?dispo=maintenant');
    const br = servir('/api/offre/points?dispo=maintenant', { 'accept-encoding': 'gzip, br' });
    expect(br.versAstro).toBe(false);
    expect(br.statut).toBe(200);
    expect(br.entetes).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
      'Content-Encoding': 'br',
      ETag: corps.etag,
    });
    expect(brotliDecompressSync(br.corps!).equals(corps.brut)).toBe(true);
    expect(servir('/api/offre/points?dispo=maintenant', { 'accept-encoding': 'gzip' }).entetes['Content-Encoding']).toBe('gzip');
    expect(servir('/api/offre/points?dispo=maintenant', { 'if-none-match': corps.etag }).statut).toBe(304);
    // Another query, or no query: the route answers.
    expect(servir('/api/offre/points?dispo=bientot').versAstro).toBe(true);
    expect(servir('/api/offre/points').versAstro).toBe(true);
  });

  it('forgets it when the offer changes', async () => {
    await repondreEtGarder('/api/offre/points');
    expect(servir('/api/offre/points').versAstro).toBe(false);
    invalider('offre');
    expect(servir('/api/offre/points').versAstro).toBe(true);
  });

  it('forgets it at the end of the portal’s day, even within the minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-06T22:59:40Z') }); // 23:59:40 in Paris
    await repondreEtGarder('/api/offre/points?age=bebe');
    expect(servir('/api/offre/points?age=bebe').versAstro).toBe(false);
    vi.setSystemTime(new Date('2026-12-06T23:00:01Z'));
    expect(servir('/api/offre/points?age=bebe').versAstro).toBe(true);
  });

  it('keeps only the routes listed, and not an answer that read an offer changed meanwhile', async () => {
    const u = new URL('https://guichet.exemple.fr/api/autre');
    const corps = preparerCorps('{"a":1}'.repeat(300));
    const request = new Request(u);
    garderCorpsApi(request, u, '/api/autre', await reponsePreparee(request, corps, { type: 'application/json', maxAge: 0 }), instantane());
    const p = new URL('https://guichet.exemple.fr/api/offre/points?lieu=62119');
    const avant = instantane();
    invalider('offre');
    const r2 = new Request(p);
    garderCorpsApi(r2, p, '/api/offre/points', await reponsePreparee(r2, corps, { type: 'application/json', maxAge: 0 }), avant);
    await Promise.all([corps.encode('br'), corps.encode('gzip')]);
    await new Promise((r) => setTimeout(r, 0));
    expect(servir('/api/autre').versAstro).toBe(true);
    expect(servir('/api/offre/points?lieu=62119').versAstro).toBe(true);
  });
});

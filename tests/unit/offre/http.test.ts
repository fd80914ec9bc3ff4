import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { etagDe, preparerCorps, reponseCachee, reponsePreparee } from '../../../src/server/offre/http';

const o = { type: 'application/geo+json; charset=utf-8', maxAge: 300 };
const gros = JSON.stringify({ features: Array.from({ length: 200 }, (_, i) => ({ id: i, nom: `Crèche n° ${i} – « Les P’tits »` })) });
const requete = (entetes: Record<string, string> = {}) => new Request('http://localhost/api/offre', { headers: entetes });

describe('prepared (cached) bodies', () => {
  it('hashes the UTF-8 bytes once into the same weak ETag as reponseCachee', () => {
    const c = preparerCorps(gros);
    expect(c.etag).toBe(etagDe(gros));
    expect(c.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(c.brut.toString('utf8')).toBe(gros);
    expect(reponseCachee(requete(), gros, o).headers.get('etag')).toBe(c.etag);
  });

  it('keeps the documented headers and answers 304 to a matching If-None-Match', async () => {
    const c = preparerCorps(gros);
    const r200 = await reponsePreparee(requete(), c, o);
    expect(r200.status).toBe(200);
    expect(await r200.text()).toBe(gros);
    for (const r of [r200, await reponsePreparee(requete({ 'if-none-match': `W/"autre", ${c.etag}` }), c, o)]) {
      expect(r.headers.get('etag')).toBe(c.etag);
      expect(r.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=300');
      expect(r.headers.get('vary')).toBe('Accept-Encoding');
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
      expect(r.headers.get('access-control-expose-headers')).toBe('ETag');
      expect(r.headers.get('content-type')).toBe(o.type);
    }
    const r304 = await reponsePreparee(requete({ 'if-none-match': `W/"autre", ${c.etag}` }), c, o);
    expect(r304.status).toBe(304);
    expect(await r304.text()).toBe('');
    expect((await reponsePreparee(requete({ 'if-none-match': '*' }), c, o)).status).toBe(304);
    expect((await reponsePreparee(requete({ 'if-none-match': 'W/"autre"' }), c, o)).status).toBe(200);
  });

  it('compresses with brotli or gzip as accepted, once per encoding', async () => {
    const c = preparerCorps(gros);
    const br = await reponsePreparee(requete({ 'accept-encoding': 'gzip, deflate, br' }), c, o);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8')).toBe(gros);
    const gz = await reponsePreparee(requete({ 'accept-encoding': 'gzip' }), c, o);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(gros);
    const refuse = await reponsePreparee(requete({ 'accept-encoding': 'br;q=0, gzip;q=0.5' }), c, o);
    expect(refuse.headers.get('content-encoding')).toBe('gzip');
    expect(c.encode('gzip')).toBe(c.encode('gzip'));
    expect(c.octets()).toBeGreaterThan(c.brut.length);
    const aucun = await reponsePreparee(requete({ 'accept-encoding': 'identity' }), c, o);
    expect(aucun.headers.get('content-encoding')).toBeNull();
  });

  it('leaves small bodies uncompressed', async () => {
    const c = preparerCorps('{"features":[]}');
    const r = await reponsePreparee(requete({ 'accept-encoding': 'gzip, br' }), c, o);
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(await r.text()).toBe('{"features":[]}');
  });
});

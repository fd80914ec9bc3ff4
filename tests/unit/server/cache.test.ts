import { describe, expect, it } from 'vitest';
import { generation, invalider, memoiser } from '../../../src/server/cache';
import { encodageAccepte, compresser, varierSelonEncodage } from '../../../src/server/http/compression';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

describe('memoiser / invalider', () => {
  it('computes once per change of what it depends on, shares concurrent computations', async () => {
    const portee = {};
    let lectures = 0;
    const lire = () => memoiser(portee, 'relais', ['territoire'], async () => ++lectures);
    expect(await Promise.all([lire(), lire(), lire()])).toEqual([1, 1, 1]);
    expect(await lire()).toBe(1);
    invalider('offre'); // another key: kept
    expect(await lire()).toBe(1);
    invalider('territoire');
    expect(await lire()).toBe(2);
    expect(lectures).toBe(2);
  });

  it('does not keep a value computed while a write invalidated it, nor a failure', async () => {
    const portee = {};
    const avant = generation('demandes');
    // A write lands while the value is being computed.
    await memoiser(portee, 'x', ['demandes'], async () => {
      invalider('demandes');
      return 'périmé';
    });
    expect(generation('demandes')).toBe(avant + 1);
    let lectures = 0;
    await memoiser(portee, 'x', ['demandes'], async () => ++lectures);
    expect(lectures).toBe(1);
    await expect(
      memoiser(portee, 'y', ['demandes'], async () => {
        throw new Error('panne');
      }),
    ).rejects.toThrow('panne');
    expect(await memoiser(portee, 'y', ['demandes'], async () => 'ok')).toBe('ok');
  });

  it('expires after its maximum age even without invalidation (other instances)', async () => {
    const portee = {};
    let n = 0;
    expect(await memoiser(portee, 'z', ['offre'], async () => ++n, 0)).toBe(1);
    expect(await memoiser(portee, 'z', ['offre'], async () => ++n, 0)).toBe(2);
  });
});

describe('compression', () => {
  it('prefers brotli, then gzip, honours q=0', () => {
    expect(encodageAccepte('gzip, deflate, br')).toBe('br');
    expect(encodageAccepte('gzip;q=1, br;q=0')).toBe('gzip');
    expect(encodageAccepte('identity')).toBeNull();
    expect(encodageAccepte(undefined)).toBeNull();
  });

  it('adds Accept-Encoding to Vary once', () => {
    const h = new Headers({ Vary: 'Cookie' });
    varierSelonEncodage(h);
    varierSelonEncodage(h);
    expect(h.get('vary')).toBe('Cookie, Accept-Encoding');
  });

  const html = '<!doctype html><p>' + 'Relais Petite Enfance '.repeat(200) + '</p>';
  const reponse = (type = 'text/html; charset=utf-8', corps = html) => new Response(corps, { headers: { 'content-type': type } });
  const requete = (ae: string) => new Request('http://x/', { headers: { 'accept-encoding': ae } });

  it('compresses HTML, CSV and JSON by Accept-Encoding and says so', async () => {
    const br = compresser(requete('gzip, br'), reponse());
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(html);
    const gz = compresser(requete('gzip'), reponse('text/csv; charset=utf-8'));
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(html);
    expect(compresser(requete('br'), reponse('application/json')).headers.get('content-encoding')).toBe('br');
  });

  it('leaves alone images, tiny bodies, already encoded bodies and clients that accept nothing', async () => {
    expect(compresser(requete('br'), reponse('image/png')).headers.get('content-encoding')).toBeNull();
    expect(
      compresser(requete('br'), new Response('petit', { headers: { 'content-type': 'text/html', 'content-length': '5' } })).headers.get('content-encoding'),
    ).toBeNull();
    const deja = new Response('x'.repeat(5000), { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(compresser(requete('br'), deja)).toBe(deja);
    const identite = compresser(requete('identity'), reponse());
    expect(identite.headers.get('content-encoding')).toBeNull();
    expect(identite.headers.get('vary')).toBe('Accept-Encoding');
    expect(await identite.text()).toBe(html);
  });
});

describe('single flight (ageMaxMs 0)', () => {
  it('shares a computation in flight and keeps nothing afterwards', async () => {
    const portee = {};
    let n = 0;
    let liberer!: () => void;
    const barriere = new Promise<void>((r) => {
      liberer = r;
    });
    const calcul = async () => {
      n++;
      await barriere;
      return n;
    };
    const quatre = [1, 2, 3, 4].map(() => memoiser(portee, 'stats', ['demandes'], calcul, 0));
    liberer();
    expect(await Promise.all(quatre)).toEqual([1, 1, 1, 1]);
    expect(await memoiser(portee, 'stats', ['demandes'], calcul, 0)).toBe(2);
  });
});

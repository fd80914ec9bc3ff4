import { expect, test } from '@playwright/test';

// Issue 20: pages and assets go out compressed, hashed assets are immutable,
// request-independent pages come from the page cache with ETag/304.

test('an information page comes compressed by Accept-Encoding, with Vary', async ({ request }) => {
  const br = await request.get('/modes-d-accueil', { headers: { 'accept-encoding': 'br, gzip' } });
  expect(br.status()).toBe(200);
  expect(br.headers()['content-encoding']).toBe('br');
  expect(br.headers()['vary']).toMatch(/accept-encoding/i);
  expect(br.headers()['content-security-policy']).toContain("default-src 'self'");
  expect(await br.text()).toContain('<h1');
  const gz = await request.get('/modes-d-accueil', { headers: { 'accept-encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');
  const brut = await request.get('/modes-d-accueil', { headers: { 'accept-encoding': 'identity' } });
  expect(brut.headers()['content-encoding']).toBeUndefined();
  expect(await brut.text()).toBe(await br.text());
});

test('a cached page answers 304 to its ETag', async ({ request }) => {
  const r = await request.get('/plan-du-site', { headers: { 'accept-encoding': 'br' } });
  const etag = r.headers()['etag'];
  expect(etag).toBeTruthy();
  const r2 = await request.get('/plan-du-site', { headers: { 'accept-encoding': 'br', 'if-none-match': etag! } });
  expect(r2.status()).toBe(304);
});

test('a page that varies with the request (map with filters) is compressed on the fly', async ({ request }) => {
  const r = await request.get('/carte?type=eaje', { headers: { 'accept-encoding': 'gzip' } });
  expect(r.status()).toBe(200);
  expect(r.headers()['content-encoding']).toBe('gzip');
  expect(r.headers()['vary']).toMatch(/accept-encoding/i);
});

test('a hashed asset is precompressed and immutable', async ({ request }) => {
  const html = await (await request.get('/carte')).text();
  const src = /(\/_astro\/[^"']+\.js)/.exec(html)?.[1];
  expect(src, 'the map page references a script under /_astro/').toBeTruthy();
  const r = await request.get(src!, { headers: { 'accept-encoding': 'br, gzip' } });
  expect(r.status()).toBe(200);
  expect(r.headers()['content-encoding']).toBe('br');
  expect(r.headers()['vary']).toMatch(/accept-encoding/i);
  expect(r.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(r.headers()['content-type']).toMatch(/javascript/);
  const gz = await request.get(src!, { headers: { 'accept-encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');
  expect(await gz.text()).toBe(await r.text());
});

test('the remembered language still sends the bare home page to that language', async ({ request }) => {
  await request.get('/'); // the French home is in the page cache
  const r = await request.get('/', { headers: { cookie: 'gpe_langue=en' }, maxRedirects: 0 });
  expect(r.status()).toBe(302);
  expect(r.headers()['location']).toBe('/en/');
});

test('the map points format lists the same places as the GeoJSON, details on demand', async ({ request }) => {
  const geo = await (await request.get('/api/offre?lieu=62119&rayon=5')).json();
  const r = await request.get('/api/offre/points?lieu=62119&rayon=5', { headers: { 'accept-encoding': 'br' } });
  expect(r.status()).toBe(200);
  expect(r.headers()['content-encoding']).toBe('br');
  const points = await r.json();
  expect(points.format).toBe('points-1');
  expect(points.total).toBe(geo.features.length);
  expect(points.ids.length).toBe(points.total * points.longueurId);
  const premier = geo.features[0];
  const court = premier.id.replaceAll('-', '').slice(0, points.longueurId);
  expect(points.ids).toContain(court);
  const detail = await request.get(`/api/offre/lieu/${court}`);
  expect(detail.status()).toBe(200);
  // Same public fields (the distance only exists relative to a searched commune).
  expect({ ...(await detail.json()).properties, distanceKm: premier.properties.distanceKm }).toEqual(premier.properties);
  expect((await request.get('/api/offre/lieu/zzz')).status()).toBe(400);
  expect((await request.get('/api/offre/points?bbox=1,2,3')).status()).toBe(400);
  // A box around Béthune: some places, not the whole territory, all inside the box.
  const tout = await (await request.get('/api/offre/points')).json();
  const boite = await (await request.get('/api/offre/points?bbox=2.6,50.5,2.7,50.56')).json();
  expect(boite.total).toBeGreaterThan(0);
  expect(boite.total).toBeLessThan(tout.total);
  let lat = 0;
  let lon = 0;
  for (let i = 0; i < boite.total; i++) {
    lat += boite.dlat[i];
    lon += boite.dlon[i];
    expect(lon / 1e5).toBeGreaterThanOrEqual(2.6 - 1e-5);
    expect(lon / 1e5).toBeLessThanOrEqual(2.7 + 1e-5);
    expect(lat / 1e5).toBeGreaterThanOrEqual(50.5 - 1e-5);
    expect(lat / 1e5).toBeLessThanOrEqual(50.56 + 1e-5);
  }
});

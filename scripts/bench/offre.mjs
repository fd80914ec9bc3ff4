// Benchmark of GET /api/offre (not a test): the full demo offer, then a
// generated offer of 20,000 places. Prints p50/p99 latency and payload size.
// Usage: node scripts/bench/offre.mjs   (BENCH_SKIP_BUILD=1 to reuse .bench/build)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { charge, demarrerPortail, ratio } from './lib.mjs';
import { loadavg } from 'node:os';
import http from 'node:http';

const CIBLE = Number(process.env.BENCH_OFFRE_TAILLE ?? 20_000);
const REQUETES = [
  ['toute l’offre', '/api/offre'],
  ['disponible maintenant, bébé, 10 km autour de Béthune', '/api/offre?dispo=maintenant&age=bebe&lieu=62119&rayon=10'],
];

/**
 * The bytes as they travel (fetch decodes Content-Encoding by itself, which
 * would count the decompressed size and write it into the static `.br` copy).
 */
function octetsTransferes(url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const morceaux = [];
        res.on('data', (m) => morceaux.push(m));
        res.on('end', () => resolve({ corps: Buffer.concat(morceaux), encodage: res.headers['content-encoding'] ?? 'identity' }));
      })
      .on('error', reject);
  });
}

/** Sequential requests (large answers exceed autocannon's 10 s timeout on a busy machine). */
async function echantillon(url, n, headers) {
  const ms = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await fetch(url, { headers });
    await r.arrayBuffer();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const q = (x) => Math.round(ms[Math.min(ms.length - 1, Math.floor(x * ms.length))]);
  return { p50: q(0.5), p99: q(0.99) };
}

async function mesurer(url, titre, connexions = 4) {
  console.log(`\n## ${titre}`);
  for (const [nom, chemin] of REQUETES) {
    // First request: body not cached yet (serialization, hash, gzip; for the
    // first query also reading and projecting the offer).
    const t0 = performance.now();
    const r = await fetch(url + chemin, { headers: { 'accept-encoding': 'gzip' } });
    const corps = await r.text();
    const froid = Math.round(performance.now() - t0);
    const n = JSON.parse(corps).features.length;
    const brut = Buffer.byteLength(corps);
    const gz = gzipSync(corps).length;
    const br = brotliCompressSync(corps, { params: { [constants.BROTLI_PARAM_QUALITY]: 3 } }).length; // as served
    console.log(`${nom}: ${n} lieux, ${(brut / 1024).toFixed(0)} KiB (${(gz / 1024).toFixed(0)} KiB gzip, ${(br / 1024).toFixed(0)} KiB brotli)`);
    console.log(`  première requête (corps pas encore en cache) : ${froid} ms`);
    if (connexions > 1) {
      const c = await charge(url + chemin, { duration: 10, connections: connexions, headers: { 'accept-encoding': 'gzip' } });
      const c304 = await charge(url + chemin, { duration: 5, connections: connexions, headers: { 'if-none-match': r.headers.get('etag') } });
      console.log(`  200 gzip: p50 ${c.p50} ms, p99 ${c.p99} ms, ${c.rps} req/s, erreurs ${c.erreurs} (${connexions} connexions, 10 s)`);
      console.log(`  304 (If-None-Match): p50 ${c304.p50} ms, p99 ${c304.p99} ms, ${c304.rps} req/s`);
    } else {
      const c = await echantillon(url + chemin, 10, { 'accept-encoding': 'gzip' });
      const c304 = await echantillon(url + chemin, 10, { 'if-none-match': r.headers.get('etag') });
      console.log(`  200 gzip: p50 ${c.p50} ms, p99 ${c.p99} ms (10 requêtes l’une après l’autre)`);
      console.log(`  304 (If-None-Match): p50 ${c304.p50} ms, p99 ${c304.p99} ms`);
    }
  }
}

console.log(
  `charge de la machine au départ : ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} (${os.cpus().length} cœurs)`,
);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gpe-bench-offre-'));
let p = await demarrerPortail({ DATA_DIR: dataDir });
try {
  await mesurer(p.url, 'Offre de démonstration (CA Béthune-Bruay)');
} finally {
  await p.stop();
}

// Grow the offer to CIBLE places: copies of the demo structures, moved by up
// to ~1 km, with fresh availability for a third of them. PGlite is embedded,
// so this happens between two runs of the portal.
const { PGlite } = await import('@electric-sql/pglite');
const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
const pg = new PGlite(path.join(dataDir, 'pglite'), { extensions: { btree_gist } });
const {
  rows: [{ n: existant }],
} = await pg.query('select count(*)::int as n from structures');
await pg.exec(`
  insert into structures (type, nom, commune_code, adresse, lat, lon, position_publique, lat_publique, lon_publique, capacite,
    age_min_mois, age_max_mois, horaires, horaires_atypiques, accueil_urgence, handicap_accueilli, financement, gestionnaire,
    telephone, email, publication, visible, actif, dispo_statut, dispo_confirmee_le)
  select s.type, s.nom, s.commune_code, s.adresse, s.lat + d.dlat, s.lon + d.dlon, s.position_publique, s.lat_publique + d.dlat, s.lon_publique + d.dlon,
    s.capacite, s.age_min_mois, s.age_max_mois, s.horaires, s.horaires_atypiques, s.accueil_urgence, s.handicap_accueilli, s.financement, s.gestionnaire,
    s.telephone, s.email, s.publication, true, true,
    (case when random() < 0.33 then 'places' when random() < 0.7 then 'complet' else 'inconnu' end)::dispo_statut,
    now() - (random() * 120 || ' days')::interval
  from generate_series(1, ${Math.ceil(CIBLE / Math.max(1, existant))}) g
  cross join structures s
  cross join lateral (select (random() - 0.5) * 0.02 as dlat, (random() - 0.5) * 0.03 as dlon) d
  limit ${Math.max(0, CIBLE - existant)};
  insert into places_disponibles (structure_id, tranche_age, nombre, a_partir_du)
  select s.id, (array['bebe','marcheur','grand'])[1 + floor(random() * 3)::int]::tranche_age, 1, current_date + (floor(random() * 60)::int)
  from structures s where s.dispo_statut = 'places' and not exists (select 1 from places_disponibles p where p.structure_id = s.id);
`);
const {
  rows: [{ n: total }],
} = await pg.query('select count(*)::int as n from structures where visible and actif');
await pg.close();

process.env.BENCH_SKIP_BUILD = '1';
p = await demarrerPortail({ DATA_DIR: dataDir });
const GRANDS = [
  ['/api/offre (GeoJSON complet, données ouvertes)', '/api/offre', 'offre.json'],
  ['/api/offre/points (format léger de la carte)', '/api/offre/points', 'points.json'],
];
const dossier = path.join(process.env.ASTRO_OUT_DIR ?? path.resolve('.bench/build'), 'client', '__bench-offre');
try {
  await mesurer(p.url, `Offre générée : ${total} lieux visibles et actifs`, 1);
  // The map's first load: the page's light points (what the island fetches), compressed as served.
  const { corps: points, encodage } = await octetsTransferes(p.url + '/api/offre/points', { 'accept-encoding': 'br' });
  console.log(`\n## Carte, premier chargement avec ${total} lieux`);
  console.log(`  /api/offre/points : ${(points.length / 1024).toFixed(0)} kB transférés (${encodage})`);
  ratio('carte : points au premier chargement (kB compressés)', points.length / 1024, 300, '<=', `${(points.length / 1024).toFixed(0)} kB`);
  // Same bytes as static files (with the same brotli copy next to them) for the p99 comparison.
  mkdirSync(dossier, { recursive: true });
  for (const [, chemin, fichier] of GRANDS) {
    const brut = await octetsTransferes(p.url + chemin, { 'accept-encoding': 'identity' });
    const br = await octetsTransferes(p.url + chemin, { 'accept-encoding': 'br' });
    if (brut.encodage !== 'identity' || br.encodage !== 'br') throw new Error(`${chemin}: encodages ${brut.encodage} / ${br.encodage}`);
    writeFileSync(path.join(dossier, fichier), brut.corps);
    writeFileSync(path.join(dossier, fichier + '.br'), br.corps);
  }
} finally {
  await p.stop();
}

// Same process, same bytes: the endpoint and its static copy, interleaved, 4 connections, brotli.
p = await demarrerPortail({ DATA_DIR: dataDir });
try {
  console.log(`\n## p99 contre les mêmes octets servis en statique (${total} lieux, brotli, 4 connexions, tours alternés)`);
  for (const [nom, chemin, fichier] of GRANDS) {
    // One request each first (not counted): a fresh process reads, serializes and compresses the
    // offer once, as it does once per change in use; the static side reads its file once too.
    await octetsTransferes(p.url + chemin, { 'accept-encoding': 'br' });
    await octetsTransferes(`${p.url}/__bench-offre/${fichier}`, { 'accept-encoding': 'br' });
    const dyn = [],
      stat = [];
    for (let i = 0; i < 3; i++) {
      dyn.push(await charge(p.url + chemin, { duration: 3, connections: 4, headers: { 'accept-encoding': 'br' } }));
      stat.push(await charge(`${p.url}/__bench-offre/${fichier}`, { duration: 3, connections: 4, headers: { 'accept-encoding': 'br' } }));
    }
    const pire = (l) => Math.max(...l.map((x) => x.p99));
    const rps = (l) => Math.round(l.reduce((s, x) => s + x.rps, 0) / l.length);
    console.log(`  ${nom} : p99 ${pire(dyn)} ms, ${rps(dyn)} req/s ; statique : p99 ${pire(stat)} ms, ${rps(stat)} req/s`);
    ratio(`${chemin} : p99 / p99 statique`, pire(dyn) / Math.max(1, pire(stat)), 2, '<=', `${pire(dyn)} ms contre ${pire(stat)} ms`);
  }
} finally {
  await p.stop();
  rmSync(dossier, { recursive: true, force: true });
}

// Request-independent pages against their own bytes served as static files by
// the same process (issue 20): home, an information page, the relais page,
// the site map. Same run, interleaved rounds of 2 s, 10 connections, identity encoding for both so the
// bytes are the same. Target: page throughput ≥ 50 % of its static copy.
// Usage: node scripts/bench/statique.mjs   (BENCH_SKIP_BUILD=1 to reuse the build, BENCH_DUREE=5 seconds per measure)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { charge, demarrerPortail, ratio } from './lib.mjs';

const PAGES = [
  ['accueil', '/'],
  ['page d’information', '/modes-d-accueil'],
  ['page des relais (lue en base)', '/relais-petite-enfance'],
  ['plan du site', '/plan-du-site'],
  ['page d’information en arabe', '/ar/couts-et-aides'],
];
const DUREE = Number(process.env.BENCH_DUREE ?? 6);
const TOURS = 3;
const outDir = process.env.ASTRO_OUT_DIR ?? path.resolve('.bench/build');
const dossier = path.join(outDir, 'client', '__bench-statique');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gpe-bench-statique-'));
const identite = { 'accept-encoding': 'identity' };

// 1. The bytes each page serves, written as static files of the build.
let p = await demarrerPortail({ DATA_DIR: dataDir });
try {
  mkdirSync(dossier, { recursive: true });
  for (const [, chemin] of PAGES) {
    const r = await fetch(p.url + chemin, { headers: identite });
    if (!r.ok) throw new Error(`${chemin}: ${r.status}`);
    writeFileSync(path.join(dossier, nomFichier(chemin)), Buffer.from(await r.arrayBuffer()));
  }
} finally {
  await p.stop();
}

// 2. Same process: each page, then its static copy.
process.env.BENCH_SKIP_BUILD = '1';
p = await demarrerPortail({ DATA_DIR: dataDir });
try {
  for (const [nom, chemin] of PAGES) {
    await charge(p.url + chemin, { duration: 1, connections: 10, headers: identite }); // warm-up
    // Interleaved rounds (page, static, page, static…): a change in the machine's load weighs on both alike.
    const page = { total: 0, p99: 0, erreurs: 0 };
    const stat = { total: 0, p99: 0, erreurs: 0 };
    for (let i = 0; i < TOURS; i++) {
      for (const [acc, u] of [
        [page, p.url + chemin],
        [stat, `${p.url}/__bench-statique/${nomFichier(chemin)}`],
      ]) {
        const r = await charge(u, { duration: DUREE / TOURS, connections: 10, headers: identite });
        acc.total += r.total;
        acc.erreurs += r.erreurs;
        acc.p99 = Math.max(acc.p99, r.p99);
      }
    }
    page.rps = Math.round(page.total / DUREE);
    stat.rps = Math.round(stat.total / DUREE);
    console.log(
      `${nom} (${chemin}): ${page.rps} req/s (pire p99 ${page.p99} ms) ; mêmes octets en fichier statique : ${stat.rps} req/s (pire p99 ${stat.p99} ms) ; erreurs ${page.erreurs + stat.erreurs}`,
    );
    ratio(`${chemin} / statique (débit)`, page.rps / stat.rps, 0.5, '>=', `${page.rps} contre ${stat.rps} req/s`);
  }
} finally {
  await p.stop();
  rmSync(dossier, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}

function nomFichier(chemin) {
  return (chemin === '/' ? 'index' : chemin.slice(1).replaceAll('/', '_')) + '.html';
}

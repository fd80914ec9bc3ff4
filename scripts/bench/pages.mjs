// Information pages benchmark: compressed weight of each page (HTML + the CSS,
// fonts and images it references) and response times (autocannon, 127.0.0.1).
// Budget: 60 kB compressed per page. Not a test: prints a table, exits 1 over budget.
// Usage: node scripts/bench/pages.mjs   (BENCH_SKIP_BUILD=1 to reuse .bench/build,
//        BENCH_REQUETES=200 requests per page, BENCH_LANGUES=fr,en to limit)
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { charge, demarrerPortail } from './lib.mjs';

const BUDGET = 60 * 1024;
const LANGS = ['fr', 'falc', 'en', 'ar', 'es', 'pt', 'tr', 'uk'];
const langues = process.env.BENCH_LANGUES ? process.env.BENCH_LANGUES.split(',') : LANGS;
const requetes = Number(process.env.BENCH_REQUETES ?? 200);
const prefixe = (l) => (l === 'fr' ? '/' : `/${l}/`);

const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const ko = (n) => `${(n / 1024).toFixed(1)} kB`;

/** Information pages of a language, read from its site map (links without a lang attribute = pages in that language). */
async function pagesDe(url, lang) {
  const html = await (await fetch(url + prefixe(lang) + 'plan-du-site')).text();
  const plan = html.split('<main')[1]?.split('aria-labelledby="demarches"')[0] ?? '';
  const liens = [...plan.matchAll(/<a href="([^"]+)"([^>]*)>/g)].filter((m) => !/\slang=/.test(m[2])).map((m) => m[1]);
  return [...new Set(liens.filter((h) => h.startsWith(prefixe(lang)) && h.length > prefixe(lang).length))];
}

/** URLs of the stylesheets, fonts, images and icons an HTML page (and its inline CSS) references. */
function ressources(html, base) {
  const urls = new Set();
  for (const m of html.matchAll(/<link[^>]+rel="(?:stylesheet|icon|preload)"[^>]*href="([^"]+)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/<img[^>]+src="([^"]+)"/g)) urls.add(m[1]);
  for (const m of html.matchAll(/url\(["']?([^"')]+)["']?\)/g)) if (!m[1].startsWith('data:')) urls.add(m[1]);
  return [...urls].map((u) => new URL(u, base).href).filter((u) => u.startsWith(new URL(base).origin));
}

const cache = new Map();
async function telecharger(u) {
  if (!cache.has(u)) cache.set(u, Buffer.from(await (await fetch(u)).arrayBuffer()));
  return cache.get(u);
}

const p = await demarrerPortail();
const lignes = [];
try {
  for (const lang of langues) {
    for (const chemin of await pagesDe(p.url, lang)) {
      const html = Buffer.from(await (await fetch(p.url + chemin)).text());
      let totalGz = gz(html);
      let totalBr = br(html);
      const liees = ressources(html.toString(), p.url + chemin);
      for (const u of liees) {
        const b = await telecharger(u);
        totalGz += gz(b);
        totalBr += br(b);
      }
      const r = await charge(p.url + chemin, { amount: requetes, connections: 10 });
      lignes.push({ chemin, html: gz(html), ressources: liees.length, totalGz, totalBr, p50: r.p50, p99: r.p99, erreurs: r.erreurs });
    }
  }
} finally {
  await p.stop();
}

const entetes = ['page', 'HTML gzip', 'res.', 'total gzip', 'total br', 'p50', 'p99', 'budget'];
const table = lignes.map((l) => [
  l.chemin,
  ko(l.html),
  String(l.ressources),
  ko(l.totalGz),
  ko(l.totalBr),
  `${l.p50} ms`,
  `${l.p99} ms`,
  l.totalGz <= BUDGET && l.erreurs === 0 ? 'ok' : l.erreurs ? `${l.erreurs} errors` : 'OVER',
]);
const largeurs = entetes.map((e, i) => Math.max(e.length, ...table.map((r) => r[i].length)));
const ligne = (r) => r.map((c, i) => (i === 0 ? c.padEnd(largeurs[i]) : c.padStart(largeurs[i]))).join('  ');
console.log(ligne(entetes));
console.log(largeurs.map((w) => '-'.repeat(w)).join('  '));
for (const r of table) console.log(ligne(r));
const pire = lignes.reduce((a, b) => (b.totalGz > a.totalGz ? b : a), lignes[0] ?? { totalGz: 0, chemin: '-' });
console.log(`\n${lignes.length} pages, ${requetes} requests each (10 connections). Heaviest: ${pire.chemin} ${ko(pire.totalGz)} gzip. Budget ${ko(BUDGET)}.`);
if (lignes.length === 0 || lignes.some((l) => l.totalGz > BUDGET || l.erreurs > 0)) process.exitCode = 1;

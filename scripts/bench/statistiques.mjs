// Benchmark: /admin/statistiques for a year with 100,000 demandes on PostgreSQL.
// Needs PostgreSQL (BENCH_DATABASE_URL, default the test server). Prints p50/p99.
import postgres from 'postgres';
import { charge, demarrerPortail, ratio } from './lib.mjs';
import { genererDemandes } from './volume.mjs';

const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const nom = `gpe_bench_stats_${process.pid}`;
const a = postgres(admin, { max: 1, onnotice: () => {} });
await a.unsafe(`create database ${nom}`);
const url = admin.replace(/\/[^/?]*(\?|$)/, `/${nom}$1`);
const n = Number(process.env.BENCH_DEMANDES ?? 100_000);
const p = await demarrerPortail({ DATABASE_URL: url, DEMO_PASSWORD: 'bench-password', NODE_ENV: 'development' });
try {
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const t0 = Date.now();
  await genererDemandes(sql, n);
  console.log(`generated ${n} demandes in ${Date.now() - t0} ms`);
  await sql.end();
  const login = await fetch(p.url + '/admin/connexion', {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: p.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'email=admin%40exemple.fr&motDePasse=bench-password',
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const annee = new Date().getFullYear();
  const cible = `${p.url}/admin/statistiques?periode=annee&annee=${annee}&perimetre=territoire`;
  const html = await (await fetch(cible, { headers: { cookie } })).text();
  const total = /data-indicateur="demandes"[^>]*>(\d+)/.exec(html)?.[1];
  console.log(`statistics page, year ${annee}, whole territory (${total} demandes filed this year out of ${n}):`);
  const p99 = {};
  for (const connections of [1, 4]) {
    const r = await charge(cible, { headers: { cookie }, connections, amount: 60 });
    p99[connections] = r.p99;
    console.log(`  ${connections} connection(s): p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.rps} req/s, errors ${r.erreurs}`);
  }
  ratio('statistiques : p99 à 4 simultanées / p99 seule', p99[4] / p99[1], 2, '<=', `${p99[4]} ms contre ${p99[1]} ms`);
} finally {
  await p.stop();
  await a.unsafe(`drop database if exists ${nom} with (force)`);
  await a.end();
}

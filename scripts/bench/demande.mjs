// Demande submission benchmark on PostgreSQL: 2,000 complete demandes posted
// to the real form (last step, no JavaScript), N at a time; prints
// submissions per second, p50/p99 latency, and checks that none was lost
// (every 303 has its row, every row its queued email) and that a replay of
// the same posts creates nothing.
// Usage: node scripts/bench/demande.mjs  (BENCH_PG=postgres://postgres@127.0.0.1:5432/postgres, BENCH_N=2000, BENCH_CONCURRENCY=20)
// BENCH_PROFILE=<dir>: the server writes a CPU profile there; the window of the
// measured posts is printed for scripts/bench/profil.mjs.
// BENCH_COMPTER=1: the server reaches PostgreSQL through a counting relay and
// the round trips per submission (and per replayed post) are printed; the
// relay slows every query, so the timings of such a run are not the figures.
// BENCH_PROCESSUS: the server's PROCESSUS (cluster mode), default 1, what the
// README recommends on this 2-core machine that also runs PostgreSQL and the
// client (docs/decisions/2026-12-06-grappe.md); printed with the result.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import postgres from 'postgres';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demarrerPortail, ratio, relaisCompteur, tempsCpu } from './lib.mjs';

const N = Number(process.env.BENCH_N ?? 2000);
const PROCESSUS = process.env.BENCH_PROCESSUS ?? '1';
const CONC = Number(process.env.BENCH_CONCURRENCY ?? 20);
const adminUrl = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const nom = `gpe_bench_demande_${process.pid}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${nom}`);
const url = adminUrl.replace(/\/[^/?]*(\?|$)/, `/${nom}$1`);

const jour = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const communes = ['62119', '62034', '62178', '62516', '62473', '62617'];
const corps = (i) =>
  new URLSearchParams({
    etape: '4',
    aller: 'envoyer',
    idempotencyKey: `bench-${i}-${randomBytes(8).toString('hex')}`,
    p1Prenom: 'Camille',
    p1Nom: `Banc${i}`,
    email: `bench-${i}@exemple.fr`,
    telephone: `06${String(10_000_000 + i).slice(-8)}`,
    canalPrefere: 'email',
    langueContact: i % 3 ? 'fr' : 'ar',
    commune: communes[i % communes.length],
    nbEnfants: '1',
    e0Statut: 'ne',
    e0Naissance: jour(-100 - (i % 500)),
    dateDebut: jour(30 + (i % 200)),
    j1: 'oui',
    j1De: '08:00',
    j1A: '17:00',
    j2: 'oui',
    j2De: '08:00',
    j2A: '17:00',
    mode1: 'assistant-maternel',
    consentementContact: 'oui',
  }).toString();

const compteur = process.env.BENCH_COMPTER ? await relaisCompteur(url) : null;
let p;
try {
  p = await demarrerPortail({ DATABASE_URL: compteur?.url ?? url, DATABASE_POOL_MAX: '20', PROCESSUS });
  // node:http with keep-alive rather than fetch: undici cost this client 0.4 ms of CPU per post, taken
  // from the same 2 cores as the server and PostgreSQL (pgbench's own client is C).
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONC });
  const poster = (body) =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const req = http.request(
        `${p.url}/demande`,
        { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin: p.url } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ ms: performance.now() - t0, ok: res.statusCode === 303 }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const lancer = async (corpsListe) => {
    const res = [];
    let suivant = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONC }, async () => {
        while (suivant < corpsListe.length) res.push(await poster(corpsListe[suivant++]));
      }),
    );
    return { res, s: (performance.now() - t0) / 1000 };
  };
  // Warm-up (not counted).
  await lancer(Array.from({ length: 40 }, (_, i) => corps(1_000_000 + i)));
  const corpsListe = Array.from({ length: N }, (_, i) => corps(i));
  const us = () => (process.hrtime.bigint() / 1000n).toString();
  const debutUs = us();
  const avant = compteur?.allersRetours();
  const cpuAvant = tempsCpu(p.pid);
  const machineAvant = cpuMachine();
  const pgAvant = cpuPostgres();
  const clientAvant = process.cpuUsage();
  const { res, s } = await lancer(corpsListe);
  const clientApres = process.cpuUsage(clientAvant);
  const pgApres = cpuPostgres();
  const cpuApres = tempsCpu(p.pid);
  const machineApres = cpuMachine();
  const apres = compteur?.allersRetours();
  if (process.env.BENCH_PROFILE) console.log(`profile window (µs, monotonic): ${debutUs} ${us()}`);
  const ms = res.map((r) => r.ms).sort((a, b) => a - b);
  const q = (x) => ms[Math.min(ms.length - 1, Math.floor(x * ms.length))].toFixed(1);
  const db = postgres(url, { max: 1, onnotice: () => {} });
  const [{ n }] = await db`select count(*)::int as n from demandes where email like 'bench-%' and email not like 'bench-1______@%'`;
  const [{ m }] =
    await db`select count(*)::int as m from courriels c join demandes d on d.id::text = c.objet_id where d.email like 'bench-%' and d.email not like 'bench-1______@%'`;
  // Replay every post (double submit / retry): nothing new may appear.
  const avantRejeu = compteur?.allersRetours();
  const rejeu = await lancer(corpsListe);
  if (compteur)
    console.log(
      `round trips to PostgreSQL: ${((apres - avant) / N).toFixed(2)} per submission, ${((compteur.allersRetours() - avantRejeu) / N).toFixed(2)} per replayed post (counting relay: timings of this run are slower)`,
    );
  const [{ n2 }] = await db`select count(*)::int as n2 from demandes where email like 'bench-%' and email not like 'bench-1______@%'`;
  await db.end();
  console.log(
    `demande submissions on PostgreSQL (${CONC} concurrent, ${N} posts, PROCESSUS=${PROCESSUS}): ${(N / s).toFixed(0)} /s, p50 ${q(0.5)} ms, p99 ${q(0.99)} ms`,
  );
  console.log(`accepted ${res.filter((r) => r.ok).length}/${N}; rows ${n}; confirmation emails queued ${m}; lost ${N - n}`);
  if (cpuAvant && cpuApres) {
    const [u, y] = [cpuApres.user - cpuAvant.user, cpuApres.system - cpuAvant.system];
    console.log(`server CPU time: ${((u + y) / N).toFixed(2)} ms per submission (user ${(u / N).toFixed(2)}, system ${(y / N).toFixed(2)})`);
  }
  if (machineAvant && machineApres) {
    const occupe = machineApres.occupe - machineAvant.occupe;
    const total = occupe + machineApres.inactif - machineAvant.inactif;
    console.log(
      `whole machine meanwhile (server, PostgreSQL, this client, anything else): ${(occupe / N).toFixed(2)} ms CPU per submission, ${((100 * occupe) / total).toFixed(0)} % of ${os.cpus().length} CPUs busy`,
    );
    let pg = 0;
    for (const [pid, t] of pgApres) pg += t - (pgAvant.get(pid) ?? 0);
    console.log(
      `of which PostgreSQL processes ${(pg / N).toFixed(2)} ms, this client ${((clientApres.user + clientApres.system) / 1000 / N).toFixed(2)} ms per submission`,
    );
  }
  console.log(`replay of the same ${N} posts: ${rejeu.res.filter((r) => r.ok).length} answered 303, rows after replay ${n2} (duplicates ${n2 - n})`);
  // pgbench TPC-B on the same server, same concurrency (issue 20 targets).
  const pg = pgbench(url, CONC);
  if (pg) {
    console.log(`pgbench TPC-B (scale 10, ${CONC} clients, 15 s) on the same PostgreSQL: ${pg.tps.toFixed(0)} tps, p99 ${pg.p99.toFixed(1)} ms`);
    ratio('demande : débit / débit pgbench', N / s / pg.tps, 0.2, '>=', `${(N / s).toFixed(0)} contre ${pg.tps.toFixed(0)} /s, PROCESSUS=${PROCESSUS}`);
    ratio('demande : p99 / p99 pgbench', Number(q(0.99)) / pg.p99, 10, '<=', `${q(0.99)} ms contre ${pg.p99.toFixed(1)} ms`);
  } else console.log('pgbench not found (postgresql-contrib / postgresql-client): no comparison');
  ratio('demande : perdues', N - n, 0, '<=');
  ratio('demande : doublons au rejeu', n2 - n, 0, '<=');
} finally {
  // Also when the server did not start: the benchmark database is dropped either way.
  await p?.stop();
  await compteur?.fermer();
  await admin.unsafe(`drop database if exists ${nom} with (force)`);
  await admin.end();
}

/** Busy and idle CPU time of the whole machine so far (ms, /proc/stat; null elsewhere). */
function cpuMachine() {
  try {
    const [, ...v] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal, in clock ticks (100 per second).
    const inactif = (v[3] + v[4]) * 10;
    return { inactif, occupe: (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) * 10 };
  } catch {
    return null;
  }
}

/** CPU time so far (ms) of each PostgreSQL process of this machine, by pid (/proc; empty elsewhere). */
function cpuPostgres() {
  const t = new Map();
  try {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        if (!stat.includes('(postgres)')) continue;
        const champs = stat.split(') ')[1].split(' ');
        t.set(d, (Number(champs[11]) + Number(champs[12])) * 10);
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return t;
}

/** pgbench -i -s 10 then TPC-B for 15 s with `clients` clients; tps and p99 latency from the per-transaction log. */
function pgbench(dbUrl, clients) {
  const bin = ['pgbench', '/usr/lib/postgresql/15/bin/pgbench'].find((b) => spawnSync(b, ['--version']).status === 0);
  if (!bin) return null;
  const u = new URL(dbUrl);
  const args = ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')];
  const base = u.pathname.slice(1);
  if (spawnSync(bin, [...args, '-i', '-q', '-s', '10', base], { stdio: 'ignore' }).status !== 0) return null;
  const dossier = mkdtempSync(path.join(os.tmpdir(), 'gpe-pgbench-'));
  const r = spawnSync(bin, [...args, '-c', String(clients), '-j', '2', '-T', '15', '-l', '--log-prefix', path.join(dossier, 'tx'), base], {
    encoding: 'utf8',
    cwd: dossier,
  });
  const tps = Number(/tps = ([\d.]+)/.exec(r.stdout)?.[1]);
  const lat = readdirSync(dossier)
    .flatMap((f) =>
      readFileSync(path.join(dossier, f), 'utf8')
        .trim()
        .split('\n')
        .map((l) => Number(l.split(' ')[2]) / 1000),
    )
    .sort((a, b) => a - b);
  rmSync(dossier, { recursive: true, force: true });
  spawnSync(bin, [...args, '-i', '-I', 'd', base], { stdio: 'ignore' });
  if (!tps || !lat.length) return null;
  return { tps, p99: lat[Math.min(lat.length - 1, Math.floor(0.99 * lat.length))] };
}

// Shared helpers for benchmark scripts: start a built portal on a free port,
// run autocannon against it, format percentiles.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

export async function portLibre() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Builds (unless BENCH_SKIP_BUILD) and starts the portal; returns { url, pid, stop, startupMs }. */
export async function demarrerPortail(env = {}) {
  const outDir = process.env.ASTRO_OUT_DIR ?? path.resolve('.bench/build');
  if (!process.env.BENCH_SKIP_BUILD) {
    const b = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      stdio: 'ignore',
      env: { ...process.env, ASTRO_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    if (b.status !== 0) throw new Error('build failed');
  }
  const port = await portLibre();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gpe-bench-'));
  const t0 = Date.now();
  // BENCH_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (read it with scripts/bench/profil.mjs).
  const profil = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_PROFILE)] : [];
  const child = spawn(process.execPath, [...profil, 'scripts/server.mjs'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SECRET: 'bench-secret-bench-secret-bench-secret',
      SEED_DEMO: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
      ASTRO_OUT_DIR: outDir,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      WORKERS: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise((resolve, reject) => {
    child.on('message', (m) => m.pret && resolve(m.pret));
    child.on('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
  return {
    url,
    pid: child.pid,
    startupMs: Date.now() - t0,
    stop: () =>
      new Promise((r) => {
        child.once('exit', r);
        child.kill('SIGTERM');
      }),
  };
}

export async function charge(url, o = {}) {
  const r = await autocannon({
    url,
    connections: o.connections ?? 10,
    duration: o.duration ?? 10,
    amount: o.amount,
    method: o.method ?? 'GET',
    headers: o.headers,
    body: o.body,
  });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, erreurs: r.errors + r.non2xx, total: r.requests.total };
}

/**
 * Prints a ratio next to its target and records it for `npm run bench`'s
 * summary (JSON lines in BENCH_RESULTATS when set). `sens` '>=' means the
 * ratio must reach the target, '<=' that it must not exceed it.
 */
export function ratio(nom, valeur, cible, sens = '>=', detail = '') {
  const ok = sens === '>=' ? valeur >= cible : valeur <= cible;
  const v = Number.isFinite(valeur) ? valeur.toFixed(2) : String(valeur);
  console.log(`  → ${nom}: ${v} (cible ${sens} ${cible}) ${ok ? 'ok' : 'EN DESSOUS DE LA CIBLE'}${detail ? ` — ${detail}` : ''}`);
  if (process.env.BENCH_RESULTATS) appendFileSync(process.env.BENCH_RESULTATS, JSON.stringify({ nom, valeur, cible, sens, ok, detail }) + '\n');
  return ok;
}

/**
 * A TCP relay in front of PostgreSQL that counts the client's round trips:
 * each simple query ('Q'), extended-protocol Sync ('S') and Flush ('H', a
 * statement described before it is bound) is one wait for the server. Returns { url, allersRetours(), fermer() }; `url` is dbUrl
 * pointing at the relay. Slows every query a little: for counting, not timing.
 */
export async function relaisCompteur(dbUrl) {
  const cible = new URL(dbUrl);
  let n = 0;
  const sockets = new Set();
  const serveur = net.createServer((client) => {
    const pg = net.connect(Number(cible.port || 5432), cible.hostname);
    sockets.add(client).add(pg);
    let demarre = false;
    let tampon = Buffer.alloc(0);
    client.on('data', (morceau) => {
      tampon = Buffer.concat([tampon, morceau]);
      for (;;) {
        if (!demarre) {
          // Untyped start-up messages: SSLRequest / GSSENCRequest, then StartupMessage (protocol 3.0).
          if (tampon.length < 8) break;
          const lg = tampon.readInt32BE(0);
          if (tampon.length < lg) break;
          if (tampon.readInt32BE(4) === 196608) demarre = true;
          tampon = tampon.subarray(lg);
          continue;
        }
        if (tampon.length < 5) break;
        const lg = tampon.readInt32BE(1);
        if (tampon.length < lg + 1) break;
        const type = String.fromCharCode(tampon[0]);
        if (type === 'Q' || type === 'S' || type === 'H') n++;
        tampon = tampon.subarray(lg + 1);
      }
      pg.write(morceau);
    });
    pg.on('data', (m) => client.write(m));
    const fin = () => {
      client.destroy();
      pg.destroy();
      sockets.delete(client);
      sockets.delete(pg);
    };
    client.on('close', fin).on('error', fin);
    pg.on('close', fin).on('error', fin);
  });
  await new Promise((r) => serveur.listen(0, '127.0.0.1', r));
  const relais = new URL(dbUrl);
  relais.hostname = '127.0.0.1';
  relais.port = String(serveur.address().port);
  return {
    url: relais.toString(),
    allersRetours: () => n,
    fermer: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        serveur.close(r);
      }),
  };
}

/**
 * CPU time used so far by a process (user and system, ms) from /proc (Linux;
 * null elsewhere), with its direct children (cluster workers): unlike
 * latencies, it does not grow when other processes
 * share the machine.
 */
export function tempsCpu(pid) {
  const lire = (p) => {
    try {
      const champs = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      // ppid is field 4, utime and stime fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
      return { ppid: Number(champs[1]), user: Number(champs[11]) * 10, system: Number(champs[12]) * 10 };
    } catch {
      return null;
    }
  };
  const racine = lire(pid);
  if (!racine) return null;
  // Cluster mode (PROCESSUS > 1): the workers are children of the server process; their time counts too.
  const total = { user: racine.user, system: racine.system };
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === pid) continue;
    const e = lire(d);
    if (e?.ppid === pid) {
      total.user += e.user;
      total.system += e.system;
    }
  }
  return total;
}

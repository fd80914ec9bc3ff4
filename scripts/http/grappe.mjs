// Cluster mode of the production server (PROCESSUS): the primary forks N
// workers that share the port (node:cluster), relays cache invalidations
// between them, restarts a worker that dies, and drains them all on
// SIGTERM/SIGINT. See docs/decisions/2026-12-06-grappe.md.
import cluster from 'node:cluster';
import os from 'node:os';

/** Quick deaths after which the primary stops restarting workers and exits. */
export const MORTS_MAX = 5;
/** Window in which deaths count as quick. */
export const FENETRE_MORTS_MS = 60_000;

const journal = (level, msg, extra = {}) => console.log(JSON.stringify({ level, msg, ...extra }));

/**
 * How many processes serve: PROCESSUS (a positive integer, or `auto` for the
 * number of CPUs), default 1. Forced to 1 without DATABASE_URL: PGlite is an
 * embedded database that only one process may open. Returns { n, raison }.
 */
export function lireProcessus(env = process.env) {
  const brut = (env.PROCESSUS ?? '').trim();
  let n = 1;
  if (brut === 'auto') n = os.availableParallelism();
  else if (brut !== '') {
    n = Number(brut);
    if (!Number.isInteger(n) || n < 1) throw new Error(`PROCESSUS must be a positive integer or "auto" (got "${brut}")`);
  }
  if (n > 1 && !env.DATABASE_URL) return { n: 1, raison: 'PGlite (no DATABASE_URL) is embedded in one process: PROCESSUS forced to 1' };
  return { n, raison: null };
}

/**
 * Primary side. Forks worker 0 first (it runs the migrations and the demo seed,
 * and alone keeps WORKERS, the background jobs), then the others; resolves with
 * the URL once every worker is listening. A worker that dies before that makes
 * the start fail (exit 1); afterwards it is restarted, unless MORTS_MAX died
 * within FENETRE_MORTS_MS (then everything stops, exit 1).
 */
export async function lancerGrappe(n) {
  const parIndex = new Map();
  const morts = [];
  let arret = false;
  let pret = false;

  const forker = (index) => {
    const env = { GPE_TRAVAILLEUR: String(index) };
    if (index > 0) env.WORKERS = 'false';
    const w = cluster.fork(env);
    parIndex.set(index, w);
    w.on('message', (m) => {
      // A cache invalidation made by one worker: every other worker applies it.
      if (m && typeof m.gpeInvalider === 'string') {
        for (const autre of Object.values(cluster.workers ?? {})) if (autre && autre !== w && autre.isConnected()) autre.send(m);
      }
    });
    w.on('exit', (code, signal) => {
      if (parIndex.get(index) === w) parIndex.delete(index);
      if (arret) return;
      if (!pret) {
        journal(60, 'worker died during start-up', { index, code, signal });
        arreterTout(1);
        return;
      }
      const maintenant = Date.now();
      morts.push(maintenant);
      while (morts.length && morts[0] < maintenant - FENETRE_MORTS_MS) morts.shift();
      if (morts.length >= MORTS_MAX) {
        journal(60, 'workers keep dying: giving up', { deaths: morts.length, windowMs: FENETRE_MORTS_MS });
        arreterTout(1);
        return;
      }
      journal(50, 'worker died: restarting it', { index, code, signal });
      forker(index);
    });
    return w;
  };

  const attendrePret = (w) =>
    new Promise((resolve, reject) => {
      w.on('message', (m) => m && m.pret && resolve(m.pret));
      w.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
    });

  function arreterTout(code) {
    if (arret) return;
    arret = true;
    const force = setTimeout(() => process.exit(1), 12_000);
    force.unref();
    const vivants = Object.values(cluster.workers ?? {}).filter(Boolean);
    let restants = vivants.length;
    if (!restants) process.exit(code);
    for (const w of vivants) {
      w.once('exit', () => --restants === 0 && process.exit(code));
      // Each worker drains its own connections (scripts/server.mjs) and closes its database pool.
      w.process.kill('SIGTERM');
    }
  }
  for (const signal of ['SIGTERM', 'SIGINT'])
    process.on(signal, () => {
      journal(30, 'shutting down', { signal, processes: n });
      arreterTout(0);
    });

  let url;
  try {
    url = await attendrePret(forker(0));
    await Promise.all(Array.from({ length: n - 1 }, (_, i) => attendrePret(forker(i + 1))));
  } catch {
    arreterTout(1);
    return new Promise(() => {});
  }
  pret = true;
  return url;
}

/**
 * Worker side: invalidations made here go to the primary, those relayed by
 * the primary are applied here without being sent back. `cache` is the cache
 * module (src/server/cache/index.ts): its state lives on globalThis, shared
 * with the built Astro handler.
 */
export function relierAuPrimaire(cache) {
  cache.relayerInvalidations((cle) => {
    if (process.connected) process.send({ gpeInvalider: cle });
  });
  process.on('message', (m) => {
    if (m && typeof m.gpeInvalider === 'string') cache.invaliderLocalement(m.gpeInvalider);
  });
}

// Production server: the built Astro handler behind Node's http server, with
// start-up of the application context and a graceful SIGTERM/SIGINT drain.
// PROCESSUS=n|auto (PostgreSQL only): n worker processes share the port
// (scripts/http/grappe.mjs); the primary reports `{ pret: url }` over IPC once
// every worker listens.
import cluster from 'node:cluster';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appliquerProxy, lireTrustProxy } from '../src/server/http/proxy.ts';
import { preparerEntree } from '../src/server/http/entrees.ts';
import { frontal } from './http/frontal.mjs';
import { lancerGrappe, lireProcessus, relierAuPrimaire } from './http/grappe.mjs';
import * as cache from '../src/server/cache/index.ts';

if (cluster.isPrimary) {
  let processus;
  try {
    processus = lireProcessus(process.env);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
  if (processus.raison) console.log(JSON.stringify({ level: 40, msg: processus.raison }));
  if (processus.n > 1) {
    const url = await lancerGrappe(processus.n);
    console.log(JSON.stringify({ level: 30, msg: 'listening', url, processes: processus.n }));
    if (process.send) process.send({ pret: url });
    // The primary serves nothing itself: the rest of this file is for workers (or a single process).
    await new Promise(() => {});
  }
}
if (cluster.isWorker) relierAuPrimaire(cache);

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
// Served by this process (not `astro dev`): public pages may be kept in the page cache, whatever the build mode.
process.env.GPE_CACHE_PAGES = 'oui';
const outDir = path.resolve(process.env.ASTRO_OUT_DIR ?? 'dist');
const { handler, appHandler } = await import(pathToFileURL(path.join(outDir, 'server', 'entry.mjs')).href);

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
const t0 = Date.now();
const confiance = lireTrustProxy(process.env.TRUST_PROXY);
// Body limits and NUL stripping first, then the proxy's view of the client, synchronously before Astro.
// Then static files and cached public pages from memory (scripts/http/frontal.mjs), else Astro.
const servir = frontal(path.join(outDir, 'client'), handler, appHandler);
const traiter = async (req, res) => {
  if (await preparerEntree(req, res)) {
    appliquerProxy(req, confiance);
    servir(req, res);
  }
};
const server = http.createServer(traiter);
server.keepAliveTimeout = 5000;

const adresse = (a) => `http://${host.includes(':') ? `[${host}]` : host}:${typeof a === 'object' && a ? a.port : port}`;
// The first request starts the application (migrations, demo seed, workers). A cluster worker sends it,
// before it joins the shared port, through a port of its own (`exclusive`): a sibling would answer on the shared one.
async function demarrerApplication(urlSonde) {
  const res = await fetch(`${urlSonde}/healthz`).catch((err) => ({ ok: false, status: 0, text: async () => String(err) }));
  if (!res.ok) {
    console.error(`Start-up failed (${res.status}): ${await res.text()}`);
    process.exit(1);
  }
}
if (cluster.isWorker) {
  const sonde = http.createServer(traiter);
  await new Promise((resolve) => sonde.listen({ port: 0, host, exclusive: true }, resolve));
  await demarrerApplication(adresse(sonde.address()));
  sonde.close();
  sonde.closeAllConnections();
}
await new Promise((resolve) => server.listen(port, host, resolve));
const url = adresse(server.address());
if (!cluster.isWorker) await demarrerApplication(url);
console.log(JSON.stringify({ level: 30, msg: 'listening', url, startupMs: Date.now() - t0 }));
if (process.send) process.send({ pret: url });

let arret = false;
async function arreter(signal) {
  if (arret) return;
  arret = true;
  console.log(JSON.stringify({ level: 30, msg: 'shutting down', signal }));
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close(async () => {
    await globalThis.__gpeShutdown?.();
    process.exit(0);
  });
  server.closeIdleConnections?.();
}
process.on('SIGTERM', () => arreter('SIGTERM'));
process.on('SIGINT', () => arreter('SIGINT'));
// A worker whose primary is gone stops too.
if (cluster.isWorker) process.on('disconnect', () => arreter('disconnect'));

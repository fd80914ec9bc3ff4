// Production server: the built Astro handler behind Node's http server, with
// start-up of the application context and a graceful SIGTERM/SIGINT drain.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { appliquerProxy, lireTrustProxy } from '../src/server/http/proxy.ts';
import { preparerEntree } from '../src/server/http/entrees.ts';
import { frontal } from './http/frontal.mjs';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
// Served by this process (not `astro dev`): public pages may be kept in the page cache, whatever the build mode.
process.env.GPE_CACHE_PAGES = 'oui';
const outDir = path.resolve(process.env.ASTRO_OUT_DIR ?? 'dist');
const { handler } = await import(pathToFileURL(path.join(outDir, 'server', 'entry.mjs')).href);

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
const t0 = Date.now();
const confiance = lireTrustProxy(process.env.TRUST_PROXY);
// Body limits and NUL stripping first, then the proxy's view of the client, synchronously before Astro.
// Then static files and cached public pages from memory (scripts/http/frontal.mjs), else Astro.
const servir = frontal(path.join(outDir, 'client'), handler);
const server = http.createServer(async (req, res) => {
  if (await preparerEntree(req, res)) {
    appliquerProxy(req, confiance);
    servir(req, res);
  }
});
server.keepAliveTimeout = 5000;

await new Promise((resolve) => server.listen(port, host, resolve));
const addr = server.address();
const url = `http://${host.includes(':') ? `[${host}]` : host}:${typeof addr === 'object' && addr ? addr.port : port}`;
// The first request starts the application (migrations, demo seed, workers).
const res = await fetch(`${url}/healthz`).catch((err) => ({ ok: false, status: 0, text: async () => String(err) }));
if (!res.ok) {
  console.error(`Start-up failed (${res.status}): ${await res.text()}`);
  process.exit(1);
}
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

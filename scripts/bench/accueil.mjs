// Foundation benchmark: cold start (empty DATA_DIR: migrations + demo seed)
// and home page response times. Usage: node scripts/bench/accueil.mjs
import { gzipSync } from 'node:zlib';
import { charge, demarrerPortail } from './lib.mjs';

const p = await demarrerPortail();
try {
  const html = await (await fetch(p.url + '/')).text();
  const r = await charge(p.url + '/', { duration: 10, connections: 10 });
  console.log(`cold start (build excluded, migrations + seed): ${p.startupMs} ms`);
  console.log(`home page: ${Buffer.byteLength(html)} B, ${gzipSync(html).length} B gzip`);
  console.log(`home page: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.erreurs} (10 connections, 10 s)`);
} finally {
  await p.stop();
}

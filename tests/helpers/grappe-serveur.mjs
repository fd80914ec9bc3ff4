// A server in cluster mode (scripts/http/grappe.mjs) for tests/integration/grappe.test.ts:
// each worker keeps a value read from a file (the "database") in the real
// in-process cache (src/server/cache/index.ts) until 'territoire' is invalidated.
import cluster from 'node:cluster';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { lancerGrappe, relierAuPrimaire } from '../../scripts/http/grappe.mjs';
import * as cache from '../../src/server/cache/index.ts';

const fichier = process.env.GRAPPE_FICHIER;
if (cluster.isPrimary) {
  const url = await lancerGrappe(Number(process.env.GRAPPE_N ?? 2));
  process.send?.({ pret: url });
} else {
  relierAuPrimaire(cache);
  const portee = {};
  const serveur = http.createServer(async (req, res) => {
    const u = new URL(req.url, 'http://x');
    let valeur = '';
    if (u.pathname === '/ecrire') {
      await writeFile(fichier, u.searchParams.get('v') ?? '');
      cache.invalider('territoire');
    } else if (u.pathname === '/mourir') setImmediate(() => process.exit(3));
    else valeur = await cache.memoiser(portee, 'valeur', ['territoire'], () => readFile(fichier, 'utf8'));
    res.setHeader('connection', 'close');
    res.end(JSON.stringify({ pid: process.pid, index: process.env.GPE_TRAVAILLEUR, workers: process.env.WORKERS ?? null, valeur }));
  });
  serveur.listen(Number(process.env.PORT), '127.0.0.1', () => process.send({ pret: `http://127.0.0.1:${serveur.address().port}` }));
  process.on('SIGTERM', () => serveur.close(() => process.exit(0)));
}

// Benchmark: a commission session's proposal (deferred acceptance, domain, no
// database) for 2,000 applications and 300 places in 12 crèches × 3 age
// groups, each family ranking 1 to 5 crèches, points from the demo grid's
// range with many ties. Compared, in the same run, with a plain sort of the
// same applications by points (the least any ranking has to do).
// Run: node scripts/bench/commission.mjs (Node ≥ 23.6 strips the types).
import { performance } from 'node:perf_hooks';
import { ratio } from './lib.mjs';
await import('./ts.mjs');
const { affecter, generateur, pairesBloquantes, TRANCHES_CRECHE } = await import('../../src/domain/creches/affectation.ts');

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);
const FAMILLES = 2000;
const r = generateur('bench-commission');
const n = (k) => Math.floor(r() * k);
const creches = Array.from({ length: 12 }, (_, i) => `creche-${String(i).padStart(2, '0')}`);
// 300 places: 25 per crèche, spread over the 3 age groups (8/9/8).
const places = Object.fromEntries(creches.map((c) => [c, { bebe: 8, marcheur: 9, grand: 8 }]));
const candidats = Array.from({ length: FAMILLES }, (_, i) => {
  const voeux = [...creches].sort(() => r() - 0.5).slice(0, 1 + n(5));
  const base = 5 * n(30);
  const points = Object.fromEntries(voeux.map((c) => [c, base + (n(4) === 0 ? 25 : 0)]));
  return { id: `cand-${String(i).padStart(5, '0')}`, voeux, tranche: TRANCHES_CRECHE[n(3)], points, total: points[voeux[0]] };
});
const total = Object.values(places).reduce((s, p) => s + p.bebe + p.marcheur + p.grand, 0);

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
function mesurer(f) {
  const d = [];
  for (let i = 0; i < 3; i++) f(); // warm-up
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    f();
    d.push(performance.now() - t0);
  }
  return d.sort((a, b) => a - b);
}
let resultat;
const da = mesurer(() => (resultat = affecter(candidats, places, 'session-bench')));
const tri = mesurer(() => [...candidats].sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1)));
const places_prises = Object.values(resultat.resultat).filter((x) => x !== null).length;
const stable = pairesBloquantes(candidats, places, resultat).length === 0;
console.log(`commission: ${FAMILLES} applications, ${total} places (${creches.length} crèches × 3 age groups), ${ITERATIONS} runs`);
console.log(`deferred acceptance  p50 ${pct(da, 50).toFixed(2)} ms  p99 ${pct(da, 99).toFixed(2)} ms  (${places_prises} places given, stable: ${stable})`);
console.log(`plain sort by points p50 ${pct(tri, 50).toFixed(2)} ms  p99 ${pct(tri, 99).toFixed(2)} ms`);
const r50 = pct(da, 50) / pct(tri, 50);
console.log(`ratio (p50 proposal / p50 sort): ${r50.toFixed(1)}×`);
// Target: the stable proposal costs at most 20 plain sorts (both are well under a second).
ratio('commission / tri simple (p50)', r50, 20, '<=', `${pct(da, 50).toFixed(1)} ms pour ${FAMILLES} candidatures, ${total} places`);

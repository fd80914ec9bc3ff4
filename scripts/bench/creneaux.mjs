// Benchmark: free-slot computation (domain, no database) for 5 animatrices ×
// 3 sites (+ phone) over 8 weeks, with ~40 % of the slots booked and a few
// absences. Prints p50/p99 per computation. Run: node scripts/bench/creneaux.mjs
// (Node ≥ 23.6 strips the TypeScript types of the domain module itself).
import { performance } from 'node:perf_hooks';
await import('./ts.mjs');
const { creneauxLibres, instantParis, ajouterJours, jourParis } = await import('../../src/domain/rdv/creneaux.ts');

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const maintenant = new Date('2026-10-05T08:00:00Z'); // 8 weeks spanning the October DST change
const sites = ['isbergues', 'lillers', 'richebourg'];
const animatrices = ['a1', 'a2', 'a3', 'a4', 'a5'];
const motifs = [
  { id: 'premier', dureeMinutes: 45 },
  { id: 'employer', dureeMinutes: 30 },
];
const plages = [];
for (const [i, a] of animatrices.entries()) {
  for (const [j, s] of sites.entries()) {
    plages.push({
      id: `${a}-${s}`,
      animatriceId: a,
      lieuId: s,
      motifIds: ['premier', 'employer'],
      jours: [((i + j) % 5) + 1],
      heureDebut: '09:00',
      heureFin: '12:30',
      valideDu: '2026-09-01',
      valideAu: null,
      delaiMinimumHeures: 24,
      horizonJours: 56,
    });
  }
  plages.push({
    id: `${a}-tel`,
    animatriceId: a,
    lieuId: null,
    motifIds: ['premier', 'employer'],
    jours: [1, 2, 3, 4, 5],
    heureDebut: '14:00',
    heureFin: '16:30',
    valideDu: '2026-09-01',
    valideAu: null,
    delaiMinimumHeures: 24,
    horizonJours: 56,
  });
}
// Book about 40 % of the 45-minute slots, deterministically.
const tous = creneauxLibres({ plages, occupations: [], motif: motifs[0], maintenant });
let graine = 42;
const hasard = () => (graine = (graine * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const occupations = tous.filter(() => hasard() < 0.4).map((c) => ({ animatriceId: c.animatriceId, debut: c.debut, fin: c.fin }));
for (const [k, a] of animatrices.entries()) {
  const jour = ajouterJours(jourParis(maintenant), 7 * (k + 1));
  occupations.push({ animatriceId: a, debut: instantParis(jour, '00:00'), fin: instantParis(ajouterJours(jour, 2), '00:00') });
}
occupations.push({ animatriceId: null, debut: instantParis('2026-11-11', '00:00'), fin: instantParis('2026-11-12', '00:00') });

const cas = [
  ...sites.map((s) => ({ nom: `site ${s}`, lieuId: s })),
  { nom: 'phone/video', lieuId: null },
  { nom: 'any place (staff view)', lieuId: undefined },
];
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
console.log(
  `free slots over 8 weeks: ${animatrices.length} animatrices, ${sites.length} sites + phone, ${plages.length} plages, ${occupations.length} busy intervals, ${ITERATIONS} runs per case`,
);
for (const c of cas) {
  for (const motif of motifs) {
    const durees = [];
    let n = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const t0 = performance.now();
      n = creneauxLibres({ plages, occupations, motif, lieuId: c.lieuId, maintenant }).length;
      durees.push(performance.now() - t0);
    }
    durees.sort((a, b) => a - b);
    console.log(
      `${c.nom.padEnd(24)} ${motif.id.padEnd(9)} ${String(n).padStart(4)} slots  p50 ${pct(durees, 50).toFixed(2)} ms  p99 ${pct(durees, 99).toFixed(2)} ms`,
    );
  }
}

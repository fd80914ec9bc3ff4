// Reads a V8 CPU profile (.cpuprofile, from BENCH_PROFILE) and prints where
// the time went: self time by function and by module (npm package, or file
// of the app), optionally only between two instants (µs of the monotonic
// clock, as printed by demande.mjs), and the inclusive time of functions whose
// name matches BENCH_INCLUSIF (a regular expression).
// Usage: node scripts/bench/profil.mjs <file.cpuprofile> [fromUs toUs] [top=25]
import { readFileSync } from 'node:fs';

const [fichier, de, a, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const p = JSON.parse(readFileSync(fichier, 'utf8'));
const noeuds = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample i lasts timeDeltas[i+1] (the time until the next sample).
const duree = new Map();
let t = p.startTime;
let total = 0;
for (let i = 0; i < p.samples.length; i++) {
  t += p.timeDeltas[i];
  const d = i + 1 < p.timeDeltas.length ? p.timeDeltas[i + 1] : 0;
  if (de && (t < Number(de) || t > Number(a))) continue;
  duree.set(p.samples[i], (duree.get(p.samples[i]) ?? 0) + d);
  total += d;
}

const module = (url) => {
  if (!url) return '(natif / V8)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const reste = url.slice(nm + 13).split('/');
    return reste[0].startsWith('@') ? `${reste[0]}/${reste[1]}` : reste[0];
  }
  if (url.startsWith('node:')) return url;
  const m = /\/(server|client)\/(.*)$/.exec(url);
  return m ? `build:${m[2]}` : url.replace(/^file:\/\/.*\/(scripts|src)\//, '$1/');
};
const nomFn = (cf) => `${cf.functionName || '(anonyme)'} ${module(cf.url)}:${cf.lineNumber + 1}`;

const parFn = new Map();
const parModule = new Map();
for (const [id, d] of duree) {
  const cf = noeuds.get(id).callFrame;
  parFn.set(nomFn(cf), (parFn.get(nomFn(cf)) ?? 0) + d);
  parModule.set(module(cf.url), (parModule.get(module(cf.url)) ?? 0) + d);
}
const pct = (d) => `${((100 * d) / total).toFixed(1).padStart(5)} %`;
const lister = (titre, m) => {
  console.log(`\n${titre}`);
  for (const [k, d] of [...m].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`${pct(d)}  ${(d / 1000).toFixed(0).padStart(7)} ms  ${k}`);
};
console.log(`profil ${fichier}: ${(total / 1000).toFixed(0)} ms échantillonnés${de ? ` entre ${de} et ${a}` : ''}`);
lister('temps propre par module', parModule);
lister('temps propre par fonction', parFn);

if (process.env.BENCH_INCLUSIF) {
  // Inclusive time: a sample counts once for every distinct matching frame on its stack.
  const re = new RegExp(process.env.BENCH_INCLUSIF);
  const incl = new Map();
  for (const [id, d] of duree) {
    const vus = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const k = nomFn(noeuds.get(n).callFrame);
      if (re.test(k) && !vus.has(k)) {
        vus.add(k);
        incl.set(k, (incl.get(k) ?? 0) + d);
      }
    }
  }
  lister(`temps inclusif (${re})`, incl);
}

if (process.env.BENCH_APPELANTS) {
  // Who calls the functions whose name matches BENCH_APPELANTS: the heaviest stacks (6 frames up).
  const re = new RegExp(process.env.BENCH_APPELANTS);
  const piles = new Map();
  for (const [id, d] of duree) {
    if (!re.test(nomFn(noeuds.get(id).callFrame))) continue;
    const pile = [];
    for (let n = id, i = 0; n !== undefined && i < Number(process.env.BENCH_PROFONDEUR ?? 7); n = parent.get(n), i++) pile.push(nomFn(noeuds.get(n).callFrame));
    const k = pile.join('\n        ← ');
    piles.set(k, (piles.get(k) ?? 0) + d);
  }
  lister(`appelants (${re})`, new Map([...piles].sort((x, y) => y[1] - x[1]).slice(0, 8)));
}

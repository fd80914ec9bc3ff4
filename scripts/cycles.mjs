// Finds import cycles between modules of src/ and db/ (static and type-only
// imports alike, relative or through the ~/ and @db/ aliases). Prints each
// cycle and exits 1 when there is one. `node scripts/cycles.mjs`
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

const racine = process.cwd();
const fichiers = [];
const parcourir = (d) => {
  for (const n of readdirSync(d)) {
    const p = path.join(d, n);
    if (statSync(p).isDirectory()) parcourir(p);
    else if (/\.(ts|tsx|mjs|js|astro)$/.test(n) && !n.endsWith('.d.ts')) fichiers.push(p);
  }
};
for (const d of ['src', 'db']) parcourir(path.join(racine, d));

const resoudre = (de, spec) => {
  let base;
  if (spec.startsWith('.')) base = path.resolve(path.dirname(de), spec);
  else if (spec.startsWith('~/')) base = path.join(racine, 'src', spec.slice(2));
  else if (spec.startsWith('@db/')) base = path.join(racine, 'db', spec.slice(4));
  else return null;
  for (const s of ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts']) if (existsSync(base + s) && statSync(base + s).isFile()) return base + s;
  return null;
};

const graphe = new Map();
for (const f of fichiers) {
  let texte = readFileSync(f, 'utf8');
  if (f.endsWith('.astro')) texte = texte.split(/^---$/m)[1] ?? '';
  const cibles = new Set();
  for (const m of texte.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const r = resoudre(f, m[1] ?? m[2]);
    if (r) cibles.add(r);
  }
  graphe.set(f, [...cibles]);
}

// Tarjan's strongly connected components: each component of more than one module is a cycle.
let index = 0;
const pile = [],
  dansPile = new Set(),
  idx = new Map(),
  bas = new Map(),
  cycles = [];
const visiter = (v) => {
  idx.set(v, index);
  bas.set(v, index);
  index++;
  pile.push(v);
  dansPile.add(v);
  for (const w of graphe.get(v) ?? []) {
    if (!idx.has(w)) {
      visiter(w);
      bas.set(v, Math.min(bas.get(v), bas.get(w)));
    } else if (dansPile.has(w)) bas.set(v, Math.min(bas.get(v), idx.get(w)));
  }
  if (bas.get(v) === idx.get(v)) {
    const c = [];
    let w;
    do {
      w = pile.pop();
      dansPile.delete(w);
      c.push(path.relative(racine, w));
    } while (w !== v);
    if (c.length > 1) cycles.push(c.sort());
  }
};
for (const v of graphe.keys()) if (!idx.has(v)) visiter(v);

for (const c of cycles) console.log(`import cycle: ${c.join(' ↔ ')}`);
console.log(cycles.length ? `${cycles.length} import cycle(s)` : 'no import cycle');
process.exit(cycles.length ? 1 : 0);

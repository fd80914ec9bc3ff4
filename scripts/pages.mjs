// Checks the shape of src/pages (issue 14): no file imports the database
// (drizzle-orm, postgres, PGlite or src/server/db), and no page frontmatter
// holds more than a screen of code (LIGNES_MAX lines between the `---` fences).
// Prints each offender and exits 1 when there is one. `node scripts/pages.mjs`
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const LIGNES_MAX = 40;
const INTERDITS = /from\s+['"](drizzle-orm[^'"]*|postgres|@electric-sql\/pglite[^'"]*|[^'"]*server\/db(\/[^'"]*)?)['"]/;

const fichiers = [];
const parcourir = (d) => {
  for (const n of readdirSync(d)) {
    const p = path.join(d, n);
    if (statSync(p).isDirectory()) parcourir(p);
    else if (/\.(astro|ts|tsx|mjs|js)$/.test(n)) fichiers.push(p);
  }
};
parcourir(path.join(process.cwd(), 'src/pages'));

const fautes = [];
for (const f of fichiers) {
  const texte = readFileSync(f, 'utf8');
  const rel = path.relative(process.cwd(), f);
  const m = INTERDITS.exec(texte);
  if (m) fautes.push(`${rel}: imports ${m[1]} (pages read through src/server, never the database)`);
  if (!f.endsWith('.astro')) continue;
  const lignes = texte.split('\n');
  if (lignes[0].trim() !== '---') continue;
  const fin = lignes.indexOf('---', 1);
  const n = fin - 1;
  if (n > LIGNES_MAX) fautes.push(`${rel}: frontmatter of ${n} lines (at most ${LIGNES_MAX}; move the work to src/server or src/domain)`);
}
for (const f of fautes) console.error(f);
if (fautes.length) {
  console.error(`\n${fautes.length} page(s) out of shape`);
  process.exit(1);
}
console.log(`src/pages: ${fichiers.length} files in shape (no database import, frontmatter ≤ ${LIGNES_MAX} lines)`);

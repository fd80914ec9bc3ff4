// `npm run bench`: every benchmark script in turn (builds once into .bench/build),
// then each ratio next to its target, and which fall short (issue 20).
// Needs PostgreSQL on 127.0.0.1:5432 for the database-heavy ones. Not a test.
// Usage: npm run bench [-- statique offre …]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const scripts = ['accueil', 'statique', 'pages', 'offre', 'demande', 'file', 'statistiques', 'creneaux', 'rapport-activite', 'commission'];
const choisis = process.argv.slice(2).length ? process.argv.slice(2) : scripts;
const resultats = path.join(mkdtempSync(path.join(os.tmpdir(), 'gpe-bench-')), 'ratios.jsonl');
let premier = true;
const echoues = [];
for (const s of choisis) {
  console.log(`\n━━━ ${s} ━━━`);
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BENCH_RESULTATS: resultats, ...(premier ? {} : { BENCH_SKIP_BUILD: '1' }) };
  const r = spawnSync(process.execPath, [`scripts/bench/${s}.mjs`], { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.log(`(${s} exited with ${r.status})`);
    echoues.push(s);
  }
  premier = false;
}

const lignes = existsSync(resultats)
  ? readFileSync(resultats, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
console.log('\n━━━ ratios et cibles (issue 20) ━━━');
const largeur = Math.max(10, ...lignes.map((l) => l.nom.length));
for (const l of lignes) {
  const v = typeof l.valeur === 'number' && Number.isFinite(l.valeur) ? l.valeur.toFixed(2) : String(l.valeur);
  console.log(
    `${l.nom.padEnd(largeur)}  ${v.padStart(8)}  cible ${l.sens} ${String(l.cible).padEnd(5)} ${l.ok ? 'ok' : 'EN DESSOUS DE LA CIBLE'}${l.detail ? `  (${l.detail})` : ''}`,
  );
}
const manques = lignes.filter((l) => !l.ok);
console.log(
  manques.length
    ? `\n${manques.length} ratio(s) sur ${lignes.length} en dessous de la cible : ${manques.map((l) => l.nom).join(' ; ')}`
    : `\nLes ${lignes.length} ratios atteignent leur cible.`,
);
if (echoues.length) {
  // A benchmark that crashed measured nothing: say so, and fail.
  console.log(`\n${echoues.length} script(s) en échec, sans mesure : ${echoues.join(', ')}`);
  process.exitCode = 1;
}

// `npm run bench`: every benchmark script in turn (builds once into .bench/build).
// Needs PostgreSQL on 127.0.0.1:5432 for the database-heavy ones. Not a test.
import { spawnSync } from 'node:child_process';

const scripts = ['accueil', 'pages', 'offre', 'demande', 'file', 'statistiques', 'creneaux'];
const choisis = process.argv.slice(2).length ? process.argv.slice(2) : scripts;
let premier = true;
for (const s of choisis) {
  console.log(`\n━━━ ${s} ━━━`);
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(premier ? {} : { BENCH_SKIP_BUILD: '1' }) };
  const r = spawnSync(process.execPath, [`scripts/bench/${s}.mjs`], { stdio: 'inherit', env });
  if (r.status !== 0) console.log(`(${s} exited with ${r.status})`);
  premier = false;
}

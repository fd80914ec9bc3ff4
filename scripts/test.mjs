// `npm test`: the whole suite, in order: lint (astro check, ESLint, Prettier, import cycles, page shape), unit, integration on PGlite,
// integration on PostgreSQL, then Chromium end-to-end and accessibility tests.
// Prints one closing line "Tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const out = '.test-results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`

const etapes = [
  {
    nom: 'lint',
    checks: [
      ['node_modules/astro/bin/astro.mjs', 'check'],
      ['node_modules/eslint/bin/eslint.js', '.'],
      ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.'],
      ['scripts/cycles.mjs'],
      ['scripts/pages.mjs'],
    ],
  },
  {
    nom: 'unit',
    cmd: ['node_modules/vitest/vitest.mjs', 'run', '--project', 'unit', '--reporter=default', `--reporter=json`, `--outputFile.json=${out}/unit.json`],
    env: {},
  },
  {
    nom: 'integration-pglite',
    cmd: [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      'integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}/integration-pglite.json`,
    ],
    env: { DB_KIND: 'pglite' },
  },
  {
    nom: 'integration-postgres',
    cmd: [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      'integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}/integration-postgres.json`,
    ],
    env: { DB_KIND: 'postgres', TEST_DATABASE_URL: pgUrl },
  },
  { nom: 'e2e', cmd: ['node_modules/@playwright/test/cli.js', 'test'], env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/e2e.json` } },
].filter((e) => !only.length || only.some((o) => e.nom.startsWith(o)));

let passes = 0,
  echecs = 0,
  sautes = 0,
  codeSortie = 0;
for (const e of etapes) {
  console.log(`\n━━━ ${e.nom} ━━━`);
  if (e.checks) {
    // Each check counts as one test.
    for (const cmd of e.checks) {
      const r = spawnSync(process.execPath, cmd, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
      if (r.status === 0) passes += 1;
      else {
        echecs += 1;
        codeSortie = 1;
      }
    }
    continue;
  }
  const r = spawnSync(process.execPath, e.cmd, { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', ASTRO_TELEMETRY_DISABLED: '1', ...e.env } });
  if (r.status !== 0) codeSortie = 1;
  const f = `${out}/${e.nom}.json`;
  if (existsSync(f)) {
    const j = JSON.parse(readFileSync(f, 'utf8'));
    if ('numPassedTests' in j) {
      passes += j.numPassedTests;
      echecs += j.numFailedTests;
      sautes += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    } else if (j.stats) {
      passes += j.stats.expected;
      echecs += j.stats.unexpected + (j.stats.flaky ?? 0) * 0;
      sautes += j.stats.skipped;
    }
  } else if (r.status !== 0) {
    echecs += 1;
  }
}
console.log(`\nTests: ${passes} passed, ${echecs} failed${sautes ? `, ${sautes} skipped` : ''}`);
process.exit(codeSortie || (echecs ? 1 : 0));

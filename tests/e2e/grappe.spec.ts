/**
 * The production entry in cluster mode (PROCESSUS, scripts/server.mjs): two
 * worker processes on PostgreSQL serve the same port, each started on its own
 * (its /healthz probe), the demande form is served with its CSP hashes, an
 * announcement saved by an admin through one worker is on the home page of
 * both at once (cache invalidation relayed by the primary, also
 * tests/integration/grappe.test.ts), SIGTERM stops them all; with PGlite the
 * setting is forced to one process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { portLibre } from './global-setup';

const PG = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function demarrer(env: NodeJS.ProcessEnv) {
  const port = await portLibre();
  const logs: string[] = [];
  const child = spawn(process.execPath, ['scripts/server.mjs'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      ASTRO_OUT_DIR: process.env.E2E_BUILD!,
      LOG_LEVEL: 'warn',
      SMTP_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  lances.add(child);
  child.stdout!.on('data', (d: Buffer) => logs.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (m: { pret?: string }) => m.pret && resolve(m.pret));
    child.on('exit', (c) => reject(new Error(`exited ${c}: ${logs.join('')}`)));
  });
  return { url, child, logs };
}
const enfants = (pid: number) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
/** Servers started by a test, stopped after it even when it failed. */
const lances = new Set<ChildProcess>();
test.afterEach(() => {
  for (const c of lances) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  lances.clear();
});
const arreter = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

test('PROCESSUS=2 on PostgreSQL: two workers serve the form with its CSP, an admin edit is fresh on both at once, SIGTERM stops them all', async ({ page }) => {
  test.setTimeout(180_000);
  const nom = `gpe_e2e_grappe_${process.pid}`;
  const admin = postgres(PG, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${nom}`);
  try {
    const s = await demarrer({
      PROCESSUS: '2',
      DATABASE_URL: PG.replace(/\/[^/?]*(\?|$)/, `/${nom}$1`),
      DATA_DIR: path.join(process.env.E2E_ROOT!, 'grappe-pg'),
      SEED_DEMO: 'true',
      DEMO_PASSWORD: 'mot-de-passe-grappe',
    });
    const travailleurs = enfants(s.child.pid!);
    expect(travailleurs).toHaveLength(2);
    for (let i = 0; i < 6; i++) expect((await fetch(`${s.url}/healthz`, { headers: { connection: 'close' } })).status).toBe(200);
    // Each worker answers the form (first step, no JavaScript); connections alternate between them.
    for (let i = 0; i < 4; i++) {
      const r = await fetch(`${s.url}/demande`, { headers: { connection: 'close' } });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-security-policy')).toContain("script-src 'self' 'sha256-");
    }
    // Both workers keep the home page in their page cache; an admin changes the announcement through one of them.
    const accueil = async () => (await fetch(`${s.url}/`, { headers: { connection: 'close' } })).text();
    for (let i = 0; i < 6; i++) await accueil();
    const annonce = `Annonce ${process.pid}-${Date.now()}`;
    await page.goto(`${s.url}/admin/connexion`);
    await page.getByLabel('Adresse e-mail').fill('admin@exemple.fr');
    await page.getByLabel('Mot de passe').fill('mot-de-passe-grappe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page).not.toHaveURL(/connexion/);
    await page.goto(`${s.url}/admin/territoire`);
    await page.getByLabel('Texte de l’annonce').fill(annonce);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('status')).toHaveText('Territoire enregistré.');
    // New connections alternate between the workers: every answer already shows it (the other worker's copy kept 60 s otherwise).
    for (let i = 0; i < 6; i++) expect(await accueil()).toContain(annonce);
    expect(await arreter(s.child)).toBe(0);
    for (const pid of travailleurs) expect(() => process.kill(pid, 0)).toThrow();
  } finally {
    await admin.unsafe(`drop database if exists ${nom} with (force)`);
    await admin.end();
  }
});

test('PROCESSUS=2 with PGlite: one process, and the log says why', async () => {
  test.setTimeout(120_000);
  const s = await demarrer({ PROCESSUS: '2', DATABASE_URL: '', DATA_DIR: path.join(process.env.E2E_ROOT!, 'grappe-pglite'), LOG_LEVEL: 'info' });
  expect(s.logs.join('')).toContain('PROCESSUS forced to 1');
  expect(enfants(s.child.pid!)).toHaveLength(0);
  expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  expect(await arreter(s.child)).toBe(0);
});

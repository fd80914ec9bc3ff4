import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { portLibre } from './global-setup';

/** Starts the built portal on its own PGlite directory; resolves when ready. */
async function demarrer(dataDir: string) {
  const port = await portLibre();
  const logs: string[] = [];
  const child = spawn(process.execPath, ['scripts/server.mjs'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      ASTRO_OUT_DIR: process.env.E2E_BUILD!,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      SMTP_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout!.on('data', (d: Buffer) => logs.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: { pret?: string }) => m.pret && resolve());
    child.on('exit', (c) => reject(new Error(`exited ${c}: ${logs.join('')}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, logs };
}

test('the operator stops the portal with SIGTERM: requests finish, the database closes cleanly and reopens', async () => {
  test.setTimeout(90_000);
  const dataDir = path.join(process.env.E2E_ROOT!, 'arret-data');
  const a = await demarrer(dataDir);
  // A request whose body is still being uploaded when SIGTERM arrives.
  const u = new URL(a.url + '/healthz');
  const req = http.request({
    host: u.hostname,
    port: u.port,
    path: u.pathname,
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'content-length': '5' },
  });
  const reponse = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
  await new Promise((r) => req.write('ab', r));
  // The server handles connections in order: once it answers a later request,
  // it has accepted ours and is waiting for the rest of its body.
  expect((await fetch(a.url + '/healthz')).status).toBe(200);
  const sortie = new Promise<number | null>((r) => a.child.once('exit', (code) => r(code)));
  a.child.kill('SIGTERM');
  // The rest of the body arrives once the server is draining.
  await expect.poll(() => a.logs.join('')).toContain('shutting down');
  req.end('cde');
  expect(await reponse).toBeGreaterThan(0);
  expect(await sortie).toBe(0);
  expect(a.logs.join('')).toContain('database closed');
  // Same data directory again: no corruption, no second seeding.
  const b = await demarrer(dataDir);
  const r = await fetch(b.url + '/healthz');
  expect(await r.json()).toMatchObject({ status: 'ok', kind: 'pglite' });
  expect(b.logs.join('')).not.toContain('demo territory seeded');
  const fin = new Promise((r2) => b.child.once('exit', r2));
  b.child.kill('SIGTERM');
  await fin;
});

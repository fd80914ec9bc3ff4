/**
 * Builds the portal into a private folder, starts a capturing SMTP server and
 * the portal (PGlite in a temporary DATA_DIR, demo territory), and hands their
 * addresses to the tests through environment variables.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

const G = globalThis as unknown as { __e2e?: { app: ChildProcess; smtp: SMTPServer } };

export async function portLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export default async function globalSetup(): Promise<void> {
  const racine = path.resolve('.e2e', String(process.pid));
  rmSync(racine, { recursive: true, force: true });
  const build = process.env.E2E_BUILD_DIR ?? path.join(racine, 'build');
  const mails = path.join(racine, 'mails');
  mkdirSync(mails, { recursive: true });
  if (!process.env.E2E_BUILD_DIR) {
    const b = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, ASTRO_OUT_DIR: build, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    if (b.status !== 0) throw new Error('astro build failed');
  }

  // Capturing SMTP server: every message becomes a .eml file the tests read.
  let n = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        writeFileSync(path.join(mails, `${Date.now()}-${++n}.eml`), Buffer.concat(chunks));
        cb();
      });
    },
  });
  const smtpPort = await portLibre();
  await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', () => r()));

  const port = await portLibre();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, ['scripts/server.mjs'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      ASTRO_OUT_DIR: build,
      DATA_DIR: path.join(racine, 'data'),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      OUTBOX_INTERVAL_MS: '300',
      DEMO_PASSWORD: 'mot-de-passe-e2e',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('portal did not start in 300 s')), 300_000);
    app.on('message', (m: { pret?: string }) => {
      if (m.pret) {
        clearTimeout(t);
        resolve();
      }
    });
    app.on('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`portal exited with ${code}`));
    });
  });
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_MAIL_DIR = mails;
  process.env.E2E_DEMO_PASSWORD = 'mot-de-passe-e2e';
  process.env.E2E_ROOT = racine;
  process.env.E2E_BUILD = build;
  G.__e2e = { app, smtp };
}

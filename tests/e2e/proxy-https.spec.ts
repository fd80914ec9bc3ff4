// A production instance behind a real nginx (Debian package) terminating TLS
// with a self-signed certificate: forms work, cookies are Secure, HSTS is sent.
// Reuses the e2e build (E2E_BUILD) and starts its own portal and nginx.
import { expect, test, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { portLibre } from './global-setup';
import frDemande from '../../src/i18n/fr/demande';
import frCommun from '../../src/i18n/fr/commun';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const MOT_DE_PASSE = 'proxy-e2e-mot-de-passe';
const ADMIN = 'admin.proxy@exemple.fr';

let portail: ChildProcess | undefined;
let nginx: ChildProcess | undefined;
let base = '';

function arreter(p: ChildProcess | undefined): Promise<void> {
  if (!p || p.exitCode !== null) return Promise.resolve();
  return new Promise((r) => {
    p.once('exit', () => r());
    p.kill('SIGTERM');
  });
}

/** Resolves when nginx answers /healthz over TLS (certificate not checked: self-signed). */
async function attendreHttps(url: string, delai = 20_000): Promise<void> {
  const fin = Date.now() + delai;
  for (;;) {
    const ok = await new Promise<boolean>((r) => {
      https
        .get(url, { rejectUnauthorized: false }, (res) => {
          res.resume();
          r(res.statusCode === 200);
        })
        .on('error', () => r(false));
    });
    if (ok) return;
    if (Date.now() > fin) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test.describe.configure({ mode: 'serial', timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  if (!NGINX) throw new Error('nginx is missing: apt-get install -y nginx (.ci/run does it)');
  const dir = path.join(process.env.E2E_ROOT ?? path.resolve('.e2e', String(process.pid)), `proxy-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  const cle = path.join(dir, 'cle.pem');
  const cert = path.join(dir, 'cert.pem');
  const o = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
      '-keyout',
      cle,
      '-out',
      cert,
    ],
    { encoding: 'utf8' },
  );
  if (o.status !== 0) throw new Error(`openssl: ${o.stderr}`);

  const [portApp, portTls] = [await portLibre(), await portLibre()];
  base = `https://localhost:${portTls}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    SECRET: 's'.repeat(48),
    HOST: '127.0.0.1',
    PORT: String(portApp),
    PUBLIC_URL: base,
    TRUST_PROXY: 'loopback',
    ASTRO_OUT_DIR: (process.env.E2E_BUILD ?? process.env.E2E_BUILD_DIR)!,
    DATA_DIR: path.join(dir, 'data'),
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    SMTP_URL: '',
    OUTBOX_INTERVAL_MS: '300',
  };
  // Production never creates demo accounts: create a real one as an operator would.
  const a = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/admin-create.ts', '--email', ADMIN, '--nom', 'Admin Proxy'], {
    env: { ...env, ADMIN_PASSWORD: MOT_DE_PASSE },
    encoding: 'utf8',
  });
  if (a.status !== 0) throw new Error(`admin:create: ${a.stderr}`);

  portail = spawn(process.execPath, ['scripts/server.mjs'], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    portail!.on('message', (m: { pret?: string }) => {
      if (m.pret) resolve();
    });
    portail!.on('exit', (code) => reject(new Error(`portal exited with ${code}`)));
  });

  const conf = path.join(dir, 'nginx.conf');
  const tmp = path.join(dir, 'tmp');
  writeFileSync(
    conf,
    `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${tmp}/body; proxy_temp_path ${tmp}/proxy; fastcgi_temp_path ${tmp}/fcgi;
  uwsgi_temp_path ${tmp}/uwsgi; scgi_temp_path ${tmp}/scgi;
  client_max_body_size 6m;
  server {
    listen 127.0.0.1:${portTls} ssl;
    ssl_certificate ${cert};
    ssl_certificate_key ${cle};
    location / {
      proxy_pass http://127.0.0.1:${portApp};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # nginx's default on x86 (one memory page), written out so that the test proves on any
      # platform that a page's headers fit: each page's policy names only its own hashes.
      proxy_buffer_size 4k;
    }
  }
}
`,
  );
  nginx = spawn(NGINX, ['-e', 'stderr', '-p', dir, '-c', conf], { stdio: ['ignore', 'inherit', 'inherit'] });
  await attendreHttps(`${base}/healthz`);
});

test.afterAll(async () => {
  await arreter(nginx);
  await arreter(portail);
});

test.use({ ignoreHTTPSErrors: true });

const debut = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(|$)`);
const dans = (jours: number) => new Date(Date.now() + jours * 86_400_000).toISOString().slice(0, 10);

async function deposerDemande(page: Page): Promise<string> {
  const d = frDemande;
  const suivant = () => page.getByRole('button', { name: d.boutons.suivant }).click();
  await page.goto(`${base}/demande`);
  const p1 = page.getByRole('group', { name: d.vous.parent1 });
  await p1.getByLabel(debut(d.vous.prenom)).fill('Inès');
  await p1.getByLabel(debut(d.vous.nom)).fill('Proxy');
  await page.getByLabel(d.vous.email, { exact: true }).fill(`ines.${Date.now()}@exemple.fr`);
  await page.getByLabel(d.vous.commune).selectOption('62119');
  await suivant();
  await expect(page.getByRole('heading', { level: 2, name: d.etapes.enfants })).toBeVisible();
  await page.getByLabel(d.enfants.ne).check();
  await page.getByLabel(d.enfants.naissance).fill(dans(-200));
  await suivant();
  await expect(page.getByRole('heading', { level: 2, name: d.etapes.besoin })).toBeVisible();
  await page.getByLabel(d.besoin.debut).fill(dans(60));
  const lundi = frCommun.jours[1]!;
  await page.getByLabel(lundi, { exact: true }).check();
  await page.getByLabel(d.besoin.deJour.replace('{jour}', lundi)).fill('08:00');
  await page.getByLabel(d.besoin.aJour.replace('{jour}', lundi)).fill('17:30');
  await suivant();
  await expect(page.getByRole('heading', { level: 2, name: d.etapes.souhaits })).toBeVisible();
  await page.getByLabel(d.souhaits.choix.replace('{n}', '1')).selectOption('assistant-maternel');
  await suivant();
  await expect(page.getByRole('heading', { level: 2, name: d.envoi.recap })).toBeVisible();
  await page.getByLabel(d.envoi.consentementContact).check();
  await page.getByLabel(d.envoi.consentementPartage).check();
  await page.getByRole('button', { name: d.boutons.envoyer }).click();
  await expect(page.getByRole('heading', { level: 1, name: d.confirmation.titre })).toBeVisible();
  return (await page
    .getByText(/D-\d{4}-\d{5}/)
    .first()
    .textContent())!.match(/D-\d{4}-\d{5}/)![0];
}

test('a family files a demande through the HTTPS reverse proxy', async ({ page }) => {
  const r = await page.goto(`${base}/`);
  expect(r!.headers()['strict-transport-security']).toMatch(/max-age=\d+/);
  const reference = await deposerDemande(page);
  expect(reference).toMatch(/^D-/);
  // The map, with the most hashes of the public pages, comes through the 4 KB buffer too.
  const carte = await page.goto(`${base}/carte`);
  expect(carte!.status()).toBe(200);
  await expect(page.locator('.carte-offre__carte')).toHaveAttribute('data-etat', 'pret', { timeout: 30_000 });
  // The follow-up cookie set by the demande is Secure behind HTTPS.
  const suivi = (await page.context().cookies()).find((c) => c.name === 'gpe_suivi');
  if (suivi) expect(suivi.secure).toBe(true);
});

test('a staff member signs in through the proxy; the session cookie is Secure', async ({ page }) => {
  await page.goto(`${base}/admin/connexion`);
  await page.getByLabel('Adresse e-mail').fill(ADMIN);
  await page.getByLabel('Mot de passe').fill(MOT_DE_PASSE);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).not.toHaveURL(/connexion/);
  for (const chemin of ['/admin/demandes', '/admin/statistiques']) expect((await page.goto(`${base}${chemin}`))!.status(), chemin).toBe(200);
  const cookies = await page.context().cookies();
  expect(cookies.length).toBeGreaterThan(0);
  for (const c of cookies.filter((x) => x.httpOnly)) expect(c.secure, c.name).toBe(true);
});

test('a cross-site form post through the proxy is still refused', async ({ playwright }) => {
  const req = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  const r = await req.post(`${base}/admin/connexion`, {
    headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    data: 'email=a%40b.fr&motDePasse=x',
  });
  expect(r.status()).toBe(403);
  await req.dispose();
});

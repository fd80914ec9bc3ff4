// Replays a corpus of bad inputs against every form and API of a portal
// instance of its own (e2e build, PGlite, demo territory) and checks: no
// response ≥ 500, and no personal data in what the portal logged.
import { expect, test, request as pwRequest, type APIRequestContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { portLibre } from './global-setup';

// Markers of personal data: none of them may ever appear in the log.
const PRENOM = 'Zéphyrine';
const NOM = 'Fuitenom';
const EMAIL = 'zephyrine.fuite@exemple.fr';
const TEL = '0698765432';
const MARQUEURS = [PRENOM, NOM, EMAIL, 'zephyrine.fuite', TEL, '06 98 76 54 32'];
const INCONNU = '3f0c9a7e-1b2d-4c5e-8f90-123456789abc';

/** Values every field receives in turn. */
const CORPUS: string[] = [
  '',
  ' ',
  'x'.repeat(10_000),
  '2026-02-30',
  '31/02/2026',
  '9999-99-99',
  '-1',
  '1e309',
  'NaN',
  '0x1F',
  '99999999999999999999',
  '👶🏽👨‍👩‍👧',
  'مرحبا بكم في الحضانة‏',
  '\u202Egnp.exe',
  `${PRENOM}\u0000${NOM}`,
  `${EMAIL}\u0000`,
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  INCONNU,
  'pas-un-uuid',
  '../../etc/passwd',
  '%00',
  'true',
  '[object Object]',
  `${TEL}${'9'.repeat(50)}`,
];

let portail: ChildProcess | undefined;
let base = '';
let journal = '';
let dataDir = '';

test.describe.configure({ mode: 'serial', timeout: 600_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000); // start-up (migrations + demo seed) takes 1–2 min on a busy 2-core machine
  dataDir = path.join(process.env.E2E_ROOT ?? path.resolve('.e2e', String(process.pid)), `hostile-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const port = await portLibre();
  base = `http://127.0.0.1:${port}`;
  portail = spawn(process.execPath, ['scripts/server.mjs'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: base,
      ASTRO_OUT_DIR: (process.env.E2E_BUILD ?? process.env.E2E_BUILD_DIR)!,
      DATA_DIR: dataDir,
      DEMO_PASSWORD: 'mot-de-passe-hostile',
      LOG_LEVEL: 'debug',
      DATABASE_URL: '',
      SMTP_URL: '',
      OUTBOX_INTERVAL_MS: '200',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  portail.stdout!.on('data', (c: Buffer) => {
    journal += c.toString('utf8');
  });
  portail.stderr!.on('data', (c: Buffer) => {
    journal += c.toString('utf8');
  });
  await new Promise<void>((resolve, reject) => {
    portail!.on('message', (m: { pret?: string }) => {
      if (m.pret) resolve();
    });
    portail!.on('exit', (code) => reject(new Error(`portal exited with ${code}\n${journal}`)));
  });
});

test.afterAll(async () => {
  if (portail && portail.exitCode === null)
    await new Promise<void>((r) => {
      portail!.once('exit', () => r());
      portail!.kill('SIGTERM');
    });
});

type Formulaire = { action: string; enctype: string; champs: { nom: string; valeur: string; type: string }[] };

const attr = (s: string, nom: string) => new RegExp(`\\b${nom}="([^"]*)"`).exec(s)?.[1]?.replace(/&amp;/g, '&');

/** The POST forms of a page, with their fields and hidden values. */
function formulaires(html: string, url: string): Formulaire[] {
  const r: Formulaire[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if ((attr(m[1]!, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const champs: Formulaire['champs'] = [];
    for (const c of m[2]!.matchAll(/<(input|select|textarea|button)\b([^>]*)>/g)) {
      const nom = attr(c[2]!, 'name');
      if (nom) champs.push({ nom, valeur: attr(c[2]!, 'value') ?? '', type: c[1] === 'input' ? (attr(c[2]!, 'type') ?? 'text') : c[1]! });
    }
    r.push({ action: new URL(attr(m[1]!, 'action') || url, url).toString(), enctype: attr(m[1]!, 'enctype') ?? 'application/x-www-form-urlencoded', champs });
  }
  return r;
}

const statuts: { url: string; cas: string; statut: number }[] = [];
async function noter(cas: string, url: string, p: Promise<{ status(): number }>) {
  const r = await p;
  statuts.push({ url, cas, statut: r.status() });
}

/** Every field set to the corpus value, hidden ones (CSRF, step) kept; then the hidden ones too. */
async function rejouer(api: APIRequestContext, f: Formulaire, origine: string) {
  const entetes = { origin: origine };
  for (const v of CORPUS) {
    for (const toucherCaches of [false, true]) {
      const champs = f.champs.map((c) => ({ nom: c.nom, valeur: c.type === 'hidden' && (!toucherCaches || c.nom === '_csrf') ? c.valeur : v }));
      if (f.enctype.startsWith('multipart')) {
        const multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = {};
        for (const c of champs)
          multipart[c.nom] =
            f.champs.find((x) => x.nom === c.nom)?.type === 'file'
              ? { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(`nom;email\n${v};${EMAIL}\n=1+1;@x\n`) }
              : c.valeur;
        await noter(`multipart ${v.slice(0, 20)}`, f.action, api.post(f.action, { headers: entetes, multipart, maxRedirects: 0 }));
      } else {
        const corps = new URLSearchParams(champs.map((c) => [c.nom, c.valeur])).toString();
        await noter(
          `form ${v.slice(0, 20)}`,
          f.action,
          api.post(f.action, { headers: { ...entetes, 'content-type': 'application/x-www-form-urlencoded' }, data: corps, maxRedirects: 0 }),
        );
      }
    }
  }
  const csrf = f.champs.find((c) => c.nom === '_csrf')?.valeur ?? '';
  // Invalid UTF-8 and raw NUL bytes in an url-encoded body.
  await noter(
    'utf8 invalide',
    f.action,
    api.post(f.action, {
      headers: { ...entetes, 'content-type': 'application/x-www-form-urlencoded' },
      data: Buffer.concat([
        Buffer.from(`_csrf=${encodeURIComponent(csrf)}&${f.champs[0]?.nom ?? 'x'}=`),
        Buffer.from([0xff, 0xfe, 0x00, 0xc3]),
        Buffer.from('%FF%C3%28'),
      ]),
      maxRedirects: 0,
    }),
  );
  await noter(
    'json',
    f.action,
    api.post(f.action, { headers: { ...entetes, 'content-type': 'application/json' }, data: JSON.stringify({ email: EMAIL, _csrf: csrf }), maxRedirects: 0 }),
  );
  await noter('sans type', f.action, api.fetch(f.action, { method: 'POST', headers: entetes, data: Buffer.from(`email=${EMAIL}`), maxRedirects: 0 }));
  await noter(
    'multipart cassé',
    f.action,
    api.post(f.action, {
      headers: { ...entetes, 'content-type': 'multipart/form-data; boundary=----x' },
      data: `------x\r\nContent-Disposition: form-data; name="email"\r\n\r\n${EMAIL}\r\n------`,
      maxRedirects: 0,
    }),
  );
  await noter(
    '2 Mo',
    f.action,
    api.post(f.action, {
      headers: { ...entetes, 'content-type': 'application/x-www-form-urlencoded' },
      data: `_csrf=${csrf}&nom=${'a'.repeat(2 * 1024 * 1024)}`,
      maxRedirects: 0,
    }),
  );
}

/** Files one demande in a single post, then reads the follow-up link from the file outbox. */
async function lienDeSuivi(api: APIRequestContext): Promise<string> {
  const corps = new URLSearchParams({
    aller: 'envoyer',
    etape: '4',
    p1Prenom: PRENOM,
    p1Nom: NOM,
    email: EMAIL,
    telephone: TEL,
    canalPrefere: 'email',
    langueContact: 'fr',
    commune: '62119',
    nbEnfants: '1',
    e0Statut: 'ne',
    e0Naissance: new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10),
    dateDebut: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
    regularite: 'reguliere',
    j1: 'oui',
    j1De: '08:00',
    j1A: '17:00',
    mode1: 'collectif',
    consentementContact: 'oui',
    consentementPartage: 'oui',
  });
  const r = await api.post(`${base}/demande`, {
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    data: corps.toString(),
    maxRedirects: 0,
  });
  expect(r.status(), await r.text()).toBe(303);
  const dossier = path.join(dataDir, 'outbox');
  for (let i = 0; i < 200; i++) {
    try {
      for (const f of readdirSync(dossier)) {
        const m = /\/suivi\/[A-Za-z0-9_-]{20,}/.exec(readFileSync(path.join(dossier, f), 'utf8').replace(/=\r?\n/g, ''));
        if (m) return `${base}${m[0]}`;
      }
    } catch {
      /* not written yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no follow-up email');
}

test('bad input on every form and API never gives a 500 and never reaches the log as personal data', async () => {
  const famille = await pwRequest.newContext();
  const suivi = await lienDeSuivi(famille);
  const pagesFamille = [
    `${base}/demande`,
    `${base}/en/demande`,
    `${base}/ar/demande`,
    `${base}/suivi`,
    suivi,
    `${base}/questionnaire`,
    `${base}/reunions`,
    `${base}/pro`,
    `${base}/admin/connexion`,
  ];
  const reunions = await (await famille.get(`${base}/reunions`)).text();
  for (const m of reunions.matchAll(/href="(\/reunions\/[0-9a-f-]{36})"/g)) {
    pagesFamille.push(`${base}${m[1]}`);
    break;
  }

  const staff = await pwRequest.newContext();
  const cx = await staff.post(`${base}/admin/connexion`, {
    headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    data: 'email=admin%40exemple.fr&motDePasse=mot-de-passe-hostile',
    maxRedirects: 0,
  });
  expect(cx.status()).toBe(303);
  const file = await (await staff.get(`${base}/admin/demandes`)).text();
  const idDemande = /href="\/admin\/demandes\/([0-9a-f-]{36})"/.exec(file)?.[1];
  const pagesStaff = [
    `${base}/admin/demandes/nouvelle`,
    `${base}/admin/agenda/parametres`,
    `${base}/admin/agenda/nouveau`,
    `${base}/admin/offre/import`,
    `${base}/admin/courriels`,
    `${base}/admin/offre`,
  ];
  if (idDemande) pagesStaff.push(`${base}/admin/demandes/${idDemande}`);

  for (const [api, pages] of [
    [famille, pagesFamille],
    [staff, pagesStaff],
  ] as const) {
    for (const url of pages) {
      const page = await api.get(url);
      expect(page.status(), url).toBeLessThan(500);
      for (const f of formulaires(await page.text(), url)) await rejouer(api, f, base);
    }
  }

  // Unknown and malformed ids, hostile query strings, APIs.
  const gets = [
    `/suivi/${'A'.repeat(43)}`,
    '/suivi/%00',
    '/suivi/%FF%FE',
    `/rdv/${INCONNU}`,
    '/rdv/gerer/pas-un-jeton',
    `/reunions/${INCONNU}`,
    '/reunions/pas-un-uuid',
    `/reunions/${INCONNU}?profil=%00%FF`,
    `/admin/demandes/${INCONNU}`,
    '/admin/demandes/pas-un-uuid',
    `/admin/offre/${INCONNU}`,
    '/admin/offre/pas-un-uuid',
    `/admin/agenda/rdv/${INCONNU}`,
    '/admin/agenda/rdv/xyz',
    '/admin/statistiques?du=2026-02-30&au=%00',
    '/admin/statistiques/export.csv?du=x&au=y',
    '/api/offre?lat=abc&lon=%00&rayon=1e309&age=-5&type=%F0%9F%91%B6',
    '/api/offre.csv?commune=%00&date=2026-02-30',
    '/api/communes.geojson?x=%FF',
    `/carte?commune=${encodeURIComponent('مرحبا')}&date=2026-02-30&rayon=-1&age=NaN`,
    `/recherche?q=${'x'.repeat(10_000)}`,
    '/recherche?q=%00%FF',
    `/langue?vers=%00&retour=${encodeURIComponent('/\\evil.example/')}`,
    `/demande?email=${encodeURIComponent(EMAIL)}&commune=%00`,
    '/donnees/communes.csv?mois=2026-13',
    `/pro/lien/${'x'.repeat(300)}`,
    '/relance/%00',
    `/relance/offre/${INCONNU}`,
  ];
  for (const g of gets) await noter('get', g, staff.get(`${base}${g}`, { maxRedirects: 0 }));
  const langue = await famille.get(`${base}/langue?retour=${encodeURIComponent('/\\evil.example/')}`, { maxRedirects: 0 });
  expect(langue.headers()['location']).toBe('/');

  const pannes = statuts.filter((s) => s.statut >= 500);
  const resume = [...new Set(pannes.map((p) => `${new URL(p.url, base).pathname} ← ${p.cas}`))].slice(0, 30);
  const erreurs = journal
    .split('\n')
    .filter((l) => /"level":50/.test(l))
    .slice(0, 5);
  expect(pannes, `${resume.join('\n')}\n${erreurs.join('\n')}`).toEqual([]);
  expect(statuts.length).toBeGreaterThan(500);
  expect(statuts.some((s) => s.statut === 413)).toBe(true);
  expect(statuts.some((s) => s.statut === 415)).toBe(true);

  // Wait until the log has caught up with a last marked request, then look for personal data.
  const fin = `/fin-du-corpus-${Date.now()}`;
  await famille.get(`${base}${fin}`);
  await expect.poll(() => journal.includes(fin), { timeout: 10_000 }).toBe(true);
  for (const m of MARQUEURS) {
    const i = journal.indexOf(m);
    expect(i, `log contains « ${m} »: ${journal.slice(Math.max(0, i - 300), i + 200)}`).toBe(-1);
  }
  expect(journal).not.toMatch(/\/suivi\/[A-Za-z0-9_-]{20,}/);
  await famille.dispose();
  await staff.dispose();
});

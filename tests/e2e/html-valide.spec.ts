/**
 * Valid HTML (RGAA 8.2): the Nu HTML checker (vnu-jar, run with Java) on
 * every public page type, in one batch invocation.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const PAGES = [
  '/',
  '/ar/',
  '/falc/',
  '/en/',
  '/couts-et-aides',
  '/ar/couts-et-aides',
  '/falc/handicap',
  '/relais-petite-enfance',
  '/ar/relais-petite-enfance',
  '/carte',
  '/ar/carte?lieu=Lillers',
  '/questionnaire',
  '/demande',
  '/ar/demande',
  '/recherche?q=creche',
  '/reunions',
  '/suivi',
  '/plan-du-site',
  '/communes/integrer-la-carte',
  '/embed/carte',
  '/donnees',
  '/pro',
  '/admin/connexion',
  '/page-qui-n-existe-pas',
];

/**
 * Messages about third-party stylesheets we ship unchanged (Leaflet): the
 * checker's CSS grammar predates `mix-blend-mode: plus-lighter`, and
 * `behavior` is an old Internet Explorer hack it does not know. Only these
 * two exact messages are ignored; every HTML error counts.
 */
const CSS_TIERS = [/^CSS: “mix-blend-mode”: “plus-lighter” is not a “mix-blend-mode” value\.$/, /^CSS: “behavior”: Property “behavior” doesn't exist\.$/];

test('every public page type passes the Nu HTML checker', async ({ request }) => {
  test.setTimeout(180_000);
  const dossier = mkdtempSync(path.join(tmpdir(), 'gpe-vnu-'));
  try {
    const fichiers: Record<string, string> = {};
    for (const [i, chemin] of PAGES.entries()) {
      const r = await request.get(chemin);
      expect([200, 404], chemin).toContain(r.status());
      const f = path.join(dossier, `${String(i).padStart(2, '0')}.html`);
      writeFileSync(f, await r.text());
      fichiers[`file:${f}`] = chemin;
    }
    const jar = createRequire(import.meta.url)('vnu-jar') as string;
    const { stdout, stderr } = await promisify(execFile)(
      process.env.JAVA ?? 'java',
      ['-Xss8m', '-jar', jar, '--format', 'json', '--exit-zero-always', ...Object.keys(fichiers).map((u) => u.slice(5))],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const sortie = JSON.parse(stderr || stdout) as {
      messages: { type: string; subType?: string; url: string; message: string; lastLine?: number; extract?: string }[];
    };
    const erreurs = sortie.messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .filter((m) => !CSS_TIERS.some((re) => re.test(m.message)))
      .map((m) => `${fichiers[m.url] ?? m.url}: ${m.message} [${(m.extract ?? '').trim().slice(0, 80)}]`);
    expect(erreurs).toEqual([]);
  } finally {
    rmSync(dossier, { recursive: true, force: true });
  }
});

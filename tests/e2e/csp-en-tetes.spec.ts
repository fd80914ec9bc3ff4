// Issue 20/16: each page's Content-Security-Policy names only the hashes of the
// inline scripts and styles it carries, so that response headers fit in
// nginx's default 4 KB buffer; pages still run with no CSP violation.
import { createHash } from 'node:crypto';
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { connexionStaff, surveillerCsp } from '../helpers/e2e';
import frDemande from '../../src/i18n/fr/demande';

test.describe.configure({ timeout: 120_000 });

/** Bytes of the header block as sent on the wire (status line, `Name: value\r\n` each, blank line). */
const tailleEntetes = (r: APIResponse) =>
  'HTTP/1.1 200 OK\r\n'.length + r.headersArray().reduce((n, h) => n + Buffer.byteLength(`${h.name}: ${h.value}\r\n`), 0) + 2;

/** The hashes a directive lists. */
const empreintes = (csp: string, directive: string) =>
  new Set(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find((d) => d[0] === directive)!
      .filter((s) => s.startsWith("'sha256-")),
  );

/** The hashes of the page's inline scripts and styles, computed here from the HTML received. */
function empreintesDeLaPage(html: string): { scripts: Set<string>; styles: Set<string> } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const [, nom, attributs, contenu] of html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi)) {
    if (nom === 'script' && /\bsrc\s*=/.test(attributs!)) continue;
    (nom === 'script' ? scripts : styles).add(`'sha256-${createHash('sha256').update(contenu!).digest('base64')}'`);
  }
  return { scripts, styles };
}

async function verifierPage(r: APIResponse, chemin: string): Promise<number> {
  const csp = r.headers()['content-security-policy'];
  expect(csp, chemin).toBeTruthy();
  expect(csp, chemin).not.toContain('unsafe-inline');
  expect(csp!.length, `${chemin}: ${csp!.length} bytes of policy`).toBeLessThan(1024);
  expect(tailleEntetes(r), `${chemin}: headers`).toBeLessThan(3 * 1024);
  const page = empreintesDeLaPage(await r.text());
  // Exactly the page's own inline elements: none missing, none extra.
  expect(empreintes(csp!, 'script-src'), `${chemin}: scripts`).toEqual(page.scripts);
  expect(empreintes(csp!, 'style-src'), `${chemin}: styles`).toEqual(page.styles);
  return csp!.length;
}

test('public pages of every kind carry a policy of their own hashes only, well under 4 KB of headers', async ({ request }) => {
  const tailles: Record<string, number> = {};
  for (const chemin of [
    '/',
    '/modes-d-accueil',
    '/carte',
    '/ar/carte',
    '/embed/carte',
    '/demande',
    '/en/demande',
    '/questionnaire',
    '/recherche?q=creche',
    '/suivi',
    '/admin/connexion',
  ]) {
    const r = await request.get(chemin);
    expect(r.status(), chemin).toBe(200);
    tailles[chemin] = await verifierPage(r, chemin);
  }
  const r404 = await request.get('/page-qui-n-existe-pas');
  expect(r404.status()).toBe(404);
  await verifierPage(r404, '404');
  // Pages differ: the map needs its island scripts, the home page none.
  expect(tailles['/carte']).toBeGreaterThan(tailles['/']!);
  // A refused form (422) is a page like any other.
  const refus = await request.post('/suivi', { form: { email: 'pas-une-adresse' }, headers: { origin: new URL(r404.url()).origin } });
  expect(refus.status()).toBe(422);
  await verifierPage(refus, 'POST /suivi (422)');
});

test('staff pages too, with their session cookie', async ({ page }) => {
  await connexionStaff(page, 'admin@exemple.fr');
  for (const chemin of ['/admin', '/admin/demandes', '/admin/statistiques', '/admin/offre']) {
    const r = await page.request.get(chemin);
    expect(r.status(), chemin).toBe(200);
    await verifierPage(r, chemin);
  }
});

/** Step 1 of the demande refused, then filled in, up to the step with the schedule (an island). */
async function parcourirDemande(page: Page): Promise<void> {
  const d = frDemande;
  const debut = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(|$)`);
  const suivant = () => page.getByRole('button', { name: d.boutons.suivant }).click();
  await page.goto('/demande');
  await suivant();
  await expect(page.locator('#resume-erreurs')).toBeFocused();
  const p1 = page.getByRole('group', { name: d.vous.parent1 });
  await p1.getByLabel(debut(d.vous.prenom)).fill('Inès');
  await p1.getByLabel(debut(d.vous.nom)).fill('Politique');
  await page.getByLabel(d.vous.email, { exact: true }).fill(`ines.csp.${Date.now()}@exemple.fr`);
  await page.getByLabel(d.vous.commune).selectOption('62119');
  await suivant();
  await expect(page.getByRole('heading', { level: 2, name: d.etapes.enfants })).toBeVisible();
  await page.getByLabel(d.enfants.ne).check();
  await page.getByLabel(d.enfants.naissance).fill(new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10));
  await suivant();
  await expect(page.getByRole('heading', { level: 2, name: d.etapes.besoin })).toBeVisible();
}

test('the map, the demande wizard, the embed and staff pages run with no CSP violation in Chromium', async ({ page }) => {
  const violations = await surveillerCsp(page);
  await page.goto('/carte');
  await expect(page.getByRole('region', { name: 'Carte des lieux d’accueil' })).toHaveAttribute('data-etat', 'pret', { timeout: 30_000 });
  await expect(page.locator('.leaflet-marker-icon, .marker-cluster').first()).toBeVisible();
  await page.goto('/embed/carte');
  await expect(page.locator('.carte-offre__carte')).toHaveAttribute('data-etat', 'pret', { timeout: 30_000 });
  await parcourirDemande(page);
  await page.goto('/questionnaire');
  await expect(page.locator('.progression__barre rect')).toHaveAttribute('width', /\d+/);
  await connexionStaff(page, 'admin@exemple.fr');
  await page.goto('/admin/statistiques');
  await expect(page.locator('.choro__pastille rect').first()).toHaveAttribute('fill', /^#/);
  expect(violations).toEqual([]);

  // The watch works: a style Astro did not emit is refused even on a page that has inline styles.
  await page.evaluate(() => {
    const s = document.createElement('style');
    s.textContent = 'body { color: red }';
    document.head.append(s);
  });
  await expect.poll(() => violations.filter((v) => v.startsWith('style-src')).length).toBe(1);
});

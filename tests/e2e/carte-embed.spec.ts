import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { verifierAccessibilite } from '../helpers/e2e';

const TITRE_IFRAME = 'Carte des places d’accueil petite enfance';

/** A commune's website on another origin, with the pasted snippet. */
async function siteDeLaCommune(corps: string): Promise<{ url: string; fermer: () => Promise<void> }> {
  const serveur = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Mairie de Béthune</title></head><body><main><h1>Petite enfance à Béthune</h1>${corps}<p id="apres">Fin de la page</p></main></body></html>`,
    );
  });
  await new Promise<void>((r) => serveur.listen(0, '127.0.0.1', () => r()));
  const { port } = serveur.address() as AddressInfo;
  return { url: `http://localhost:${port}/`, fermer: () => new Promise((r) => serveur.close(() => r())) };
}

test('a commune’s website embeds the widget through /embed.js and shows the commune’s places', async ({ page, baseURL }) => {
  const site = await siteDeLaCommune(`<script src="${baseURL}/embed.js" data-commune="62119" data-lang="fr" data-type="assistant-maternel"></script>`);
  try {
    await page.goto(site.url);
    const iframe = page.getByTitle(TITRE_IFRAME);
    await expect(iframe).toBeVisible();
    const cadre = page.frameLocator(`iframe[title="${TITRE_IFRAME}"]`);
    await expect(cadre.getByRole('heading', { level: 1 })).toHaveText('Places d’accueil à Béthune');
    const fiches = cadre.locator('#liste-offre article');
    await expect(fiches.first()).toBeVisible();
    for (const f of (await fiches.all()).slice(0, 10)) {
      await expect(f).toContainText('Assistant maternel');
      await expect(f).toContainText('Béthune');
    }
    const region = cadre.getByRole('region', { name: 'Carte des lieux d’accueil' });
    await expect(region).toHaveAttribute('data-etat', 'pret', { timeout: 30_000 });
    expect(Number(await region.getAttribute('data-nombre'))).toBeGreaterThan(0);
    // The iframe grows to its content (no inner scroll bar).
    await expect.poll(async () => (await iframe.boundingBox())!.height).toBeGreaterThan(800);
    const hauteurContenu = await cadre.locator('html').evaluate((h) => h.scrollHeight);
    expect(Math.abs((await iframe.boundingBox())!.height - hauteurContenu)).toBeLessThan(5);
    // A message from another origin (here the host page itself) is ignored.
    const avant = await iframe.evaluate((el) => (el as HTMLIFrameElement).style.height);
    // A listener added after embed.js's sees the message once embed.js has handled it.
    await page.evaluate(() => {
      const w = window as Window & { vuParLaPage?: boolean };
      window.addEventListener('message', (e) => {
        if (e.data?.hauteur === 42) w.vuParLaPage = true;
      });
      window.postMessage({ type: 'gpe-carte:hauteur', hauteur: 42 }, '*');
    });
    await page.waitForFunction(() => (window as Window & { vuParLaPage?: boolean }).vuParLaPage === true);
    expect(await iframe.evaluate((el) => (el as HTMLIFrameElement).style.height)).toBe(avant);
    // "Faire une demande" leaves the frame.
    await expect(fiches.first().getByRole('link', { name: /Faire une demande/ })).toHaveAttribute('target', '_blank');
  } finally {
    await site.fermer();
  }
});

test('only the embed routes may be framed', async ({ request }) => {
  const embed = await request.get('/embed/carte?commune=62119');
  expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
  expect(embed.headers()['x-frame-options']).toBeUndefined();
  const carte = await request.get('/carte');
  expect(carte.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(carte.headers()['x-frame-options']).toBe('DENY');
  const script = await request.get('/embed.js');
  expect(script.headers()['content-type']).toContain('javascript');
  expect(await script.text()).toContain('e.origin !== origine');
});

test('the embedded widget speaks the language asked and is accessible', async ({ page }) => {
  await page.goto('/embed/carte?commune=62516&lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('أماكن الرعاية في Lillers');
  await expect(page.getByRole('region')).toHaveAttribute('data-etat', 'pret');
  await verifierAccessibilite(page, '/embed/carte ar');
  await page.goto('/embed/carte?commune=62516');
  await expect(page.getByRole('region', { name: 'Carte des lieux d’accueil' })).toHaveAttribute('data-etat', 'pret');
  await verifierAccessibilite(page, '/embed/carte');
});

test('a commune agent generates the snippet and sees the preview', async ({ page, baseURL }) => {
  await page.goto('/communes/integrer-la-carte');
  await page.getByLabel('Votre commune').selectOption({ label: 'Lillers (62190)' });
  await page.getByLabel('Langue de la carte').selectOption({ label: 'English' });
  await page.getByLabel('Types d’accueil montrés').selectOption({ label: 'Micro-crèche' });
  await page.getByRole('button', { name: 'Générer le code' }).click();
  const code = page.getByRole('textbox', { name: 'Code à copier' });
  await expect(code).toHaveValue(new RegExp(`<script src="${baseURL}/embed.js" data-commune="62516" data-lang="en" data-type="micro-creche"></script>`));
  const apercu = page.frameLocator('iframe.gpe-carte');
  await expect(apercu.getByRole('heading', { level: 1 })).toHaveText('Childcare places in Lillers');
  await expect(apercu.getByRole('region', { name: 'Map of childcare places' })).toHaveAttribute('data-etat', 'pret');
  await verifierAccessibilite(page, '/communes/integrer-la-carte');
});

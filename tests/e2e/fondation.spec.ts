import { expect, test } from '@playwright/test';
import { connexionStaff, verifierAccessibilite } from '../helpers/e2e';

test('a parent opens the home page and finds the relais sites with their hours', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trouver un mode d’accueil pour votre enfant');
  const relais = page.getByRole('article').filter({ hasText: 'mutualisé' });
  await expect(relais.getByRole('heading', { name: 'Centre social Ginette Delestrez' })).toBeVisible();
  await expect(relais.getByRole('heading', { name: 'Antenne communautaire de Lillers' })).toBeVisible();
  await expect(relais).toContainText('lundi');
  await verifierAccessibilite(page, 'home');
});

test('a keyboard user skips to the content and sees where focus is', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const lien = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(lien).toBeFocused();
  const outline = await lien.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#contenu$/);
});

test('the Arabic home page is right-to-left', async ({ page }) => {
  await page.goto('/ar/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
});

test('an unknown language prefix is a 404, not an error', async ({ page }) => {
  const r = await page.goto('/xx/');
  expect(r?.status()).toBe(404);
});

test('healthz reports the database', async ({ request }) => {
  const r = await request.get('/healthz');
  expect(r.status()).toBe(200);
  expect(await r.json()).toMatchObject({ status: 'ok', database: 'up' });
});

test('an animatrice signs in and out of the back office', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/connexion/);
  await verifierAccessibilite(page, 'login');
  await page.getByLabel('Adresse e-mail').fill('animatrice.est@exemple.fr');
  await page.getByLabel('Mot de passe').fill('pas le bon');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toContainText('incorrect');
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue('animatrice.est@exemple.fr');
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Camille Animatrice Est');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/admin\/connexion/);
});

test('a staff form posted without the CSRF token is refused', async ({ page }) => {
  await connexionStaff(page, 'admin@exemple.fr');
  const status = await page.evaluate(async () => (await fetch('/admin/deconnexion', { method: 'POST', body: new URLSearchParams({ x: '1' }) })).status);
  expect(status).toBe(403);
});

test('pages other than the widget refuse to be framed', async ({ request }) => {
  const r = await request.get('/');
  expect(r.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

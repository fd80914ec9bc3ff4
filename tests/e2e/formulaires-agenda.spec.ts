import { expect, test, type Browser, type Page } from '@playwright/test';
import { connexionStaff, verifierAccessibilite } from '../helpers/e2e';

// The agenda's staff forms on the form kit: an invalid post comes back (with
// JavaScript off: the server does it all) with a summary naming each field,
// a title counting the errors, each message next to its field and what was
// typed still there; axe runs on the same pages with JavaScript on.

async function contexte(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const ctx = await browser.newContext({ javaScriptEnabled, baseURL: process.env.E2E_BASE_URL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await ctx.newPage();
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  return page;
}

async function reunionInvalide(page: Page): Promise<void> {
  // A réunion with a title and a time, but no date, no place nor video link, no seats.
  await page.goto('/admin/agenda/reunions');
  await page.getByLabel(/^Titre/).fill('Soirée des nouveaux parents');
  await page.getByLabel('Public').selectOption('am');
  await page.getByLabel(/^Début/).fill('18:15');
  await page.getByLabel(/^Nombre de places/).fill('');
  await page.getByRole('button', { name: 'Créer la réunion' }).click();
  await expect(page).toHaveTitle(/^3 erreurs – Réunions d’information — Espace des relais$/);
}

async function rdvSansChoix(page: Page): Promise<void> {
  // A RDV for a family found by the search, on site, without choosing the motif nor the site.
  await page.goto('/admin/agenda/nouveau?pour=famille&q=D-');
  await page.getByLabel('Mode').selectOption('sur-place');
  await page.getByRole('button', { name: 'Voir les créneaux libres' }).click();
}

test('an invalid réunion comes back without JavaScript with a named summary, a counted title and the typed values', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await contexte(browser, false);
  await reunionInvalide(page);
  const resume = page.getByRole('alert');
  await expect(resume).toContainText('Le formulaire contient 3 erreurs');
  await expect(resume.getByRole('link', { name: 'Date : indiquez la date' })).toHaveAttribute('href', '#f-jour');
  await expect(resume.getByRole('link', { name: /^Lien de visio : / })).toHaveAttribute('href', '#f-lienVisio');
  await expect(resume.getByRole('link', { name: /^Nombre de places : / })).toHaveAttribute('href', '#f-capacite');
  const date = page.getByLabel(/^Date/);
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(/Indiquez la date$/);
  await expect(page.getByLabel(/^Titre/)).toHaveValue('Soirée des nouveaux parents');
  await expect(page.getByLabel('Public')).toHaveValue('am');
  await expect(page.getByLabel(/^Début/)).toHaveValue('18:15');
  await expect(page.getByLabel(/^Titre/)).not.toHaveAttribute('aria-invalid', 'true');
  await page.context().close();

  const avecJs = await contexte(browser, true);
  await reunionInvalide(avecJs);
  await expect(avecJs.getByRole('alert')).toBeFocused();
  await verifierAccessibilite(avecJs, 'réunions with errors');
  await avecJs.context().close();
});

test('a RDV booked by staff on site without a motif nor a site names both, next to their fields, and keeps the mode', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await contexte(browser, false);
  await rdvSansChoix(page);
  const resume = page.getByRole('alert');
  await expect(resume.getByRole('link', { name: 'Motif : choisissez le motif.' })).toHaveAttribute('href', '#f-motif');
  await expect(resume.getByRole('link', { name: 'Lieu (sur place) : choisissez le lieu.' })).toHaveAttribute('href', '#f-lieu');
  await expect(page.getByLabel('Motif')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Motif')).toHaveAccessibleDescription(/Choisissez le motif\.$/);
  await expect(page.getByLabel('Mode')).toHaveValue('sur-place');
  await expect(page.getByLabel('Chercher', { exact: true })).toHaveValue('D-');
  await page.context().close();

  const avecJs = await contexte(browser, true);
  await rdvSansChoix(avecJs);
  await expect(avecJs.getByRole('alert')).toBeFocused();
  await verifierAccessibilite(avecJs, 'nouveau rdv with errors');
  await avecJs.context().close();
});

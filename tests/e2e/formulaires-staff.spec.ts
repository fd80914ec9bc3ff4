import { expect, test, type Browser, type Page } from '@playwright/test';
import { connexionStaff, verifierAccessibilite } from '../helpers/e2e';

// Staff forms use the same form kit as the family forms (src/components/form):
// an invalid form comes back with a summary that names each field, a title
// that counts the errors, the error next to the field and what was typed
// still there. Checked with JavaScript off (the server does it all); axe runs
// on the same pages in a context with JavaScript (it needs a script to run).

async function motifInvalide(page: Page): Promise<void> {
  // Agenda settings: a motif too short and without any mode.
  await page.goto('/admin/agenda/parametres');
  await page.getByText('Ajouter un motif', { exact: true }).click();
  await page.getByLabel('Nom', { exact: true }).fill('Atelier portage');
  await page.getByLabel('Durée (minutes)').fill('3');
  await page.getByRole('button', { name: 'Ajouter le motif' }).click();
  await expect(page).toHaveTitle(/^2 erreurs – Motifs, plages et absences — Espace des relais$/);
}

async function placeSansTranche(page: Page): Promise<string> {
  // One assistant maternel's availability, updated after a call: "she has a place" without an age group.
  await page.goto('/admin/offre');
  await page.getByRole('row').filter({ hasText: 'Richebourg' }).first().getByRole('link').first().click();
  const nom = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await page.getByLabel('À partir du').fill('2027-03-01');
  await page.getByRole('button', { name: 'Elle a une place' }).click();
  await expect(page).toHaveTitle(`1 erreur – ${nom} — Espace des relais`);
  return nom;
}

async function contexte(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const ctx = await browser.newContext({ javaScriptEnabled, baseURL: process.env.E2E_BASE_URL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await ctx.newPage();
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  return page;
}

test('an invalid staff form comes back without JavaScript with a named summary, a counted title and the typed values', async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await contexte(browser, false);

  await motifInvalide(page);
  const resume = page.getByRole('alert');
  await expect(resume).toContainText('Le formulaire contient 2 erreurs');
  await expect(resume.getByRole('link', { name: 'Durée (minutes) : au moins 5 minutes' })).toHaveAttribute('href', '#f-dureeMinutes');
  await expect(resume.getByRole('link', { name: 'Modes possibles : cochez au moins un mode' })).toHaveAttribute('href', '#f-modes');
  await expect(page.getByLabel('Nom', { exact: true })).toHaveValue('Atelier portage');
  const duree = page.getByLabel('Durée (minutes)');
  await expect(duree).toHaveValue('3');
  await expect(duree).toHaveAttribute('aria-invalid', 'true');
  await expect(duree).toHaveAccessibleDescription(/Au moins 5 minutes$/);

  await placeSansTranche(page);
  await expect(page.getByRole('alert').getByRole('link', { name: 'Tranche d’âge de la place : choisissez la tranche d’âge de la place.' })).toHaveAttribute(
    'href',
    '#f-p0_tranche',
  );
  await expect(page.getByRole('group', { name: 'Tranche d’âge de la place' })).toHaveAccessibleDescription(/Choisissez la tranche d’âge de la place\.$/);
  await expect(page.getByLabel('À partir du')).toHaveValue('2027-03-01');
  await page.context().close();

  // The same pages, for axe.
  const avecJs = await contexte(browser, true);
  await motifInvalide(avecJs);
  await verifierAccessibilite(avecJs, 'agenda settings with errors');
  await placeSansTranche(avecJs);
  await verifierAccessibilite(avecJs, 'AM availability with errors');
  await avecJs.context().close();
});

async function siteSansNom(page: Page): Promise<void> {
  // Territory settings (admin): a new site with only its address.
  await page.goto('/admin/territoire/sites');
  const creer = page.locator('details', { has: page.locator('summary', { hasText: 'Créer un site' }) });
  if ((await creer.getAttribute('open')) === null) await creer.locator('summary').click();
  await creer.getByLabel(/^Adresse/).fill('12 rue des Tilleuls');
  await creer.getByRole('button', { name: 'Créer le site' }).click();
  await expect(page).toHaveTitle('4 erreurs – Sites et horaires — Espace des relais');
}

test('an invalid territory form comes back without JavaScript with the kit’s summary, a counted title and the typed value', async ({ browser }) => {
  test.setTimeout(180_000);
  const ouvrir = async (javaScriptEnabled: boolean) => {
    const ctx = await browser.newContext({ javaScriptEnabled, baseURL: process.env.E2E_BASE_URL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await ctx.newPage();
    await connexionStaff(page, 'admin@exemple.fr');
    return page;
  };
  const page = await ouvrir(false);
  await siteSansNom(page);
  const resume = page.getByRole('alert');
  await expect(resume).toContainText('Le formulaire contient 4 erreurs');
  await expect(resume.getByRole('link', { name: 'Nom du site : indiquez le nom du site' })).toHaveAttribute('href', '#f-nom');
  await expect(resume.getByRole('link', { name: 'Relais : choisissez le relais' })).toHaveAttribute('href', '#f-relaisId');
  await expect(resume).toHaveAttribute('autofocus', '');
  const creer = page.locator('details', { has: page.locator('summary', { hasText: 'Créer un site' }) });
  const nom = creer.getByLabel('Nom du site');
  await expect(nom).toHaveAttribute('aria-invalid', 'true');
  await expect(nom).toHaveAccessibleDescription(/Indiquez le nom du site/);
  await expect(creer.getByLabel(/^Adresse/)).toHaveValue('12 rue des Tilleuls');
  await page.context().close();

  const avecJs = await ouvrir(true);
  await siteSansNom(avecJs);
  await expect(avecJs.getByRole('alert')).toBeFocused();
  await verifierAccessibilite(avecJs, 'territory sites with errors');
  await avecJs.context().close();
});

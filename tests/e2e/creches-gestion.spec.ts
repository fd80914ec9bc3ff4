/**
 * The crèche manager notes the day a contract was signed: the form is on the
 * kit, so a refused day comes back (without JavaScript too) with a summary
 * naming the field, a title counting the error, the message next to the
 * field and the day typed still there; axe checks the page with its errors.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { connexionStaff, verifierAccessibilite } from '../helpers/e2e';

const jourParis = (x = new Date()) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(x);
const dans = (jours: number) => jourParis(new Date(Date.now() + jours * 86_400_000));

async function gestion(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const ctx = await browser.newContext({ javaScriptEnabled, baseURL: process.env.E2E_BASE_URL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await ctx.newPage();
  await connexionStaff(page, 'creche@exemple.fr');
  await page.goto('/admin/creches/gestion');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('familles proposées');
  return page;
}

/** The first family whose contract is still to note (the demo seed has families that accepted a place in this crèche). */
async function premiereFamille(page: Page) {
  const ligne = page
    .getByRole('row')
    .filter({ has: page.getByLabel(/^Date de signature du contrat/) })
    .first();
  const reference = (await ligne.getByRole('rowheader').textContent())!.trim();
  return { ligne, reference, date: ligne.getByLabel(`Date de signature du contrat (${reference})`) };
}

test('a refused signing day comes back with a named summary, a counted title and the day typed; a right one is noted', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await gestion(browser, false);
  const { ligne, reference, date } = await premiereFamille(page);
  await expect(date).toHaveValue(jourParis()); // today by default
  await date.fill(dans(3));
  await ligne.getByRole('button', { name: `Noter le contrat signé (${reference})` }).click();
  await expect(page).toHaveTitle('1 erreur – Familles proposées à ma crèche — Espace des relais');
  const resume = page.getByRole('alert');
  await expect(resume).toContainText('Le contrat n’est pas noté');
  const lien = resume.getByRole('link', { name: `Date de signature du contrat (${reference}) : la signature ne peut pas être dans le futur` });
  await expect(lien).toHaveAttribute('href', /^#f-signeLe-[0-9a-f-]{36}$/);
  await expect(resume).toHaveAttribute('autofocus', '');
  const refusee = page.getByLabel(`Date de signature du contrat (${reference})`);
  await expect(refusee).toHaveValue(dans(3)); // nothing typed is lost
  await expect(refusee).toHaveAttribute('aria-invalid', 'true');
  await expect(refusee).toHaveAccessibleDescription(/La signature ne peut pas être dans le futur/);
  expect(`#${await refusee.getAttribute('id')}`).toBe(await lien.getAttribute('href'));
  await page.context().close();

  // With JavaScript: an empty day, the summary takes the focus; axe on the page with its error.
  const avecJs = await gestion(browser, true);
  const f = await premiereFamille(avecJs);
  expect(f.reference).toBe(reference);
  await f.date.fill('');
  await f.ligne.getByRole('button', { name: `Noter le contrat signé (${reference})` }).click();
  await expect(avecJs).toHaveTitle(/^1 erreur – /);
  await expect(avecJs.getByRole('alert')).toBeFocused();
  await expect(avecJs.getByRole('alert').getByRole('link', { name: /: indiquez le jour où le contrat a été signé/ })).toBeVisible();
  await verifierAccessibilite(avecJs, 'crèche manager, contract with an error');

  // Yesterday is accepted (the place was accepted weeks ago): the row says so and the form is gone.
  await avecJs.getByLabel(`Date de signature du contrat (${reference})`).fill(dans(-1));
  await avecJs.getByRole('button', { name: `Noter le contrat signé (${reference})` }).click();
  await expect(avecJs.getByRole('status')).toHaveText('Le contrat est noté.');
  const faite = avecJs.getByRole('row').filter({ has: avecJs.getByRole('rowheader', { name: reference, exact: true }) });
  await expect(faite).toContainText('Signé le');
  await expect(faite.getByRole('button')).toHaveCount(0);
  await verifierAccessibilite(avecJs, 'crèche manager');
  await avecJs.context().close();
});

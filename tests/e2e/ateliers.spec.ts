/**
 * Ateliers d'éveil and analyse de la pratique (issue 18), as the people do it:
 * an animatrice publishes a monthly atelier; an assistant maternel signs up
 * with two children from /pro without JavaScript; an AM of another relais does
 * not see it; the 16th professional of a group is refused; attendance moves
 * the activity report. Demo data: am1 belongs to the mutualised relais, am179
 * to Béthune et Gohelle; the demo group "Groupe du mardi soir" is full.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { attendreCourriel, connexionStaff, verifierAccessibilite } from '../helpers/e2e';

test.describe.configure({ mode: 'serial' });

const THEME = 'Jeux d’eau (e2e)';
const ANIMATRICE = 'animatrice.est@exemple.fr';

/** A calendar day n months from now, on the 3rd (Paris). */
function moisPlus(n: number): string {
  const paris = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  const d = new Date(Date.UTC(paris.getFullYear(), paris.getMonth() + n, 3));
  return d.toISOString().slice(0, 10);
}

/** A browser context without JavaScript, signed in to /pro from the emailed link. */
async function espaceProSansJs(browser: Browser, email: string): Promise<Page> {
  const contexte = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env.E2E_BASE_URL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await contexte.newPage();
  const debut = Date.now();
  await page.goto('/pro');
  await page.getByLabel('Mon adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Recevoir mon lien' }).click();
  const m = await attendreCourriel({ a: email, sujet: /lien pour entrer/, apres: debut });
  await page.goto(/https?:\/\/\S+\/pro\/lien\/[\w-]+/.exec(m.text ?? '')![0]);
  await page.getByRole('button', { name: 'Entrer dans mon espace' }).click();
  await expect(page).toHaveURL(/\/pro$/);
  return page;
}

/** axe needs JavaScript: the same page, opened with the same cookies in a context where it runs. */
async function verifierSansJs(browser: Browser, page: Page, contexte: string): Promise<void> {
  const avecJs = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  await avecJs.addCookies(await page.context().cookies());
  const p = await avecJs.newPage();
  await p.goto(page.url());
  await verifierAccessibilite(p, contexte);
  await avecJs.close();
}

async function indicateur(page: Page, cle: string): Promise<number> {
  return Number(await page.locator(`[data-indicateur="${cle}"] td`).first().textContent());
}

test('an animatrice publishes a monthly atelier at a site, public holidays left out', async ({ page }) => {
  await connexionStaff(page, ANIMATRICE);
  await page.goto('/admin/ateliers');
  await verifierAccessibilite(page, 'ateliers');
  // Nothing chosen: the errors are next to the fields.
  await page.getByRole('button', { name: 'Publier l’atelier' }).click();
  await expect(page.getByRole('alert')).toContainText('Thème');
  await verifierAccessibilite(page, 'ateliers with errors');

  await page.getByLabel(/^Thème/).fill(THEME);
  await page.getByLabel(/^Site/).selectOption({ label: 'Centre social Ginette Delestrez' });
  await expect(page.getByRole('radio', { name: 'Chaque mois' })).toBeChecked();
  await page.getByLabel(/^Première séance/).fill(moisPlus(2));
  await page.getByLabel(/^Fin du programme/).fill(moisPlus(7));
  await page.getByRole('button', { name: 'Publier l’atelier' }).click();
  await expect(page.getByRole('status')).toContainText(/Atelier publié : [4-6] séances au programme/);
  await expect(page.getByRole('table', { name: 'Séances à venir' }).getByRole('link', { name: THEME })).not.toHaveCount(0);
});

test('an assistant maternel signs up with 2 children from /pro without JavaScript', async ({ browser }) => {
  const page = await espaceProSansJs(browser, 'am1@exemple.fr');
  await page.getByRole('link', { name: 'Voir les ateliers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ateliers d’éveil');
  await verifierSansJs(browser, page, 'pro ateliers');
  const seance = page.getByRole('article', { name: new RegExp(THEME.replace(/[()]/g, '\\$&')) }).first();
  await expect(seance).toContainText('8 places pour les professionnels, 20 pour les enfants.');
  await seance.getByLabel('Nombre d’enfants que j’amène').fill('2');
  await seance.getByRole('button', { name: /J’accepte le règlement et je m’inscris/ }).click();
  await expect(page.getByRole('status')).toContainText('vous êtes inscrite');
  const miennes = page.getByRole('region', { name: 'Mes inscriptions' });
  await expect(miennes).toContainText(THEME);
  await expect(miennes).toContainText('Inscrite, avec 2 enfants');
  await expect(page.getByRole('article', { name: new RegExp(THEME.replace(/[()]/g, '\\$&')) }).first()).toContainText('Vous êtes inscrite.');
  await verifierSansJs(browser, page, 'pro ateliers after sign-up');
  await attendreCourriel({ a: 'am1@exemple.fr', sujet: /Inscription confirmée — Jeux d’eau/ });
  await page.context().close();
});

test('an assistant maternel of another relais does not see that atelier', async ({ browser }) => {
  const page = await espaceProSansJs(browser, 'am179@exemple.fr');
  await page.goto('/pro/ateliers');
  await expect(page.getByRole('heading', { name: 'Le programme' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(THEME);
  await page.context().close();
});

test('the 16th professional of an analyse-de-la-pratique group is refused', async ({ page }) => {
  await connexionStaff(page, ANIMATRICE);
  await page.goto('/admin/analyse-pratique');
  await verifierAccessibilite(page, 'analyse de la pratique');
  await expect(page.getByRole('table', { name: /Seuils de la mission renforcée/ })).toBeVisible();
  await page.getByRole('link', { name: 'Groupe du mardi soir' }).click();
  await expect(page.getByRole('heading', { name: 'Membres (15 sur 15)' })).toBeVisible();
  const choix = page.getByLabel(/^Professionnel à placer/);
  const volontaire = await choix.locator('option').nth(1).getAttribute('value');
  await choix.selectOption(volontaire!);
  await page.getByRole('button', { name: 'Placer dans le groupe' }).click();
  await expect(page.getByRole('alert')).toContainText('Professionnel à placer : le groupe est complet');
  await expect(page.locator('#err-structureId')).toHaveText('Le groupe est complet : 15 professionnels au plus par groupe');
  await expect(page.getByRole('heading', { name: 'Membres (15 sur 15)' })).toBeVisible();
  await verifierAccessibilite(page, 'analyse de la pratique group refused');
});

test('attendance marked on a session sheet moves the activity report', async ({ page }) => {
  await connexionStaff(page, ANIMATRICE);
  await page.goto('/admin/ateliers');
  await page.getByRole('heading', { name: 'Séances du dernier mois' }).locator('xpath=following-sibling::ul[1]').getByRole('link').first().click();
  await verifierAccessibilite(page, 'session sheet');
  const jour = await page.locator('time[datetime]').first().getAttribute('datetime');
  const rapport = `/admin/statistiques?periode=personnalisee&du=${jour}&au=${jour}`;

  await page.goto(rapport);
  await verifierAccessibilite(page, 'statistics with the professionals');
  const avant = await indicateur(page, 'ateliers.presences');
  expect(avant).toBeGreaterThan(0);
  expect(await indicateur(page, 'ateliers.seances')).toBeGreaterThan(0);
  await page.goBack();

  const ligne = page
    .getByRole('table', { name: 'Feuille de présence' })
    .getByRole('row')
    .filter({ has: page.getByRole('radio', { name: /^Présent :/, checked: true }) })
    .first();
  await ligne.getByRole('radio', { name: /^Absent :/ }).check();
  await page.getByRole('button', { name: 'Enregistrer les présences' }).click();
  await expect(page.getByRole('status')).toHaveText('Présences enregistrées.');

  await page.goto(rapport);
  expect(await indicateur(page, 'ateliers.presences')).toBe(avant - 1);
  await page.goto(`/admin/statistiques/rapport?annee=${jour!.slice(0, 4)}`);
  await expect(page.getByRole('heading', { name: 'Les professionnels' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Analyse de la pratique/ })).toBeVisible();
  await verifierAccessibilite(page, 'bilan d’activité');
});

import { expect, test } from '@playwright/test';
import { connexionStaff, verifierAccessibilite } from '../helpers/e2e';

test('the commune viewer of Lillers sees her commune’s figures and nothing else', async ({ page }) => {
  await connexionStaff(page, 'commune@exemple.fr');
  await expect(page).toHaveURL(/\/admin\/statistiques/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Lillers');
  const options = await page.getByLabel('Périmètre').locator('option').allTextContents();
  expect(options).toEqual(['Lillers']);
  await verifierAccessibilite(page, 'statistics');
  // Crossing the line through the URL is refused.
  const territoire = await page.request.get('/admin/statistiques?perimetre=territoire');
  expect(territoire.status()).toBe(403);
  const csvAutre = await page.request.get('/admin/statistiques/export.csv?perimetre=commune:62119');
  expect(csvAutre.status()).toBe(403);
});

test('the CSV export opens with the same numbers as the page', async ({ page }) => {
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  await page.goto('/admin/statistiques');
  const demandes = (await page.locator('[data-indicateur="demandes"]').textContent())!.trim();
  const contacts = (await page.locator('[data-indicateur="contacts"]').textContent())!.trim();
  const [telechargement] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter en CSV' }).click()]);
  const csv = await (await telechargement.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  expect(csv).toContain(`demandes,demandes déposées,${demandes}`);
  expect(csv).toContain(`contacts,contacts,${contacts}`);
  const tableur = await page.request.get(
    new URL((await page.getByRole('link', { name: /CSV pour tableur/ }).getAttribute('href')) ?? '', page.url()).toString(),
  );
  const brut = await tableur.body();
  expect([...brut.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(brut.toString('utf8')).toContain(`demandes;demandes déposées;${demandes}`);
});

test('an animatrice changes the period and sees the monthly chart with its data table', async ({ page }) => {
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  await page.goto('/admin/statistiques');
  await page.getByLabel('Période', { exact: true }).selectOption('trimestre');
  await page.getByLabel(/^Trimestre/).selectOption('1');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('1er trimestre');
  const figure = page.getByRole('figure', { name: /Demandes déposées par mois/ });
  await figure.getByText(/Données du graphique/).click();
  await expect(figure.getByRole('table')).toContainText('janvier');
  await expect(page.getByRole('table', { name: /par commune/ })).toBeVisible();
  // Another relais is not offered to her, and asking for it is refused.
  const options = await page.getByLabel('Périmètre').locator('option').allTextContents();
  expect(options.some((o) => o.includes('Béthune et Gohelle'))).toBe(false);
  await page.goto('/admin/statistiques/rapport?annee=2026');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rapport d’activité');
  await verifierAccessibilite(page, 'report');
});

test('open data is public and documented', async ({ page, request }) => {
  await page.goto('/donnees');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Données ouvertes');
  await verifierAccessibilite(page, 'open data');
  const json = await (await request.get('/donnees/communes.json')).json();
  expect(json.licence).toContain('Licence Ouverte');
  expect(json.donnees.length).toBeGreaterThan(100);
  const csv = await (await request.get('/donnees/communes.csv')).text();
  expect(csv.split('\n')[0]).toBe('commune_code,commune_nom,mois,demandes_deposees,places_agreees,places_disponibles,am_actifs,am_disponibilite_a_jour_pct');
});

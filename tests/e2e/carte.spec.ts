import { expect, test, type Page } from '@playwright/test';
import { verifierAccessibilite } from '../helpers/e2e';

const nombreListe = async (page: Page) => Number((await page.locator('#resultats-titre').innerText()).match(/\d+/)![0]);
const carte = (page: Page, nom = 'Carte des lieux d’accueil') => page.getByRole('region', { name: nom });
async function carthePrete(page: Page, nom?: string): Promise<number> {
  await expect(carte(page, nom)).toHaveAttribute('data-etat', 'pret');
  return Number(await carte(page, nom).getAttribute('data-nombre'));
}

test('a parent filters by "available now", baby and commune: the markers and the list change together', async ({ page }) => {
  await page.goto('/carte');
  const avantListe = await nombreListe(page);
  expect(await carthePrete(page)).toBe(avantListe);
  expect(avantListe).toBeGreaterThan(100);

  await page.getByLabel('Disponible maintenant').check();
  await page.getByLabel('Âge de l’enfant').selectOption({ label: 'Bébé (moins de 18 mois)' });
  await page.getByLabel('Commune ou code postal').fill('Béthune');
  await page.getByRole('button', { name: 'Afficher les lieux' }).click();

  await expect(page).toHaveURL(/dispo=maintenant/);
  await expect(page).toHaveURL(/age=bebe/);
  const apresListe = await nombreListe(page);
  expect(apresListe).toBeGreaterThan(0);
  expect(apresListe).toBeLessThan(avantListe);
  expect(await carthePrete(page)).toBe(apresListe);
  await expect(page.getByRole('status').filter({ hasText: 'sur la carte' })).toHaveText(`${apresListe} ${apresListe > 1 ? 'lieux' : 'lieu'} sur la carte`);
  const fiches = page.locator('#liste-offre article');
  await expect(fiches).toHaveCount(apresListe);
  for (const f of await fiches.all()) {
    await expect(f).toContainText('Béthune');
    await expect(f).toContainText(/Place disponible (depuis|à partir)/);
    await expect(f).toContainText(/confirmé (il y a \d+ jour|aujourd’hui)/);
    await expect(f.getByRole('link', { name: /Faire une demande/ })).toHaveAttribute('href', /^\/demande\?structure=[0-9a-f-]{36}&commune=62119$/);
  }
  // The place of the first list entry is on the map.
  const nom = (await fiches.first().getByRole('heading').innerText()).trim();
  await fiches
    .first()
    .getByRole('button', { name: /Voir sur la carte/ })
    .click();
  await expect(carte(page).getByRole('button', { name: new RegExp(`^${nom.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} —`) })).toBeVisible();
  await expect(page.locator('.leaflet-popup')).toContainText(nom);

  // Filters live in the URL: the back button restores the whole offer on the list and the map.
  await page.goBack();
  await expect(page).not.toHaveURL(/dispo=/);
  expect(await nombreListe(page)).toBe(avantListe);
  expect(await carthePrete(page)).toBe(avantListe);
});

test('a keyboard-only user reaches a marker and opens the place', async ({ page }) => {
  await page.goto('/carte?lieu=Lillers&type=creche&type=micro-creche&type=mam&type=periscolaire');
  await carthePrete(page);
  let trouve = false;
  for (let i = 0; i < 150 && !trouve; i++) {
    await page.keyboard.press('Tab');
    trouve = await page.evaluate(() => document.activeElement?.classList.contains('marqueur-offre') ?? false);
    if (!trouve && (await page.evaluate(() => document.activeElement?.classList.contains('marqueur-groupe') ?? false))) {
      await page.evaluate(() => document.activeElement!.setAttribute('data-ouvert', ''));
      await page.keyboard.press('Enter'); // a group zooms in; its places become reachable
      // The zoom and cluster animations end, and the focus moves to what the group held (a place or a smaller group).
      await page.waitForFunction(
        () => !document.activeElement?.hasAttribute('data-ouvert') && !document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim'),
      );
      expect(await page.evaluate(() => document.activeElement?.closest('.leaflet-marker-pane') !== null), 'focus stays on the map').toBe(true);
      trouve = await page.evaluate(() => document.activeElement?.classList.contains('marqueur-offre') ?? false);
    }
  }
  expect(trouve, 'a marker got the keyboard focus').toBe(true);
  const nom = await page.evaluate(() => document.activeElement!.getAttribute('title'));
  await page.keyboard.press('Enter');
  const popup = page.locator('.leaflet-popup');
  await expect(popup).toBeVisible();
  await expect(popup).toContainText(nom!.split(' — ')[0]!);
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText(/Voir dans la liste|Faire une demande/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#offre-|\/demande\?structure=/);
});

test('a keyboard-only user finds a place through the list and its "see on the map" button', async ({ page }) => {
  await page.goto('/carte?dispo=maintenant&lieu=Bruay-la-Buissi%C3%A8re&rayon=5');
  await carthePrete(page);
  let ok = false;
  for (let i = 0; i < 120 && !ok; i++) {
    await page.keyboard.press('Tab');
    ok = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.voirCarte !== undefined);
  }
  expect(ok).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.locator('.leaflet-popup')).toContainText('Faire une demande');
  await expect(page.locator('.leaflet-popup .popup-offre')).toBeFocused();
});

test('the Arabic map page is right-to-left and accessible', async ({ page }) => {
  await page.goto('/ar/carte');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('خريطة أماكن رعاية الأطفال');
  await carthePrete(page, 'خريطة أماكن الرعاية');
  await verifierAccessibilite(page, '/ar/carte');
});

test('the map page has no accessibility violation, with a filter error shown next to its field', async ({ page }) => {
  await page.goto('/carte?dispo=date&lieu=Marseille');
  await expect(page.getByRole('alert')).toContainText('Indiquez la date');
  await expect(page.getByLabel(/Date souhaitée/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel(/Commune ou code postal/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel(/Commune ou code postal/)).toHaveValue('Marseille');
  await carthePrete(page);
  await verifierAccessibilite(page, '/carte with errors');
  await page.goto('/carte');
  await carthePrete(page);
  await verifierAccessibilite(page, '/carte');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a parent filters and pages through the list with JavaScript off', async ({ page }) => {
    await page.goto('/carte');
    const total = await nombreListe(page);
    await expect(page.locator('#liste-offre article')).toHaveCount(20);
    await page.getByRole('navigation', { name: 'Pages de résultats' }).getByRole('link', { name: 'Page suivante' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.locator('#resultats-nombre')).toContainText('Page 2 sur');

    await page.getByLabel('Disponible maintenant').check();
    await page.getByLabel('Commune ou code postal').fill('62400');
    await page.getByLabel('Distance autour du centre de la commune').selectOption({ label: 'Jusqu’à 10 km' });
    await page.getByLabel('Trier par').selectOption({ label: 'Distance (le plus proche d’abord)' });
    await page.getByRole('button', { name: 'Afficher les lieux' }).click();
    await expect(page).toHaveURL(/lieu=62400/);
    await expect(page).not.toHaveURL(/page=2/);
    const filtres = await nombreListe(page);
    expect(filtres).toBeLessThan(total);
    expect(filtres).toBeGreaterThan(0);
    const distances = await page.locator('#liste-offre article .fiche-lieu__type').allInnerTexts();
    const km = distances.map((d) => Number(d.match(/à ([\d,]+) km/)![1]!.replace(',', '.')));
    expect(km.every((k) => k <= 10)).toBe(true);
    expect([...km].sort((a, b) => a - b)).toEqual(km);
    // The form kept what was chosen.
    await expect(page.getByLabel('Disponible maintenant')).toBeChecked();
    await expect(page.getByLabel('Commune ou code postal')).toHaveValue('62400');
    // No "see on the map" button without the map.
    await expect(page.getByRole('button', { name: /Voir sur la carte/ })).toHaveCount(0);
  });
});

test('the GeoJSON API has the same filters, an ETag and cache headers', async ({ request }) => {
  const r = await request.get('/api/offre?dispo=maintenant&age=bebe&lieu=62119');
  expect(r.status()).toBe(200);
  expect(r.headers()['content-type']).toContain('application/geo+json');
  expect(r.headers()['cache-control']).toMatch(/max-age=\d+/);
  const etag = r.headers()['etag']!;
  expect(etag).toMatch(/^W\/".+"$/);
  const fc = await r.json();
  expect(fc.type).toBe('FeatureCollection');
  expect(fc.features.length).toBe(fc.metadata.total);
  for (const f of fc.features) {
    expect(f.geometry.type).toBe('Point');
    expect(f.properties.commune.code).toBe('62119');
    expect(f.properties.disponibilite.etat).toBe('disponible');
    expect(JSON.stringify(f)).not.toMatch(/nomFamille|agrement|"lat"/);
  }
  const r304 = await request.get('/api/offre?dispo=maintenant&age=bebe&lieu=62119', { headers: { 'If-None-Match': etag } });
  expect(r304.status()).toBe(304);
  expect((await request.get('/api/offre?age=ado')).status()).toBe(400);
});

test('the open-data CSV has public columns only', async ({ request }) => {
  const r = await request.get('/api/offre.csv?type=assistant-maternel');
  expect(r.status()).toBe(200);
  expect(r.headers()['content-type']).toContain('text/csv');
  const texte = await r.text();
  const [entete, ...lignes] = texte
    .replace(/^\ufeff/, '')
    .trim()
    .split('\n');
  expect(entete).toContain('id,type,nom,commune_code');
  expect(entete).not.toMatch(/nom_famille|agrement|prenom/);
  expect(lignes.length).toBeGreaterThan(100);
  expect(lignes.every((l) => l.includes(',assistant-maternel,'))).toBe(true);
});

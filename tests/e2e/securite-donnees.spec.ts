import { expect, test } from '@playwright/test';
import { attendreCourriel, connexionStaff, surveillerCsp, verifierAccessibilite } from '../helpers/e2e';

test('pages, the map, islands and the widget run under a CSP without unsafe-inline', async ({ page }) => {
  const violations = await surveillerCsp(page);
  const accueil = await page.goto('/');
  const csp = accueil!.headers()['content-security-policy']!;
  // The home page has inline styles and no inline script: its policy names only what it carries.
  expect(csp).toMatch(/style-src 'self' 'sha256-/);
  expect(csp).not.toContain('unsafe-inline');

  const carte = await page.goto('/carte');
  expect(carte!.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
  await expect(page.getByRole('region', { name: 'Carte des lieux d’accueil' })).toHaveAttribute('data-etat', 'pret', { timeout: 30_000 });
  await expect(page.locator('.leaflet-marker-icon, .marker-cluster').first()).toBeVisible();

  await page.goto('/ar/carte');
  await expect(page.locator('.carte-offre__carte')).toHaveAttribute('data-etat', 'pret', { timeout: 30_000 });

  await page.goto('/questionnaire');
  await expect(page.locator('.progression__barre rect')).toHaveAttribute('width', /\d+/);

  await page.goto('/communes/integrer-la-carte');
  const cadre = page.frameLocator('.apercu iframe');
  await expect(cadre.getByRole('region', { name: 'Carte des lieux d’accueil' })).toHaveAttribute('data-etat', 'pret', { timeout: 30_000 });
  // The copy button is shown by a (hashed) script.
  await expect(page.getByRole('button', { name: /Copier/ })).toBeVisible();

  await page.goto('/recherche?q=creche');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await connexionStaff(page, 'admin@exemple.fr');
  await page.goto('/admin/statistiques');
  await expect(page.locator('.choro__pastille rect').first()).toHaveAttribute('fill', /^#/);
  await page.goto('/admin/demandes');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  expect(violations).toEqual([]);

  // The watch works: an injected inline script and style attribute are blocked and reported.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injecte = true';
    document.body.append(s);
    document.body.insertAdjacentHTML('beforeend', '<p style="color:red">x</p>');
  });
  await expect.poll(() => violations.filter((v) => v.startsWith('script-src')).length).toBe(1);
  await expect.poll(() => violations.filter((v) => v.startsWith('style-src')).length).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { __injecte?: boolean }).__injecte)).toBeUndefined();
});

test('a family asking for its lost link too often gets a readable 429, the address kept', async ({ page }) => {
  const email = `lien.perdu.${Date.now()}@exemple.fr`;
  for (let i = 0; i < 4; i++) {
    await page.goto('/suivi');
    await page.getByLabel('Adresse e-mail').fill(email);
    const [reponse] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Recevoir un nouveau lien' }).click(),
    ]);
    expect(reponse.status()).toBe(i < 3 ? 200 : 429);
    if (i === 3) expect(reponse.statusText()).toBe('Too Many Requests');
  }
  await expect(page.getByRole('alert')).toContainText('Trop d’envois');
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(email);
});

test('the personal-data page is generated from the register in every language, with the DPO set by the admin', async ({ page }) => {
  await connexionStaff(page, 'admin@exemple.fr');
  await page.goto('/admin/territoire');
  await page.getByLabel('Nom ou service').fill('Service juridique de l’agglomération');
  await page.getByLabel('Adresse électronique du DPO').fill('dpo.e2e@agglo.exemple');
  await page.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect(page.getByLabel('Adresse électronique du DPO')).toHaveValue('dpo.e2e@agglo.exemple');

  await page.goto('/donnees-personnelles');
  const tableau = page.getByRole('table', { name: 'Ce que le portail garde sur vous : pourquoi, combien de temps, et qui le voit' });
  await expect(tableau.getByRole('rowheader', { name: 'Étudier votre demande d’accueil et vous recontacter' })).toBeVisible();
  await expect(tableau.locator('tr[data-table="demandes"]')).toContainText('jusqu’à 24 mois après la clôture');
  await expect(tableau.locator('tr[data-table="offres_relayees"]')).toContainText('sans votre nom ni vos coordonnées');
  await expect(page.locator('#contact-dpo')).toContainText('Service juridique de l’agglomération');
  await expect(page.locator('#contact-dpo').getByRole('link', { name: 'dpo.e2e@agglo.exemple' })).toHaveAttribute('href', 'mailto:dpo.e2e@agglo.exemple');
  await verifierAccessibilite(page, 'personal-data page');

  await page.goto('/falc/donnees-personnelles');
  await expect(page.getByRole('table', { name: 'Les informations que nous gardons : pourquoi, combien de temps, qui les voit' })).toContainText(
    'Lire votre demande et vous appeler',
  );
  await expect(page.locator('#contact-dpo')).toContainText('dpo.e2e@agglo.exemple');

  await page.goto('/ar/donnees-personnelles');
  await expect(page.locator('table.registre-donnees')).toContainText('دراسة طلب الرعاية');
  await verifierAccessibilite(page, 'Arabic personal-data page');
});

test('a staff member opening a family’s private link is recorded under her own name, not as the family', async ({ page, baseURL }) => {
  const email = `famille.lien.${Date.now()}@exemple.fr`;
  const avant = Date.now();
  const jour = (j: number) => new Date(Date.now() + j * 86_400_000).toISOString().slice(0, 10);
  const corps = new URLSearchParams({
    aller: 'envoyer',
    etape: '4',
    p1Prenom: 'Noor',
    p1Nom: 'Haddad',
    email,
    canalPrefere: 'email',
    langueContact: 'fr',
    commune: '62119',
    nbEnfants: '1',
    e0Statut: 'ne',
    e0Naissance: jour(-200),
    dateDebut: jour(60),
    regularite: 'reguliere',
    j1: 'oui',
    j1De: '08:00',
    j1A: '17:00',
    mode1: 'collectif',
    consentementContact: 'oui',
  });
  const r = await page.request.post('/demande', {
    headers: { origin: baseURL!, 'content-type': 'application/x-www-form-urlencoded' },
    data: corps.toString(),
    maxRedirects: 0,
  });
  expect(r.status()).toBe(303);
  const reference = decodeURIComponent(/ref=([^&]+)/.exec(r.headers().location ?? '')![1]!);
  const courriel = await attendreCourriel({ a: email, apres: avant });
  const lien = /\/suivi\/[A-Za-z0-9_-]{20,}/.exec(courriel.text ?? '')![0];

  await connexionStaff(page, 'admin@exemple.fr');
  await page.goto(lien);
  await page.goto('/admin/territoire/journal?action=demande.suivi.consulter');
  const ligne = page.getByRole('row').filter({ hasText: 'demande.suivi.consulter' }).first();
  await expect(ligne).toContainText('Alex Administrateur');
  await expect(ligne).toContainText('viaLienFamille');

  // This family did not accept sharing: the demande's page offers no way to relay its need.
  await page.goto('/admin/demandes');
  await page.getByRole('table').getByRole('link', { name: reference }).click();
  await expect(page.getByText('La famille n’a pas accepté que sa demande soit transmise à des professionnels')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Relayer l’offre' })).toHaveCount(0);
});

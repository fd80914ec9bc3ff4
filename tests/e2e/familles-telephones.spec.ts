/**
 * Issue 21, as a family would meet it: on a phone (320 and 375 px), in Arabic,
 * with the keyboard, without JavaScript; and the staff queue on a desk screen.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { connexionStaff, verifierAccessibilite } from '../helpers/e2e';

const TELEPHONE = { width: 375, height: 667 };
const PETIT = { width: 320, height: 640 };

async function sansDefilementHorizontal(page: Page, contexte: string) {
  const deborde = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(deborde, `horizontal scrolling: ${contexte}`).toBeLessThanOrEqual(0);
}

/** Every visible form control lies inside the viewport (a select cut at the edge cannot be read). */
async function controlesDansLaFenetre(page: Page, contexte: string) {
  const dehors = await page.locator('main select:visible, main input:visible').evaluateAll((els) =>
    els
      .map((e) => ({ id: e.id, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.left < 0 || r.right > document.documentElement.clientWidth + 0.5)
      .map(({ id }) => id),
  );
  expect(dehors, `controls cut at the edge: ${contexte}`).toEqual([]);
}

/**
 * The whole page, the map's markers included (names, roles, contrast, focus). Target size (WCAG 2.5.8) is checked
 * on everything but the markers: which markers sit near each other or under a map control depends on the data and
 * the zoom, and the criterion's "equivalent" exception applies — every place on the map is also a full-size entry
 * of the list below it. That markers never cover one another is checked apart (`marqueursQuiSeCouvrent`).
 */
async function axeHorsMarqueurs(page: Page, contexte: string) {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const tout = await new AxeBuilder({ page }).withTags(tags).disableRules(['target-size']).analyze();
  const taille = await new AxeBuilder({ page }).withRules(['target-size']).exclude('.leaflet-marker-pane').analyze();
  const r = { violations: [...tout.violations, ...taille.violations] };
  expect(
    r.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    ),
    `axe ${contexte}`,
  ).toEqual([]);
}

test('/carte on a phone: the first place on the first screen, filters folded, every dropdown inside the screen', async ({ page }) => {
  await page.setViewportSize(TELEPHONE);
  await page.goto('/carte');
  const premier = page.locator('#liste-offre > li').first().getByRole('heading');
  await expect(premier).toBeVisible();
  const haut = await premier.evaluate((h) => h.getBoundingClientRect().top);
  expect(haut, 'the first place starts on the first screen').toBeLessThan(TELEPHONE.height);
  await expect(page.getByRole('heading', { level: 2, name: /lieux d’accueil trouvés/ })).toBeInViewport();
  const filtres = page.locator('details#filtres');
  await expect(filtres).not.toHaveAttribute('open');

  // Keyboard only: open the filters, search a commune typed loosely.
  await page.locator('details#filtres > summary').focus();
  await page.keyboard.press('Enter');
  await expect(filtres).toHaveAttribute('open');
  await page.getByLabel(/Commune ou code postal/).fill('bethun');
  await page.getByRole('button', { name: 'Afficher les lieux' }).press('Enter');
  await expect(page.getByText('Autour de Béthune.')).toBeVisible();
  await axeHorsMarqueurs(page, 'carte 375');

  for (const [url, taille] of [
    ['/ar/carte', PETIT],
    ['/carte', PETIT],
  ] as const) {
    await page.setViewportSize(taille);
    await page.goto(url);
    await page.locator('details#filtres > summary').click();
    await sansDefilementHorizontal(page, `${url} 320`);
    await controlesDansLaFenetre(page, `${url} 320`);
  }
  // Without JavaScript the filters stay open (nothing can unfold them).
  const sansJs = await page.context().browser()!.newContext({ javaScriptEnabled: false, viewport: TELEPHONE });
  const p = await sansJs.newPage();
  await p.goto('/carte');
  await expect(p.locator('details#filtres')).toHaveAttribute('open');
  await sansJs.close();
  expect(await page.evaluate(() => document.documentElement.dir || 'ltr')).toBe('ltr');
  await page.goto('/ar/carte');
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await axeHorsMarqueurs(page, 'carte ar 320');
});

/** Markers and groups shown on the map that cover one another (a finger or a pointer could not tell them apart). */
async function marqueursQuiSeCouvrent(page: Page): Promise<{ vus: number; fautes: string[] }> {
  return page.locator('.leaflet-marker-pane').evaluate((pane) => {
    const carte = pane.closest('.leaflet-container')!.getBoundingClientRect();
    const rects = [...pane.querySelectorAll<HTMLElement>('.leaflet-marker-icon')]
      .map((e) => ({ n: e.textContent?.trim() ?? '', r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.right > carte.left && r.left < carte.right && r.bottom > carte.top && r.top < carte.bottom);
    const fautes: string[] = [];
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i]!.r;
        const b = rects[j]!.r;
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
          fautes.push(`${rects[i]!.n} / ${rects[j]!.n}`);
      }
    return { vus: rects.length, fautes };
  });
}

for (const [url, nombre] of [
  ['/carte', /lieux d’accueil trouvés/],
  ['/ar/carte', /تم العثور على/],
  ['/falc/carte', /lieux/],
] as const)
  test(`${url} at 320 × 640 and 375 × 667: the first place is on the first screen, the map's markers never cover one another`, async ({ page }) => {
    for (const taille of [PETIT, TELEPHONE]) {
      await page.setViewportSize(taille);
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 2, name: nombre })).toBeInViewport({ ratio: 1 });
      const premier = page.getByRole('list', { name: nombre }).getByRole('article').first().getByRole('heading');
      await expect(premier, `first place on the first screen, ${url} ${taille.width} px`).toBeInViewport({ ratio: 1 });
      await sansDefilementHorizontal(page, `${url} ${taille.width}`);
    }
    // The map on the small phone: groups and places apart at every zoom a family reaches with the + button.
    const carte = page.getByRole('region', { name: /Carte|خريطة/ });
    await expect(carte).toHaveAttribute('data-etat', 'pret');
    await carte.scrollIntoViewIfNeeded();
    for (let zoom = 0; zoom < 4; zoom++) {
      await page.waitForFunction(() => !document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim'));
      const { vus, fautes } = await marqueursQuiSeCouvrent(page);
      expect(vus, `${url}: markers on the map after ${zoom} zoom(s)`).toBeGreaterThan(0);
      expect(fautes, `${url}: markers covering one another after ${zoom} zoom(s)`).toEqual([]);
      await carte.locator('.leaflet-control-zoom-in').click();
    }
    await axeHorsMarqueurs(page, `${url} map zoomed in`);
  });

test('demande step 1 asks the commune once; a name typed loosely chooses it; without JavaScript nothing is lost', async ({ page, browser }) => {
  await page.setViewportSize(TELEPHONE);
  await page.goto('/demande');
  const filtre = page.getByLabel(/Chercher dans la liste/);
  await expect(filtre).toBeVisible();
  // One question about the commune: the list, with its search; "not in the list" appears only when chosen.
  await expect(page.getByLabel(/Nom ou code postal de votre commune/)).toBeHidden();
  await filtre.fill('noeux les mines');
  await expect(page.getByLabel(/Votre commune de résidence/)).toHaveValue('62617');
  await expect(page.getByText('Communes trouvées : 1 sur')).toBeVisible();
  await filtre.fill('Arras');
  await expect(page.getByLabel(/Votre commune de résidence/)).toHaveValue('autre');
  await expect(page.getByLabel(/Nom ou code postal de votre commune/)).toHaveValue('Arras');
  await sansDefilementHorizontal(page, 'demande 375');
  await verifierAccessibilite(page, 'demande step 1 with JavaScript');

  // Without JavaScript: "not in the list" + "Bethun" goes to Béthune.
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: PETIT });
  const p = await ctx.newPage();
  await p.goto('/demande');
  await expect(p.getByLabel(/Chercher dans la liste/)).toHaveCount(0);
  await p
    .getByLabel(/^Prénom/)
    .first()
    .fill('Inès');
  await p.getByLabel(/^Nom/).first().fill('Testeuse');
  await p.getByLabel(/Adresse e-mail/).fill('ines.testeuse@exemple.fr');
  await p.getByLabel(/Votre commune de résidence/).selectOption('autre');
  await p.getByLabel(/Nom ou code postal de votre commune/).fill('Bethun');
  await p.getByRole('button', { name: 'Continuer' }).first().click();
  await expect(p.getByRole('heading', { level: 2, name: 'Votre ou vos enfants' })).toBeVisible();
  await expect(p.locator('input[type="hidden"][name="commune"]')).toHaveValue('62119');
  await expect(p.locator('input[type="hidden"][name="communeAutre"]')).toHaveCount(0);
  await sansDefilementHorizontal(p, 'demande 320 without JavaScript');
  await ctx.close();
});

test('search finds communes and places, loosely', async ({ page }) => {
  await page.setViewportSize(TELEPHONE);
  await page.goto('/recherche?q=lilers');
  await expect(page.getByRole('heading', { level: 2, name: '1 commune' })).toBeVisible();
  await page.getByRole('link', { name: 'Lieux d’accueil à Lillers et autour' }).click();
  await expect(page.getByText('Autour de Lillers.')).toBeVisible();
  await page.goto('/ar/recherche?q=' + encodeURIComponent('St Venant'));
  await expect(page.getByRole('heading', { level: 3, name: /^Saint-Venant/ })).toBeVisible();
  await verifierAccessibilite(page, 'search ar');
});

test('opening hours in the reader’s language, on 24 h, in order in Arabic; the FALC cost table; reading aloud', async ({ page, browser }) => {
  await page.setViewportSize(PETIT);
  await page.goto('/ar/');
  const plage = page.locator('.horaires span[dir="ltr"]').first();
  await expect(plage).toHaveText(/^\d{2}:\d{2} – \d{2}:\d{2}$/);
  const ordre = await plage.evaluate((el) => {
    const t = el.firstChild!;
    const s = t.textContent!;
    const x = (i: number) => {
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 1);
      return r.getBoundingClientRect().left;
    };
    return x(0) < x(s.length - 1);
  });
  expect(ordre, 'the range reads left to right').toBe(true);
  await expect(page.locator('.horaires').first()).not.toContainText(' h ');

  // Reading aloud: the browser's speech synthesis, in the page's language (recorded, not spoken).
  await page.addInitScript(() => {
    const dits: { texte: string; lang: string }[] = [];
    (window as unknown as { __dits: typeof dits }).__dits = dits;
    Object.defineProperty(window, 'speechSynthesis', {
      value: {
        speak: (u: SpeechSynthesisUtterance) => dits.push({ texte: u.text, lang: u.lang }),
        cancel() {},
        getVoices: () => [],
        addEventListener() {},
        removeEventListener() {},
      },
    });
  });
  await page.goto('/ar/couts-et-aides');
  await page.getByRole('button', { name: 'قراءة الصفحة بصوت عالٍ' }).press('Enter');
  await expect(page.getByRole('button', { name: 'إيقاف القراءة' })).toBeFocused();
  const dits = await page.evaluate(() => (window as unknown as { __dits: { texte: string; lang: string }[] }).__dits);
  expect(dits.length).toBeGreaterThan(5);
  expect(dits[0]!.lang).toBe('ar');
  expect(dits.map((d) => d.texte).join(' ')).toContain('8');

  await page.goto('/falc/couts-et-aides');
  const table = page.getByRole('table', { name: 'Prix de la crèche pour une famille avec 1 enfant' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /2 500 euros/ })).toContainText('1,55 €');
  await sansDefilementHorizontal(page, 'falc costs 320');
  await verifierAccessibilite(page, 'falc costs');

  const sansJs = await browser.newContext({ javaScriptEnabled: false });
  const p = await sansJs.newPage();
  await p.goto('/falc/couts-et-aides');
  await expect(p.getByRole('button', { name: 'Écouter la page' })).toHaveCount(0);
  await sansJs.close();
});

test('staff: dashboard counts, queue search and sort, dense rows', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  await page.goto('/admin');
  const aTraiter = page.getByRole('region', { name: 'À traiter' }).or(page.locator('section[aria-labelledby="a-faire"]'));
  await expect(aTraiter.getByRole('link', { name: /nouvelles? demandes?/ })).toBeVisible();
  await verifierAccessibilite(page, 'dashboard');

  await page.goto('/admin/demandes');
  const lignes = page.locator('table.file-dense tbody tr');
  await expect(lignes).toHaveCount(25);
  const visibles = await lignes.evaluateAll((trs) => trs.filter((tr) => tr.getBoundingClientRect().bottom <= window.innerHeight).length);
  expect(visibles, 'rows on the first screen').toBeGreaterThanOrEqual(10);
  const nom = (await lignes.first().locator('td').nth(1).textContent())!.trim();
  const nomFamille = nom.split(' ').slice(1).join(' ');
  const sansAccents = nomFamille.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

  // Keyboard: type a name without accents, Enter.
  await page.getByLabel('Rechercher une famille').fill(sansAccents);
  await page.getByLabel('Rechercher une famille').press('Enter');
  await expect(page).toHaveURL(/q=/);
  await expect(lignes.first()).toContainText(nomFamille);
  for (const tr of await lignes.all()) await expect(tr).toContainText(new RegExp(nomFamille, 'i'));

  await page.getByLabel('Trier par').selectOption('nom');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.locator('th[aria-sort="ascending"]')).toHaveText('Famille');
  await verifierAccessibilite(page, 'queue search');
});

for (const [lang, chemin, bouton, lien] of [
  ['fr', '/', 'Menu', 'Carte des places'],
  ['ar', '/ar/', 'القائمة', 'خريطة الأماكن الشاغرة'],
] as const) {
  test.describe(`the header on a phone in ${lang}, without JavaScript`, () => {
    test.use({ javaScriptEnabled: false, viewport: PETIT });
    test('is one short band; the menu opens from its button with the keyboard, on screen, and leads to the page', async ({ page }) => {
      await page.goto(chemin);
      const entete = (await page.locator('header').boundingBox())!;
      expect(entete.height, 'header height at 320 px').toBeLessThanOrEqual(120);
      const menu = page.getByRole('navigation', { name: lang === 'fr' ? 'Menu principal' : 'القائمة الرئيسية' });
      await expect(menu.getByRole('link', { name: lien })).toBeHidden();
      // Skip link, brand, then the menu button: Enter opens it.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.locator('summary', { hasText: bouton })).toBeFocused();
      await page.keyboard.press('Enter');
      const cible = menu.getByRole('link', { name: lien });
      await expect(cible).toBeVisible();
      const panneau = (await page.locator('.nav-principale').boundingBox())!;
      expect(panneau.x).toBeGreaterThanOrEqual(0);
      expect(panneau.x + panneau.width).toBeLessThanOrEqual(PETIT.width);
      await sansDefilementHorizontal(page, `${lang} menu open`);
      await cible.focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/carte$/);
    });
  });
}

test('on a wide screen the menu is always open, without a button', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Carte des places' })).toBeVisible();
  await expect(page.locator('summary', { hasText: 'Menu' })).toBeHidden();
  await verifierAccessibilite(page, 'home, 1280 px');
});

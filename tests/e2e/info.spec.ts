import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { verifierAccessibilite } from '../helpers/e2e';
import fr from '../../src/i18n/fr';
import { LANGS, LANG_INFO, localePath, type Lang } from '../../src/i18n/langs';

/**
 * Source files of the information pages. Translators may add files while the
 * suite runs, so the truth is the built portal's site map; files older than the
 * build must all be in it.
 */
const racine = path.resolve('content/pages');
function fichiersAvantLaConstruction(lang: Lang): string[] {
  const construction = statSync(process.env.E2E_BUILD!).birthtimeMs;
  try {
    return readdirSync(path.join(racine, lang))
      .filter((f) => f.endsWith('.md') && statSync(path.join(racine, lang, f)).mtimeMs < construction)
      .map((f) => f.slice(0, -3))
      .sort();
  } catch {
    return [];
  }
}

/** Slugs of the pages that exist in `lang`, as listed by the site map (pages shown in French as a fallback excluded). */
async function pagesDuPlan(page: Page, lang: Lang): Promise<string[]> {
  const hrefs = await page
    .locator('main section.plan:not([aria-labelledby="demarches"]) a:not([lang])')
    .evaluateAll((ls) => ls.map((l) => l.getAttribute('href') ?? ''));
  const prefixe = localePath(lang, '/');
  return hrefs
    .filter((h) => h.startsWith(prefixe))
    .map((h) => h.slice(prefixe.length))
    .sort();
}

/** Every dictionary key ('info.sommaire', 'nav.demande'…): none may show on screen. */
function cles(o: unknown, prefix = ''): string[] {
  if (typeof o === 'string') return [prefix];
  return o && typeof o === 'object' ? Object.entries(o).flatMap(([k, v]) => cles(v, prefix ? `${prefix}.${k}` : k)) : [];
}
const CLES = cles(fr);

async function verifierLangueEtCles(page: Page, lang: Lang) {
  await expect(page.locator('html')).toHaveAttribute('lang', LANG_INFO[lang].htmlLang);
  await expect(page.locator('html')).toHaveAttribute('dir', LANG_INFO[lang].dir);
  const texte = await page.locator('body').innerText();
  const visibles = CLES.filter((c) => new RegExp(`(^|[^\\w.])${c.replace(/\./g, '\\.')}($|[^\\w.])`).test(texte));
  expect(visibles, 'raw translation keys on screen').toEqual([]);
}

async function sansDefilementHorizontal(page: Page) {
  await page.setViewportSize({ width: 320, height: 640 });
  const deborde = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(deborde, 'horizontal scrolling at 320 px').toBeLessThanOrEqual(0);
}

for (const lang of LANGS) {
  test(`${lang}: the site map, the search page and every information page answer 200 in ${lang}, ${LANG_INFO[lang].dir}, with no key, no script but the read-aloud island, and zero axe violations`, async ({
    page,
  }) => {
    test.setTimeout(600_000);
    let r = await page.goto(localePath(lang, '/plan-du-site'));
    expect(r?.status()).toBe(200);
    await verifierLangueEtCles(page, lang);
    await verifierAccessibilite(page, `${lang} site map`);
    await sansDefilementHorizontal(page);
    const slugs = await pagesDuPlan(page, lang);
    expect(slugs).toEqual(expect.arrayContaining(fichiersAvantLaConstruction(lang)));

    r = await page.goto(`${localePath(lang, '/recherche')}?q=creche`);
    expect(r?.status()).toBe(200);
    await verifierLangueEtCles(page, lang);
    await expect(page.getByRole('heading', { level: 3 }).first()).toBeVisible();
    await verifierAccessibilite(page, `${lang} search`);

    for (const slug of slugs) {
      await test.step(`${lang}/${slug}`, async () => {
        await page.setViewportSize({ width: 1280, height: 800 });
        const url = localePath(lang, `/${slug}`);
        const rep = await page.goto(url);
        expect(rep?.status(), url).toBe(200);
        const html = await rep!.text();
        // Their only JavaScript is the read-aloud island (and Astro's inline loader for it).
        const iles = [...html.matchAll(/<astro-island\b[^>]*component-url="([^"]+)"/g)].map((m) => m[1]);
        expect(
          iles.map((u) => u!.replace(/\.[\w-]+\.js$/, '')),
          'information pages ship only the read-aloud island',
        ).toEqual(['/_astro/LireAVoixHaute']);
        expect(html).not.toMatch(/<script\b[^>]*\bsrc=|rel="modulepreload"/i);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await verifierLangueEtCles(page, lang);

        // hreflang alternates: only languages where the page exists (each answers 200), the same as the language menu.
        const alternates = await page
          .locator('link[rel="alternate"][hreflang]:not([hreflang="x-default"])')
          .evaluateAll((ls) => ls.map((l) => new URL(l.getAttribute('href')!).pathname));
        expect(alternates).toContain(url);
        for (const a of alternates) expect((await page.request.get(a)).status(), a).toBe(200);
        const menu = await page
          .locator('.langues ul a')
          .evaluateAll((ls) => ls.map((l) => new URL(l.getAttribute('href')!, 'http://x').searchParams.get('retour')));
        expect(menu.sort()).toEqual([...alternates].sort());

        await verifierAccessibilite(page, url);
        await sansDefilementHorizontal(page);
      });
    }
  });
}

test('a parent searching "creche" without the accent finds the modes d’accueil page first', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Rechercher' }).click();
  await page.getByRole('searchbox', { name: 'Que cherchez-vous ?' }).fill('creche');
  await page.getByRole('searchbox', { name: 'Que cherchez-vous ?' }).press('Enter');
  await expect(page).toHaveURL(/\/recherche\?q=creche$/);
  const premier = page.getByRole('heading', { level: 3 }).first().getByRole('link');
  await expect(premier).toHaveAttribute('href', '/modes-d-accueil');
  await premier.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/modes d.accueil/i);
});

test('a parent sees the results appear while typing, without pressing Enter', async ({ page }) => {
  await page.goto('/recherche');
  await page.waitForLoadState('networkidle');
  await page.getByRole('searchbox', { name: 'Que cherchez-vous ?' }).pressSequentially('creche', { delay: 40 });
  await expect(page.getByRole('heading', { level: 3 }).first().getByRole('link')).toHaveAttribute('href', '/modes-d-accueil');
  await expect(page.getByRole('status')).toContainText('« creche »');
  await expect(page).toHaveURL(/\/recherche\?q=creche$/);
  await verifierAccessibilite(page, 'search as you type');
});

test('an English-speaking parent searching "nursery" finds the childcare options page first', async ({ page }) => {
  await page.goto('/en/recherche');
  await page.getByRole('searchbox', { name: 'What are you looking for?' }).fill('nursery');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { level: 3 }).first().getByRole('link')).toHaveAttribute('href', '/en/modes-d-accueil');
});

test('a parent searching "assistante maternelle" finds the page about employing one', async ({ page }) => {
  await page.goto('/recherche?q=assistante+maternelle');
  const liens = await page
    .getByRole('heading', { level: 3 })
    .getByRole('link')
    .evaluateAll((ls) => ls.slice(0, 3).map((l) => l.getAttribute('href')));
  expect(liens).toContain('/employer-un-assistant-maternel');
});

test('a parent switches between the full page and the easy-to-read version', async ({ page }) => {
  await page.goto('/modes-d-accueil');
  await page.getByRole('link', { name: /Version facile à lire/ }).click();
  await expect(page).toHaveURL('/falc/modes-d-accueil');
  await expect(page.locator('html')).toHaveAttribute('data-langue', 'falc');
  await page.getByRole('link', { name: /Version complète/ }).click();
  await expect(page).toHaveURL('/modes-d-accueil');
});

test('a parent reads the relais sites and their hours from the database on the RPE page', async ({ page }) => {
  await page.goto('/relais-petite-enfance');
  const sites = page.locator('.sites-relais');
  await expect(sites.getByRole('heading', { level: 3 }).first()).toBeVisible();
  await expect(sites).toContainText('lundi');
  await expect(page.getByRole('navigation', { name: 'Vous êtes ici' })).toContainText('Le Relais Petite Enfance');
});

test('unknown pages are a 404 in every language, and a page missing in a language is a 404 there (the site map offers the French one)', async ({ page }) => {
  // Today every information page exists in every language; the fallback part checks the first French-only page if one is added.
  for (const lang of LANGS.filter((l) => l !== 'fr')) {
    await page.goto(localePath(lang, '/plan-du-site'));
    const repli = await page
      .locator('main section.plan a[lang="fr"]')
      .first()
      .getAttribute('href', { timeout: 1000 })
      .catch(() => null);
    if (!repli) continue;
    expect((await page.request.get(localePath(lang, repli))).status(), `${lang}${repli}`).toBe(404);
    expect((await page.request.get(repli)).status()).toBe(200);
    break;
  }
  for (const lang of LANGS) expect((await page.request.get(localePath(lang, '/cette-page-n-existe-pas'))).status(), lang).toBe(404);
});

test('a parent who chose English comes back to the English home', async ({ page }) => {
  await page.goto('/modes-d-accueil');
  await page.locator('summary', { hasText: 'Choisir une autre langue' }).click();
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL('/en/modes-d-accueil');
  await page.goto('/');
  await expect(page).toHaveURL('/en/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('an information page prints without the site header, menus or table of contents', async ({ page }) => {
  await page.goto('/modes-d-accueil');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.entete')).toBeHidden();
  await expect(page.locator('.sommaire')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

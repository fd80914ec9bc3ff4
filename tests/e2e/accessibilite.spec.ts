/**
 * What axe cannot see (issue 21): reflow at 320 px, the language menu inside
 * the viewport on phones, Arabic numbers in their own order, the map's
 * controls in the page's language.
 */
import { expect, test, type Page } from '@playwright/test';
import { connexionStaff } from '../helpers/e2e';
import { localePath, traduire, type Lang } from '../../src/i18n';

const LANGUES: Lang[] = ['fr', 'ar', 'falc'];
const LARGEURS = [320, 375, 1280];
const PAGES_FAMILLES = [
  '/',
  '/carte',
  '/questionnaire',
  '/demande',
  '/recherche?q=creche',
  '/couts-et-aides',
  '/relais-petite-enfance',
  '/modes-d-accueil',
  '/handicap',
  '/reunions',
  '/suivi',
  '/plan-du-site',
];

async function debordement(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= cw) return [];
    return [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > cw + 1 || r.left < -1);
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().left)}..${Math.round(e.getBoundingClientRect().right)}`);
  });
}

for (const largeur of LARGEURS) {
  test(`family pages reflow without horizontal scroll at ${largeur} px in fr, ar and falc`, async ({ page }) => {
    await page.setViewportSize({ width: largeur, height: 800 });
    for (const lang of LANGUES)
      for (const chemin of PAGES_FAMILLES) {
        const r = await page.goto(localePath(lang, chemin));
        expect(r?.status(), `${lang} ${chemin}`).toBe(200);
        expect(await debordement(page), `${lang} ${chemin} at ${largeur} px`).toEqual([]);
      }
  });
}

test('the staff queue, a demande record and the agenda reflow at 320, 375 and 1280 px', async ({ page }) => {
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  await page.goto('/admin/demandes');
  const fiche = await page.locator('table a[href^="/admin/demandes/"]').first().getAttribute('href');
  expect(fiche).toBeTruthy();
  for (const largeur of LARGEURS) {
    await page.setViewportSize({ width: largeur, height: 800 });
    for (const chemin of ['/admin/demandes', fiche!, '/admin/agenda', '/admin/demandes/nouvelle']) {
      await page.goto(chemin);
      expect(await debordement(page), `${chemin} at ${largeur} px`).toEqual([]);
    }
  }
});

for (const lang of LANGUES) {
  test(`the language menu opens fully inside the viewport on phones and tablets (${lang})`, async ({ page }) => {
    for (const largeur of [320, 375, 768, 1024, 1280]) {
      await page.setViewportSize({ width: largeur, height: 800 });
      await page.goto(localePath(lang, '/'));
      await page.locator('summary', { hasText: traduire(lang, 'site.changerLangue') }).click();
      const liens = page.getByRole('list', { name: traduire(lang, 'site.langue') }).getByRole('link');
      await expect(liens).toHaveCount(8);
      for (const l of await liens.all()) {
        await expect(l).toBeVisible();
        const b = (await l.boundingBox())!;
        expect(b.x, `${await l.innerText()} at ${largeur} px`).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, `${await l.innerText()} at ${largeur} px`).toBeLessThanOrEqual(largeur);
      }
      expect(await debordement(page)).toEqual([]);
    }
  });
}

/** Horizontal position of the first and last glyph of an element's text (the element's own text nodes). */
async function bordsDesGlyphes(page: Page, selecteur: string): Promise<{ texte: string; premier: number; dernier: number }> {
  return page
    .locator(selecteur)
    .first()
    .evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const noeuds: Text[] = [];
      while (walker.nextNode()) if ((walker.currentNode as Text).data.trim()) noeuds.push(walker.currentNode as Text);
      const texte = noeuds.map((n) => n.data).join('');
      const x = (n: Text, i: number) => {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        return r.getBoundingClientRect().left;
      };
      const premier = noeuds[0]!,
        dernier = noeuds[noeuds.length - 1]!;
      const debut = premier.data.search(/\S/);
      const fin = dernier.data.length - 1 - [...dernier.data].reverse().join('').search(/\S/);
      return { texte, premier: x(premier, debut), dernier: x(dernier, fin) };
    });
}

test('Arabic pages show phone numbers, e-mails, hours and prices in their own left-to-right order', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/ar/');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  for (const sel of ['article.relais a[href^="tel:"]', 'article.relais a[href^="mailto:"]', 'article.relais .horaires span[dir="ltr"]']) {
    const g = await bordsDesGlyphes(page, sel);
    // "03 00 00 00 01": the first digit is on the left, the last on the right; "8 h 30 – 12 h" likewise.
    expect(g.premier, `${sel}: ${g.texte}`).toBeLessThan(g.dernier);
  }
  await page.goto('/ar/relais-petite-enfance');
  for (const sel of ['.sites-relais a[href^="tel:"]', '.sites-relais .horaires span[dir="ltr"]']) {
    const g = await bordsDesGlyphes(page, sel);
    expect(g.premier, `${sel}: ${g.texte}`).toBeLessThan(g.dernier);
  }
  // The access text of a relais site is French, marked as such.
  await expect(page.locator('.sites-relais .aide span[lang="fr"]').first()).toBeVisible();
  // Figures of the information pages come from the barème, isolated.
  await page.goto('/ar/couts-et-aides');
  const plafond = await bordsDesGlyphes(page, '[data-chiffre="psu.plafond"]');
  expect(plafond.texte.replace(/\s/g, ' ')).toBe('8 500');
  expect(plafond.premier).toBeLessThan(plafond.dernier);
  // The phone example of the form: "06 12 34 56 78", 06 on the left.
  await page.goto('/ar/demande');
  const aide = page.getByText(/06 12 34 56 78/).first();
  await expect(aide).toBeVisible();
  const pos = await aide.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const n = walker.currentNode as Text;
      const i = n.data.indexOf('06 12');
      if (i < 0) continue;
      const r = (a: number) => {
        const g = document.createRange();
        g.setStart(n, a);
        g.setEnd(n, a + 1);
        return g.getBoundingClientRect().left;
      };
      return { zero: r(i), huit: r(i + 13) };
    }
    return null;
  });
  expect(pos).not.toBeNull();
  expect(pos!.zero).toBeLessThan(pos!.huit);
});

for (const lang of ['ar', 'falc', 'en'] as Lang[]) {
  test(`the map's controls speak the page's language; Escape closes a popup and gives focus back (${lang})`, async ({ page }) => {
    const c = {
      zoomPlus: traduire(lang, 'carte.carte.zoomPlus'),
      zoomMoins: traduire(lang, 'carte.carte.zoomMoins'),
      fermerPopup: traduire(lang, 'carte.carte.fermerPopup'),
    };
    await page.goto(localePath(lang, '/carte?lieu=Lillers'));
    await expect(page.locator('.carte-offre__carte[data-etat="pret"]')).toBeVisible();
    await expect(page.locator('.leaflet-control-zoom-in')).toHaveAttribute('aria-label', c.zoomPlus);
    await expect(page.locator('.leaflet-control-zoom-out')).toHaveAttribute('aria-label', c.zoomMoins);
    await expect(page.getByRole('button', { name: 'Zoom in', exact: true })).toHaveCount(lang === 'en' ? 1 : 0);
    await page.locator('button[data-voir-carte]').first().click();
    const popup = page.locator('.leaflet-popup');
    await expect(popup.locator('.popup-offre')).toBeFocused();
    await expect(popup.locator('.leaflet-popup-close-button')).toHaveAttribute('aria-label', c.fermerPopup);
    expect(await popup.locator('.popup-offre').evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Escape');
    await expect(popup).toHaveCount(0);
    const focus = await page.evaluate(() => document.activeElement?.className ?? '');
    expect(focus).toMatch(/marqueur-offre|leaflet-container/);
  });
}

test('without JavaScript the map page shows the list and no endless "loading" box', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto('/carte?lieu=Lillers');
  await expect(page.locator('#liste-offre article').first()).toBeVisible();
  await expect(page.getByText(traduire('fr', 'carte.carte.chargement'))).toBeHidden();
  await ctx.close();
});

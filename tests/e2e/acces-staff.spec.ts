import { expect, test } from '@playwright/test';
import { connexionStaff, verifierAccessibilite } from '../helpers/e2e';

test('a commune account asking for the demandes gets the real 403 page, in French, with a way back', async ({ page }) => {
  await connexionStaff(page, 'commune@exemple.fr');
  const r = await page.goto('/admin/demandes');
  expect(r?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
  await expect(page).toHaveTitle(/^Accès refusé — Espace des relais$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('main')).toContainText('statistiques de sa commune seulement');
  await verifierAccessibilite(page, '403 page');
  await page.getByRole('link', { name: 'Aller aux statistiques de votre commune' }).click();
  await expect(page).toHaveURL(/\/admin\/statistiques$/);
});

test('a staff form posted with a stale token gets the "form expired" page, not plain text', async ({ page }) => {
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  await page.goto('/admin/agenda/parametres');
  const champ = page.getByRole('main').locator('input[name="_csrf"]').first();
  await champ.evaluate((e) =>
    e
      .closest('form')!
      .querySelectorAll('input[name="_csrf"]')
      .forEach((i) => ((i as HTMLInputElement).value = 'perime')),
  );
  await champ.evaluate((e) => (e.closest('form') as HTMLFormElement).submit());
  await expect(page.getByRole('heading', { level: 1, name: 'Formulaire expiré' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('n’a pas été enregistré');
  await expect(page.getByRole('link', { name: 'Rouvrir la page' })).toHaveAttribute('href', '/admin/agenda/parametres');
  await verifierAccessibilite(page, 'CSRF refusal page');
});

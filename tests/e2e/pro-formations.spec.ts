/**
 * /pro/formations on the form kit: when a wish cannot be recorded (a stale
 * session token, a session the relais no longer offers), the page comes back
 * with the error count in its title, a focused summary naming the session
 * ("Éveil musical… : votre session a expiré…"), and the message next to the
 * session's button. Also without JavaScript. Nothing is recorded, so the
 * other specs using the same AM see the same state.
 */
import { expect, test, type Page } from '@playwright/test';
import { verifierAccessibilite } from '../helpers/e2e';

const CODE = 'H3HG-BA2T';
const EVEIL = 'Éveil musical et comptines du jeune enfant';

async function entrer(page: Page): Promise<void> {
  await page.goto(`/pro?code=${CODE}`);
  await page.getByRole('button', { name: 'Entrer avec mon code' }).click();
  await page.goto('/pro/formations');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes formations');
}

/** The form of a session, by its heading. */
const formulaire = (page: Page, titre: string) => page.getByRole('region', { name: titre }).locator('form');

test('a stale session token: title count, focused summary naming the session, message next to its button; axe', async ({ page }) => {
  await entrer(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  const form = formulaire(page, EVEIL);
  await form.locator('input[name="_csrf"]').evaluate((e: HTMLInputElement) => (e.value = 'ancien-jeton'));
  const bouton = form.getByRole('button', { name: new RegExp(`: ${EVEIL}$`) });
  const avant = (await bouton.textContent())!.trim();
  await bouton.click();

  await expect(page).toHaveTitle(/^1 erreur – Mes formations/);
  const resume = page.getByRole('alert');
  await expect(resume).toBeFocused();
  const lien = resume.getByRole('link', { name: `${EVEIL} : votre session a expiré. Rechargez la page et recommencez.` });
  await expect(lien).toBeVisible();
  // Next to the button, which the summary link leads to and which points to the message.
  const apres = formulaire(page, EVEIL).getByRole('button', { name: new RegExp(`: ${EVEIL}$`) });
  await expect(apres).toHaveAccessibleDescription(/Votre session a expiré. Rechargez la page et recommencez.$/);
  await expect((await apres.textContent())!.trim()).toBe(avant);
  await verifierAccessibilite(page, 'AM trainings, stale token');
  await lien.click();
  await expect(apres).toBeFocused();

  // Reloading gives a fresh token: the page is back without errors, nothing was recorded.
  await page.goto('/pro/formations');
  await expect(page).toHaveTitle(/^Mes formations/);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('without JavaScript, a session no longer offered is named in the summary, which leads to the list', async ({ browser }) => {
  const contexte = await browser.newContext({ javaScriptEnabled: false });
  const page = await contexte.newPage();
  await entrer(page);
  // A page left open while the relais withdrew the session sends an id it no longer offers.
  const form = formulaire(page, EVEIL);
  await form.locator('input[name="formation"]').evaluate((e: HTMLInputElement) => (e.value = '00000000-0000-4000-8000-000000000000'));
  await form.getByRole('button', { name: new RegExp(`: ${EVEIL}$`) }).click();

  await expect(page).toHaveTitle(/^1 erreur – Mes formations/);
  const resume = page.getByRole('alert');
  await expect(resume).toBeFocused();
  await expect(resume.getByRole('link', { name: 'Formations : cette formation n’est pas proposée par votre relais.' })).toHaveAttribute('href', '#formations');
  // The list is still there, each session with its button.
  await expect(formulaire(page, EVEIL).getByRole('button', { name: new RegExp(`: ${EVEIL}$`) })).toBeVisible();
  await contexte.close();
});

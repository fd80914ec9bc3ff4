import { expect, test } from '@playwright/test';
import { connexionStaff, verifierAccessibilite } from '../helpers/e2e';

// Staff forms use the same form kit as the family forms (src/components/form):
// without JavaScript, an invalid form comes back with a summary that names
// each field, a title that counts the errors, the error next to the field and
// what was typed still there.
test.use({ javaScriptEnabled: false });

test('an invalid staff form comes back without JavaScript with a named summary, a counted title and the typed values', async ({ page }) => {
  test.setTimeout(180_000);
  await connexionStaff(page, 'animatrice.est@exemple.fr');

  // Agenda settings: a motif too short and without any mode.
  await page.goto('/admin/agenda/parametres');
  await page.getByText('Ajouter un motif', { exact: true }).click();
  await page.getByLabel('Nom', { exact: true }).fill('Atelier portage');
  await page.getByLabel('Durée (minutes)').fill('3');
  await page.getByRole('button', { name: 'Ajouter le motif' }).click();
  await expect(page).toHaveTitle(/^2 erreurs – Motifs, plages et absences — Espace des relais$/);
  const resume = page.getByRole('alert');
  await expect(resume).toContainText('Le formulaire contient 2 erreurs');
  await expect(resume.getByRole('link', { name: 'Durée (minutes) : au moins 5 minutes' })).toHaveAttribute('href', '#f-dureeMinutes');
  await expect(resume.getByRole('link', { name: 'Modes possibles : cochez au moins un mode' })).toHaveAttribute('href', '#f-modes');
  await expect(page.getByLabel('Nom', { exact: true })).toHaveValue('Atelier portage');
  const duree = page.getByLabel('Durée (minutes)');
  await expect(duree).toHaveValue('3');
  await expect(duree).toHaveAttribute('aria-invalid', 'true');
  await expect(duree).toHaveAccessibleDescription(/Au moins 5 minutes$/);
  await verifierAccessibilite(page, 'agenda settings with errors');

  // One assistant maternel's availability, updated after a call: "she has a place" without an age group.
  await page.goto('/admin/offre');
  await page.getByRole('row').filter({ hasText: 'Richebourg' }).first().getByRole('link').first().click();
  const nom = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await page.getByLabel('À partir du').fill('2027-03-01');
  await page.getByRole('button', { name: 'Elle a une place' }).click();
  await expect(page).toHaveTitle(`1 erreur – ${nom} — Espace des relais`);
  await expect(page.getByRole('alert').getByRole('link', { name: 'Tranche d’âge de la place : choisissez la tranche d’âge de la place.' }))
    .toHaveAttribute('href', '#f-p0_tranche');
  await expect(page.getByRole('group', { name: 'Tranche d’âge de la place' })).toHaveAccessibleDescription(/Choisissez la tranche d’âge de la place\.$/);
  await expect(page.getByLabel('À partir du')).toHaveValue('2027-03-01');
  await verifierAccessibilite(page, 'AM availability with errors');
});

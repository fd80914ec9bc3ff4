import { expect, test } from '@playwright/test';
import { connexionStaff, verifierAccessibilite } from '../helpers/e2e';

test('Est animatrice books a professional RDV for an assistant maternel of her sector', async ({ page }) => {
  test.setTimeout(120_000);
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  await page.goto('/admin/agenda/nouveau');
  await page.getByRole('group', { name: 'Pour qui ?' }).getByLabel('Un assistant maternel').check();
  await page.getByLabel('Chercher', { exact: true }).fill('@exemple.fr');
  await page.getByRole('button', { name: 'Chercher' }).click();
  await expect(page).toHaveURL(/pour=am/);
  const liste = page.getByRole('group', { name: 'Assistant maternel' });
  const choix = liste.getByRole('radio');
  await expect(choix.first()).toBeVisible();
  await verifierAccessibilite(page, 'nouveau rdv am');
  // Only motifs meant for AM are offered.
  const motif = page.getByLabel('Motif');
  await expect(motif.getByRole('option', { name: /Premier rendez-vous guichet unique/ })).toHaveCount(0);
  const premier = choix.first();
  const nomAm = (await liste.locator('label').first().innerText()).split(' — ')[0]!;
  await premier.check();
  await motif.selectOption({ label: 'Rendez-vous professionnel assistant maternel (60 min)' });
  await page.getByLabel('Mode').selectOption('sur-place');
  await page.getByLabel('Lieu (sur place)').selectOption({ label: 'Centre social Ginette Delestrez' });
  await page.getByRole('button', { name: 'Voir les créneaux libres' }).click();
  const creneau = page.getByRole('radio').and(page.locator('[name="creneau"]')).first();
  await expect(creneau).toBeVisible();
  await creneau.check();
  await verifierAccessibilite(page, 'nouveau rdv am créneaux');
  await page.getByRole('button', { name: 'Réserver', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/agenda\/rdv\/[0-9a-f-]+\?fait=reserve/);
  await expect(page.getByRole('main')).toContainText(nomAm.split(' ')[0]!);
  await expect(page.getByRole('main')).toContainText('Rendez-vous professionnel assistant maternel');
  await verifierAccessibilite(page, 'rdv am');
});

test('booking for an AM refuses a family motif, with the error next to the field', async ({ page }) => {
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  await page.goto('/admin/agenda/nouveau?pour=am&q=%40exemple.fr');
  const liste = page.getByRole('group', { name: 'Assistant maternel' });
  await liste.getByRole('radio').first().check();
  // A crafted POST with a family motif id is refused on the server.
  const familleId = await page.evaluate(async () => {
    const r = await fetch('/admin/agenda/nouveau?pour=famille&q=D-');
    const html = await r.text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return [...doc.querySelectorAll('#f-motif option')].map((o) => (o as HTMLOptionElement).value).find((v) => v) ?? '';
  });
  expect(familleId).not.toBe('');
  await page.getByLabel('Motif').evaluate((s, v) => {
    const o = document.createElement('option');
    o.value = v;
    o.textContent = 'famille';
    s.appendChild(o);
    (s as HTMLSelectElement).value = v;
  }, familleId);
  await page.getByRole('button', { name: 'Voir les créneaux libres' }).click();
  await expect(page.getByRole('alert')).toContainText('Motif : ce motif est réservé aux familles');
  await expect(page.getByLabel('Motif')).toHaveAttribute('aria-invalid', 'true');
});

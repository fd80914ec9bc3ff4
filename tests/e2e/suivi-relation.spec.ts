import { expect, test } from '@playwright/test';
import { addMonths } from 'date-fns';
import { attendreCourriel, connexionStaff, verifierAccessibilite } from '../helpers/e2e';
import { DEMO_SUIVI } from '../../db/seed/demo-suivi';

/**
 * Issue 22, "Done when": a demande in Turkish (demo: Aylin Demir, SMS chosen);
 * staff propose an AM; the family gets her name by email in Turkish and by SMS
 * (file provider, listed in /admin/sms); the AM answers "contract" from her
 * link without signing in (and without JavaScript); the demande shows
 * « Solution trouvée » with the AM and the follow-up is scheduled.
 */
test('mise en relation: Turkish family told by email and SMS, AM answers "contract" in one click, follow-up scheduled', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  await page.goto('/admin/demandes');
  await page.getByRole('row').filter({ hasText: 'Demir' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('En cours');
  const url = page.url();

  await page.getByRole('button', { name: `Mettre en relation avec ${DEMO_SUIVI.am}` }).click();
  await expect(page.getByRole('status')).toContainText(`Mise en relation enregistrée avec ${DEMO_SUIVI.am}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Mise en relation');

  // The family: email in Turkish with the AM's name and published phone.
  const famille = await attendreCourriel({ a: DEMO_SUIVI.email, sujet: /öneriyor/ });
  expect(famille.subject).toMatch(new RegExp(`numaralı başvuru: merkez size ${DEMO_SUIVI.am.replace('.', '\\.')} öneriyor$`));
  expect(famille.text).toContain(`${DEMO_SUIVI.am} — Lisanslı çocuk bakıcısı`);
  expect(famille.text).toContain('Telefon: 06 98 76 54 32');
  // … and by SMS (no gateway: written to DATA_DIR/sms and listed for staff).
  await page.goto('/admin/sms');
  await expect(page.getByRole('cell', { name: new RegExp(`^Merhaba Aylin, merkez size ${DEMO_SUIVI.am.replace('.', '\\.')} öneriyor`) })).toBeVisible();
  await verifierAccessibilite(page, 'SMS list');

  // The AM: her email carries the family's need and one-click answers; no sign-in, no JavaScript.
  const pourAm = await attendreCourriel({ a: DEMO_SUIVI.amEmail, sujet: /Une famille cherche un accueil/ });
  const lien = (pourAm.text ?? '').match(/https?:\/\/\S+\/relation\/[\w-]+\?reponse=contrat/)![0];
  const sansJs = await browser.newContext({ javaScriptEnabled: false });
  const am = await sansJs.newPage();
  await am.goto(lien);
  await expect(am.getByRole('heading', { level: 1 })).toHaveText('Une famille vous a été présentée');
  await am.getByRole('button', { name: 'Nous avons signé un contrat' }).click();
  await expect(am.getByRole('status')).toContainText('le contrat est enregistré');
  await sansJs.close();
  // The same page with JavaScript, for axe (the answer is already recorded: the link still shows the need).
  await page.goto(lien);
  await expect(page.getByText('réponse actuelle : Nous avons signé un contrat')).toBeVisible();
  await verifierAccessibilite(page, 'AM answer page');

  // Staff: solution found with the AM, and the follow-up email is scheduled in 3 months.
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Solution trouvée');
  const mer = page.getByRole('region', { name: /Mises en relation/ });
  await expect(mer.getByRole('listitem').filter({ hasText: DEMO_SUIVI.am })).toContainText('Contrat signé');
  await expect(mer.getByRole('listitem').filter({ hasText: DEMO_SUIVI.am })).toContainText('réponse du professionnel');
  const prevu = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    addMonths(new Date(), 3),
  );
  await expect(page.locator('#suivi-prevu')).toHaveText(`Courriel de suivi à la famille prévu le ${prevu}.`);
  await verifierAccessibilite(page, 'demande after contract');
});

test('professionals’ contact log: an AM in sous-activité is called and the contact counted under its motif', async ({ page }) => {
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  await page.goto('/admin/contacts/sous-activite');
  await page.getByLabel('Places libres depuis plus de (mois)').fill('1');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await verifierAccessibilite(page, 'sous-activité');
  const premiere = page.getByRole('row').nth(1);
  const nom = (await premiere.getByRole('cell').first().textContent())!.trim();
  await premiere.getByRole('link', { name: /Noter un contact/ }).click();
  await expect(page.getByText(`Avec ${nom}.`)).toBeVisible();
  await expect(page.getByLabel('Motif principal')).toHaveValue('sous-activite');
  await page.getByLabel('Canal').selectOption('telephone');
  await page.getByLabel('Issue').selectOption('joint');
  await page.getByLabel('Compte rendu').fill('Peu de demandes dans son quartier ; offre relayée.');
  await page.getByRole('button', { name: 'Enregistrer le contact' }).click();
  await expect(page.getByRole('status')).toHaveText('Contact enregistré.');
  await expect(page.getByRole('row').filter({ hasText: 'Sous-activité' }).filter({ hasText: nom })).toBeVisible();
  await verifierAccessibilite(page, 'contacts pros');
});

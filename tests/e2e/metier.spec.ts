/**
 * The professionals' side of the relais, as people use it: a parent works out
 * a mensualised salary without JavaScript (also in Arabic), a candidate signs
 * up to a job-dating, an AM says a training session interests her, staff see
 * it. Axe on every new page.
 */
import { expect, test } from '@playwright/test';
import { connexionStaff, verifierAccessibilite } from '../helpers/e2e';

const CODE_KARINE = 'H3HG-BA2T';

test('a parent calculates the monthly salary of an année incomplète without JavaScript, corrects a mistake, and reads it in Arabic', async ({
  browser,
  page: axe,
}) => {
  // The person browses without JavaScript; axe (which needs JavaScript) checks the same addresses in another page.
  const sansJs = await browser.newContext({ javaScriptEnabled: false });
  const page = await sansJs.newPage();
  const verifier = async (contexte: string) => {
    await axe.goto(page.url());
    await verifierAccessibilite(axe, contexte);
  };
  {
    await page.goto('/parents-employeurs-mensualisation');
    await verifier('mensualisation page');
    await page.getByRole('link', { name: 'calculateur de mensualisation' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Calculer le salaire mensualisé d’un assistant maternel');
    await verifier('empty calculator');

    await page.getByLabel(/Année incomplète/).check();
    await page.getByLabel(/Salaire horaire/).fill('4,20');
    await page.getByLabel(/Heures d’accueil par semaine/).fill('40');
    await page.getByLabel(/Semaines d’accueil par an/).fill('50');
    await page.getByRole('button', { name: 'Calculer' }).click();
    // 50 weeks is neither a complete nor an incomplete year: the message is next to the field, what was typed stays.
    await expect(page.locator('#err-semaines')).toContainText('entre 1 et 46');
    await expect(page.getByLabel(/Salaire horaire/)).toHaveValue('4,20');
    await verifier('calculator with an error');

    await page.getByLabel(/Semaines d’accueil par an/).fill('46');
    await page.getByRole('button', { name: 'Calculer' }).click();
    const resultat = page.getByRole('status');
    await expect(resultat).toContainText('Salaire mensuel : 644,00\u00a0€');
    await expect(resultat).toContainText('Heures payées chaque mois : 153,33');
    // A tenth of 12 × 644 €, and its twelfth.
    await expect(resultat).toContainText('772,80\u00a0€');
    await expect(resultat).toContainText('64,40\u00a0€');
    await verifier('calculator result');

    await page.goto('/ar/calcul-mensualisation?type=complete&salaire=4.20&heures=40&semaines=');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('status')).toContainText('728');
    await verifier('Arabic calculator result');
  }
  await sansJs.close();
});

test('someone thinking of the métier signs up to the job-dating from the public page', async ({ page }) => {
  await page.goto('/devenir-assistant-maternel');
  await expect(page.getByRole('heading', { name: 'Les prochains rendez-vous' })).toBeVisible();
  await page.getByRole('link', { name: 'Tous les rendez-vous' }).click();
  await verifierAccessibilite(page, 'events list');
  await page.getByRole('link', { name: /Assmat dating/ }).click();
  await verifierAccessibilite(page, 'event page');
  const email = `candidate-${Date.now()}@exemple.fr`;
  await page.getByLabel(/Prénom et nom/).fill('Nadia Bensaïd');
  await page.getByLabel(/Adresse e-mail/).fill(email);
  await page.getByRole('button', { name: 'M’inscrire' }).click();
  // No consent, no sign-up: the message sits next to the box.
  await expect(page.locator('#err-consentement')).toContainText('Cochez la case');
  await expect(page.getByLabel(/Prénom et nom/)).toHaveValue('Nadia Bensaïd');
  await page.getByLabel(/J’accepte que le relais garde mon nom/).check();
  await page.getByRole('button', { name: 'M’inscrire' }).click();
  await expect(page.getByRole('status')).toHaveText('C’est noté : vous êtes inscrit. À bientôt !');
  await verifierAccessibilite(page, 'event signed up');
});

test('an AM says a training session interests her from /pro; the relais groups, records departures, adds a session and an event', async ({ page, browser }) => {
  await page.goto(`/pro?code=${CODE_KARINE}`);
  await page.getByRole('button', { name: 'Entrer avec mon code' }).click();
  await page.getByRole('link', { name: /Mes formations/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes formations');
  await verifierAccessibilite(page, 'AM trainings');
  const bouton = page.getByRole('button', { name: /Cette formation m’intéresse : Éveil musical/ });
  await bouton.click();
  await expect(page.getByRole('status')).toContainText('le relais sait que cette formation vous intéresse');
  await expect(page.getByRole('button', { name: /Retirer mon souhait : Éveil musical/ })).toBeVisible();

  // Staff of the main relais see the catalogue, the wishes and the events (axe on each back-office page).
  const contexteStaff = await browser.newContext();
  const staff = await contexteStaff.newPage();
  await connexionStaff(staff, 'animatrice.est@exemple.fr');
  await staff.goto('/admin/formations');
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Formation continue');
  await expect(staff.getByText(/Départs en formation en \d{4} :/)).toBeVisible();
  await verifierAccessibilite(staff, 'staff trainings');
  await staff.getByRole('link', { name: 'Éveil musical et comptines du jeune enfant' }).click();
  await expect(staff.getByRole('heading', { name: /Souhaits des assistantes maternelles \([1-9]/ })).toBeVisible();
  await verifierAccessibilite(staff, 'staff training');
  // A group for the collective sign-up, then the departure in training of its members.
  const cases = staff.getByRole('checkbox', { name: /^Choisir / });
  await cases.first().check();
  await staff.getByLabel('Nom du groupe').fill('Groupe du mardi');
  await staff.getByRole('button', { name: 'Créer le groupe' }).click();
  await expect(staff.getByRole('status')).toHaveText('Groupe créé : ses membres sont inscrites.');
  await expect(staff.getByRole('listitem').filter({ hasText: 'Groupe du mardi :' })).toBeVisible();
  await staff
    .getByRole('checkbox', { name: /^Choisir / })
    .first()
    .check();
  await staff.getByRole('button', { name: 'Enregistrer les départs' }).click();
  await expect(staff.getByRole('status')).toHaveText('Départs en formation enregistrés.');
  await expect(staff.getByRole('cell', { name: /Partie en formation le/ }).first()).toBeVisible();

  // A new session in the catalogue, and a new event, through their forms.
  await staff.goto('/admin/formations');
  await staff.getByLabel(/Intitulé/).fill('Prévenir les accidents domestiques');
  await staff.getByLabel(/Organisme de formation/).fill('Ipéria');
  await staff.getByLabel(/Premier jour/).fill('2031-03-10');
  await staff.getByLabel(/Dernier jour/).fill('2031-03-09');
  await staff.getByLabel(/Lieu/).fill('Lillers');
  await staff.getByRole('button', { name: 'Ajouter la formation' }).click();
  await expect(staff.locator('#err-fin')).toContainText('La fin doit être le jour du début ou après');
  await staff.getByLabel(/Dernier jour/).fill('2031-03-10');
  await staff.getByRole('button', { name: 'Ajouter la formation' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Prévenir les accidents domestiques');

  await staff.goto('/admin/evenements');
  await verifierAccessibilite(staff, 'staff events');
  await staff.getByLabel(/Type/).selectOption({ label: 'Réunion d’information sur le métier' });
  await staff.getByLabel(/^Titre/).fill('Devenir assistant maternel : réunion du soir');
  await staff.getByLabel(/Date/).fill('2031-05-12');
  await staff.getByLabel(/Début/).fill('18:00');
  await staff.getByLabel(/^Fin/).fill('19:30');
  await staff.getByRole('button', { name: 'Créer l’événement' }).click();
  // Neither a site nor an address: said next to the address field, nothing typed lost.
  await expect(staff.locator('#err-adresse')).toContainText('Sans site du relais, indiquez l’adresse');
  await expect(staff.getByLabel(/^Titre/)).toHaveValue('Devenir assistant maternel : réunion du soir');
  await staff.getByLabel(/Site du relais/).selectOption({ index: 1 });
  await staff.getByRole('button', { name: 'Créer l’événement' }).click();
  await expect(staff.getByRole('status')).toContainText('Événement créé');
  await staff.goto('/admin/evenements');
  await staff.getByRole('link', { name: /Assmat dating/ }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toContainText('Assmat dating');
  await verifierAccessibilite(staff, 'staff event');
  await contexteStaff.close();
});

import { expect, test, type Page } from '@playwright/test';
import { verifierAccessibilite } from '../helpers/e2e';

/** 'YYYY-MM-DD' in Paris, `jours` days from today. */
function jour(jours: number): string {
  const d = new Date(Date.now() + jours * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

type Reponses = {
  naissance: string;
  debut: string;
  jours: number[];
  de: string;
  a: string;
  variables?: boolean;
  urgence?: boolean;
  handicap?: boolean;
  commune: string; // INSEE
  prio1?: string;
  ressources?: string; // bracket id
};

const BETHUNE = '62119';

/**
 * Answers every screen by control id (works in every language); checks the
 * progress line and, when asked, runs axe on each screen.
 */
async function repondre(page: Page, r: Reponses, o: { axe?: string } = {}): Promise<void> {
  const suivant = page.locator('button[name="action"][value="suivant"]');
  const etape = async (n: number) => {
    await expect(page.locator('#progression')).toContainText(String(n));
    await expect(page.locator('#progression')).toContainText('9');
    if (o.axe) await verifierAccessibilite(page, `${o.axe} step ${n}`);
  };
  await etape(1);
  await page.locator('#q-statut-ne').check();
  await page.locator('#q-naissance').fill(r.naissance);
  await suivant.click();
  await etape(2);
  await page.locator('#q-debut').fill(r.debut);
  await suivant.click();
  await etape(3);
  for (const j of r.jours) await page.locator(`#q-jour-${j}`).check();
  await page.locator('#q-de').fill(r.de);
  await page.locator('#q-a').fill(r.a);
  await suivant.click();
  await etape(4);
  await page.locator(`#q-variables-${r.variables ? 'oui' : 'non'}`).check();
  await suivant.click();
  await etape(5);
  await page.locator(`#q-urgence-${r.urgence ? 'oui' : 'non'}`).check();
  await suivant.click();
  await etape(6);
  await page.locator(`#q-handicap-${r.handicap ? 'oui' : 'non'}`).check();
  await suivant.click();
  await etape(7);
  await page.locator('#q-commune').selectOption(r.commune);
  await suivant.click();
  await etape(8);
  if (r.prio1) await page.locator(`#q-prio1-${r.prio1}`).check();
  await suivant.click();
  await etape(9);
  if (r.ressources) await page.locator('#q-ressources').selectOption(r.ressources);
  await suivant.click();
}

const SEMAINE = [1, 2, 3, 4, 5];

test('a parent working until 21 h is steered away from crèches, with the reason shown', async ({ page }) => {
  await page.goto('/questionnaire');
  await expect(page.getByText('Étape 1 sur 9')).toBeVisible();
  await verifierAccessibilite(page, 'step 1');
  await page.getByRole('radio', { name: 'Oui, mon enfant est né' }).check();
  await page.getByLabel('Date de naissance, ou date prévue de la naissance').fill(jour(-240));
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(page.getByText('Étape 2 sur 9')).toBeVisible();
  await page.getByLabel('Date de début souhaitée').fill(jour(60));
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Quels jours et à quelles heures ?' })).toBeVisible();
  for (const j of ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi']) await page.getByRole('checkbox', { name: j }).check();
  await page.getByLabel('Heure d’arrivée').fill('12:00');
  await page.getByLabel('Heure de départ').fill('21:00');
  await page.getByRole('button', { name: 'Continuer' }).click();

  for (const n of [4, 5, 6]) {
    await expect(page.getByText(`Étape ${n} sur 9`)).toBeVisible();
    await page.getByRole('radio', { name: 'Non' }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
  }
  await page.getByLabel('Commune où vous habitez').selectOption({ label: 'Béthune (62400)' });
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('radio', { name: 'Le coût le plus bas' }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('elles restent dans cette page et ne sont jamais enregistrées')).toBeVisible();
  await page.getByRole('button', { name: 'Voir le résultat' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Les modes d’accueil pour votre enfant' })).toBeVisible();
  const adaptes = page.getByRole('region', { name: 'Les modes qui vous correspondent' });
  await expect(adaptes.getByRole('heading', { name: 'Garde à domicile', exact: true })).toBeVisible();
  await expect(adaptes.getByRole('heading', { name: 'Crèche', exact: true })).toHaveCount(0);
  const moins = page.getByRole('region', { name: 'Moins adaptés à votre situation' });
  const creche = moins.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Crèche', exact: true }) });
  await expect(creche).toContainText('Vous avez besoin d’un accueil jusqu’à 21 h, mais les crèches près de chez vous ferment à 19 h.');
  await expect(adaptes.getByRole('link', { name: 'Voir sur la carte : Garde à domicile' })).toHaveAttribute(
    'href',
    /\/carte\?type=garde-a-domicile&dispo=maintenant&age=bebe&horaires=tard&lieu=62119&rayon=10/,
  );
  await verifierAccessibilite(page, 'answer');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a parent sees the monthly cost of each mode, the tax credit apart, the barème date and its sources', async ({ page }) => {
    await page.goto('/questionnaire');
    await repondre(page, { naissance: jour(-300), debut: jour(45), jours: SEMAINE, de: '08:00', a: '17:30', commune: BETHUNE, ressources: 'r6' });
    const tableau = page.getByRole('table', { name: /Coût estimé par mois selon le mode d’accueil \(barème du \d+ \S+ 20\d\d\)/ });
    await expect(tableau).toBeVisible();
    await expect(tableau.getByRole('columnheader', { name: /^Crèche/ })).toBeVisible();
    await expect(tableau.getByRole('columnheader', { name: /^Assistant maternel/ })).toBeVisible();
    await expect(tableau.getByRole('columnheader', { name: /Garde à domicile partagée/ })).toBeVisible();
    const credit = tableau.getByRole('row', { name: /Crédit d’impôt \(par mois\)/ });
    await expect(credit).toContainText('€');
    await expect(tableau.getByRole('rowheader', { name: 'Coût réel après crédit d’impôt' })).toBeVisible();
    await expect(tableau.getByRole('rowheader', { name: 'Heures d’accueil par mois' })).toBeVisible();
    // Known income: one amount per cell, no range.
    const cellules = tableau.getByRole('row', { name: /Reste à payer chaque mois/ }).getByRole('cell');
    expect(await cellules.count()).toBeGreaterThanOrEqual(5);
    for (const texte of await cellules.allInnerTexts()) expect(texte).toMatch(/^\d[\d\s]*\s€$/);
    // 9.5 h × 5 days = 47.5 h a week: × 47 reserved weeks / 12 in a crèche, × 52 / 12 for an employee.
    const heures = tableau.getByRole('row', { name: /Heures d’accueil par mois/ });
    await expect(heures.locator('td[data-mode="creche"]')).toHaveText('186');
    await expect(heures.locator('td[data-mode="assistant-maternel"]')).toHaveText('205,8');
    await expect(page.getByText(/^Barème du \d+ \S+ 20\d\d$/)).toBeVisible();
    await page.getByText('Sources des chiffres').click();
    await expect(page.getByRole('link', { name: /Code de la sécurité sociale, article D\. 531-18/ })).toHaveAttribute('href', /legifrance/);
    // No island select without JavaScript: the income question was asked on its own screen.
    await expect(page.getByLabel('Vos revenus nets par mois, pour recalculer (reste sur cette page)')).toHaveCount(0);
  });

  test('a parent who keeps their income to themselves sees a range from the lowest to the highest price', async ({ page }) => {
    await page.goto('/questionnaire');
    await repondre(page, { naissance: jour(-300), debut: jour(45), jours: SEMAINE, de: '08:00', a: '17:30', commune: BETHUNE });
    await expect(page.getByText('Vous n’avez pas indiqué vos revenus : nous montrons le coût le plus bas et le plus haut.')).toBeVisible();
    const ligne = page.getByRole('table').getByRole('row', { name: /Reste à payer chaque mois/ });
    await expect(ligne.getByRole('cell').first()).toContainText(/de .*€ à .*€/);
  });
});

test('a parent goes back a screen and finds the answer given, and is told what to fix', async ({ page }) => {
  await page.goto('/questionnaire');
  await page.getByRole('button', { name: 'Continuer' }).click();
  const alerte = page.getByRole('alert');
  await expect(alerte).toContainText('Dites si votre enfant est né ou s’il va naître.', { ignoreCase: true });
  await expect(page.getByLabel('Date de naissance, ou date prévue de la naissance')).toHaveAttribute('aria-invalid', 'true');
  await verifierAccessibilite(page, 'errors');
  await page.getByRole('radio', { name: 'Non, j’attends un enfant' }).check();
  await page.getByLabel('Date de naissance, ou date prévue de la naissance').fill(jour(-30));
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('alert')).toContainText('La date prévue est passée. Indiquez la date de naissance.', { ignoreCase: true });
  await page.getByLabel('Date de naissance, ou date prévue de la naissance').fill(jour(50));
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('Étape 2 sur 9')).toBeVisible();
  await page.getByRole('button', { name: 'Retour' }).click();
  await expect(page.getByText('Étape 1 sur 9')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Non, j’attends un enfant' })).toBeChecked();
  await expect(page.getByLabel('Date de naissance, ou date prévue de la naissance')).toHaveValue(jour(50));
});

test('“Faire ma demande” opens the demande form with the answers, never the income', async ({ page }) => {
  const naissance = jour(-200);
  const debut = jour(40);
  await page.goto('/questionnaire');
  await repondre(page, { naissance, debut, jours: [1, 2, 4, 6], de: '06:30', a: '14:00', urgence: true, handicap: true, commune: BETHUNE, ressources: 'r3' });
  await page.getByRole('link', { name: 'Faire ma demande' }).click();
  await expect(page).toHaveURL(/\/demande\?/);
  const p = new URL(page.url()).searchParams;
  expect(p.get('commune')).toBe(BETHUNE);
  expect(p.get('naissance')).toBe(naissance);
  expect(p.get('debut')).toBe(debut);
  expect(p.get('jours')).toBe('1,2,4,6');
  expect(p.get('de')).toBe('06:30');
  expect(p.get('a')).toBe('14:00');
  expect(p.get('atypique')).toBe('1'); // before 7 h and on Saturday
  expect(p.get('urgence')).toBe('1');
  expect(p.get('handicap')).toBe('1');
  const modes = p.get('modes')!.split(',');
  expect(modes.length).toBeGreaterThan(0);
  for (const m of modes) expect(['collectif', 'assistant-maternel', 'mam', 'garde-a-domicile']).toContain(m);
  expect(new Set(modes).size).toBe(modes.length);
  expect([...p.keys()].sort()).toEqual(['a', 'atypique', 'commune', 'de', 'debut', 'handicap', 'jours', 'modes', 'naissance', 'urgence']);
  // The demande form is prefilled.
  await expect(page.getByLabel('Votre commune de résidence')).toHaveValue(BETHUNE);
});

test('with JavaScript, changing the income bracket updates the estimate on the page', async ({ page }) => {
  await page.goto('/questionnaire');
  await repondre(page, { naissance: jour(-300), debut: jour(45), jours: SEMAINE, de: '08:00', a: '17:30', commune: BETHUNE });
  await page.getByRole('heading', { name: 'Combien cela coûterait ?' }).scrollIntoViewIfNeeded();
  const choix = page.getByLabel('Vos revenus nets par mois, pour recalculer (reste sur cette page)');
  await expect(choix).toBeVisible();
  const cellule = page
    .getByRole('table')
    .getByRole('row', { name: /Reste à payer chaque mois/ })
    .locator('td[data-mode="creche"]');
  await expect(cellule).toContainText(/de .*€ à .*€/);
  await choix.selectOption('r10');
  await expect(cellule).not.toContainText(/de .*€ à/);
  const haut = await cellule.innerText();
  await choix.selectOption('r1');
  await expect(cellule).not.toHaveText(haut);
  await expect(page.getByText('Estimation mise à jour.')).toBeAttached();
});

test.describe('in Arabic', () => {
  test('the questionnaire is right-to-left and passes axe on every screen and on the answer', async ({ page }) => {
    await page.goto('/ar/questionnaire');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await repondre(
      page,
      { naissance: jour(-400), debut: jour(30), jours: SEMAINE, de: '07:45', a: '21:30', commune: BETHUNE, ressources: 'r4' },
      { axe: 'ar' },
    );
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('table')).toBeVisible();
    // The reason is translated, not shown in French.
    await expect(page.locator('[data-mode="creche"]').first()).not.toContainText('Vous avez besoin');
    await verifierAccessibilite(page, 'ar answer');
  });
});

test('every screen of the French questionnaire passes axe', async ({ page }) => {
  await page.goto('/questionnaire');
  await repondre(page, { naissance: jour(-100), debut: jour(30), jours: SEMAINE, de: '08:00', a: '18:00', commune: BETHUNE }, { axe: 'fr' });
  await verifierAccessibilite(page, 'fr answer');
});

test('on each screen Enter goes forward, and the error summary takes focus and names the question', async ({ page }) => {
  await page.goto('/questionnaire');
  await page.getByRole('radio', { name: 'Non, j’attends un enfant' }).check();
  await page.getByLabel('Date de naissance, ou date prévue de la naissance').press('Enter');
  const resume = page.locator('#resume-erreurs');
  await expect(resume).toBeFocused();
  await expect(resume.getByRole('link', { name: /^Date de naissance, ou date prévue de la naissance : / })).toBeVisible();
  await expect(page).toHaveTitle(/^1 erreur – Étape 1 sur 9/);
  await page.getByLabel('Date de naissance, ou date prévue de la naissance').fill(jour(50));
  await page.getByLabel('Date de naissance, ou date prévue de la naissance').press('Enter');
  await expect(page.getByText('Étape 2 sur 9')).toBeVisible();
  // Screen 2 has a Back button: Enter still goes forward.
  await page.getByLabel('Date de début souhaitée').fill(jour(80));
  await page.getByLabel('Date de début souhaitée').press('Enter');
  await expect(page.getByText('Étape 3 sur 9')).toBeVisible();
  await expect(page).toHaveTitle(/^Étape 3 sur 9/);
});

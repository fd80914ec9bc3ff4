import { expect, test, type Browser } from '@playwright/test';
import { attendreCourriel, connexionStaff, verifierAccessibilite } from '../helpers/e2e';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const JOUR = 86_400_000;

async function nouvellePage(browser: Browser, email: string) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await connexionStaff(page, email);
  return { ctx, page };
}

/** Staff file an urgent demande in the Est sector by phone; returns its reference and the family's email. */
async function saisirDemande(page: import('@playwright/test').Page, o: { langue?: string } = {}) {
  const email = `famille.${Date.now()}.${Math.floor(Math.random() * 1e6)}@exemple.fr`;
  await page.goto('/admin/demandes');
  await page.getByRole('link', { name: 'Saisir une demande (appel, accueil, courrier)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saisir une demande pour une famille');
  await page.getByLabel('Comment la famille s’est adressée au relais').selectOption('telephone');
  await page.getByLabel('Prénom du parent').fill('Nadia');
  await page.getByLabel('Nom du parent', { exact: true }).fill('Tournesolette');
  await page.getByLabel('Courriel (facultatif)').fill(email);
  await page.getByLabel('Téléphone', { exact: true }).fill('06 00 00 00 42');
  await page.getByLabel('Préfère être contactée par').selectOption('email');
  if (o.langue) await page.getByLabel('Langue de la famille').selectOption(o.langue);
  await page.getByLabel('Commune de résidence').selectOption({ label: 'Richebourg' });
  await page.getByRole('radio', { name: 'Né', exact: true }).check();
  await page.getByLabel('Date de naissance (ou prévue)').fill(iso(new Date(Date.now() - 300 * JOUR)));
  await page.getByLabel('Date de début souhaitée').fill(iso(new Date(Date.now() + 30 * JOUR)));
  for (const j of ['Lundi', 'Mardi', 'Jeudi', 'Vendredi']) await page.getByRole('checkbox', { name: j, exact: true }).check();
  await page.getByLabel('Besoin urgent').check();
  await page.getByLabel('Motif de l’urgence').fill('Reprise d’emploi lundi prochain');
  await page.getByLabel('La famille accepte d’être contactée par le relais').check();
  await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
  const statut = page.getByRole('status');
  await expect(statut).toContainText('enregistrée');
  const reference = (await statut.textContent())!.match(/D-\d{4}-\d{5}/)![0];
  return { reference, email };
}

test('animatrice files a phone demande, filters urgent ones, logs a contact, proposes a solution and records a mise en relation; the family’s page shows it', async ({
  page,
}) => {
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  await page.goto('/admin/demandes/nouvelle');
  await verifierAccessibilite(page, 'staff demande form');
  // A form with errors keeps what was typed and says what to fix.
  await page.getByLabel('Prénom du parent').fill('Nadia');
  await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
  await expect(page.getByRole('alert')).toContainText('Nom du parent : ');
  await expect(page.getByLabel('Prénom du parent')).toHaveValue('Nadia');
  await expect(page.getByLabel('Nom du parent', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await verifierAccessibilite(page, 'staff demande form with errors');

  const { reference, email } = await saisirDemande(page);

  await page.goto('/admin/demandes');
  await verifierAccessibilite(page, 'queue');
  await page.getByText('Filtres', { exact: true }).click();
  await page.getByLabel('Urgentes uniquement').check();
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/urgence=oui/);
  const tableau = page.getByRole('table');
  await expect(tableau.getByRole('row').nth(1)).toContainText('Urgent');
  await tableau.getByRole('link', { name: reference }).click();

  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Nouvelle');
  await expect(page.getByText('Reprise d’emploi lundi prochain')).toBeVisible();
  await verifierAccessibilite(page, 'demande detail');

  await page.getByLabel('Canal', { exact: true }).selectOption('telephone');
  await page.getByLabel('Motif principal').selectOption('recherche-mode-accueil');
  await page.getByLabel('Issue', { exact: true }).selectOption('joint');
  await page.getByLabel('Compte rendu').fill('Maman jointe, besoin confirmé.');
  await page.getByRole('button', { name: 'Enregistrer le contact' }).click();
  await expect(page.getByRole('status')).toHaveText('Contact enregistré.');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('En cours');
  await expect(page.getByRole('heading', { name: 'Contacts avec la famille (1)' })).toBeVisible();

  await page.getByRole('radio', { name: 'Proposer une solution' }).check();
  await page.getByLabel('Motif ou précision').fill('Deux assistantes maternelles proposées');
  await page.getByRole('button', { name: 'Enregistrer le changement d’état' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Solution proposée');

  const bouton = page.getByRole('button', { name: /^Mettre en relation avec / }).first();
  const lieu = (await bouton.textContent())!.replace('Mettre en relation avec ', '').trim();
  await bouton.click();
  await expect(page.getByRole('status')).toContainText(`Mise en relation enregistrée avec ${lieu}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Mise en relation');
  await expect(page.getByRole('region', { name: 'Mises en relation (1)' })).toContainText(lieu);
  await verifierAccessibilite(page, 'demande detail after actions');

  // The family follows the link of its confirmation email.
  const m = await attendreCourriel({ a: email, sujet: /bien reçue/ });
  const lien = (m.text ?? '').match(/https?:\/\/\S+\/suivi\/[\w-]+/)![0];
  await page.goto(lien);
  await expect(page.getByText('vous êtes en contact avec un professionnel').first()).toBeVisible();
});

test('Ouest animatrice cannot open an Est demande, nor post on it', async ({ browser }) => {
  const est = await nouvellePage(browser, 'animatrice.est@exemple.fr');
  await est.page.goto('/admin/demandes?etat=nouvelle');
  const href = await est.page.getByRole('table').getByRole('link').first().getAttribute('href');
  expect(href).toMatch(/^\/admin\/demandes\/[0-9a-f-]{36}$/);
  const ouest = await nouvellePage(browser, 'animatrice.ouest@exemple.fr');
  const r = await ouest.page.goto(href!);
  expect(r?.status()).toBe(403);
  await ouest.page.goto('/admin/demandes');
  const csrf = await ouest.page.locator('input[name="_csrf"]').first().inputValue();
  const statut = await ouest.page.evaluate(
    async ({ href, csrf }) =>
      (await fetch(href, { method: 'POST', body: new URLSearchParams({ _csrf: csrf, action: 'transition', transition: 'abandonner' }) })).status,
    { href: href!, csrf },
  );
  expect(statut).toBe(403);
  await est.page.goto(href!);
  await expect(est.page.getByRole('heading', { level: 1 })).toContainText('Nouvelle');
  await est.ctx.close();
  await ouest.ctx.close();
});

test('the commune viewer sees no personal data', async ({ browser }) => {
  const admin = await nouvellePage(browser, 'admin@exemple.fr');
  await admin.page.goto('/admin/demandes');
  const href = await admin.page.getByRole('table').getByRole('link').first().getAttribute('href');
  const famille = await admin.page.getByRole('table').getByRole('row').nth(1).getByRole('cell').nth(1).textContent();
  await admin.ctx.close();
  const commune = await nouvellePage(browser, 'commune@exemple.fr');
  for (const url of ['/admin/demandes', href!, '/admin/demandes/nouvelle', '/admin/courriels']) {
    const r = await commune.page.goto(url);
    expect(r?.status(), url).toBe(403);
    expect(await commune.page.content()).not.toContain(famille!.trim());
  }
  await commune.ctx.close();
});

test('a family answers "still looking?" in Arabic through a confirmation page', async ({ page }) => {
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  const { reference, email } = await saisirDemande(page, { langue: 'ar' });
  await page.goto('/admin/demandes?urgence=oui');
  await page.getByRole('table').getByRole('link', { name: reference }).click();
  await page.getByRole('button', { name: 'Demander à la famille si son besoin est toujours d’actualité' }).click();
  await expect(page.getByRole('status')).toHaveText('Courriel envoyé à la famille.');
  await page.goto('/admin/courriels');
  await expect(page.getByText(`هل ما زال طلبكم ${reference} قائمًا؟`)).toBeVisible();
  await verifierAccessibilite(page, 'outbox');

  const m = await attendreCourriel({ a: email, sujet: /قائمًا/ });
  const lien = (m.text ?? '').match(/https?:\/\/\S+\/relance\/[\w-]+\?reponse=oui/)![0];
  await page.goto(lien);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('radio', { name: 'نعم، ما زلت أبحث' })).toBeChecked();
  await verifierAccessibilite(page, 'relance page in Arabic');
  await page.getByRole('button', { name: 'إرسال ردي' }).click();
  await expect(page.getByRole('status')).toContainText('يبقى طلبكم مفتوحًا');
  await page.goto(lien);
  await expect(page.getByRole('alert')).toBeVisible();
});

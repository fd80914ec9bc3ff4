import { expect, test, type Page } from '@playwright/test';
import { attendreCourriel, verifierAccessibilite } from '../helpers/e2e';
import frDemande from '../../src/i18n/fr/demande';
import frSuivi from '../../src/i18n/fr/suivi';
import arDemande from '../../src/i18n/ar/demande';
import arSuivi from '../../src/i18n/ar/suivi';
import frCommun from '../../src/i18n/fr/commun';
import arCommun from '../../src/i18n/ar/commun';

type Textes = { d: typeof frDemande; s: typeof frSuivi; jours: Record<number, string>; continuer: string };
// The Arabic dictionaries are partial; fall back to French exactly as the portal does.
const fusion = <T>(fr: T, autre: unknown): T => {
  if (typeof fr === 'string') return (typeof autre === 'string' ? autre : fr) as T;
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fr as object)) o[k] = fusion(v, (autre as Record<string, unknown> | undefined)?.[k]);
  return o as T;
};
const FR: Textes = { d: frDemande, s: frSuivi, jours: frCommun.jours, continuer: frCommun.commun.continuer };
const AR: Textes = {
  d: fusion(frDemande, arDemande),
  s: fusion(frSuivi, arSuivi),
  jours: fusion(frCommun.jours, (arCommun as { jours?: unknown }).jours),
  continuer: frCommun.commun.continuer,
};

/** A label that starts with `s` (labels end with « (obligatoire) »). */
const debut = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(|$)`);
test.describe.configure({ timeout: 120_000 });

const iso = (d: Date) => d.toISOString().slice(0, 10);
const dans = (jours: number) => iso(new Date(Date.now() + jours * 86_400_000));
const unique = (nom: string) => `${nom}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@exemple.fr`;

async function remplirEtSoumettre(page: Page, x: Textes, o: { email: string; axe?: boolean; prefixe?: string }) {
  const suivant = () => page.getByRole('button', { name: x.d.boutons.suivant }).click();
  await page.goto(`${o.prefixe ?? ''}/demande`);
  if (o.axe) await verifierAccessibilite(page, 'demande étape 1');
  const p1 = page.getByRole('group', { name: x.d.vous.parent1 });
  await p1.getByLabel(debut(x.d.vous.prenom)).fill('Samia');
  await p1.getByLabel(debut(x.d.vous.nom)).fill('Haddad');
  await page.getByLabel(x.d.vous.email, { exact: true }).fill(o.email);
  await page.getByLabel(x.d.vous.telephone, { exact: true }).fill('06 11 22 33 44');
  await page.getByLabel(x.d.vous.commune).selectOption('62119');
  await suivant();
  await expect(page.getByRole('heading', { level: 2, name: x.d.etapes.enfants })).toBeVisible();
  if (o.axe) await verifierAccessibilite(page, 'demande étape 2');
  await page.getByLabel(x.d.enfants.ne).check();
  await page.getByLabel(x.d.enfants.naissance).fill(dans(-200));
  await suivant();
  await expect(page.getByRole('heading', { level: 2, name: x.d.etapes.besoin })).toBeVisible();
  if (o.axe) await verifierAccessibilite(page, 'demande étape 3');
  await page.getByLabel(x.d.besoin.debut).fill(dans(60));
  for (const j of [1, 2, 4]) {
    await page.getByLabel(x.jours[j]!, { exact: true }).check();
    await page.getByLabel(x.d.besoin.deJour.replace('{jour}', x.jours[j]!)).fill('08:00');
    await page.getByLabel(x.d.besoin.aJour.replace('{jour}', x.jours[j]!)).fill('17:30');
  }
  await suivant();
  await expect(page.getByRole('heading', { level: 2, name: x.d.etapes.souhaits })).toBeVisible();
  if (o.axe) await verifierAccessibilite(page, 'demande étape 4');
  await page.getByLabel(x.d.souhaits.choix.replace('{n}', '1')).selectOption('assistant-maternel');
  await page.getByLabel(x.d.souhaits.choix.replace('{n}', '2')).selectOption('collectif');
  await suivant();
  await expect(page.getByRole('heading', { level: 2, name: x.d.envoi.recap })).toBeVisible();
  await expect(page.getByText('Samia Haddad')).toBeVisible();
  if (o.axe) await verifierAccessibilite(page, 'demande récapitulatif');
  await page.getByLabel(x.d.envoi.consentementContact).check();
  await page.getByLabel(x.d.envoi.consentementPartage).check();
  await page.getByRole('button', { name: x.d.boutons.envoyer }).click();
  await expect(page.getByRole('heading', { level: 1, name: x.d.confirmation.titre })).toBeVisible();
  const ref = (await page
    .getByText(/D-\d{4}-\d{5}/)
    .first()
    .textContent())!.match(/D-\d{4}-\d{5}/)![0];
  return ref;
}

async function ouvrirLienEtRetirer(page: Page, x: Textes, email: string, reference: string, sujet: RegExp, axe = true) {
  const mail = await attendreCourriel({ a: email, sujet, delai: 50_000 });
  expect(mail.subject).toContain(reference);
  const lien = /https?:\/\/\S+\/suivi\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')![0];
  await page.goto(lien);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
  await expect(page.locator('#prochaine-etape')).toBeVisible();
  if (axe) await verifierAccessibilite(page, 'suivi');
  await page.getByRole('button', { name: x.s.confirmer.retirerDemander }).click();
  await page.getByRole('button', { name: x.s.retirerConfirmer }).click();
  await expect(page.getByRole('status')).toHaveText(x.s.retiree);
  await expect(page.getByRole('listitem').filter({ hasText: x.s.evenement.retireeParVous })).toBeVisible();
  return lien;
}

test('a parent files a demande in French, receives the confirmation, opens the link and withdraws', async ({ page }) => {
  const email = unique('parent.fr');
  const ref = await remplirEtSoumettre(page, FR, { email, axe: true });
  await expect(page.getByRole('link', { name: FR.d.confirmation.lien })).toBeVisible();
  await verifierAccessibilite(page, 'confirmation');
  await ouvrirLienEtRetirer(page, FR, email, ref, /bien reçue/);
});

test('a parent files a demande in Arabic, right to left, and gets an Arabic email', async ({ page }) => {
  const email = unique('parent.ar');
  await page.goto('/ar/demande');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const ref = await remplirEtSoumettre(page, AR, { email, axe: true, prefixe: '/ar' });
  await verifierAccessibilite(page, 'confirmation ar');
  const mail = await attendreCourriel({ a: email, delai: 50_000 });
  expect(mail.html).toContain('dir="rtl"');
  await ouvrirLienEtRetirer(page, AR, email, ref, /.*/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a parent files a demande with JavaScript off, goes back without losing anything, and withdraws', async ({ page }) => {
    const email = unique('parent.sansjs');
    await page.goto('/demande');
    // Back from step 2 keeps step 1.
    const p1 = page.getByRole('group', { name: FR.d.vous.parent1 });
    await p1.getByLabel(debut(FR.d.vous.prenom)).fill('Jules');
    await p1.getByLabel(debut(FR.d.vous.nom)).fill('Martin');
    await page.getByLabel(FR.d.vous.email, { exact: true }).fill(email);
    await page.getByLabel(FR.d.vous.commune).selectOption('62034');
    await page.getByRole('button', { name: FR.d.boutons.suivant }).click();
    await expect(page.getByText('Étape 2 sur 5')).toBeVisible();
    await page.getByRole('button', { name: FR.d.boutons.precedent }).click();
    await expect(page.getByRole('group', { name: FR.d.vous.parent1 }).getByLabel(debut(FR.d.vous.prenom))).toHaveValue('Jules');
    await expect(page.getByLabel(FR.d.vous.email, { exact: true })).toHaveValue(email);
    const ref = await remplirEtSoumettre(page, FR, { email });
    // axe needs JavaScript in the page: the same pages are checked in the tests above.
    await ouvrirLienEtRetirer(page, FR, email, ref, /bien reçue/, false);
  });

  test('invalid input shows the right messages next to the fields and keeps the rest', async ({ page }) => {
    await page.goto('/demande');
    const p1 = page.getByRole('group', { name: FR.d.vous.parent1 });
    await p1.getByLabel(debut(FR.d.vous.prenom)).fill('Awa');
    await p1.getByLabel(debut(FR.d.vous.nom)).fill('Diallo');
    await page.getByLabel(FR.d.vous.email, { exact: true }).fill('awa@exemple');
    await page.getByLabel(FR.d.vous.commune).selectOption('62119');
    await page.getByRole('button', { name: FR.d.boutons.suivant }).click();
    await expect(page.getByRole('alert')).toContainText(FR.d.erreur.email, { ignoreCase: true });
    const email = page.getByLabel(FR.d.vous.email, { exact: true });
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(new RegExp(FR.d.erreur.email.slice(0, 30)));
    await expect(p1.getByLabel(debut(FR.d.vous.prenom))).toHaveValue('Awa');
    await expect(page.getByLabel(FR.d.vous.commune)).toHaveValue('62119');
    await email.fill('awa.diallo@exemple.fr');
    await page.getByRole('button', { name: FR.d.boutons.suivant }).click();

    // A born child cannot be born in the future.
    await page.getByLabel(FR.d.enfants.prenom).fill('Moussa');
    await page.getByLabel(FR.d.enfants.naissance).fill(dans(30));
    await page.getByRole('button', { name: FR.d.boutons.suivant }).click();
    const naissance = page.getByLabel(FR.d.enfants.naissance);
    await expect(naissance).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#err-e0Naissance')).toHaveText(FR.d.erreur.naissanceFuture);
    await expect(page.getByLabel(FR.d.enfants.prenom)).toHaveValue('Moussa');
    await naissance.fill(dans(-100));
    await page.getByRole('button', { name: FR.d.boutons.suivant }).click();

    // The start date cannot be in the past; no day checked.
    await page.getByLabel(FR.d.besoin.debut).fill(dans(-3));
    await page.getByRole('button', { name: FR.d.boutons.suivant }).click();
    await expect(page.locator('#err-dateDebut')).toHaveText(FR.d.erreur.debutPasse);
    await expect(page.locator('#err-j1')).toHaveText(FR.d.erreur.planningVide);
    await expect(page.getByLabel(FR.d.besoin.debut)).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel(FR.d.besoin.debut).fill(dans(20));
    await page.getByLabel(FR.jours[3]!, { exact: true }).check();
    await page.getByLabel('Heure d’arrivée le mercredi').fill('09:00');
    await page.getByLabel('Heure de départ le mercredi').fill('12:00');
    await page.getByRole('button', { name: FR.d.boutons.suivant }).click();
    await page.getByLabel('Choix n° 1').selectOption('mam');
    await page.getByRole('button', { name: FR.d.boutons.suivant }).click();

    // No consent.
    await page.getByRole('button', { name: FR.d.boutons.envoyer }).click();
    await expect(page.getByRole('alert')).toContainText(FR.d.erreur.consentementContact, { ignoreCase: true });
    await expect(page.getByLabel(FR.d.envoi.consentementContact)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Awa Diallo')).toBeVisible();
    await expect(page.getByText('mercredi 09:00–12:00')).toBeVisible();
  });
});

test('the errors of a step are announced, linked to their fields and pass axe', async ({ page }) => {
  await page.goto('/demande');
  await page.getByRole('button', { name: FR.d.boutons.suivant }).click();
  const alerte = page.getByRole('alert');
  await expect(alerte).toContainText(FR.d.erreur.contactManquant, { ignoreCase: true });
  await alerte.getByRole('link', { name: FR.d.erreur.contactManquant }).click();
  await expect(page).toHaveURL(/#f-email$/);
  await verifierAccessibilite(page, 'erreurs étape 1');
  await page.goto('/ar/demande');
  await page.getByRole('button', { name: AR.d.boutons.suivant }).click();
  await expect(page.getByRole('alert')).toContainText(AR.d.erreur.contactManquant, { ignoreCase: true });
  await verifierAccessibilite(page, 'erreurs étape 1 ar');
});

test('a family from outside the territory is told whom to contact and the demande is kept', async ({ page }) => {
  await page.goto('/demande?naissance=2025-09-01&jours=1,2&de=08:30&a=18:00&modes=collectif');
  await expect(page.getByText(FR.d.prerempli)).toBeVisible();
  const p1 = page.getByRole('group', { name: FR.d.vous.parent1 });
  await p1.getByLabel(debut(FR.d.vous.prenom)).fill('Lou');
  await p1.getByLabel(debut(FR.d.vous.nom)).fill('Petit');
  await page.getByLabel(FR.d.vous.telephone, { exact: true }).fill('0612121212');
  await page.getByLabel(FR.d.vous.canal).selectOption('telephone');
  await page.getByLabel(FR.d.vous.commune).selectOption('autre');
  await page.getByLabel(FR.d.vous.communeAutreChamp).fill('Arras');
  await page.getByRole('button', { name: FR.d.boutons.suivant }).click();
  await expect(page.getByLabel(FR.d.enfants.naissance)).toHaveValue('2025-09-01');
  await page.getByRole('button', { name: FR.d.boutons.suivant }).click();
  await expect(page.getByLabel('Heure d’arrivée le mardi')).toHaveValue('08:30');
  await page.getByLabel(FR.d.besoin.debut).fill(dans(90));
  await page.getByRole('button', { name: FR.d.boutons.suivant }).click();
  await expect(page.getByLabel('Choix n° 1')).toHaveValue('collectif');
  await page.getByRole('button', { name: FR.d.boutons.suivant }).click();
  await expect(page.locator('#avertissement-hors-territoire')).toBeVisible();
  await page.getByLabel(FR.d.envoi.consentementContact).check();
  await page.getByRole('button', { name: FR.d.boutons.envoyer }).click();
  await expect(page.getByRole('heading', { level: 1, name: FR.d.horsTerritoire.titre })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(/D-\d{4}-\d{5}/);
  await expect(page.getByRole('link', { name: FR.d.horsTerritoire.cafLien })).toHaveAttribute('href', 'https://monenfant.fr');
  await verifierAccessibilite(page, 'hors territoire');
  await page.goto('/ar/demande/hors-territoire');
  await verifierAccessibilite(page, 'hors territoire ar');
});

test('a parent who lost the link asks for a new one and the page never says whether the email is known', async ({ page }) => {
  const email = unique('perdu');
  const ref = await remplirEtSoumettre(page, FR, { email });
  const premier = await attendreCourriel({ a: email, sujet: /bien reçue/, delai: 50_000 });
  const ancien = /https?:\/\/\S+\/suivi\/[A-Za-z0-9_-]+/.exec(premier.text ?? '')![0];
  for (const adresse of [email, unique('inconnu')]) {
    await page.goto('/suivi');
    await verifierAccessibilite(page, 'lien perdu');
    await page.getByLabel(FR.s.perdu.email).fill(adresse);
    await page.getByRole('button', { name: FR.s.perdu.envoyer }).click();
    await expect(page.getByRole('status')).toHaveText(FR.s.perdu.envoye);
  }
  const nouveau = await attendreCourriel({ a: email, sujet: /nouveau|lien pour suivre/i, delai: 50_000 });
  expect(nouveau.subject).toContain(ref);
  const lien = /https?:\/\/\S+\/suivi\/[A-Za-z0-9_-]+/.exec(nouveau.text ?? '')![0];
  const r = await page.goto(ancien);
  expect(r?.status()).toBe(404);
  await page.goto(lien);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ref);
  // Then deletes all the data at once.
  await page.getByRole('button', { name: FR.s.confirmer.supprimerDemander }).click();
  await page.getByRole('button', { name: FR.s.supprimerConfirmer }).click();
  await expect(page.getByRole('heading', { level: 1, name: FR.s.supprimee })).toBeVisible();
  expect((await page.goto(lien))?.status()).toBe(404);
});

test('a parent updates the contact details from the follow-up page; the Arabic follow-up page is accessible', async ({ page }) => {
  const email = unique('maj');
  await remplirEtSoumettre(page, FR, { email });
  await page.getByRole('link', { name: FR.d.confirmation.lien }).click();
  await page.getByRole('link', { name: FR.s.modifierContact }).click();
  await page.getByLabel(FR.d.vous.telephone, { exact: true }).fill('pas un numéro');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('#err-telephone')).toHaveText(FR.d.erreur.telephone);
  await page.getByLabel(FR.d.vous.telephone, { exact: true }).fill('07 98 76 54 32');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status')).toHaveText(FR.s.enregistre);
  await expect(page.getByRole('listitem').filter({ hasText: FR.s.evenement.miseAJour })).toBeVisible();
  await page.goto(page.url().replace('/suivi/', '/ar/suivi/').replace(/\?.*$/, ''));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await verifierAccessibilite(page, 'suivi ar');
});

test('a parent updates the need from the follow-up page: the health consent is asked, the summary takes focus and names the field', async ({ page }) => {
  await remplirEtSoumettre(page, FR, { email: unique('besoin') });
  await page.getByRole('link', { name: FR.d.confirmation.lien }).click();
  await page.getByRole('link', { name: FR.s.modifierBesoin }).click();
  await page.getByLabel(FR.d.besoin.handicap).check();
  await page.getByLabel(FR.d.besoin.handicapPrecisions).fill('Suivi au CAMSP');
  await page.getByLabel(FR.d.besoin.debut).press('Enter'); // Enter saves: the primary button comes first
  await expect(page).toHaveTitle(/^1 erreur – /);
  await expect(page.locator('#resume-erreurs')).toBeFocused();
  await expect(page.locator('#resume-erreurs').getByRole('link')).toContainText(`${FR.d.besoin.consentementSanteNom} : `);
  await expect(page.locator('#err-consentementSante')).toHaveText(FR.d.erreur.consentementSante);
  await expect(page.getByLabel(FR.d.besoin.handicapPrecisions)).toHaveValue('Suivi au CAMSP');
  await verifierAccessibilite(page, 'suivi modifier besoin erreurs');
  await page.getByLabel(FR.d.besoin.consentementSante).check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status')).toHaveText(FR.s.enregistre);
});

/** Step headings, in order, and a field of each step where the parent presses Enter. */
async function remplirEtapeParEntree(page: Page, x: Textes, etape: number, email: string) {
  const debutDans = dans(60);
  switch (etape) {
    case 0: {
      const p1 = page.getByRole('group', { name: x.d.vous.parent1 });
      await p1.getByLabel(debut(x.d.vous.prenom)).fill('Nadia');
      await page.getByLabel(x.d.vous.email, { exact: true }).fill(email);
      await page.getByLabel(x.d.vous.commune).selectOption('62119');
      await p1.getByLabel(debut(x.d.vous.nom)).fill('Benali');
      await p1.getByLabel(debut(x.d.vous.nom)).press('Enter');
      break;
    }
    case 1:
      await page.getByLabel(x.d.enfants.naissance).fill(dans(-300));
      await page.getByLabel(x.d.enfants.prenom).fill('Lina');
      await page.getByLabel(x.d.enfants.prenom).press('Enter');
      break;
    case 2:
      await page.getByLabel(x.d.besoin.debut).fill(debutDans);
      await page.getByLabel(x.jours[2]!, { exact: true }).check();
      await page.getByLabel(x.d.besoin.deJour.replace('{jour}', x.jours[2]!)).fill('08:30');
      await page.getByLabel(x.d.besoin.aJour.replace('{jour}', x.jours[2]!)).fill('16:30');
      await page.getByLabel(x.d.besoin.aJour.replace('{jour}', x.jours[2]!)).press('Enter');
      break;
    case 3:
      await page.getByLabel(x.d.souhaits.choix.replace('{n}', '1')).selectOption('collectif');
      await page.getByLabel(x.d.souhaits.interprete).press('Enter');
      break;
    case 4:
      await page.getByLabel(x.d.envoi.consentementContact).check();
      await page.getByLabel(x.d.envoi.consentementContact).press('Enter');
      break;
  }
}

for (const js of [true, false]) {
  test.describe(`Enter goes forward ${js ? 'with' : 'without'} JavaScript`, () => {
    test.use({ javaScriptEnabled: js });
    test(`a parent presses Enter on every step of the demande and it goes forward, then sends (${js ? 'JS' : 'no JS'})`, async ({ page }) => {
      await page.goto('/demande');
      const titres = [FR.d.etapes.vous, FR.d.etapes.enfants, FR.d.etapes.besoin, FR.d.etapes.souhaits, FR.d.envoi.recap];
      for (let e = 0; e < 5; e++) {
        await expect(page.getByRole('heading', { level: 2, name: titres[e] })).toBeVisible();
        await remplirEtapeParEntree(page, FR, e, unique(`entree.${js}`));
        if (e < 4) await expect(page.getByRole('heading', { level: 2, name: titres[e + 1] })).toBeVisible();
      }
      await expect(page.getByRole('heading', { level: 1, name: FR.d.confirmation.titre })).toBeVisible();
      // Step 2 never got an extra empty child on the way: the summary had one child.
    });
  });
}

test('Enter on step 2 with a missing date stays on step 2 and adds no child', async ({ page }) => {
  await page.goto('/demande');
  await remplirEtapeParEntree(page, FR, 0, unique('enfant.entree'));
  await expect(page.getByRole('heading', { level: 2, name: FR.d.etapes.enfants })).toBeVisible();
  await page.getByLabel(FR.d.enfants.prenom).fill('Lina');
  await page.getByLabel(FR.d.enfants.prenom).press('Enter'); // date missing: stays on step 2 with an error
  await expect(page.getByRole('heading', { level: 2, name: FR.d.etapes.enfants })).toBeVisible();
  await expect(page.getByRole('group', { name: FR.d.enfants.enfant.replace('{n}', '2') })).toHaveCount(0);
  await expect(page.getByLabel(FR.d.enfants.prenom)).toHaveValue('Lina');
});

test('the error summary takes focus, names each field, and the title counts the errors', async ({ page }) => {
  await page.goto('/demande');
  await page.getByRole('group', { name: FR.d.vous.parent1 }).getByLabel(debut(FR.d.vous.prenom)).press('Enter');
  const resume = page.locator('#resume-erreurs');
  await expect(resume).toBeFocused();
  await expect(resume).toHaveAttribute('role', 'alert');
  await expect(resume.getByRole('link', { name: `${FR.d.vous.prenom} (${FR.d.vous.parent1}) : ce champ est obligatoire.`, exact: true })).toBeVisible();
  await expect(resume.getByRole('link', { name: `${FR.d.vous.nom} (${FR.d.vous.parent1}) : ce champ est obligatoire.`, exact: true })).toBeVisible();
  await expect(resume.getByRole('link', { name: new RegExp(`^${FR.d.vous.email} : donnez une adresse e-mail`) })).toBeVisible();
  const n = await resume.getByRole('link').count();
  expect(n).toBeGreaterThanOrEqual(3);
  await expect(page).toHaveTitle(new RegExp(`^${n} erreurs – ${FR.d.titre}`));
  // Following a link puts the cursor in the field.
  await resume.getByRole('link', { name: new RegExp(`^${FR.d.vous.nom} \\(`) }).click();
  await expect(page.getByRole('group', { name: FR.d.vous.parent1 }).getByLabel(debut(FR.d.vous.nom))).toBeFocused();
  await verifierAccessibilite(page, 'résumé des erreurs');

  // One error: singular title; in Arabic, the summary is in Arabic.
  await page.goto('/demande');
  const p1 = page.getByRole('group', { name: FR.d.vous.parent1 });
  await p1.getByLabel(debut(FR.d.vous.prenom)).fill('Awa');
  await page.getByLabel(FR.d.vous.email, { exact: true }).fill('awa@exemple.fr');
  await page.getByLabel(FR.d.vous.commune).selectOption('62119');
  await page.getByRole('button', { name: FR.d.boutons.suivant }).click();
  await expect(page).toHaveTitle(new RegExp(`^1 erreur – ${FR.d.titre}`));
  await expect(page.locator('#resume-erreurs')).toBeFocused();

  await page.goto('/ar/demande');
  await page.getByRole('button', { name: AR.d.boutons.suivant }).click();
  await expect(page.locator('#resume-erreurs')).toBeFocused();
  await expect(page.locator('#resume-erreurs')).toContainText('في الاستمارة');
  await expect(page.locator('#resume-erreurs').getByRole('link').first()).toContainText(`${AR.d.vous.prenom} (${AR.d.vous.parent1}): `);
});

test.describe('without JavaScript, the summary is still focused', () => {
  test.use({ javaScriptEnabled: false });
  test('the error summary takes focus on load with JavaScript off', async ({ page }) => {
    await page.goto('/demande');
    await page.getByRole('button', { name: FR.d.boutons.suivant }).click();
    await expect(page.locator('#resume-erreurs')).toBeFocused();
  });
});

for (const prefixe of ['', '/ar']) {
  test(`the demande reflows at 320 px, every step (${prefixe || 'fr'})`, async ({ page }) => {
    const x = prefixe ? AR : FR;
    await page.setViewportSize({ width: 320, height: 640 });
    const sansDefilement = async (contexte: string) => {
      const { large, vue } = await page.evaluate(() => ({ large: document.documentElement.scrollWidth, vue: document.documentElement.clientWidth }));
      expect(large, `horizontal scroll ${contexte}`).toBeLessThanOrEqual(vue);
    };
    await page.goto(`${prefixe}/demande`);
    await sansDefilement('étape 1');
    await page.getByRole('button', { name: x.d.boutons.suivant }).click();
    await sansDefilement('étape 1 avec erreurs');
    const email = unique('reflow');
    await remplirEtapeParEntree(page, x, 0, email);
    await expect(page.getByRole('heading', { level: 2, name: x.d.etapes.enfants })).toBeVisible();
    await sansDefilement('étape 2');
    await remplirEtapeParEntree(page, x, 1, email);
    await expect(page.getByRole('heading', { level: 2, name: x.d.etapes.besoin })).toBeVisible();
    await sansDefilement('étape 3');
    await page.getByRole('button', { name: x.d.boutons.suivant }).click();
    await sansDefilement('étape 3 avec erreurs');
    await remplirEtapeParEntree(page, x, 2, email);
    await expect(page.getByRole('heading', { level: 2, name: x.d.etapes.souhaits })).toBeVisible();
    await sansDefilement('étape 4');
    await remplirEtapeParEntree(page, x, 3, email);
    await expect(page.getByRole('heading', { level: 2, name: x.d.envoi.recap })).toBeVisible();
    await sansDefilement('récapitulatif');
    await verifierAccessibilite(page, `récapitulatif 320 px ${prefixe}`);
  });
}

import { expect, test, type Page } from '@playwright/test';
import { attendreCourriel, verifierAccessibilite } from '../helpers/e2e';
import fr from '../../src/i18n/fr/demande';
import s from '../../src/i18n/fr/suivi';
import ar from '../../src/i18n/ar/suivi';
import frCommun from '../../src/i18n/fr/commun';

test.describe.configure({ timeout: 150_000 });
const iso = (d: Date) => d.toISOString().slice(0, 10);
const dans = (jours: number) => iso(new Date(Date.now() + jours * 86_400_000));
const unique = (nom: string) => `${nom}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@exemple.fr`;
const debut = (x: string) => new RegExp(`^${x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(|$)`);

/** Files a demande with a handicap (and its own consent box) and returns the follow-up link. */
async function deposer(page: Page, email: string): Promise<string> {
  const suivant = () => page.getByRole('button', { name: fr.boutons.suivant }).click();
  await page.goto('/demande');
  const p1 = page.getByRole('group', { name: fr.vous.parent1 });
  await p1.getByLabel(debut(fr.vous.prenom)).fill('Odile');
  await p1.getByLabel(debut(fr.vous.nom)).fill('Vasseur');
  await page.getByLabel(fr.vous.email, { exact: true }).fill(email);
  await page.getByLabel(fr.vous.commune).selectOption('62119');
  await suivant();
  await page.getByLabel(fr.enfants.ne).check();
  await page.getByLabel(fr.enfants.naissance).fill(dans(-200));
  await suivant();
  await page.getByLabel(fr.besoin.debut).fill(dans(60));
  await page.getByLabel(frCommun.jours[1], { exact: true }).check();
  await page.getByLabel(fr.besoin.deJour.replace('{jour}', frCommun.jours[1])).fill('08:00');
  await page.getByLabel(fr.besoin.aJour.replace('{jour}', frCommun.jours[1])).fill('17:30');
  await page.getByLabel(fr.besoin.handicap).check();
  await page.getByLabel(fr.besoin.handicapPrecisions).fill('Suivi au CAMSP');
  await suivant();
  // Details without the health consent: refused next to the box, nothing lost.
  await expect(page.locator('#err-consentementSante')).toHaveText(fr.erreur.consentementSante);
  await expect(page.getByLabel(fr.besoin.handicapPrecisions)).toHaveValue('Suivi au CAMSP');
  await page.getByLabel(fr.besoin.consentementSante).check();
  await suivant();
  await page.getByLabel(fr.souhaits.choix.replace('{n}', '1')).selectOption('assistant-maternel');
  await suivant();
  await page.getByLabel(fr.envoi.consentementContact).check();
  await page.getByRole('button', { name: fr.boutons.envoyer }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.confirmation.titre })).toBeVisible();
  const mail = await attendreCourriel({ a: email, sujet: /bien reçue/, delai: 50_000 });
  return /https?:\/\/\S+\/suivi\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')![0];
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a parent reads and downloads her data, then erases them after a confirmation that she can step back from', async ({ page }) => {
    const email = unique('donnees');
    const lien = await deposer(page, email);
    await page.goto(lien);
    await page.getByRole('link', { name: s.donnees.lien }).click();
    await expect(page.getByRole('heading', { level: 1, name: s.donnees.titre })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await expect(page.getByText('Suivi au CAMSP', { exact: false })).toBeVisible();
    const [telechargement] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: s.donnees.json }).click()]);
    const json = JSON.parse(await (await telechargement.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8')));
    expect(json.vous.email).toBe(email);
    expect(json.besoin.handicapPrecisions).toBe('Suivi au CAMSP');
    expect(json.consentements.sante).toBe(true);
    // Withdrawal: the confirmation says when the data will be deleted; "no" changes nothing.
    await page.goto(lien);
    await page.getByRole('button', { name: s.confirmer.retirerDemander }).click();
    await expect(page.getByRole('heading', { level: 1, name: s.confirmer.retirerTitre })).toBeVisible();
    await expect(page.getByText(/seront effacées le \d/)).toBeVisible();
    await page.getByRole('link', { name: s.confirmer.garder }).click();
    await expect(page.getByRole('button', { name: s.confirmer.retirerDemander })).toBeVisible();
    // Erasure, confirmed.
    await page.getByRole('button', { name: s.confirmer.supprimerDemander }).click();
    await expect(page.getByText(s.confirmer.effaceMaintenant)).toBeVisible();
    await page.getByRole('button', { name: s.supprimerConfirmer }).click();
    await expect(page.getByRole('heading', { level: 1, name: s.supprimee })).toBeVisible();
    expect((await page.goto(`${lien}/donnees`))?.status()).toBe(404);
    expect((await page.request.get(`${lien}/donnees.json`)).status()).toBe(404);
  });
});

test('the data page and the confirmation step are accessible, in French and in Arabic', async ({ page }) => {
  const email = unique('donnees.axe');
  const lien = await deposer(page, email);
  await page.goto(`${lien}/donnees`);
  await verifierAccessibilite(page, 'mes données');
  await page.goto(lien.replace('/suivi/', '/ar/suivi/') + '/donnees');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: ar.donnees!.titre! })).toBeVisible();
  await verifierAccessibilite(page, 'mes données ar');
  await page.goto(lien);
  await page.getByRole('button', { name: s.confirmer.supprimerDemander }).click();
  await expect(page.getByRole('heading', { level: 1, name: s.confirmer.supprimerTitre })).toBeVisible();
  await verifierAccessibilite(page, 'confirmation suppression');
});

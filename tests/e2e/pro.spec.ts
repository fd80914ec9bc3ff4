import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { attendreCourriel, connexionStaff, verifierAccessibilite } from '../helpers/e2e';
import { signerJetonRelance } from '../../src/server/disponibilite/jeton-signe';

// Demo data is deterministic: Émilie P. (am68, availability confirmed two days before the seed, so no scheduled reminder) works in Richebourg (Est sector); the AM whose short code is below is Tiphaine.
const EMILIE = 'am68@exemple.fr';
const CODE_TIPHAINE = 'H3HG-BA2T';

function premierDuMoisProchain(): { iso: string; enMots: string } {
  const paris = new Date(new Date().toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  const d = new Date(Date.UTC(paris.getFullYear(), paris.getMonth() + 1, 1));
  const mois = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
  return { iso: d.toISOString().slice(0, 10), enMots: `1er ${mois[d.getUTCMonth()]} ${d.getUTCFullYear()}` };
}
const lienDans = (texte: string, libelle: string) => new RegExp(`${libelle} :\\n(\\S+)`).exec(texte)?.[1];

async function ouvrirEspaceParCourriel(page: Page, email: string): Promise<void> {
  const debut = Date.now();
  await page.goto('/pro');
  await page.getByLabel('Mon adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Recevoir mon lien' }).click();
  await expect(page.getByRole('status')).toContainText('vous allez recevoir un e-mail');
  const m = await attendreCourriel({ a: email, sujet: /lien pour entrer/, apres: debut });
  const lien = /https?:\/\/\S+\/pro\/lien\/[\w-]+/.exec(m.text ?? '')![0];
  await page.goto(lien);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Entrer dans mon espace');
  await page.getByRole('button', { name: 'Entrer dans mon espace' }).click();
  await expect(page).toHaveURL(/\/pro$/);
}

test.describe.serial('assistant maternel keeps her availability true', () => {
  test('an assistant maternel signs in from the emailed link and marks one place for a baby from next month', async ({ page }) => {
    await page.goto('/pro');
    await verifierAccessibilite(page, 'pro sign-in');
    await ouvrirEspaceParCourriel(page, EMILIE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Émilie');
    await verifierAccessibilite(page, 'pro screen');

    // Without an age group the place is refused, next to the field.
    await page.getByRole('button', { name: 'J’ai une place' }).click();
    // The summary names the field; the title counts the errors.
    await expect(page.getByRole('alert').getByRole('link', { name: /^Pour quel âge : choisissez l’âge de l’enfant/ })).toHaveAttribute('href', '#f-p0_tranche');
    await expect(page).toHaveTitle(/^1 erreur – /);
    await verifierAccessibilite(page, 'pro screen with errors');

    const mois = premierDuMoisProchain();
    const place1 = page.getByRole('group', { name: 'Place 1' });
    await place1.getByRole('radio', { name: 'Bébé (moins de 18 mois)' }).check();
    await place1.getByLabel('À partir du').fill(mois.iso);
    await page.getByRole('button', { name: 'J’ai une place' }).click();
    await expect(page.getByRole('status')).toHaveText('C’est enregistré. Les familles voient votre place.');
    const etat = page.locator('section.etat');
    await expect(etat).toContainText('Vous avez une place.');
    await expect(etat).toContainText(`1 place pour un bébé, à partir du ${mois.enMots}.`);
    await expect(etat).toContainText('Confirmé aujourd’hui.');

    // The public map (issue 7) shows her place, confirmed today.
    await page.goto('/carte?lieu=Richebourg&type=assistant-maternel');
    const fiche = page.getByRole('article', { name: 'Émilie P.' });
    await expect(fiche).toContainText(`Place disponible à partir du ${mois.enMots}`);
    await expect(fiche).toContainText('confirmé aujourd’hui');
  });

  test('a reminder button changes her availability through the confirmation page; a reused or expired one is refused', async ({ page, browser }) => {
    const debut = Date.now();
    await connexionStaff(page, 'animatrice.est@exemple.fr');
    await page.goto('/admin/offre');
    await verifierAccessibilite(page, 'admin offre');
    await page.getByLabel('Commune').selectOption({ label: 'Richebourg' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    const ligne = page.getByRole('row').filter({ hasText: EMILIE });
    await ligne.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Relancer la sélection par e-mail' }).click();
    await expect(page.getByRole('status')).toContainText('1 relance envoyée.');

    const m = await attendreCourriel({ a: EMILIE, sujet: /Avez-vous toujours une place/, apres: debut });
    const plusDePlace = lienDans(m.text ?? '', 'Non, plus de place')!;
    const toujours = lienDans(m.text ?? '', 'Oui, toujours disponible')!;
    expect(plusDePlace).toContain('/pro/confirmer/');

    // The AM taps the button on her phone: no session there.
    const am = await browser.newContext();
    const tel = await am.newPage();
    await tel.goto(plusDePlace);
    await expect(tel.getByRole('heading', { level: 1 })).toHaveText('Confirmer ma réponse');
    await expect(tel.getByText('Je n’ai plus de place.')).toBeVisible();
    await verifierAccessibilite(tel, 'confirmation page');
    // Opening the link (as a mail scanner does) changed nothing.
    await page.goto('/admin/offre?commune=' + new URL(page.url()).searchParams.get('commune'));
    await expect(page.getByRole('row').filter({ hasText: EMILIE })).toContainText('Place disponible');

    await tel.getByRole('button', { name: 'Oui, je confirme' }).click();
    await expect(tel.getByRole('heading', { level: 1 })).toHaveText('Merci !');
    await expect(tel.getByRole('status')).toHaveText('C’est enregistré : vous n’avez pas de place. Confirmé aujourd’hui.');
    await tel.goto('/carte?lieu=Richebourg&type=assistant-maternel');
    const fiche = tel.getByRole('article', { name: 'Émilie P.' });
    await expect(fiche).toContainText('Complet');
    await expect(fiche).toContainText('confirmé aujourd’hui');
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: EMILIE })).toContainText('Complet');
    await page.getByRole('row').filter({ hasText: EMILIE }).getByRole('link').click();
    await expect(page.getByRole('table', { name: 'Dernières mises à jour' })).toContainText('bouton du courriel de relance');

    // Used again, or the other button of the same email: refused with a clear page.
    await tel.goto(plusDePlace);
    await expect(tel.getByRole('heading', { level: 1 })).toHaveText('Ce bouton ne marche plus');
    await expect(tel.getByText('Vous avez déjà répondu à ce message.')).toBeVisible();
    await verifierAccessibilite(tel, 'used token');
    await tel.goto(toujours);
    await expect(tel.getByText('Vous avez déjà répondu à ce message.')).toBeVisible();

    // An expired button (signed with the portal's secret, but out of date).
    const secret = process.env.SECRET || readFileSync(path.join(process.env.E2E_ROOT!, 'data', 'secret'), 'utf8').trim();
    const structureId = new URL(page.url()).pathname.split('/').pop()!;
    const expire = signerJetonRelance(secret, { structureId, reponse: 'toujours', expire: new Date(Date.now() - 60_000), nonce: 'expire-e2e' });
    const r = await tel.goto(`/pro/confirmer/${expire}`);
    expect(r?.status()).toBe(410);
    await expect(tel.getByText('Ce message est trop ancien.')).toBeVisible();
    await expect(tel.getByRole('button', { name: 'Oui, je confirme' })).toHaveCount(0);
    await am.close();
  });

  test('the emailed sign-in link works once', async ({ page, browser }) => {
    const debut = Date.now();
    await page.goto('/pro');
    await page.getByLabel('Mon adresse e-mail').fill(EMILIE);
    await page.getByRole('button', { name: 'Recevoir mon lien' }).click();
    const m = await attendreCourriel({ a: EMILIE, sujet: /lien pour entrer/, apres: debut });
    const lien = /https?:\/\/\S+\/pro\/lien\/[\w-]+/.exec(m.text ?? '')![0];
    await page.goto(lien);
    await page.getByRole('button', { name: 'Entrer dans mon espace' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Émilie');
    const ctx = await browser.newContext();
    const autre = await ctx.newPage();
    await autre.goto(lien);
    await expect(autre.getByRole('heading', { level: 1 })).toHaveText('Ce lien ne marche plus');
    await expect(autre.getByText('Ce lien a déjà servi.')).toBeVisible();
    await verifierAccessibilite(autre, 'used sign-in link');
    await ctx.close();
  });
});

test('an assistant maternel enters with the short code from the relais and leaves the map', async ({ page }) => {
  await page.goto('/pro');
  await page.getByLabel('Mon code').fill('ZZZZ-ZZZZ');
  await page.getByRole('button', { name: 'Entrer avec mon code' }).click();
  await expect(page.getByRole('alert')).toContainText('Mon code : ce code n’est pas bon');
  await expect(page.getByLabel('Mon code')).toHaveAttribute('aria-invalid', 'true');

  await page.goto(`/pro?code=${CODE_TIPHAINE}`);
  await expect(page.getByLabel('Mon code')).toHaveValue(CODE_TIPHAINE);
  await page.getByRole('button', { name: 'Entrer avec mon code' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Tiphaine');

  await page.getByRole('checkbox', { name: 'Mon adresse (rue et numéro)' }).check();
  await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
  await expect(page.getByRole('status')).toHaveText('Vos choix sont enregistrés.');
  await expect(page.getByRole('checkbox', { name: 'Mon adresse (rue et numéro)' })).toBeChecked();

  await page.getByRole('button', { name: 'Ne plus me montrer sur la carte' }).click();
  await expect(page.getByRole('status')).toHaveText('C’est fait. Vous n’êtes plus sur la carte.');
  await expect(page.getByText('Vous n’êtes pas sur la carte.')).toBeVisible();
  await page.getByRole('button', { name: 'Me montrer à nouveau sur la carte' }).click();
  await expect(page.getByRole('status')).toHaveText('C’est fait. Vous êtes à nouveau sur la carte.');

  await page.getByRole('button', { name: 'Quitter mon espace' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dire si j’ai une place');
});

test('an animatrice imports the AM list from a CSV file with a preview', async ({ page }) => {
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  await page.goto('/admin/offre/import');
  await verifierAccessibilite(page, 'import');
  const csv =
    '\uFEFFNom;Prénom;Commune;N° agrément;Nombre de places;Âges;Téléphone;Email\n' +
    'Tournesol;Léa;Richebourg;E2E-0001;3;0-3 ans;06 10 20 30 40;lea.e2e@exemple.fr\n' +
    'Coquelicot;Inès;Ville-Inconnue;E2E-0002;3;;;\n';
  await page.getByLabel('Fichier CSV').setInputFiles({ name: 'am.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
  await expect(page.getByRole('heading', { name: 'Aperçu : rien n’est encore enregistré' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Lignes en erreur' })).toContainText('3');
  await expect(page.getByRole('table', { name: 'Lignes en erreur' })).toContainText('commune inconnue');
  await verifierAccessibilite(page, 'import preview');
  await page.getByRole('button', { name: 'Importer 1 ligne' }).click();
  await expect(page.getByRole('heading', { name: 'Import terminé' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Créés : 1');
  await page.goto('/admin/offre?anciens=oui');
  await page.getByRole('link', { name: 'Léa Tournesol' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Léa Tournesol');
  await verifierAccessibilite(page, 'AM page');
  // On her behalf, after a call.
  await page.getByRole('radio', { name: 'Marcheur (18 mois à 3 ans)' }).check();
  await page.getByRole('button', { name: 'Elle a une place' }).click();
  await expect(page.getByRole('status')).toContainText('mise à jour par le relais');
  await expect(page.getByRole('table', { name: 'Dernières mises à jour' })).toContainText('par le relais (appel)');
  await page.getByRole('link', { name: 'Imprimer la fiche avec le QR code' }).click();
  await expect(page.getByRole('img', { name: /QR code vers .*\/pro\?code=/ })).toBeVisible();
  await verifierAccessibilite(page, 'QR sheet');
});

test('a commune viewer cannot reach /admin/offre; the Ouest animatrice cannot open an Est AM', async ({ page, browser }) => {
  await connexionStaff(page, 'commune@exemple.fr');
  const r = await page.goto('/admin/offre');
  expect(r?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
  expect((await page.goto('/admin/offre/import'))?.status()).toBe(403);

  const est = await browser.newPage();
  await connexionStaff(est, 'animatrice.est@exemple.fr');
  await est.goto('/admin/offre');
  const lien = await est.getByRole('row').filter({ hasText: 'Richebourg' }).first().getByRole('link').getAttribute('href');
  await est.close();
  const ouest = await browser.newPage();
  await connexionStaff(ouest, 'animatrice.ouest@exemple.fr');
  expect((await ouest.goto(lien!))?.status()).toBe(403);
  expect((await ouest.goto(`${lien}/fiche`))?.status()).toBe(403);
  await ouest.close();
});

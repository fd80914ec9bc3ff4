import { expect, test, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { attendreCourriel, connexionStaff, verifierAccessibilite } from '../helpers/e2e';

// Sign-in, its code step, the second-factor page and the AM list import use
// the form kit (src/components/form): a focused summary naming each field, a
// title counting the errors, the message next to the field, what was typed
// kept, except passwords and codes, which are typed again.

const MDP = 'la phrase de passe de Sacha, assez longue';

/** The code an authenticator app shows for this key, `decalage` steps ahead (a step already used is refused). */
function codeApp(cle: string, decalage = 0): string {
  return new TOTP({ secret: Secret.fromBase32(cle.replace(/\s/g, '')), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + decalage * 30_000,
  });
}

/** An accessible description that holds this text (the error's "⚠" comes from CSS). */
const contient = (texte: string) => new RegExp(texte.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

async function resumeAvec(page: Page, titre: string, liens: { nom: string; cible: string }[]): Promise<void> {
  await expect(page).toHaveTitle(`${titre} — Espace des relais`);
  const resume = page.getByRole('alert');
  await expect(resume).toBeFocused();
  await expect(resume.getByRole('link')).toHaveText(liens.map((l) => l.nom));
  for (const l of liens) await expect(resume.getByRole('link', { name: l.nom })).toHaveAttribute('href', `#${l.cible}`);
}

test('sign-in: empty fields, then a wrong password, each named in the summary and next to its field; the address kept, never the password', async ({
  page,
}) => {
  await page.goto('/admin/connexion');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await resumeAvec(page, '2 erreurs – Connexion', [
    { nom: 'Adresse e-mail : saisissez votre adresse e-mail.', cible: 'f-email' },
    { nom: 'Mot de passe : saisissez votre mot de passe.', cible: 'f-motDePasse' },
  ]);
  await expect(page.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Adresse e-mail')).toHaveAccessibleDescription(contient('Saisissez votre adresse e-mail.'));
  await expect(page.getByLabel('Mot de passe')).toHaveAccessibleDescription(contient('Saisissez votre mot de passe.'));
  await verifierAccessibilite(page, 'login, empty');

  await page.getByLabel('Adresse e-mail').fill('pas-une-adresse');
  await page.getByLabel('Mot de passe').fill('quelque chose');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await resumeAvec(page, '1 erreur – Connexion', [
    { nom: 'Adresse e-mail : adresse e-mail invalide : elle a la forme prenom.nom@exemple.fr.', cible: 'f-email' },
  ]);
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue('pas-une-adresse');
  await expect(page.getByLabel('Mot de passe')).toHaveValue('');

  await page.getByLabel('Adresse e-mail').fill('personne.inconnue.e2e@exemple.fr');
  await page.getByLabel('Mot de passe').fill('pas le bon');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await resumeAvec(page, '1 erreur – Connexion', [{ nom: 'Mot de passe : adresse e-mail ou mot de passe incorrect.', cible: 'f-motDePasse' }]);
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue('personne.inconnue.e2e@exemple.fr');
  await expect(page.getByLabel('Mot de passe')).toHaveValue('');
  await expect(page.getByLabel('Mot de passe')).toHaveAccessibleDescription(contient('Adresse e-mail ou mot de passe incorrect.'));
  await verifierAccessibilite(page, 'login, wrong password');
  // The summary's link takes the keyboard to the field.
  await page.getByRole('alert').getByRole('link').click();
  await expect(page.getByLabel('Mot de passe')).toBeFocused();
});

test('second factor: errors of the security page and of the code step, named in the summary, the code never shown again', async ({ browser }) => {
  test.setTimeout(180_000);
  // A person of their own, so no other test signs in with a second factor on.
  const email = `sacha.totp.${Date.now()}@exemple.fr`;
  const ctxAdmin = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const admin = await ctxAdmin.newPage();
  await connexionStaff(admin, 'admin@exemple.fr');
  await admin.goto('/admin/territoire/personnes');
  const inviter = admin.locator('form', { has: admin.getByRole('button', { name: 'Envoyer l’invitation' }) });
  await inviter.getByLabel(/^Adresse électronique/).fill(email);
  await inviter.getByLabel(/^Prénom et nom/).fill('Sacha Essai');
  await inviter.getByLabel(/^Rôle/).selectOption('admin');
  await inviter.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(admin.getByRole('status')).toContainText(`Invitation envoyée à ${email}`);
  await ctxAdmin.close();
  const courriel = await attendreCourriel({ a: email, sujet: /votre accès/ });
  const lien = /https?:\/\/\S+\/invitation\/[\w-]+/.exec(courriel.text ?? '')![0];

  const ctx = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const page = await ctx.newPage();
  await page.goto(new URL(lien).pathname);
  await page.getByLabel(/^Mot de passe/).fill(MDP);
  await page.getByLabel(/^Le même mot de passe/).fill(MDP);
  await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
  await expect(page).toHaveURL(/\/admin\/connexion/);
  const seConnecter = async () => {
    await page.goto('/admin/connexion');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill(MDP);
    await page.getByRole('button', { name: 'Se connecter' }).click();
  };
  await seConnecter();
  await expect(page).toHaveURL(/\/admin$/);

  // Enrolment: no code, then a wrong one.
  await page.goto('/admin/securite');
  const cle = (await page.locator('#cle-totp').textContent())!;
  await page.getByRole('button', { name: 'Activer' }).click();
  await resumeAvec(page, '1 erreur – Double authentification', [
    { nom: 'Code à 6 chiffres : saisissez le code à 6 chiffres affiché par l’application.', cible: 'code-confirmer' },
  ]);
  await expect(page.getByLabel(/^Code à 6 chiffres/)).toHaveAccessibleDescription(contient('Saisissez le code à 6 chiffres affiché par l’application.'));
  await verifierAccessibilite(page, 'security, empty code');
  await page.getByLabel(/^Code à 6 chiffres/).fill('000000');
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page).toHaveTitle('1 erreur – Double authentification — Espace des relais');
  await expect(page.getByRole('alert').getByRole('link')).toHaveText(/^Code à 6 chiffres : code incorrect\./);
  await expect(page.getByLabel(/^Code à 6 chiffres/)).toHaveValue('');
  await expect(page.getByLabel(/^Code à 6 chiffres/)).toHaveAttribute('aria-invalid', 'true');
  await verifierAccessibilite(page, 'security, wrong code');
  await page.getByLabel(/^Code à 6 chiffres/).fill(codeApp(cle));
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByRole('status')).toContainText('Double authentification activée');
  await expect(page).toHaveTitle('Double authentification — Espace des relais');
  // New recovery codes without the current code.
  await page.getByRole('button', { name: 'Créer de nouveaux codes' }).click();
  await resumeAvec(page, '1 erreur – Double authentification', [
    { nom: 'Code actuel de l’application : saisissez le code affiché maintenant par l’application.', cible: 'code-codes' },
  ]);
  await verifierAccessibilite(page, 'security, new codes without a code');

  // The code step of sign-in: no code, then a wrong one.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await seConnecter();
  await expect(page).toHaveURL(/\/admin\/connexion\/code/);
  await page.getByRole('button', { name: 'Valider' }).click();
  await resumeAvec(page, '1 erreur – Code de connexion', [
    { nom: 'Code à 6 chiffres : saisissez le code à 6 chiffres de votre application.', cible: 'f-code' },
  ]);
  await verifierAccessibilite(page, 'code step, empty');
  await page.getByLabel(/^Code à 6 chiffres/).fill('000000');
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page).toHaveTitle('1 erreur – Code de connexion — Espace des relais');
  await expect(page.getByRole('alert').getByRole('link')).toHaveText(/^Code à 6 chiffres : code incorrect\./);
  await expect(page.getByLabel(/^Code à 6 chiffres/)).toHaveValue('');
  await expect(page.getByLabel(/^Code à 6 chiffres/)).toHaveAccessibleDescription(/^Téléphone perdu \?.* Code incorrect\./);
  await verifierAccessibilite(page, 'code step, wrong code');
  await page.getByLabel(/^Code à 6 chiffres/).fill(codeApp(cle, 1));
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await ctx.close();
});

test('AM list import: no file, then a file without the required columns, named in the summary and next to the file field', async ({ page }) => {
  await connexionStaff(page, 'animatrice.est@exemple.fr');
  await page.goto('/admin/offre/import');
  await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
  await resumeAvec(page, '1 erreur – Importer des assistants maternels', [{ nom: 'Fichier CSV : choisissez un fichier CSV.', cible: 'f-fichier' }]);
  await expect(page.getByLabel('Fichier CSV')).toHaveAttribute('aria-invalid', 'true');
  await verifierAccessibilite(page, 'import, no file');
  await page
    .getByLabel('Fichier CSV')
    .setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from('Nom;Commune\nTournesol;Richebourg\n', 'utf8') });
  await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
  const message = 'Colonnes obligatoires absentes : prénom, numéro d’agrément. Vérifiez la première ligne du fichier.';
  await resumeAvec(page, '1 erreur – Importer des assistants maternels', [
    { nom: `Fichier CSV : colonnes obligatoires absentes : prénom, numéro d’agrément. Vérifiez la première ligne du fichier.`, cible: 'f-fichier' },
  ]);
  await expect(page.getByLabel('Fichier CSV')).toHaveAccessibleDescription(contient(message));
  await verifierAccessibilite(page, 'import, missing columns');
});

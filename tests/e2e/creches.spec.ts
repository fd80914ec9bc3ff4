/**
 * Crèche places, end to end: three families apply to two crèches with
 * different points, staff run a session with 2 places, offers go out, one
 * family refuses and its place goes to the next, the third gets the
 * alternatives letter and appears in the "sans solution" list; the public
 * grid and the published minutes work without JavaScript and are axe-clean.
 * The two crèches are the last two of the list: the demo seed gives them no
 * application, so the outcome depends on these three families only.
 */
import { expect, test, type Page } from '@playwright/test';
import { attendreCourriel, connexionStaff, verifierAccessibilite } from '../helpers/e2e';
import frDemande from '../../src/i18n/fr/demande';
import frCommun from '../../src/i18n/fr/commun';
import frCreches from '../../src/i18n/fr/creches';

test.describe.configure({ timeout: 180_000 });

const d = frDemande;
const c = frCreches;
const jourParis = (x = new Date()) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(x);
const dans = (jours: number) => jourParis(new Date(Date.now() + jours * 86_400_000));
const debut = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(|$)`);
const unique = (nom: string) => `${nom}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@exemple.fr`;

/** Files a demande through the wizard and returns its reference and private follow-up link. */
async function deposerDemande(page: Page, prenom: string, email: string): Promise<{ reference: string; lien: string }> {
  const suivant = () => page.getByRole('button', { name: d.boutons.suivant }).click();
  await page.goto('/demande');
  const p1 = page.getByRole('group', { name: d.vous.parent1 });
  await p1.getByLabel(debut(d.vous.prenom)).fill(prenom);
  await p1.getByLabel(debut(d.vous.nom)).fill('Essai');
  await page.getByLabel(d.vous.email, { exact: true }).fill(email);
  await page.getByLabel(d.vous.commune).selectOption('62119');
  await suivant();
  await page.getByLabel(d.enfants.ne).check();
  await page.getByLabel(d.enfants.naissance).fill(dans(-200));
  await suivant();
  await page.getByLabel(d.besoin.debut).fill(dans(60));
  await page.getByLabel(frCommun.jours[1], { exact: true }).check();
  await page.getByLabel(d.besoin.deJour.replace('{jour}', frCommun.jours[1])).fill('08:00');
  await page.getByLabel(d.besoin.aJour.replace('{jour}', frCommun.jours[1])).fill('17:30');
  await suivant();
  await page.getByLabel(d.souhaits.choix.replace('{n}', '1')).selectOption('collectif');
  await suivant();
  await page.getByLabel(d.envoi.consentementContact).check();
  await page.getByLabel(d.envoi.consentementPartage).check();
  await page.getByRole('button', { name: d.boutons.envoyer }).click();
  await expect(page.getByRole('heading', { level: 1, name: d.confirmation.titre })).toBeVisible();
  const reference = (await page
    .getByText(/D-\d{4}-\d{5}/)
    .first()
    .textContent())!.match(/D-\d{4}-\d{5}/)![0];
  const mail = await attendreCourriel({ a: email, sujet: /bien reçue/, delai: 50_000 });
  return { reference, lien: /https?:\/\/\S+\/suivi\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')![0] };
}

/** The crèche application from the follow-up page. */
async function candidater(page: Page, lien: string, voeux: string[], situation: { activite: string; quotient: string; accompagnement?: boolean }) {
  await page.goto(lien);
  await page.getByRole('link', { name: c.suivi.candidater }).click();
  for (const [i, v] of voeux.entries()) await page.getByLabel(debut(c.formulaire.voeu.replace('{n}', String(i + 1)))).selectOption({ label: v });
  await page.getByLabel(situation.activite).check();
  await page.getByLabel(debut(c.formulaire.quotient)).fill(situation.quotient);
  if (situation.accompagnement) await page.getByLabel(c.formulaire.accompagnement).check();
  await page.getByRole('button', { name: c.formulaire.envoyer }).click();
  await expect(page.getByText(c.formulaire.enregistree)).toBeVisible();
}

test('three families, two crèches, two places: refusal, next family, letter and follow-up; public pages without JavaScript', async ({ page, browser }) => {
  const emails = { a: unique('amina'), b: unique('bruno'), c: unique('chloe') };
  const a = await deposerDemande(page, 'Amina', emails.a);
  const b = await deposerDemande(page, 'Bruno', emails.b);
  const f3 = await deposerDemande(page, 'Chloé', emails.c);

  // The two crèches: the last two of the list (no demo application wishes them).
  await page.goto(a.lien);
  await page.getByRole('link', { name: c.suivi.candidater }).click();
  await verifierAccessibilite(page, 'crèche application form');
  const options = (
    await page
      .getByLabel(debut(c.formulaire.voeu.replace('{n}', '1')))
      .locator('option')
      .allTextContents()
  ).filter((o) => !o.startsWith('—'));
  const [x, y] = options.slice(-2) as [string, string];

  // Amina has the most points and wants X only; Bruno, X then Y; Chloé, fewest points, X only.
  await candidater(page, a.lien, [x], { activite: c.activites['deux-actifs'], quotient: '400', accompagnement: true });
  await candidater(page, b.lien, [x, y], { activite: c.activites['deux-actifs'], quotient: '900' });
  await candidater(page, f3.lien, [x], { activite: c.activites['un-actif'], quotient: '2000' });
  await expect(page.getByText(c.suivi.statut.active)).toBeVisible();
  await expect(page.getByText(c.suivi.vosPoints)).toBeVisible();

  // Staff open a session with one baby place in each crèche, compute, close: offers go out.
  await connexionStaff(page, 'admin@exemple.fr');
  await page.goto('/admin/creches');
  await page.getByLabel(debut('Date de la commission')).fill(jourParis());
  await page.getByLabel(debut('Début d’accueil des enfants')).fill(dans(60));
  await page.getByRole('group', { name: x }).getByLabel('Bébés').fill('1');
  await page.getByRole('group', { name: y }).getByLabel('Bébés').fill('1');
  await page.getByRole('button', { name: 'Créer la session' }).click();
  await page.getByRole('button', { name: 'Calculer la proposition' }).click();
  await expect(page.getByRole('status')).toContainText('La proposition est calculée.');
  const ligne = (ref: string) => page.getByRole('row').filter({ hasText: ref });
  const nom = (o: string) => o.replace(/ \([^)]*\)$/, '');
  await expect(ligne(a.reference)).toContainText(`${nom(x)} — proposée`);
  await expect(ligne(b.reference)).toContainText(`${nom(y)} — proposée`);
  await expect(ligne(f3.reference)).toContainText('Pas de place — liste d’attente');
  await page.getByRole('button', { name: 'Valider les décisions et envoyer les offres' }).click();
  await expect(page.getByRole('status')).toContainText('Session close');
  const sessionUrl = page.url().replace(/\?.*$/, '');
  await attendreCourriel({ a: emails.a, sujet: /place en crèche vous est proposée/ });

  // Amina refuses: the place goes at once to Bruno, who preferred X.
  await page.goto(a.lien);
  await expect(page.getByText(c.suivi.offre.replace('{creche}', nom(x)))).toBeVisible();
  await page.getByRole('button', { name: c.suivi.refuser }).click();
  await expect(page.getByText(c.suivi.repondu)).toBeVisible();
  await page.goto(b.lien);
  await expect(page.getByText(c.suivi.offre.replace('{creche}', nom(x)))).toBeVisible();

  // Chloé gets the alternatives letter (email and follow-up page) and is followed by the relais.
  const lettre = await attendreCourriel({ a: emails.c, sujet: /d’autres solutions/ });
  expect(lettre.text).toContain(c.lettre.relais);
  await page.goto(f3.lien);
  await expect(page.getByText(/n’a pas pu vous proposer de place/)).toBeVisible();
  await verifierAccessibilite(page, 'follow-up page with the letter');
  // Her printable personal-data page shows the crèche application and the commission's decision.
  await page.goto(`${f3.lien}/donnees`);
  await expect(page.getByRole('heading', { level: 2, name: c.suivi.titre })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: c.suivi.decisions })).toBeVisible();
  await expect(page.locator('main')).toContainText(c.suivi.pointsA.replace('{creche}', nom(x)).replace(' {points} points', ''));
  await expect(page.locator('main')).toContainText(c.pv.statuts['sans-place']);
  await page.goto('/admin/creches/sans-solution');
  await expect(page.getByRole('row').filter({ hasText: f3.reference })).toContainText('jamais');

  // Minutes published; the public grid and minutes without JavaScript, axe-clean, naming nobody.
  await page.goto(sessionUrl);
  await page.getByRole('button', { name: 'Publier le compte rendu' }).click();
  const pvPublic = await page.getByRole('link', { name: 'voir la page publique' }).getAttribute('href');
  const sansJs = await browser.newContext({ javaScriptEnabled: false });
  const p = await sansJs.newPage();
  await p.goto('/creches');
  await expect(p.getByRole('heading', { level: 1, name: c.grille.titre })).toBeVisible();
  await expect(p.getByRole('row', { name: new RegExp(c.criteres.fratrie) })).toContainText('25');
  // On a non-French page, the decision's title typed by staff stays marked as French (left to right in Arabic).
  await p.goto('/ar/creches');
  const source = p.locator('[data-source-grille]');
  await expect(source).toHaveAttribute('lang', 'fr');
  await expect(source).toHaveAttribute('dir', 'ltr');
  await expect(source).not.toBeEmpty();
  await p.goto(pvPublic!);
  await expect(p.getByRole('heading', { level: 1 })).toContainText('Compte rendu de la commission');
  await expect(p.getByRole('table').nth(1)).toContainText(c.pv.statuts.refusee);
  for (const ref of [a.reference, b.reference, f3.reference]) await expect(p.locator('main')).not.toContainText(ref);
  await sansJs.close();
  // axe itself needs JavaScript to run: the same two pages, checked in the normal context.
  await page.goto('/creches');
  await verifierAccessibilite(page, 'public grid');
  await page.goto(pvPublic!);
  await verifierAccessibilite(page, 'public minutes');

  // Statistics of the session; the demo crèche manager sees its crèche's families and nothing else.
  await page.goto('/admin/creches/statistiques');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Statistiques des places en crèche');
  await expect(page.getByRole('row', { name: new RegExp(`^${c.criteres.accompagnement}`) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Refus suivis d’une autre solution' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Toutes les sessions/ })).toBeVisible();
  await verifierAccessibilite(page, 'crèche statistics');
  await page.goto('/admin/creches/grille');
  await expect(page.getByLabel(debut('Fratrie dans la crèche'))).toHaveValue('25');
  await verifierAccessibilite(page, 'grid versions (admin)');
  const gestion = await browser.newContext();
  const g = await gestion.newPage();
  await connexionStaff(g, 'creche@exemple.fr');
  await expect(g.getByRole('heading', { level: 1 })).toContainText('familles proposées');
  for (const ref of [a.reference, b.reference, f3.reference]) await expect(g.locator('main')).not.toContainText(ref);
  await g.goto('/admin/demandes');
  await expect(g.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
  await gestion.close();

  // The admin invites the manager of crèche X from « Personnes »: a MAM is refused, X accepted;
  // the manager chooses a password from the emailed link and sees Bruno (offered X), not the others.
  await page.goto('/admin/territoire/personnes');
  const inviter = page.locator('form', { has: page.getByRole('button', { name: 'Envoyer l’invitation' }) });
  const emailG = unique('gestion.x');
  await inviter.getByLabel(/^Adresse électronique/).fill(emailG);
  await inviter.getByLabel(/^Prénom et nom/).fill('Gestion X');
  await inviter.getByLabel(/^Rôle/).selectOption('gestionnaire-creche');
  await inviter.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(page.getByRole('alert')).toContainText('Crèche : choisissez la crèche du gestionnaire');
  await expect(inviter.getByLabel(/^Adresse électronique/)).toHaveValue(emailG);
  await inviter.getByLabel('Crèche (gestionnaire de crèche)').selectOption({ label: x });
  await inviter.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(page.getByRole('status')).toContainText(`Invitation envoyée à ${emailG}`);
  await expect(page.getByRole('row').filter({ hasText: emailG })).toContainText(nom(x));
  const invitation = await attendreCourriel({ a: emailG, sujet: /votre accès/ });
  const lienG = /https?:\/\/\S+\/invitation\/[\w-]+/.exec(invitation.text ?? '')![0];
  const ctxG = await browser.newContext();
  const g2 = await ctxG.newPage();
  await g2.goto(lienG);
  await g2.getByLabel(/^Mot de passe/).fill('une phrase de gestion assez longue');
  await g2.getByLabel(/^Le même mot de passe/).fill('une phrase de gestion assez longue');
  await g2.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
  await expect(g2).toHaveURL(/\/admin\/connexion/);
  await g2.getByLabel('Adresse e-mail').fill(emailG);
  await g2.getByLabel('Mot de passe').fill('une phrase de gestion assez longue');
  await g2.getByRole('button', { name: 'Se connecter' }).click();
  await expect(g2.getByRole('heading', { level: 1 })).toContainText('familles proposées');
  await expect(g2.locator('main')).toContainText(b.reference);
  for (const ref of [a.reference, f3.reference]) await expect(g2.locator('main')).not.toContainText(ref);
  await ctxG.close();
});

import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { attendreCourriel, connexionStaff, verifierAccessibilite } from '../helpers/e2e';
import frDemande from '../../src/i18n/fr/demande';
import frCommun from '../../src/i18n/fr/commun';
import R from '../../src/i18n/fr/rdv';
import arRdv from '../../src/i18n/ar/rdv';

const d = frDemande;
const debutLabel = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(|$)`);
const dans = (jours: number) => new Date(Date.now() + jours * 86_400_000).toISOString().slice(0, 10);
const unique = (nom: string) => `${nom}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@exemple.fr`;
const parisJour = (x: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(x);
const parisHeure = (x: Date) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(x);

/** Files a demande from Richebourg (Est sector of the main relais) and returns its follow-up link. */
async function deposerDemande(page: Page, email: string): Promise<string> {
  const suivant = () => page.getByRole('button', { name: d.boutons.suivant }).click();
  await page.goto('/demande');
  const p1 = page.getByRole('group', { name: d.vous.parent1 });
  await p1.getByLabel(debutLabel(d.vous.prenom)).fill('Nadia');
  await p1.getByLabel(debutLabel(d.vous.nom)).fill('Lefebvre');
  await page.getByLabel(d.vous.email, { exact: true }).fill(email);
  await page.getByLabel(d.vous.telephone, { exact: true }).fill('06 98 76 54 32');
  await page.getByLabel(d.vous.commune).selectOption('62706');
  await suivant();
  await page.getByLabel(d.enfants.ne).check();
  await page.getByLabel(d.enfants.naissance).fill(dans(-300));
  await suivant();
  await page.getByLabel(d.besoin.debut).fill(dans(90));
  const lundi = frCommun.jours[1]!;
  await page.getByLabel(lundi, { exact: true }).check();
  await page.getByLabel(d.besoin.deJour.replace('{jour}', lundi)).fill('08:30');
  await page.getByLabel(d.besoin.aJour.replace('{jour}', lundi)).fill('17:00');
  await suivant();
  await page.getByLabel(d.souhaits.choix.replace('{n}', '1')).selectOption('assistant-maternel');
  await suivant();
  await page.getByLabel(d.envoi.consentementContact).check();
  await page.getByRole('button', { name: d.boutons.envoyer }).click();
  await expect(page.getByRole('heading', { level: 1, name: d.confirmation.titre })).toBeVisible();
  const mail = await attendreCourriel({ a: email, sujet: /./ });
  return /https?:\/\/\S+\/suivi\/[A-Za-z0-9_-]+/.exec(mail.text ?? '')![0];
}

const icsDe = (mail: Awaited<ReturnType<typeof attendreCourriel>>) => {
  const pj = mail.attachments.find((a) => a.filename === 'rendez-vous.ics');
  expect(pj, 'ICS attachment').toBeTruthy();
  const comp = new ICAL.Component(ICAL.parse(pj!.content.toString('utf8')));
  return new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
};

test.describe('RDV booking by a family', () => {
  test('parent books a phone RDV from the follow-up page, moves it, then cancels it; the animatrice sees it come and go', async ({ page, browser }) => {
    test.setTimeout(300_000);
    const email = unique('nadia');
    const suivi = await deposerDemande(page, email);
    await page.goto(suivi);
    await page.getByRole('link', { name: R.bloc.prendre }).click();
    await expect(page.getByRole('heading', { level: 1, name: R.prise.titre })).toBeVisible();
    await verifierAccessibilite(page, 'rdv choix');

    // Nothing chosen: the errors are announced and placed next to their fields.
    await page.getByRole('button', { name: R.prise.voirCreneaux }).click();
    await expect(page.getByRole('alert')).toContainText(R.erreurs.motif, { ignoreCase: true });
    await expect(page.locator('#err-mode')).toHaveText(R.erreurs.mode);

    await page.getByLabel(R.motifs['premier-rdv'].nom).check();
    await page.getByLabel(R.modes.telephone).check();
    await page.getByRole('button', { name: R.prise.voirCreneaux }).click();
    await expect(page.getByRole('group', { name: R.prise.creneaux })).toBeVisible();
    await verifierAccessibilite(page, 'rdv créneaux');
    await expect(page.getByLabel(R.prise.telephone)).toHaveValue('0698765432');

    const premier = page.getByRole('radio').first();
    const valeur = (await premier.getAttribute('value'))!;
    const debut = new Date(valeur);
    await premier.check();
    await page.getByRole('button', { name: R.prise.reserver }).click();
    await expect(page.getByRole('status')).toHaveText(R.gerer.confirme);
    await expect(page.getByText(parisHeure(debut), { exact: false }).first()).toBeVisible();
    await verifierAccessibilite(page, 'rdv gérer');

    const conf = await attendreCourriel({ a: email, sujet: /Rendez-vous confirmé/ });
    const ev = icsDe(conf);
    expect(ev.startDate.toJSDate().toISOString()).toBe(debut.toISOString());
    expect((ev.endDate.toJSDate().getTime() - debut.getTime()) / 60_000).toBe(45);
    expect(conf.text).toContain('0698765432');
    const gerer = /https?:\/\/\S+\/rdv\/gerer\/[A-Za-z0-9_-]+/.exec(conf.text ?? '')![0];

    // The animatrice of the Est sector sees it in her day agenda.
    const staff = await browser.newContext();
    const sp = await staff.newPage();
    await connexionStaff(sp, 'animatrice.est@exemple.fr');
    await sp.goto(`/admin/agenda?vue=jour&date=${parisJour(debut)}`);
    const ligne = sp.getByRole('row').filter({ hasText: 'Nadia Lefebvre' });
    await expect(ligne).toHaveCount(1);
    await expect(ligne).toContainText(parisHeure(debut));
    await verifierAccessibilite(sp, 'agenda jour');

    // The family moves it from the emailed link.
    await page.goto(gerer);
    const autre = page.getByRole('radio').nth(1);
    const nouveau = new Date((await autre.getAttribute('value'))!);
    await autre.check();
    await page.getByRole('button', { name: R.gerer.deplacer }).click();
    await expect(page.getByRole('status')).toHaveText(R.gerer.deplace);
    const dep = await attendreCourriel({ a: email, sujet: /Rendez-vous déplacé/ });
    expect(icsDe(dep).startDate.toJSDate().toISOString()).toBe(nouveau.toISOString());
    await sp.goto(`/admin/agenda?vue=jour&date=${parisJour(nouveau)}`);
    await expect(sp.getByRole('row').filter({ hasText: 'Nadia Lefebvre' })).toContainText(parisHeure(nouveau));

    // Then cancels it: gone from the agenda, and the slot is offered again.
    await page.getByRole('button', { name: R.gerer.annuler }).click();
    await expect(page.getByRole('status')).toHaveText(R.gerer.annule);
    await attendreCourriel({ a: email, sujet: /annulé/ });
    await sp.reload();
    await expect(sp.getByRole('row').filter({ hasText: 'Nadia Lefebvre' })).toHaveCount(0);
    await staff.close();

    await page.goto(suivi.replace(/^https?:\/\/[^/]+/, '').replace('/suivi/', '/ar/rdv/'));
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(arRdv.prise!.titre!);
    await verifierAccessibilite(page, 'rdv choix ar');
    await page.goto(gerer.replace(/^https?:\/\/[^/]+/, '').replace('/rdv/', '/ar/rdv/'));
    await verifierAccessibilite(page, 'rdv gérer ar');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('parent books an on-site RDV and cancels it with JavaScript off', async ({ page }) => {
      test.setTimeout(300_000);
      const email = unique('sansjs');
      const suivi = await deposerDemande(page, email);
      await page.goto(suivi.replace('/suivi/', '/rdv/'));
      await page.getByLabel(R.motifs['employer-am'].nom).check();
      await page.getByLabel(R.modes['sur-place']).check();
      await page.getByRole('button', { name: R.prise.voirCreneaux }).click();
      // On site without a site: the error sits next to the site choice.
      await expect(page.locator('#err-lieu')).toHaveText(R.erreurs.lieu);
      await page.getByLabel(/Centre social Ginette Delestrez/).check();
      await page.getByRole('button', { name: R.prise.voirCreneaux }).click();
      await page.getByRole('radio').first().check();
      await page.getByRole('button', { name: R.prise.reserver }).click();
      await expect(page.getByRole('status')).toHaveText(R.gerer.confirme);
      await expect(page.getByText('5 rue de la Briqueterie')).toBeVisible();
      const conf = await attendreCourriel({ a: email, sujet: /Rendez-vous confirmé/ });
      expect(conf.text).toContain('Accessible en fauteuil roulant');
      expect(icsDe(conf).location).toContain('5 rue de la Briqueterie');
      await page.getByRole('button', { name: R.gerer.annuler }).click();
      await expect(page.getByRole('status')).toHaveText(R.gerer.annule);
    });
  });
});

test('parent signs up for a réunion d’information; the animatrice sees the list and marks attendance', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const email = unique('reunion');
  await page.goto('/ar/reunions');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await verifierAccessibilite(page, 'réunions ar');
  await page.goto('/reunions');
  await verifierAccessibilite(page, 'réunions');
  const carte = page.getByRole('listitem').filter({ hasText: 'Choisir un mode d’accueil' });
  await carte.getByRole('link', { name: R.reunions.sInscrire }).click();
  await page.getByRole('button', { name: R.reunions.valider }).click();
  await expect(page.getByRole('alert')).toContainText(R.erreurs.nom, { ignoreCase: true });
  await expect(page.getByLabel(R.reunions.email)).toHaveAttribute('aria-invalid', 'true');
  await verifierAccessibilite(page, 'inscription erreurs');
  await page.getByLabel(R.reunions.nom).fill('Inès Martin');
  await page.getByLabel(R.reunions.email).fill(email);
  await page.getByLabel(R.reunions.nbPlaces).fill('2');
  await page.getByRole('button', { name: R.reunions.valider }).click();
  await expect(page.getByRole('status')).toHaveText(R.reunions.inscrit);
  const mail = await attendreCourriel({ a: email, sujet: /Inscription à la réunion/ });
  expect(icsDe(mail).summary).toContain('Choisir un mode d’accueil');

  const staff = await browser.newContext();
  const sp = await staff.newPage();
  await connexionStaff(sp, 'animatrice.ouest@exemple.fr');
  await sp.goto('/admin/agenda/reunions');
  await verifierAccessibilite(sp, 'admin réunions');
  await sp.getByRole('link', { name: 'Choisir un mode d’accueil pour son enfant' }).click();
  const ligne = sp.getByRole('row').filter({ hasText: 'Inès Martin' });
  await expect(ligne).toContainText(email);
  await ligne.getByLabel('Présent', { exact: true }).check();
  await sp.getByRole('button', { name: 'Enregistrer les présences' }).click();
  await expect(sp.getByRole('status')).toHaveText('Présences enregistrées.');
  await expect(sp.getByRole('row').filter({ hasText: 'Inès Martin' }).getByLabel('Présent', { exact: true })).toBeChecked();
  await verifierAccessibilite(sp, 'admin réunion');
  for (const url of ['/admin/agenda', '/admin/agenda/parametres', '/admin/agenda/nouveau?q=D-']) {
    await sp.goto(url);
    await verifierAccessibilite(sp, url);
  }
  await staff.close();
});

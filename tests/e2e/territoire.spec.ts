/**
 * A real territory set up by its own staff, on a production instance with no
 * demo data: `npm run territoire -- --epci 200069037` (CA du Pays de
 * Saint-Omer), `npm run admin:create`, then everything else in the browser.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { Secret, TOTP } from 'otpauth';
import { verifierAccessibilite } from '../helpers/e2e';
import { portLibre } from './global-setup';
import frDemande from '../../src/i18n/fr/demande';
import frCommun from '../../src/i18n/fr/commun';

test.describe.configure({ mode: 'serial', timeout: 600_000 });

const MDP_ADMIN = 'un-mot-de-passe-administrateur';
const MDP_ANIM = 'la phrase de passe de Camille';
let serveur: ChildProcess | undefined;
let base = '';
let dataDir = '';
let env: NodeJS.ProcessEnv = {};
const jourParis = (d = new Date()) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(d);
const dans = (jours: number) => new Date(Date.now() + jours * 86_400_000).toISOString().slice(0, 10);
const debut = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(|$)`);

function npm(args: string[]): void {
  const r = spawnSync('npm', ['run', '--silent', ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

async function courriel(a: string, sujet: RegExp): Promise<string> {
  const dir = path.join(dataDir, 'outbox');
  const fin = Date.now() + 20_000;
  while (Date.now() < fin) {
    for (const f of existsSync(dir) ? readdirSync(dir) : []) {
      const m = await simpleParser(readFileSync(path.join(dir, f)));
      const to = Array.isArray(m.to) ? m.to.map((x) => x.text).join(',') : (m.to?.text ?? '');
      if (to.includes(a) && sujet.test(m.subject ?? '')) return m.text ?? '';
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${a}`);
}

test.beforeAll(async () => {
  test.setTimeout(600_000); // three processes start on a cold database (slow on a loaded machine)
  dataDir = path.resolve('.e2e', `${process.pid}-territoire`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const port = await portLibre();
  base = `http://127.0.0.1:${port}`;
  env = {
    ...process.env,
    NODE_ENV: 'production',
    SECRET: 'e2e-territoire-secret-de-32-caracteres-au-moins',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SMTP_URL: '',
    SEED_DEMO: '',
    DEMO_PASSWORD: '',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: base,
    ASTRO_OUT_DIR: process.env.E2E_BUILD ?? process.env.E2E_BUILD_DIR,
    OUTBOX_INTERVAL_MS: '300',
    LOG_LEVEL: 'warn',
    ADMIN_PASSWORD: MDP_ADMIN,
  };
  npm(['territoire', '--', '--epci', '200069037']);
  npm(['admin:create', '--', '--email', 'admin@capso.test', '--nom', 'Alix Administratrice']);
  serveur = spawn(process.execPath, ['scripts/server.mjs'], { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('portal did not start in 240 s')), 240_000);
    serveur!.on('message', (m: { pret?: string }) => {
      if (m.pret) {
        clearTimeout(t);
        resolve();
      }
    });
    serveur!.on('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`portal exited with ${code}`));
    });
  });
});
test.afterAll(async () => {
  if (serveur && serveur.exitCode === null) {
    const fini = new Promise((r) => serveur!.once('exit', r));
    serveur.kill('SIGTERM');
    await fini;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function connexion(page: Page, email: string, mdp: string) {
  await page.goto(`${base}/admin/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(mdp);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).not.toHaveURL(/connexion/);
}

async function deposerDemande(browser: Browser, commune: string, email: string): Promise<string> {
  const ctx = await browser.newContext({ baseURL: base });
  const page = await ctx.newPage();
  const d = frDemande;
  const suivant = () => page.getByRole('button', { name: d.boutons.suivant }).click();
  await page.goto('/demande');
  const p1 = page.getByRole('group', { name: d.vous.parent1 });
  await p1.getByLabel(debut(d.vous.prenom)).fill('Lina');
  await p1.getByLabel(debut(d.vous.nom)).fill('Moreau');
  await page.getByLabel(d.vous.email, { exact: true }).fill(email);
  await page.getByLabel(d.vous.commune).selectOption(commune);
  await suivant();
  await page.getByLabel(d.enfants.ne).check();
  await page.getByLabel(d.enfants.naissance).fill(dans(-200));
  await suivant();
  await page.getByLabel(d.besoin.debut).fill(dans(60));
  const lundi = frCommun.jours[1]!;
  await page.getByLabel(lundi, { exact: true }).check();
  await page.getByLabel(d.besoin.deJour.replace('{jour}', lundi)).fill('08:00');
  await page.getByLabel(d.besoin.aJour.replace('{jour}', lundi)).fill('17:30');
  await suivant();
  await page.getByLabel(d.souhaits.choix.replace('{n}', '1')).selectOption('collectif');
  await suivant();
  await page.getByLabel(d.envoi.consentementContact).check();
  await page.getByLabel(d.envoi.consentementPartage).check();
  await page.getByRole('button', { name: d.boutons.envoyer }).click();
  await expect(page.getByRole('heading', { level: 1, name: d.confirmation.titre })).toBeVisible();
  const ref = (await page
    .getByText(/D-\d{4}-\d{5}/)
    .first()
    .textContent())!.match(/D-\d{4}-\d{5}/)![0];
  await ctx.close();
  return ref;
}

test('an admin sets up CA du Pays de Saint-Omer; an invited animatrice signs in; demandes land in the right relais queue', async ({ browser }) => {
  const ctx = await browser.newContext({ baseURL: base });
  const page = await ctx.newPage();
  // No demo data: the home page of a fresh production instance has no relais yet.
  await page.goto('/');
  await expect(page.getByText('Relais Audomarois')).toHaveCount(0);
  await connexion(page, 'admin@capso.test', MDP_ADMIN);
  await page.getByRole('navigation', { name: 'Menu de l’espace des relais' }).getByRole('link', { name: 'Territoire' }).click();
  await expect(page.getByText('ca-du-pays-de-saint-omer')).toBeVisible();
  await verifierAccessibilite(page, 'territoire');
  await page.getByLabel('Nom court (objet des courriels)').fill('CAPSO');
  await page.getByLabel('Adresse électronique du DPO').fill('pas une adresse');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('alert')).toContainText('Adresse électronique du DPO : adresse électronique invalide');
  await expect(page.getByLabel('Nom court (objet des courriels)')).toHaveValue('CAPSO'); // nothing typed is lost
  await verifierAccessibilite(page, 'territoire, erreurs');
  await page.getByLabel('Adresse électronique du DPO').fill('dpo@capso.test');
  await page.getByLabel('Texte de l’annonce').fill('Les relais sont fermés le 24 décembre.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status')).toHaveText('Territoire enregistré.');

  // Two relais.
  await page.getByRole('navigation', { name: 'Administration du territoire' }).getByRole('link', { name: 'Relais' }).click();
  await verifierAccessibilite(page, 'relais');
  const creer = page.locator('form', { has: page.getByRole('button', { name: 'Créer le relais' }) });
  await creer.getByLabel(/^Nom du relais/).fill('Relais Audomarois');
  await creer.getByLabel('Téléphone').fill('03 21 98 00 00');
  await creer.getByRole('button', { name: 'Créer le relais' }).click();
  await expect(page.getByRole('status')).toContainText('Relais « Relais Audomarois » créé.');
  await page.getByText('Créer un relais').click();
  await creer.getByLabel(/^Nom du relais/).fill('Relais de la Lys');
  await creer.getByRole('button', { name: 'Créer le relais' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Relais de la Lys' })).toBeVisible();

  // Communes, with a future-dated change of relais for Arques.
  await page.getByRole('link', { name: 'Communes' }).click();
  await verifierAccessibilite(page, 'communes');
  const rattacher = async (commune: string, relais: string, debutLe: string) => {
    await page.getByLabel(/^Commune/).selectOption(commune);
    await page.getByLabel(/^Relais/).selectOption({ label: relais });
    await page.getByLabel(/^À partir du/).fill(debutLe);
    await page.getByRole('button', { name: 'Rattacher' }).click();
    await expect(page.getByRole('status')).toContainText('rattachée au relais');
  };
  await rattacher('62765', 'Relais Audomarois', '2025-01-01'); // Saint-Omer
  await rattacher('62040', 'Relais Audomarois', '2025-01-01'); // Arques
  await rattacher('62040', 'Relais de la Lys', '2027-01-01');
  await rattacher('62014', 'Relais de la Lys', '2025-01-01'); // Aire-sur-la-Lys
  const arques = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Arques', exact: true }) });
  await expect(arques.getByRole('cell').nth(1)).toHaveText('Relais Audomarois');
  await expect(arques).toContainText('Relais de la Lys depuis le 01/01/2027');
  // An overlap is refused with the dates of the one it overlaps.
  await page.getByLabel(/^Commune/).selectOption('62040');
  await page.getByLabel(/^Relais/).selectOption({ label: 'Relais de la Lys' });
  await page.getByLabel(/^À partir du/).fill('2026-01-01');
  await page.getByLabel(/^Jusqu’au/).fill('2026-06-01');
  await page.getByRole('button', { name: 'Rattacher' }).click();
  await expect(page.getByRole('alert')).toContainText('du 01/01/2025 au 01/01/2027');
  await verifierAccessibilite(page, 'communes, erreur');

  // A site with hours.
  await page.getByRole('link', { name: 'Sites et horaires' }).click();
  await verifierAccessibilite(page, 'sites');
  const site = page.locator('form', { has: page.getByRole('button', { name: 'Créer le site' }) });
  await site.getByLabel(/^Nom du site/).fill('Maison de la petite enfance');
  await site.getByLabel(/^Relais/).selectOption({ label: 'Relais Audomarois' });
  await site.getByLabel(/^Adresse/).fill('2 rue de la Petite Enfance');
  await site.getByLabel(/^Code postal/).fill('62500');
  await site.getByLabel(/^Commune/).selectOption('62765');
  await site.getByLabel('Latitude (facultatif)').fill('50,7500');
  await site.getByLabel('Longitude (facultatif)').fill('2.2500');
  await site.getByLabel('lundi, première plage, début').fill('09:00');
  await site.getByLabel('lundi, première plage, fin').fill('12:00');
  await site.getByLabel('mercredi, première plage, début').fill('14:00');
  await site.getByLabel('mercredi, première plage, fin').fill('17:30');
  await site.getByRole('button', { name: 'Créer le site' }).click();
  await expect(page.getByText('Horaires : lundi 09:00–12:00 ; mercredi 14:00–17:30.')).toBeVisible();

  // Invite an animatrice of the Relais Audomarois.
  await page.getByRole('link', { name: 'Personnes' }).click();
  await verifierAccessibilite(page, 'personnes');
  const inviter = page.locator('form', { has: page.getByRole('button', { name: 'Envoyer l’invitation' }) });
  await inviter.getByLabel(/^Adresse électronique/).fill('camille@capso.test');
  await inviter.getByLabel(/^Prénom et nom/).fill('Camille Animatrice');
  await inviter.getByLabel(/^Rôle/).selectOption('animatrice');
  await inviter.getByLabel('Relais (animatrice)').selectOption({ label: 'Relais Audomarois' });
  await inviter.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(page.getByRole('status')).toContainText('Invitation envoyée à camille@capso.test');
  // The last admin cannot be deactivated.
  await page.getByRole('button', { name: 'Désactiver Alix Administratrice' }).click();
  await expect(page.getByRole('alert')).toContainText('dernier administrateur');

  // A crèche.
  await page.getByRole('link', { name: 'Lieux d’accueil' }).click();
  await verifierAccessibilite(page, 'lieux d’accueil');
  const lieu = page.locator('form', { has: page.getByRole('button', { name: 'Ajouter le lieu' }) });
  await lieu.getByLabel(/^Type/).selectOption('creche');
  await lieu.getByLabel(/^Nom( \*)?$/).fill('Multi-accueil Les Lucioles');
  await lieu.getByLabel(/^Commune/).selectOption('62765');
  await lieu.getByLabel(/^Nombre de places/).fill('40');
  await lieu.getByLabel(/^Âges accueillis/).fill('10 mois à 3 ans');
  await lieu.getByLabel('Latitude').fill('50.7501');
  await lieu.getByLabel('Longitude').fill('2.2512');
  await lieu.getByRole('button', { name: 'Ajouter le lieu' }).click();
  await expect(page.getByRole('rowheader', { name: 'Multi-accueil Les Lucioles' })).toBeVisible();
  // It is on the public offer at once.
  const api = (await (await ctx.request.get(`${base}/api/offre`)).json()) as { features: { properties: { nom: string } }[] };
  expect(api.features.map((f) => f.properties.nom)).toContain('Multi-accueil Les Lucioles');

  // The animatrice sets her password from the emailed link and signs in.
  const texte = await courriel('camille@capso.test', /CAPSO : votre accès/);
  const lien = /https?:\/\/\S+\/invitation\/[\w-]+/.exec(texte)![0];
  const ctxA = await browser.newContext({ baseURL: base });
  const anim = await ctxA.newPage();
  await anim.goto(lien);
  await verifierAccessibilite(anim, 'invitation');
  await anim.getByLabel(/^Mot de passe/).fill(MDP_ANIM);
  await anim.getByLabel(/^Le même mot de passe/).fill('autre chose encore');
  await anim.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
  await expect(anim.getByRole('alert')).toContainText('ne sont pas identiques');
  await anim.getByLabel(/^Mot de passe/).fill(MDP_ANIM);
  await anim.getByLabel(/^Le même mot de passe/).fill(MDP_ANIM);
  await anim.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
  await expect(anim).toHaveURL(/\/admin\/connexion/);
  await connexion(anim, 'camille@capso.test', MDP_ANIM);

  // A family of Saint-Omer files a demande: it lands in the Relais Audomarois queue.
  const ref1 = await deposerDemande(browser, '62765', 'famille1@capso.test');
  await anim.goto('/admin/demandes');
  await expect(anim.getByRole('cell', { name: ref1 }).or(anim.getByRole('link', { name: ref1 }))).toBeVisible();
  // From today, Saint-Omer moves to the Relais de la Lys: the next demande goes there.
  await page.goto('/admin/territoire/communes');
  await page.getByLabel(/^Commune/).selectOption('62765');
  await page.getByLabel(/^Relais/).selectOption({ label: 'Relais de la Lys' });
  await page.getByLabel(/^À partir du/).fill(jourParis());
  await page.getByRole('button', { name: 'Rattacher' }).click();
  await expect(page.getByRole('status')).toContainText('Saint-Omer : rattachée au relais « Relais de la Lys »');
  const ref2 = await deposerDemande(browser, '62765', 'famille2@capso.test');
  await anim.reload();
  await expect(anim.getByText(ref1)).toBeVisible();
  await expect(anim.getByText(ref2)).toHaveCount(0);
  await page.goto('/admin/demandes');
  await expect(page.getByText(ref2)).toBeVisible();

  // Everything above is in the audit log.
  await page.goto('/admin/territoire/journal?action=commune');
  await verifierAccessibilite(page, 'journal');
  await expect(page.getByRole('cell', { name: 'commune.rattacher' }).first()).toBeVisible();
  const csv = await (await ctx.request.get(`${base}/admin/territoire/journal.csv?action=personne`)).text();
  expect(csv).toContain('personne.inviter');
  // The animatrice cannot open the territory screens.
  const refus = await ctxA.request.get(`${base}/admin/territoire/relais`);
  expect(refus.status()).toBe(403);
  // The announcement is on the home page.
  await page.goto('/');
  await expect(page.getByText('Les relais sont fermés le 24 décembre.')).toBeVisible();
  await ctxA.close();
  await ctx.close();
});

/** The code an authenticator app shows for the key on the page, `decalage` steps ahead (a step already used is refused). */
function codeApp(cle: string, decalage = 0): string {
  return new TOTP({ secret: Secret.fromBase32(cle.replace(/\s/g, '')), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + decalage * 30_000,
  });
}

test('second factor: enrolment, code at sign-in, recovery code, requirement per role (without JavaScript), reset by the admin; screens fit 320 and 375 px', async ({
  browser,
}) => {
  const ctx = await browser.newContext({ baseURL: base });
  const page = await ctx.newPage();
  await connexion(page, 'admin@capso.test', MDP_ADMIN);
  await page.getByRole('link', { name: 'Sécurité du compte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Double authentification' })).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await verifierAccessibilite(page, 'enrôlement');
  const cle = (await page.locator('#cle-totp').textContent())!;
  await page.getByLabel(/^Code à 6 chiffres/).fill('000000');
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByRole('alert')).toContainText('Code à 6 chiffres : code incorrect');
  await verifierAccessibilite(page, 'enrôlement, erreur');
  await page.getByLabel(/^Code à 6 chiffres/).fill(codeApp(cle));
  await page.getByRole('button', { name: 'Activer' }).click();
  await expect(page.getByRole('status')).toContainText('Double authentification activée');
  const codes = await page.getByRole('region', { name: 'Vos codes de secours' }).getByRole('listitem').allTextContents();
  expect(codes).toHaveLength(10);

  // Sign-in now asks for the code after the password.
  const seConnecter = async (p: Page, email: string, mdp: string) => {
    await p.getByRole('button', { name: 'Se déconnecter' }).click();
    await p.goto('/admin/connexion');
    await p.getByLabel('Adresse e-mail').fill(email);
    await p.getByLabel('Mot de passe').fill(mdp);
    await p.getByRole('button', { name: 'Se connecter' }).click();
    await expect(p).toHaveURL(/\/admin\/connexion\/code/);
  };
  await seConnecter(page, 'admin@capso.test', MDP_ADMIN);
  await verifierAccessibilite(page, 'code de connexion');
  await page.goto('/admin/demandes');
  await expect(page).toHaveURL(/\/admin\/connexion\?retour/); // no session before the code
  await page.goto('/admin/connexion/code');
  await page.getByLabel(/^Code à 6 chiffres/).fill(codeApp(cle, 1));
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  // A recovery code works once.
  await seConnecter(page, 'admin@capso.test', MDP_ADMIN);
  await page.getByLabel(/^Code à 6 chiffres/).fill(codes[0]!);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('status')).toContainText('code de secours. Il vous en reste 9');
  await seConnecter(page, 'admin@capso.test', MDP_ADMIN);
  await page.getByLabel(/^Code à 6 chiffres/).fill(codes[0]!);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('alert')).toContainText('Code à 6 chiffres : code incorrect');
  await page.getByLabel(/^Code à 6 chiffres/).fill(codes[1]!);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page).toHaveURL(/\/admin\/securite/);

  // The admin requires it for animatrices: Camille, in a browser without JavaScript, must set it up before any other page.
  await page.goto('/admin/territoire/personnes');
  await page.getByRole('group', { name: 'Exiger la double authentification pour' }).getByLabel('Animatrice ou animateur de relais').check();
  await page.getByRole('button', { name: 'Enregistrer l’exigence' }).click();
  await expect(page.getByRole('status')).toContainText('exigée pour : Animatrice');
  await verifierAccessibilite(page, 'personnes, exigence');
  const ctxA = await browser.newContext({ baseURL: base, javaScriptEnabled: false });
  const anim = await ctxA.newPage();
  await anim.goto('/admin/connexion');
  await anim.getByLabel('Adresse e-mail').fill('camille@capso.test');
  await anim.getByLabel('Mot de passe').fill(MDP_ANIM);
  await anim.getByRole('button', { name: 'Se connecter' }).click();
  await expect(anim).toHaveURL(/\/admin\/securite/);
  await expect(anim.getByText('Le territoire exige la double authentification pour votre rôle')).toBeVisible();
  await anim.goto('/admin/demandes');
  await expect(anim).toHaveURL(/\/admin\/securite/);
  const cleA = (await anim.locator('#cle-totp').textContent())!;
  await anim.getByLabel(/^Code à 6 chiffres/).fill(codeApp(cleA));
  await anim.getByRole('button', { name: 'Activer' }).click();
  await expect(anim.getByRole('status')).toContainText('Double authentification activée');
  await expect(anim.getByText('elle ne peut pas être retirée')).toBeVisible();
  await anim.goto('/admin/demandes');
  await expect(anim).toHaveURL(/\/admin\/demandes/);
  await seConnecter(anim, 'camille@capso.test', MDP_ANIM);
  await anim.getByLabel(/^Code à 6 chiffres/).fill(codeApp(cleA, 1));
  await anim.getByRole('button', { name: 'Valider' }).click();
  await expect(anim).toHaveURL(/\/admin$/);
  // Lost phone: the admin removes Camille's factor; her session ends, and it is in the audit log.
  await page.goto('/admin/territoire/personnes');
  await page.getByRole('button', { name: 'Retirer la double authentification de Camille Animatrice' }).click();
  await expect(page.getByRole('status')).toContainText('Double authentification retirée pour Camille Animatrice');
  await anim.goto('/admin/demandes');
  await expect(anim).toHaveURL(/\/admin\/connexion/);
  await page.goto('/admin/territoire/journal?action=personne.totp');
  await expect(page.getByRole('cell', { name: 'personne.totp-reinitialiser' })).toBeVisible();
  await ctxA.close();

  // Every territory screen fits a 320 px and a 375 px wide phone without horizontal scrolling.
  const captures = path.resolve('.e2e', 'captures');
  if (process.env.E2E_CAPTURES) mkdirSync(captures, { recursive: true });
  for (const largeur of [320, 375]) {
    await page.setViewportSize({ width: largeur, height: 800 });
    for (const ecran of [
      '/territoire',
      '/territoire/relais',
      '/territoire/communes',
      '/territoire/sites',
      '/territoire/personnes',
      '/territoire/lieux-accueil',
      '/territoire/journal',
      '/securite',
    ]) {
      await page.goto(`/admin${ecran}`);
      const { debord, fautifs } = await page.evaluate(() => {
        const l = document.documentElement.clientWidth;
        const fautifs = [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > l + 0.5)
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
        return { debord: document.documentElement.scrollWidth - l, fautifs };
      });
      if (process.env.E2E_CAPTURES) await page.screenshot({ path: path.join(captures, `${ecran.slice(1).replace('/', '-')}-${largeur}.png`), fullPage: true });
      expect(debord, `/admin${ecran} at ${largeur} px: ${fautifs.join(', ')}`).toBeLessThanOrEqual(0);
    }
  }
  await ctx.close();
});

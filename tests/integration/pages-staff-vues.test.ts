/**
 * The loaders and handlers behind the back-office pages taken out of
 * src/pages (issue 14): second factor page, sign-in field errors, offer list
 * and one place, duplicate decision, contacts with professionals, the demande
 * page's dispatch, and the follow-up answer page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { parseConfig } from '../../src/server/config';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import type { Staff } from '../../src/server/auth/staff';
import type { ContexteStaff } from '../../src/server/staff/contexte';
import { agirSecurite, vueSecurite } from '../../src/server/staff/securite';
import { connecterStaff, cookieApresConnexion } from '../../src/server/staff/connexion';
import { filtresOffre, messageRelances, textesErreursPlace, vueListeOffre, vuePlace } from '../../src/server/staff/offre-vues';
import { deciderDoublon, vueDoublon } from '../../src/server/staff/doublon';
import { noterContactPro, vueContactsPro } from '../../src/server/contacts/page';
import { pageFicheDemande } from '../../src/server/staff/fiche-demande-page';
import { pageRelance } from '../../src/server/backoffice/relance-page';
import { codeA } from '../../src/domain/securite/totp';
import { demandeAvecJeton } from './rdv-outils';

const MAINTENANT = new Date('2026-03-02T09:00:00Z');
const config = parseConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://guichet.exemple.fr' });
const OPTIONS_CONNEXION = { ip: '10.0.0.9', dureeHeures: 8, retour: null, publicUrl: 'http://localhost:4321' };

describe(`back-office page loaders (${DB_KIND})`, () => {
  let base: BaseDeTest;
  const staff: Record<string, Staff> = {};
  const ctx = (email: string): ContexteStaff => ({
    db: base.db,
    staff: staff[email]!,
    config,
    secret: 'secret-de-test-pages-0123456789abcdef',
    maintenant: MAINTENANT,
  });
  let demandeEst: string;
  let amEst: string;

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ maintenant: MAINTENANT });
    for (const u of await base.db.select().from(schema.utilisateurs))
      staff[u.email] = { id: u.id, email: u.email, nom: u.nom, role: u.role, relaisId: u.relaisId, secteurId: u.secteurId, communeCode: u.communeCode };
    const est = staff['animatrice.est@exemple.fr']!;
    demandeEst = (await demandeAvecJeton(base.db, est.relaisId!, 'jeton-pages-staff-vues-00000000', { secteurId: est.secteurId, etat: 'en-cours' })).id;
    const [am] = await base.db
      .select({ id: schema.structures.id })
      .from(schema.structures)
      .innerJoin(schema.adhesions, eq(schema.adhesions.communeCode, schema.structures.communeCode))
      .where(and(eq(schema.structures.type, 'assistant-maternel'), eq(schema.adhesions.secteurId, est.secteurId!)))
      .limit(1);
    amEst = am!.id;
  });
  afterAll(async () => base?.detruire());

  it('second factor page: a stale form, an empty code and a wrong one are errors of their form; the right code turns it on', async () => {
    const admin = staff['admin@exemple.fr']!;
    const { etat, enrolement } = await vueSecurite(base.db, admin);
    expect(etat.actif).toBe(false);
    expect(enrolement?.qrSvg).toContain('<svg');
    expect(await agirSecurite(base.db, admin, { action: 'autre', code: '123456' }, MAINTENANT)).toEqual({
      ok: false,
      formulaire: null,
      erreur: 'Action inconnue : rechargez la page.',
    });
    expect(await agirSecurite(base.db, admin, { action: 'confirmer', code: ' - ' }, MAINTENANT)).toEqual({
      ok: false,
      formulaire: 'confirmer',
      erreur: 'Saisissez le code à 6 chiffres affiché par l’application.',
    });
    expect(await agirSecurite(base.db, admin, { action: 'confirmer', code: '000000' }, MAINTENANT)).toMatchObject({
      ok: false,
      formulaire: 'confirmer',
      erreur: expect.stringMatching(/^Code incorrect/),
    });
    const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.id, admin.id));
    const r = await agirSecurite(base.db, admin, { action: 'confirmer', code: codeA(u!.totpSecretAttente!, MAINTENANT) }, MAINTENANT);
    expect(r).toMatchObject({ ok: true, message: 'Double authentification activée.' });
    expect(r.ok && r.codes).toHaveLength(10);
    expect((await vueSecurite(base.db, admin)).enrolement).toBeNull();
    expect(await agirSecurite(base.db, admin, { action: 'codes', code: '' }, MAINTENANT)).toMatchObject({ ok: false, formulaire: 'codes' });
  });

  it('sign-in: each missing or malformed field has its own message; a wrong password is the password field’s; never the password back', async () => {
    const vide = await connecterStaff(base.db, {}, OPTIONS_CONNEXION);
    expect(vide).toEqual({
      ok: false,
      statut: 422,
      email: '',
      erreurs: { email: 'Saisissez votre adresse e-mail.', motDePasse: 'Saisissez votre mot de passe.' },
    });
    expect(await connecterStaff(base.db, { email: 'pas-une-adresse', motDePasse: 'x' }, OPTIONS_CONNEXION)).toMatchObject({
      statut: 422,
      email: 'pas-une-adresse',
      erreurs: { email: expect.stringMatching(/^Adresse e-mail invalide/) },
    });
    const faux = await connecterStaff(base.db, { email: 'animatrice.ouest@exemple.fr', motDePasse: 'pas le bon' }, OPTIONS_CONNEXION);
    expect(faux).toEqual({
      ok: false,
      statut: 401,
      email: 'animatrice.ouest@exemple.fr',
      erreurs: { motDePasse: 'Adresse e-mail ou mot de passe incorrect.' },
    });
    const ok = await connecterStaff(base.db, { email: 'animatrice.ouest@exemple.fr', motDePasse: 'mot-de-passe-de-test' }, OPTIONS_CONNEXION);
    if (ok.ok !== true) throw new Error('sign-in refused');
    expect(cookieApresConnexion(ok, true)).toMatchObject({ nom: 'gpe_session', options: { path: '/', secure: true, httpOnly: true, sameSite: 'strict' } });
  });

  it('offer list: filters from the query string, only stale places when asked, the reminder message; one place with its code', async () => {
    expect(filtresOffre(new URLSearchParams('type=structures&anciens=oui&commune='))).toEqual({ communeCode: undefined, type: 'structures', anciens: true });
    expect(filtresOffre(new URLSearchParams('type=autre'))).toEqual({ communeCode: undefined, type: 'am', anciens: false });
    expect(messageRelances(new URLSearchParams(''))).toBe('');
    expect(messageRelances(new URLSearchParams('envoyees=1&ignorees=2'))).toBe(
      '1 relance envoyée. 2 non envoyées : sans e-mail, inactive, ou déjà relancée il y a moins de 30 jours.',
    );
    const c = ctx('animatrice.est@exemple.fr');
    const toutes = await vueListeOffre(c, new URLSearchParams(''));
    expect(toutes.lignes.length).toBeGreaterThan(0);
    expect(toutes.lignes.map((l) => l.id)).toContain(amEst);
    expect(toutes.ind.global.actives).toBeGreaterThan(0);
    const anciennes = await vueListeOffre(c, new URLSearchParams('anciens=oui'));
    expect(anciennes.lignes.every((l) => l.aRelancer)).toBe(true);
    expect(anciennes.lignes.length).toBe(toutes.lignes.filter((l) => l.aRelancer).length);

    expect(await vuePlace(c, '00000000-0000-4000-8000-000000000000', null)).toBeNull();
    const place = await vuePlace(c, amEst, 'code');
    expect(place).toMatchObject({ message: 'Nouveau code créé. L’ancien code ne marche plus.', contactsPro: true });
    expect(place!.compte.codeCourt).toBeTruthy();
    expect(textesErreursPlace({ p0_tranche: 'tranche', autre: 'Texte libre' })).toEqual({ p0_tranche: 'Choisissez la tranche d’âge.', autre: 'Texte libre' });
  });

  it('duplicate page: no decision is an error; a demande not flagged has nothing to compare', async () => {
    const c = ctx('animatrice.est@exemple.fr');
    expect(await deciderDoublon(c, demandeEst, {})).toEqual({ ok: false, erreurs: { decision: 'Choisissez une décision' }, saisie: {} });
    expect(await vueDoublon(c, demandeEst)).toBeNull();
  });

  it('contacts with professionals: errors with what was typed, then back to the same professional’s log', async () => {
    const c = ctx('animatrice.est@exemple.fr');
    const saisie = { public: 'assistant-maternel', motif: '', canal: 'telephone', note: 'Appel sur l’agrément', structureId: amEst };
    const r = await noterContactPro(c, saisie);
    expect(r).toMatchObject({ ok: false, erreurs: { motif: 'Choisissez le motif principal du contact' }, saisie });
    const vue = await vueContactsPro(c, new URLSearchParams('motif=agrement'), r.ok ? null : r.saisie);
    expect(vue.professionnel?.id).toBe(amEst);
    expect(vue.valeur('note')).toBe('Appel sur l’agrément');
    expect((await vueContactsPro(c, new URLSearchParams(`structure=${amEst}&motif=agrement`), null)).valeur('motif')).toBe('agrement');
    const ok = await noterContactPro(c, { ...saisie, motif: 'agrement', sens: 'sortant', issue: 'joint' });
    expect(ok).toEqual({ ok: true, redirection: `/admin/contacts?fait=1&structure=${amEst}#message` });
  });

  it('demande page: unknown, an unknown action (422 with the summary’s targets), then a note (303)', async () => {
    const c = ctx('animatrice.est@exemple.fr');
    const get = (id: string) => pageFicheDemande(c, id, new Request('http://x/admin'), new URLSearchParams(''));
    const post = (corps: string) =>
      pageFicheDemande(
        c,
        demandeEst,
        new Request('http://x/admin', { method: 'POST', body: corps, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        new URLSearchParams(''),
      );
    expect(await get('00000000-0000-4000-8000-000000000000')).toEqual({ type: 'introuvable' });
    const vue = await get(demandeEst);
    expect(vue.type === 'page' && { statut: vue.statut, famille: vue.vue.famille, erreurs: vue.vue.erreurs }).toEqual({
      statut: 200,
      famille: 'Samira Benali',
      erreurs: {},
    });
    const mauvais = await post('_csrf=x&action=danser');
    if (mauvais.type !== 'page') throw new Error('expected the page again');
    expect(mauvais.statut).toBe(422);
    expect(mauvais.vue.cibles).toEqual({ action: 'message' });
    const vide = await post('action=note&texte=+');
    if (vide.type !== 'page') throw new Error('expected the page again');
    expect(vide.vue.err('note', 'texte')).toBe('Écrivez la note');
    expect(vide.vue.err('contact', 'texte')).toBeUndefined();
    expect(vide.vue.cibles).toEqual({ texte: 'note-texte' });
    expect(vide.vue.libelles.texte).toBe('Nouvelle note');
    const ok = await post('action=note&texte=Rappeler+lundi');
    expect(ok).toMatchObject({ type: 'redirection', vers: expect.stringMatching(new RegExp(`^/admin/demandes/${demandeEst}\\?fait=`)) });
  });

  it('follow-up answer page: an unknown link is gone (410), the preselected answer kept', async () => {
    expect(await pageRelance(base.db, 'jeton-inconnu-0000000000000000', null, 'contrat', MAINTENANT)).toMatchObject({
      statut: 410,
      invalide: true,
      merci: null,
      choisi: 'contrat',
      reponses: [],
    });
    expect(await pageRelance(base.db, 'court', 'oui', null, MAINTENANT)).toMatchObject({ statut: 410, invalide: true, choisi: 'oui' });
  });
});

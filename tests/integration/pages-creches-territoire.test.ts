/**
 * The loaders and page handlers of the crèche and territory back-office pages
 * (src/server/creches/{gestion,vue-session,vue-grille}.ts,
 * src/server/territoire/vue-*.ts): what a refused form gives back to its page
 * (the typed values and the errors on the right form only), and the manager's
 * contract form end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { GRILLE_DEMO } from '../../src/domain/creches/grille';
import { jourParis } from '../../src/domain/temps';
import { adopterGrille, crechesParticipantes } from '../../src/server/creches/donnees';
import { deposerCandidature } from '../../src/server/creches/candidature';
import { champPlaces, creerSession, repondreOffre } from '../../src/server/creches/commission';
import { chargerGestion, noterContratFormulaire } from '../../src/server/creches/gestion';
import { agirDepuisPageSession, chargerSession, libelleChampSession, type RefusSession } from '../../src/server/creches/vue-session';
import { adopterGrilleDepuisPage, chargerGrille } from '../../src/server/creches/vue-grille';
import { chargerPersonnes } from '../../src/server/territoire/vue-personnes';
import { chargerSites } from '../../src/server/territoire/vue-sites';
import { actionsLieuxAccueil, chargerLieuxAccueil } from '../../src/server/territoire/vue-lieux-accueil';
import type { Etat } from '../../src/server/territoire/page';
import { AccesRefuse } from '../../src/server/auth/acces';
import type { Staff } from '../../src/server/auth/staff';
import type { ContexteStaff } from '../../src/server/staff/contexte';
import type { Config } from '../../src/server/config';

const T = 'ca-bethune-bruay';
const maintenant = new Date('2026-10-01T08:00:00Z');
const JOUR = 86_400_000;
const etat = (action: string, f: Record<string, string | string[]>, erreurs: Record<string, string>): Etat => ({
  action,
  f: { action, ...f },
  erreurs,
  message: null,
});

describe(`back-office page loaders, crèches and territory (${DB_KIND})`, () => {
  let base: BaseDeTest;
  let admin: Staff;
  let x: { id: string; communeCode: string };
  let y: { id: string; communeCode: string };
  let sessionId = '';
  const c = (staff: Staff, quand = maintenant): ContexteStaff => ({
    db: base.db,
    staff,
    config: { TERRITOIRE: T } as unknown as Config,
    secret: 'secret-de-test',
    maintenant: quand,
  });

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    const creches = (await crechesParticipantes(base.db, T)).filter((s) => s.type === 'creche');
    [x, y] = [creches[0]!, creches[1]!];
    const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.role, 'admin'));
    admin = { ...u!, structureId: null };
    await adopterGrille(base.db, T, GRILLE_DEMO);
    for (const [nom, quotient] of [
      ['Alice', '400'],
      ['Bruno', '2000'],
    ] as const) {
      const [d] = await base.db
        .insert(schema.demandes)
        .values({
          reference: `D-2026-P${nom}`,
          territoireId: T,
          communeCode: x.communeCode,
          dateDebut: '2027-01-04',
          email: `${nom.toLowerCase()}@exemple.fr`,
          parents: [{ prenom: nom, nom: 'Test' }],
          creeLe: maintenant,
        })
        .returning();
      await base.db.insert(schema.enfants).values({ demandeId: d!.id, dateNaissance: '2026-06-10' });
      const r = await deposerCandidature(
        base.db,
        d!,
        { dateDebut: '2027-01-04', jours: ['1', '2'], heureDebut: '08:00', heureFin: '17:00', activite: 'deux-actifs', quotient, voeu1: x.id },
        maintenant,
      );
      expect(r.ok).toBe(true);
    }
    const s = await creerSession(base.db, admin, T, { le: '2026-10-05', debutAccueil: '2027-01-04', [champPlaces(x.id, 'bebe')]: '1' }, maintenant);
    sessionId = s.ok ? s.redirection.split('/').pop()! : '';
  });
  afterAll(async () => base?.detruire());

  it('session page: a refused override comes back open in its own form, with the reason typed; the buttons’ errors stay on `action`', async () => {
    expect(await agirDepuisPageSession(c(admin), sessionId, { action: 'calculer' })).toEqual({
      redirection: `/admin/creches/sessions/${sessionId}?fait=calculee`,
    });
    const avant = await chargerSession(c(admin), sessionId, null, 'calculee');
    expect(avant!.message).toBe('La proposition est calculée.');
    expect(avant!.details.statut).toBe('proposition calculée');
    const [alice, bruno] = ['D-2026-PAlice', 'D-2026-PBruno'].map((ref) => avant!.s.lignes.find((l) => l.reference === ref)!);
    expect([alice!.creche, bruno!.creche]).toEqual([x.id, null]);
    const l = bruno!;
    const refus = (await agirDepuisPageSession(c(admin), sessionId, {
      action: 'deroger',
      propositionId: l.id,
      [`structureId-${l.id}`]: x.id,
      [`motif-${l.id}`]: 'court',
    })) as RefusSession;
    expect(Object.keys(refus.erreurs)).toEqual([`motif-${l.id}`]);
    const vue = await chargerSession(c(admin), sessionId, refus, null);
    const d = vue!.derogations.find((x) => x.id === l.id)!;
    expect(d).toMatchObject({ ouvert: true, motif: { nom: `motif-${l.id}`, valeur: 'court' }, structureId: { valeur: x.id, erreur: undefined } });
    expect(d.motif.erreur).toMatch(/motif/i);
    expect(vue!.derogations.find((x) => x.id === alice!.id)).toMatchObject({ ouvert: false, motif: { valeur: '', erreur: undefined } });
    expect(libelleChampSession(`motif-${l.id}`)).toBe('Motif de la dérogation');
    const publier = (await agirDepuisPageSession(c(admin), sessionId, { action: 'publier' })) as RefusSession;
    expect(publier.erreurs.action).toMatch(/session close/);
    expect(libelleChampSession('action')).toBe('Action');
    expect(await chargerSession(c(admin), '00000000-0000-4000-8000-000000000000', null, null)).toBeNull();
    expect(await agirDepuisPageSession(c(admin), sessionId, { action: 'clore' })).toEqual({ redirection: `/admin/creches/sessions/${sessionId}?fait=close` });
  });

  it('grid page: prefilled with the grid in force, or with what was typed and its errors', async () => {
    const vide = await chargerGrille(c(admin), null);
    expect(vide.champs.adopteeLe.valeur).toBe(jourParis(maintenant));
    expect(vide.champs.autres.find((f) => f.nom === 'fratrie')).toMatchObject({ valeur: String(GRILLE_DEMO.fratrie), label: 'Fratrie dans la crèche' });
    expect(vide.versions).toHaveLength(1);
    const r = await adopterGrilleDepuisPage(c(admin), { adopteeLe: '2026-09-01', source: 'Délibération du 1er octobre', fratrie: '-3' });
    expect(r.ok).toBe(false);
    const refusee = await chargerGrille(c(admin), r.ok ? null : r);
    expect(refusee.champs.adopteeLe).toMatchObject({ valeur: '2026-09-01', erreur: expect.stringMatching(/passée/) });
    expect(refusee.champs.source).toMatchObject({ valeur: 'Délibération du 1er octobre', erreur: undefined });
    expect(refusee.champs.autres.find((f) => f.nom === 'fratrie')).toMatchObject({ valeur: '-3', erreur: 'Pas de points négatifs.' });
  });

  it('manager page: the signing day is checked, kept when refused, and recorded for their crèche only', async () => {
    const [alice] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.reference, 'D-2026-PAlice'));
    expect(await repondreOffre(base.db, alice!.id, true, new Date(maintenant.getTime() + 2 * JOUR))).toBe(true);
    const inserer = async (email: string, structureId: string): Promise<Staff> => {
      const [u] = await base.db
        .insert(schema.utilisateurs)
        .values({ email, nom: email, role: 'gestionnaire-creche', structureId, motDePasseHash: 'x' })
        .returning();
      return { ...u!, structureId };
    };
    const gx = await inserer('gx.pages@exemple.fr', x.id);
    const gy = await inserer('gy.pages@exemple.fr', y.id);
    const quand = new Date(maintenant.getTime() + 9 * JOUR); // 10 October
    const vue = await chargerGestion(c(gx, quand), null);
    expect(vue.familles.map((f) => f.reference)).toEqual(['D-2026-PAlice']);
    const f = vue.familles[0]!;
    const champ = `signeLe-${f.propositionId}`;
    expect(f.signature).toMatchObject({ nom: champ, valeur: '2026-10-10', max: '2026-10-10', label: 'Date de signature du contrat (D-2026-PAlice)' });
    const noter = (u: Staff, jour: string, propositionId = f.propositionId) =>
      noterContratFormulaire(c(u, quand), { propositionId, [`signeLe-${propositionId}`]: jour });

    const futur = await noter(gx, '2026-10-11');
    expect(futur).toMatchObject({ ok: false, erreurs: { [champ]: expect.stringMatching(/futur/) } });
    const apresFutur = await chargerGestion(c(gx, quand), futur.ok ? null : futur);
    expect(apresFutur.familles[0]!.signature).toMatchObject({ valeur: '2026-10-11', erreur: expect.stringMatching(/futur/) });
    expect(apresFutur.libelles[champ]).toBe('Date de signature du contrat (D-2026-PAlice)');
    expect(await noter(gx, '2026-10-02')).toMatchObject({ ok: false, erreurs: { [champ]: expect.stringMatching(/avant que la famille accepte/) } });
    expect(await noter(gx, '')).toMatchObject({ ok: false, erreurs: { [champ]: expect.stringMatching(/Indiquez le jour/) } });
    // Another crèche's manager: refused, and the message goes to the table (that family has no form on their page).
    const autre = await noter(gy, '2026-10-05');
    expect(autre.ok).toBe(false);
    const vueY = await chargerGestion(c(gy, quand), autre.ok ? null : autre);
    expect(vueY.familles).toEqual([]);
    expect(Object.keys(vueY.erreurs)).toEqual(['propositionId']);
    expect(await noter(gx, '2026-10-05', 'pas-un-id')).toMatchObject({ ok: false, erreurs: { propositionId: expect.stringMatching(/accepté une place/) } });
    await expect(noterContratFormulaire(c({ ...admin, role: 'animatrice' }, quand), { propositionId: f.propositionId })).rejects.toBeInstanceOf(AccesRefuse);

    expect(await noter(gx, '2026-10-05')).toEqual({ ok: true, redirection: '/admin/creches/gestion?fait=contrat' });
    const [p] = await base.db.select().from(schema.propositionsCreche).where(eq(schema.propositionsCreche.id, f.propositionId));
    expect(jourParis(p!.contratLe!)).toBe('2026-10-05');
    const apres = await chargerGestion(c(gx, quand), null);
    expect(apres.familles[0]).toMatchObject({ contratSigne: 'Signé le 05/10/2026', signature: null });
    const deja = await noter(gx, '2026-10-06');
    expect(deja).toMatchObject({ ok: false, erreurs: { [champ]: expect.stringMatching(/déjà noté, signé le 05\/10\/2026/) } });
    expect(Object.keys((await chargerGestion(c(gx, quand), deja.ok ? null : deja)).erreurs)).toEqual(['propositionId']);
  });

  it('« Personnes »: a refused edit comes back on that person’s row only, and no second-factor secret reaches the page', async () => {
    const avant = await chargerPersonnes(base.db, etat('', {}, {}));
    const cible = avant.comptes.find((p) => p.email !== admin.email)!;
    const e = etat('modifier', { utilisateurId: cible.id, nom: '', role: 'commune' }, { nom: 'Indiquez le prénom et le nom' });
    const vue = await chargerPersonnes(base.db, e);
    const ligne = vue.comptes.find((p) => p.id === cible.id)!;
    expect(ligne.erreurs).toEqual({ nom: 'Indiquez le prénom et le nom' });
    expect(ligne.valeurs).toMatchObject({ nom: '', role: 'commune' });
    for (const p of vue.comptes.filter((p) => p.id !== cible.id)) expect(p.erreurs).toEqual({});
    expect(vue.comptes.find((p) => p.email === admin.email)!.valeurs.nom).toBe(admin.nom);
    expect(vue.ids).toEqual({ nom: `f-nom-${cible.id}` });
    expect(vue.comptes.every((p) => !('totp' in p) && typeof p.doubleFacteur === 'boolean')).toBe(true);
    expect(vue.options.rolesTotp.map((o) => o.value)).toEqual(['admin', 'animatrice', 'commune', 'gestionnaire-creche']);
    expect((await chargerPersonnes(base.db, etat('exiger-2fa', { roles: ['admin'] }, { roles: 'x' }))).rolesExiges).toEqual(['admin']);
    const compte = await chargerPersonnes(base.db, etat('activation', { utilisateurId: cible.id }, { utilisateurId: 'Dernier administrateur' }));
    expect(compte.comptes.find((p) => p.id === cible.id)!.erreurCompte).toBe('Dernier administrateur');
    expect(compte.comptes.filter((p) => p.erreurCompte)).toHaveLength(1);
  });

  it('« Sites et horaires »: every form shows its site’s values and hours; a refused closure comes back in that site’s form', async () => {
    const avant = await chargerSites(base.db, etat('', {}, {}), maintenant);
    const [nouveau, site] = avant.formulaires;
    expect(nouveau!.site).toBeNull();
    expect(Object.values(nouveau!.valeurs).every((v) => v === '')).toBe(true);
    expect(site!.valeurs.nom).toBe(site!.site!.nom);
    expect(avant.feries.length).toBe(6);
    expect(avant.feries.every(([j]) => j >= '2026-10-01')).toBe(true);
    const id = site!.cle;
    const e = etat('fermeture', { lieuId: id, debut: '2026-11-02', fin: '', motif: 'Travaux' }, { fin: 'Indiquez le dernier jour' });
    const vue = await chargerSites(base.db, e, maintenant);
    const apres = vue.formulaires.find((f) => f.cle === id)!;
    expect(apres.fermeture).toEqual({
      ouvert: true,
      erreurs: { fin: 'Indiquez le dernier jour' },
      valeurs: { debut: '2026-11-02', fin: '', motif: 'Travaux' },
    });
    expect(apres.erreurs).toEqual({}); // the site's own form is not the one refused
    expect(vue.formulaires.filter((f) => f.fermeture?.ouvert)).toHaveLength(1);
    expect(vue.ids).toEqual({ fin: `f-fin-${id}` });
    const modif = await chargerSites(
      base.db,
      etat('modifier', { lieuId: id, nom: 'Nouveau nom', 'h1a-debut': '25:00' }, { 'h1a-debut': 'Heure invalide' }),
      maintenant,
    );
    const m = modif.formulaires.find((f) => f.cle === id)!;
    expect(m.valeurs).toMatchObject({ nom: 'Nouveau nom', 'h1a-debut': '25:00', adresse: '' });
    expect(modif.formulaires[0]!.erreurs).toEqual({});
  });

  it('« Lieux d’accueil »: the preview stays on the page with each line’s result and the file to confirm', async () => {
    const { actions, importation } = actionsLieuxAccueil();
    const fichier = `type;nom;commune;capacite\ncrèche;Les Lucioles Pages;${x.communeCode};40\ncapsule;X;99999;abc\n`;
    const r = await actions.apercu!(base.db, admin, { action: 'apercu', fichier });
    expect(r).toEqual({ ok: false, erreurs: {} });
    const vue = await chargerLieuxAccueil(base.db, etat('apercu', {}, {}), importation);
    expect(vue.apercu!.lignes.map((l) => [l.numero, l.resultat])).toEqual([
      [2, 'ajouté'],
      [3, null],
    ]);
    expect(vue.apercu!.lignes[1]!.erreurs).not.toBe('');
    expect(Buffer.from(vue.apercu!.fichierB64, 'base64').toString('utf8')).toBe(fichier);
    expect(vue.erreurFichier).toBeUndefined();
    const vide = await actions.apercu!(base.db, admin, { action: 'apercu' });
    expect(vide).toEqual({ ok: false, erreurs: { fichier: 'Choisissez un fichier CSV' } });
    await expect(actions.apercu!(base.db, { ...admin, role: 'animatrice' }, { action: 'apercu', fichier })).rejects.toBeInstanceOf(AccesRefuse);
    const refusee = await chargerLieuxAccueil(base.db, etat('creer', { nom: 'Lieu tapé', capacite: 'beaucoup' }, { capacite: 'Nombre invalide' }), {
      apercu: null,
      fichierB64: '',
    });
    expect(refusee.ajout).toEqual({
      valeurs: expect.objectContaining({ nom: 'Lieu tapé', capacite: 'beaucoup', type: '' }),
      erreurs: { capacite: 'Nombre invalide' },
    });
    expect(refusee.apercu).toBeNull();
    expect(refusee.lieux.find((l) => l.id === x.id)).toMatchObject({ type: 'Crèche, multi-accueil, halte-garderie (EAJE)' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseDeTest, DB_KIND, type BaseDeTest } from '../helpers/db';
import type { Staff } from '../../src/server/auth/staff';
import { connecter, creerAdmin } from '../../src/server/auth/staff';
import { planifierTerritoire } from '../../src/domain/territoire/cog';
import { cogOfficiel, installerTerritoire, territoireReelInstalle } from '../../src/server/territoire/installer';
import { creerRelais, ajouterSecteur, fermerRelais } from '../../src/server/territoire/relais';
import { affecterCommune, annulerAffectation, importerContours } from '../../src/server/territoire/communes';
import { relaisPourCommune } from '../../src/server/demande/routage';
import { changerActivation, choisirMotDePasse, inviterPersonne, lireInvitation, modifierPersonne } from '../../src/server/territoire/personnes';
import { importerLieux, previsualiserLieux, creerLieuAccueil } from '../../src/server/territoire/lieux-accueil';
import { enregistrerParametres, annonceDuJour } from '../../src/server/territoire/parametres';
import { creerSite, ajouterFermeture } from '../../src/server/territoire/sites';
import { sansFeriesNiFermetures } from '../../src/server/territoire/creneaux';
import { lireJournal, journalCsv } from '../../src/server/territoire/journal';
import { AccesRefuse } from '../../src/server/auth/acces';

const PUBLIC = 'http://portail.test';
const JOUR = 86_400_000;

describe(`territory administration (${DB_KIND})`, () => {
  let base: BaseDeTest;
  let admin: Staff;
  let relaisA: string;
  let relaisB: string;

  beforeAll(async () => {
    base = await creerBaseDeTest();
    const plan = planifierTerritoire(cogOfficiel(), { epci: '200069037' });
    if (!plan.ok) throw new Error(plan.erreurs.join());
    const r = await installerTerritoire(base.db, plan.plan);
    expect(r).toMatchObject({ ok: true, creees: 53 });
    const id = await creerAdmin(base.db, { email: 'admin@capso.test', nom: 'Ada Admin', motDePasse: 'un-mot-de-passe-solide' });
    admin = { id, email: 'admin@capso.test', nom: 'Ada Admin', role: 'admin', relaisId: null, secteurId: null, communeCode: null };
  });
  afterAll(async () => base?.detruire());

  it('installs the territory as a row with its 53 communes, idempotently, and marks the demo as not wanted', async () => {
    const [t] = await base.db.select().from(schema.territoires);
    expect(t).toMatchObject({ id: 'ca-du-pays-de-saint-omer', nom: 'CA du Pays de Saint-Omer', siren: '200069037' });
    const plan = planifierTerritoire(cogOfficiel(), { epci: '200069037' });
    const again = await installerTerritoire(base.db, plan.ok ? plan.plan : (null as never));
    expect(again).toMatchObject({ ok: true, creees: 0, misesAJour: 53 });
    expect((await base.db.select().from(schema.communes)).length).toBe(53);
    expect(await territoireReelInstalle(base.db)).toBe(true);
  });

  it('refuses a non-admin on every handler', async () => {
    const anim: Staff = { ...admin, role: 'animatrice' };
    await expect(creerRelais(base.db, anim, { nom: 'X' })).rejects.toBeInstanceOf(AccesRefuse);
    await expect(creerRelais(base.db, undefined, { nom: 'X' })).rejects.toBeInstanceOf(AccesRefuse);
    await expect(lireJournal(base.db, anim, {})).rejects.toBeInstanceOf(AccesRefuse);
  });

  it('creates two relais with a sector; a bad email is refused next to the field', async () => {
    const bad = await creerRelais(base.db, admin, { nom: 'Relais Audomarois', email: 'pas-une-adresse' });
    expect(bad).toEqual({ ok: false, erreurs: { email: expect.stringMatching(/Adresse électronique invalide/) } });
    const a = await creerRelais(base.db, admin, { nom: 'Relais Audomarois', email: 'rpe@capso.test', telephone: '03 21 00 00 00' });
    const b = await creerRelais(base.db, admin, { nom: 'Relais de la Lys' });
    expect(a.ok && b.ok).toBe(true);
    relaisA = (a as { valeur: string }).valeur;
    relaisB = (b as { valeur: string }).valeur;
    expect((await creerRelais(base.db, admin, { nom: 'relais audomarois' })).ok).toBe(false);
    expect((await ajouterSecteur(base.db, admin, { relaisId: relaisA, nomSecteur: 'Nord' })).ok).toBe(true);
  });

  it('assigns communes with a future-dated change; routing follows the dates; an overlap is refused with its dates', async () => {
    const aire = '62014';
    expect((await affecterCommune(base.db, admin, { communeCode: aire, relaisId: relaisA, debut: '2025-01-01' })).ok).toBe(true);
    expect((await affecterCommune(base.db, admin, { communeCode: aire, relaisId: relaisB, debut: '2027-01-01' })).ok).toBe(true);
    expect(await relaisPourCommune(base.db, aire, '2026-06-01')).toMatchObject({ relaisId: relaisA });
    expect(await relaisPourCommune(base.db, aire, '2027-01-01')).toMatchObject({ relaisId: relaisB });
    const hist = await base.db.select().from(schema.adhesions).where(eq(schema.adhesions.communeCode, aire));
    expect(hist.map((h) => [h.debut, h.fin]).sort()).toEqual([
      ['2025-01-01', '2027-01-01'],
      ['2027-01-01', null],
    ]);
    // A membership in the past that meets the closed one is refused, with its dates.
    const r = await affecterCommune(base.db, admin, { communeCode: aire, relaisId: relaisB, debut: '2026-03-01', fin: '2026-09-01' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.erreurs.debut).toMatch(/Relais Audomarois.*du 01\/01\/2025 au 01\/01\/2027/);
    // Bad dates are told next to the field.
    const d = await affecterCommune(base.db, admin, { communeCode: aire, relaisId: relaisB, debut: '2026-02-31' });
    expect(!d.ok && d.erreurs.debut).toMatch(/date de début/);
    // Cancelling the planned change reopens the previous membership.
    const futur = hist.find((h) => h.debut === '2027-01-01')!;
    expect((await annulerAffectation(base.db, admin, { adhesionId: futur.id })).ok).toBe(true);
    expect(await relaisPourCommune(base.db, aire, '2030-01-01')).toMatchObject({ relaisId: relaisA });
    // A relais that still serves communes cannot close.
    const f = await fermerRelais(base.db, admin, { relaisId: relaisA, fermeLe: '2026-12-31' });
    expect(!f.ok && f.erreurs.fermeLe).toMatch(/Aire-sur-la-Lys/);
  });

  it('invites an animatrice: the link sets her password once, expires, and she signs in', async () => {
    const r = await inviterPersonne(
      base.db,
      admin,
      { email: 'Camille@capso.test', nom: 'Camille Animatrice', role: 'animatrice', relaisId: relaisB },
      { publicUrl: PUBLIC },
    );
    expect(r.ok).toBe(true);
    const [mail] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.destinataire, 'camille@capso.test'));
    const jeton = /\/invitation\/([\w-]+)/.exec(mail!.texte)![1]!;
    expect(await lireInvitation(base.db, jeton)).toMatchObject({ ok: true, email: 'camille@capso.test' });
    // Cannot sign in before choosing a password.
    expect((await connecter(base.db, { email: 'camille@capso.test', motDePasse: '', ip: '1', dureeHeures: 1 })).ok).toBe(false);
    const court = await choisirMotDePasse(base.db, jeton, { motDePasse: 'court', confirmation: 'court' });
    expect(court).toMatchObject({ ok: false, erreurs: { motDePasse: expect.any(String) } });
    expect(await choisirMotDePasse(base.db, jeton, { motDePasse: 'une phrase assez longue', confirmation: 'une phrase assez longue' })).toMatchObject({
      ok: true,
    });
    expect(await choisirMotDePasse(base.db, jeton, { motDePasse: 'une autre phrase longue', confirmation: 'une autre phrase longue' })).toMatchObject({
      ok: false,
      raison: 'utilise',
    });
    expect((await connecter(base.db, { email: 'camille@capso.test', motDePasse: 'une phrase assez longue', ip: '1', dureeHeures: 1 })).ok).toBe(true);
    // An invitation expires after 72 hours.
    const vieux = new Date(Date.now() - 73 * 3600_000);
    await inviterPersonne(
      base.db,
      admin,
      { email: 'dominique@capso.test', nom: 'Dominique', role: 'animatrice', relaisId: relaisA },
      { publicUrl: PUBLIC, maintenant: vieux },
    );
    const [m2] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.destinataire, 'dominique@capso.test'));
    const j2 = /\/invitation\/([\w-]+)/.exec(m2!.texte)![1]!;
    expect(await lireInvitation(base.db, j2)).toEqual({ ok: false, raison: 'expire' });
    expect(await choisirMotDePasse(base.db, j2, { motDePasse: 'une phrase assez longue', confirmation: 'une phrase assez longue' })).toMatchObject({
      ok: false,
      raison: 'expire',
    });
    // An animatrice needs a relais.
    const sans = await inviterPersonne(base.db, admin, { email: 'x@capso.test', nom: 'X', role: 'animatrice' }, { publicUrl: PUBLIC });
    expect(!sans.ok && sans.erreurs.relaisId).toBeTruthy();
  });

  it('keeps the last admin: neither deactivated nor demoted; with a second admin it works', async () => {
    const d = await changerActivation(base.db, admin, { utilisateurId: admin.id, actif: 'non' });
    expect(!d.ok && d.erreurs.utilisateurId).toMatch(/dernier administrateur/);
    const m = await modifierPersonne(base.db, admin, { utilisateurId: admin.id, nom: 'Ada', role: 'animatrice', relaisId: relaisA });
    expect(!m.ok && m.erreurs.role).toMatch(/dernier administrateur/);
    const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.id, admin.id));
    expect(u).toMatchObject({ role: 'admin', actif: true });
    await inviterPersonne(base.db, admin, { email: 'admin2@capso.test', nom: 'Bea Admin', role: 'admin' }, { publicUrl: PUBLIC });
    expect((await changerActivation(base.db, admin, { utilisateurId: admin.id, actif: 'non' })).ok).toBe(true);
    expect((await changerActivation(base.db, admin, { utilisateurId: admin.id, actif: 'oui' })).ok).toBe(true);
  });

  it('imports places from CSV all or nothing, with per-line errors and no duplicates', async () => {
    const bon =
      'type;nom;commune;capacite;ages;latitude;longitude\ncrèche;Les Lucioles;62765;40;10 mois à 3 ans;50.75;2.25\nMAM;Les Petits Pas;62525;8;0-6 ans;50.73;2.24\n';
    const mauvais = bon + 'crèche;Les Lucioles;62765;40;;50.75;2.25\ncapsule;X;99999;abc;;;\n';
    const a = await previsualiserLieux(base.db, mauvais);
    expect(a.ok && a.erreurs).toBe(2);
    expect(a.ok && a.lignes[2]).toMatchObject({ numero: 4, ok: false, erreurs: [expect.stringMatching(/Doublon de la ligne 2/)] });
    const refuse = await importerLieux(base.db, admin, mauvais);
    expect(refuse.ok).toBe(false);
    expect((await base.db.select().from(schema.structures)).length).toBe(0);
    expect(await importerLieux(base.db, admin, 'pas;un;csv\n1;2;3')).toMatchObject({
      ok: false,
      erreurs: { fichier: expect.stringMatching(/Colonnes obligatoires/) },
    });
    expect(await importerLieux(base.db, admin, 'PK\u0003\u0004\u0000\u0000binaire')).toMatchObject({
      ok: false,
      erreurs: { fichier: expect.stringMatching(/pas un texte CSV/) },
    });
    expect(await importerLieux(base.db, admin, bon)).toMatchObject({ ok: true });
    expect(await importerLieux(base.db, admin, bon)).toMatchObject({ ok: true, valeur: { creees: 0, inchangees: 2 } });
    expect((await base.db.select().from(schema.structures)).length).toBe(2);
    const doublon = await creerLieuAccueil(base.db, admin, { type: 'creche', nom: 'LES LUCIOLES', commune: '62765', capacite: '12', lat: '50.7', lon: '2.2' });
    expect(!doublon.ok && doublon.erreurs.nom).toMatch(/existe déjà/);
    // Without outlines, a position is needed.
    const sansPos = await creerLieuAccueil(base.db, admin, { type: 'micro-creche', nom: 'Mini', commune: '62765', capacite: '10' });
    expect(!sansPos.ok && sansPos.erreurs.lat).toMatch(/contours/);
  });

  it('takes commune outlines from a GeoJSON, refusing a file that is not one, whole', async () => {
    expect(await importerContours(base.db, admin, { fichier: 'pas du json' })).toMatchObject({
      ok: false,
      erreurs: { fichier: expect.stringMatching(/JSON/) },
    });
    const carre = (x: number, y: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + 0.02, y],
          [x + 0.02, y + 0.02],
          [x, y + 0.02],
          [x, y],
        ],
      ],
    });
    const faux = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '62765' }, geometry: carre(2.25, 50.74) },
        { type: 'Feature', properties: { code: '62525' }, geometry: { type: 'Point', coordinates: [2, 50] } },
      ],
    };
    expect(await importerContours(base.db, admin, { fichier: JSON.stringify(faux) })).toMatchObject({ ok: false });
    const [so] = await base.db.select().from(schema.communes).where(eq(schema.communes.code, '62765'));
    expect(so!.contour).toBeNull();
    const bon = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { INSEE_COM: '62765' }, geometry: carre(2.25, 50.74) },
        { type: 'Feature', properties: { code: '75056' }, geometry: carre(2.3, 48.8) },
      ],
    };
    expect(await importerContours(base.db, admin, { fichier: JSON.stringify(bon) })).toMatchObject({ ok: true, valeur: 1 });
    const [so2] = await base.db.select().from(schema.communes).where(eq(schema.communes.code, '62765'));
    expect(so2!.centreLon).toBeCloseTo(2.26, 5);
    expect(so2!.centreLat).toBeCloseTo(50.75, 5);
  });

  it('a site with hours; public holidays and closures are never offered as slots', async () => {
    const s = await creerSite(base.db, admin, {
      relaisId: relaisA,
      nom: 'Maison de la petite enfance',
      adresse: '1 rue X',
      codePostal: '62500',
      communeCode: '62765',
      'h1a-debut': '09:00',
      'h1a-fin': '12:00',
      'h2a-debut': '14:00',
      'h2a-fin': '11:00',
    });
    expect(!s.ok && s.erreurs['h2a-debut']).toMatch(/mardi/);
    const ok = await creerSite(base.db, admin, {
      relaisId: relaisA,
      nom: 'Maison de la petite enfance',
      adresse: '1 rue X',
      codePostal: '62500',
      communeCode: '62765',
      'h1a-debut': '09:00',
      'h1a-fin': '12:00',
    });
    expect(ok.ok).toBe(true);
    const lieuId = (ok as { valeur: string }).valeur;
    const [l] = await base.db.select().from(schema.lieux).where(eq(schema.lieux.id, lieuId));
    expect(l!.horaires).toEqual([{ jour: 1, debut: '09:00', fin: '12:00' }]);
    expect(l!.lat).toBeCloseTo(50.75, 5); // the commune centre from the outlines
    expect((await ajouterFermeture(base.db, admin, { lieuId, debut: '2026-06-08', fin: '2026-06-09', motif: 'Travaux' })).ok).toBe(true);
    const c = (iso: string, lieu: string | null = lieuId) => ({ debut: new Date(iso), lieuId: lieu });
    const gardes = await sansFeriesNiFermetures(base.db, [
      c('2026-05-25T08:00:00Z'),
      c('2026-06-08T08:00:00Z'),
      c('2026-06-15T08:00:00Z'),
      c('2026-05-25T08:00:00Z', null),
    ]);
    // Lundi de Pentecôte 2026 = 25 May; 8 June closed for works.
    expect(gardes.map((g) => g.debut.toISOString())).toEqual(['2026-06-15T08:00:00.000Z']);
  });

  it('territory settings: announcement dates checked, shown only between them', async () => {
    const bad = await enregistrerParametres(base.db, admin, { nom: 'CAPSO', annonce: 'Fermé', annonceDebut: '2026-12-20', annonceFin: '2026-12-01' });
    expect(!bad.ok && bad.erreurs.annonceFin).toBeTruthy();
    expect(
      (
        await enregistrerParametres(base.db, admin, {
          nom: 'CA du Pays de Saint-Omer',
          nomCourt: 'CAPSO',
          annonce: 'Fermé entre Noël et le jour de l’an',
          annonceDebut: '2026-12-20',
          annonceFin: '2027-01-02',
          dpoEmail: 'dpo@capso.test',
        })
      ).ok,
    ).toBe(true);
    expect(await annonceDuJour(base.db, new Date('2026-12-21T10:00:00Z'))).toMatch(/Noël/);
    expect(await annonceDuJour(base.db, new Date('2027-01-03T10:00:00Z'))).toBeNull();
  });

  it('every change above is in the audit log, filterable and exportable', async () => {
    const tout = await lireJournal(base.db, admin, {});
    const actions = new Set(tout.map((l) => l.action));
    for (const a of [
      'territoire.installer',
      'relais.creer',
      'secteur.creer',
      'commune.rattacher',
      'commune.annuler-rattachement',
      'personne.inviter',
      'personne.mot-de-passe',
      'personne.desactiver',
      'lieu-accueil.importer',
      'communes.contours',
      'site.creer',
      'site.fermeture-ajouter',
      'territoire.modifier',
    ])
      expect(actions).toContain(a);
    const relais = await lireJournal(base.db, admin, { action: 'relais' });
    expect(relais.every((l) => l.action.startsWith('relais'))).toBe(true);
    expect(relais.length).toBeGreaterThan(0);
    const futur = await lireJournal(base.db, admin, { du: new Date(Date.now() + 2 * JOUR).toISOString().slice(0, 10) });
    expect(futur).toEqual([]);
    const csv = await journalCsv(base.db, admin, { action: 'personne' });
    expect(csv.split('\n')[0]).toContain('date;qui;action');
    expect(csv).toContain('personne.inviter');
    expect(csv).not.toContain('relais.creer');
    const [refusee] = await base.db
      .select()
      .from(schema.journalAudit)
      .where(and(eq(schema.journalAudit.action, 'personne.desactiver')));
    expect(refusee!.utilisateurId).toBe(admin.id);
  });
});

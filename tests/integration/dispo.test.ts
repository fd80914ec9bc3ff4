import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import type { Staff } from '../../src/server/auth/staff';
import { AccesRefuse } from '../../src/server/auth/acces';
import { enregistrerDisponibilite, enregistrerPublication, lireStructure } from '../../src/server/disponibilite/mise-a-jour';
import { exigerGestionStructure, perimetreStructure } from '../../src/server/disponibilite/perimetre';
import { demanderLien, entrerParCode, entrerParLien, sessionPro } from '../../src/server/disponibilite/comptes';
import { examinerRelance, relancerEnMasse, relancesPlanifiees, repondreRelance } from '../../src/server/disponibilite/relances';
import { signerJetonRelance } from '../../src/server/disponibilite/jeton-signe';
import { listeOffre, indicateurs } from '../../src/server/disponibilite/admin';
import { etapes as etapesPro } from '../../db/seed/demo-pro';

const SECRET = 'secret-de-test-secret-de-test-secret-de-test';
const URL_PUBLIQUE = 'http://portail.test';
const jour = 86400_000;

async function staff(base: BaseDeTest, email: string): Promise<Staff> {
  const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, email));
  return { id: u!.id, email: u!.email, nom: u!.nom, role: u!.role, relaisId: u!.relaisId, secteurId: u!.secteurId, communeCode: u!.communeCode };
}

describe(`availability of assistants maternels on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let est: Staff, ouest: Staff, admin: Staff, commune: Staff;
  let amEst: { id: string; email: string };
  let amOuest: { id: string };
  const maintenant = new Date('2026-03-02T10:00:00Z');

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ etapes: etapesPro });
    [est, ouest, admin, commune] = <[Staff, Staff, Staff, Staff]>(
      await Promise.all(['animatrice.est@exemple.fr', 'animatrice.ouest@exemple.fr', 'admin@exemple.fr', 'commune@exemple.fr'].map((e) => staff(base, e)))
    );
    const ams = await base.db
      .select({ id: schema.structures.id, email: schema.comptesPro.email, secteur: schema.adhesions.secteurId })
      .from(schema.structures)
      .innerJoin(schema.comptesPro, eq(schema.comptesPro.structureId, schema.structures.id))
      .innerJoin(schema.adhesions, and(eq(schema.adhesions.communeCode, schema.structures.communeCode), sql`${schema.adhesions.fin} is null`))
      .where(and(eq(schema.structures.type, 'assistant-maternel'), eq(schema.structures.actif, true)));
    amEst = ams.find((a) => a.secteur === est.secteurId) as { id: string; email: string };
    amOuest = ams.find((a) => a.secteur === ouest.secteurId)!;
  });
  afterAll(async () => base?.detruire());

  it('every demo AM and structure with an email has a pro account with a short code', async () => {
    const [r] = (await base.db
      .execute(
        sql`select count(*)::int as n from structures s where s.email is not null and not exists (select 1 from comptes_pro c where c.structure_id = s.id and c.code_court ~ '^[A-Z2-9]{4}-[A-Z2-9]{4}$')`,
      )
      .then((x) => (Array.isArray(x) ? x : (x as { rows: unknown[] }).rows))) as { n: number }[];
    expect(r!.n).toBe(0);
  });

  it('an AM marks one place for a baby from next month: state, places and history are written', async () => {
    await enregistrerDisponibilite(base.db, {
      structureId: amEst.id,
      source: 'am',
      maintenant,
      miseAJour: {
        statut: 'places',
        places: [
          {
            trancheAge: 'bebe',
            nombre: 1,
            aPartirDu: '2026-04-01',
            jours: [1, 2],
            heureDebut: '07:30',
            heureFin: '18:00',
            horairesAtypiques: { tot: true },
            urgence: true,
            periscolaire: false,
          },
        ],
      },
    });
    const s = await lireStructure(base.db, amEst.id);
    expect(s!.dispoStatut).toBe('places');
    expect(s!.dispoConfirmeeLe!.toISOString()).toBe(maintenant.toISOString());
    expect(s!.places.map((p) => [p.trancheAge, p.aPartirDu, p.jours, p.urgence])).toEqual([['bebe', '2026-04-01', [1, 2], true]]);
    const [h] = await base.db
      .select()
      .from(schema.dispoHistorique)
      .where(eq(schema.dispoHistorique.structureId, amEst.id))
      .orderBy(sql`le desc`)
      .limit(1);
    expect(h).toMatchObject({ statut: 'places', source: 'am' });
  });

  it('publishing her street address makes her position exact; withdrawing it puts her at the commune centre', async () => {
    await enregistrerPublication(base.db, amEst.id, { prenom: true, telephone: true, email: false, adresse: true });
    let s = (await lireStructure(base.db, amEst.id))!;
    expect([s.positionPublique, s.latPublique, s.lonPublique]).toEqual(['exacte', s.lat, s.lon]);
    await enregistrerPublication(base.db, amEst.id, { prenom: true, telephone: false, email: false, adresse: false });
    s = (await lireStructure(base.db, amEst.id))!;
    const [c] = await base.db.select().from(schema.communes).where(eq(schema.communes.code, s.communeCode));
    expect([s.positionPublique, s.latPublique, s.lonPublique]).toEqual(['commune', c!.centreLat, c!.centreLon]);
    expect(s.publication).toEqual({ prenom: true, telephone: false, email: false, adresse: false });
  });

  it('an animatrice cannot update an AM outside her relais or her sector; the admin can', async () => {
    const j = '2026-03-02';
    await expect(exigerGestionStructure(base.db, est, amEst.id, j)).resolves.toMatchObject({ relaisId: est.relaisId });
    await expect(exigerGestionStructure(base.db, ouest, amEst.id, j)).rejects.toBeInstanceOf(AccesRefuse);
    await expect(exigerGestionStructure(base.db, est, amOuest.id, j)).rejects.toBeInstanceOf(AccesRefuse);
    await expect(exigerGestionStructure(base.db, commune, amEst.id, j)).rejects.toBeInstanceOf(AccesRefuse);
    await expect(exigerGestionStructure(base.db, admin, amOuest.id, j)).resolves.toBeTruthy();
    // Another relais altogether.
    const [autre] = await base.db
      .select({ id: schema.structures.id })
      .from(schema.structures)
      .innerJoin(schema.adhesions, and(eq(schema.adhesions.communeCode, schema.structures.communeCode), sql`${schema.adhesions.fin} is null`))
      .where(sql`${schema.adhesions.relaisId} <> ${est.relaisId}`)
      .limit(1);
    expect((await perimetreStructure(base.db, autre!.id, j))!.relaisId).not.toBe(est.relaisId);
    await expect(exigerGestionStructure(base.db, est, autre!.id, j)).rejects.toBeInstanceOf(AccesRefuse);
  });

  it('the Est animatrice lists only her sector, with a freshness figure per commune', async () => {
    const { lignes, communes } = await listeOffre(base.db, est, '2026-03-02', { type: 'am' });
    expect(lignes.some((l) => l.id === amEst.id)).toBe(true);
    expect(lignes.some((l) => l.id === amOuest.id)).toBe(false);
    const ind = indicateurs(lignes, communes, maintenant, 60);
    expect(ind.global.actives).toBe(lignes.filter((l) => l.actif).length);
    expect(ind.global.part).toBeGreaterThan(0);
    expect(ind.parCommune.reduce((s, c) => s + c.confirmees, 0)).toBe(ind.global.confirmees);
  });

  it('an AM asks for a sign-in link: one email, the link works once, then the session is known', async () => {
    const n = await demanderLien(base.db, { email: amEst.email.toUpperCase(), publicUrl: URL_PUBLIQUE, maintenant });
    expect(n).toBeGreaterThanOrEqual(1);
    const [m] = await base.db
      .select()
      .from(schema.courriels)
      .where(and(eq(schema.courriels.destinataire, amEst.email), eq(schema.courriels.type, 'pro-lien-connexion')));
    const jeton = /\/pro\/lien\/([\w-]+)/.exec(m!.texte)![1]!;
    const r = await entrerParLien(base.db, jeton, maintenant);
    expect(r.ok).toBe(true);
    const s = r.ok ? await sessionPro(base.db, r.jeton, maintenant) : null;
    expect(s?.compte.structureId).toBe(amEst.id);
    expect(await entrerParLien(base.db, jeton, maintenant)).toEqual({ ok: false, raison: 'utilise' });
    expect(await demanderLien(base.db, { email: 'inconnue@exemple.fr', publicUrl: URL_PUBLIQUE, maintenant })).toBe(0);
  });

  it('the short code signs in; wrong codes are counted and then refused for a while', async () => {
    const [c] = await base.db.select().from(schema.comptesPro).where(eq(schema.comptesPro.structureId, amEst.id));
    const r = await entrerParCode(base.db, { code: c!.codeCourt!.toLowerCase().replace('-', ' '), ip: '10.0.0.1', maintenant });
    expect(r.ok).toBe(true);
    for (let i = 0; i < 5; i++)
      expect(await entrerParCode(base.db, { code: 'AAAA-AAAA', ip: '10.0.0.2', maintenant })).toEqual({ ok: false, raison: 'inconnu' });
    expect(await entrerParCode(base.db, { code: c!.codeCourt!, ip: '10.0.0.2', maintenant })).toEqual({ ok: false, raison: 'trop-de-tentatives' });
  });

  it('a reminder button changes nothing until the confirmation is posted, then works once', async () => {
    // Past the 30 days since the reminder the demo seeding may have recorded.
    const apres = new Date(maintenant.getTime() + 31 * jour);
    const { envoyees } = await relancerEnMasse(base.db, [amEst.id], { publicUrl: URL_PUBLIQUE, secret: SECRET, maintenant: apres });
    expect(envoyees).toEqual([amEst.id]);
    const [m] = await base.db
      .select()
      .from(schema.courriels)
      .where(and(eq(schema.courriels.objetId, amEst.id), eq(schema.courriels.type, 'dispo-relance'), eq(schema.courriels.statut, 'a-envoyer')));
    expect(m!.sujet).toBe('Avez-vous toujours une place ?');
    const plus = /Non, plus de place :\n\S+\/pro\/confirmer\/(\S+)/.exec(m!.texte)![1]!;
    const toujours = /Oui, toujours disponible :\n\S+\/pro\/confirmer\/(\S+)/.exec(m!.texte)![1]!;
    expect(await examinerRelance(base.db, SECRET, plus, apres)).toMatchObject({ ok: true, reponse: 'plus-de-place', statut: 'places' });
    expect((await lireStructure(base.db, amEst.id))!.dispoStatut).toBe('places');
    expect(await repondreRelance(base.db, SECRET, plus, apres)).toMatchObject({ ok: true, statut: 'complet' });
    const s = (await lireStructure(base.db, amEst.id))!;
    expect([s.dispoStatut, s.places.length, s.dispoConfirmeeLe!.toISOString()]).toEqual(['complet', 0, apres.toISOString()]);
    // The same email is spent: either button.
    expect(await repondreRelance(base.db, SECRET, plus, apres)).toEqual({ ok: false, raison: 'utilise' });
    expect(await examinerRelance(base.db, SECRET, toujours, apres)).toEqual({ ok: false, raison: 'utilise' });
    // Within 30 days no second reminder.
    expect(
      (await relancerEnMasse(base.db, [amEst.id], { publicUrl: URL_PUBLIQUE, secret: SECRET, maintenant: new Date(apres.getTime() + 10 * jour) })).envoyees,
    ).toEqual([]);
  });

  it('a forged, expired or other-secret token is refused', async () => {
    const expire = signerJetonRelance(SECRET, { structureId: amEst.id, reponse: 'toujours', expire: new Date(maintenant.getTime() - 1000), nonce: 'n-expire' });
    expect(await examinerRelance(base.db, SECRET, expire, maintenant)).toEqual({ ok: false, raison: 'expire' });
    const autre = signerJetonRelance('un-autre-secret-un-autre-secret-un-autre', {
      structureId: amEst.id,
      reponse: 'toujours',
      expire: new Date(maintenant.getTime() + jour),
      nonce: 'n2',
    });
    expect(await examinerRelance(base.db, SECRET, autre, maintenant)).toEqual({ ok: false, raison: 'inconnu' });
    const [corps, sig] = signerJetonRelance(SECRET, {
      structureId: amEst.id,
      reponse: 'toujours',
      expire: new Date(maintenant.getTime() + jour),
      nonce: 'n3',
    }).split('.');
    const falsifie = Buffer.from(Buffer.from(corps!, 'base64url').toString().replace('toujours', 'plus-de-place')).toString('base64url');
    expect(await examinerRelance(base.db, SECRET, `${falsifie}.${sig}`, maintenant)).toEqual({ ok: false, raison: 'inconnu' });
  });

  it('the scheduled reminders pick stale availability, at most once per 30 days', async () => {
    const jourJ = new Date('2026-03-20T09:30:00Z');
    const r1 = await relancesPlanifiees(base.db, { publicUrl: URL_PUBLIQUE, secret: SECRET, maintenant: jourJ });
    expect(r1.envoyees).toBeGreaterThan(0);
    expect(r1.campagne).toBe(0);
    await relancesPlanifiees(base.db, { publicUrl: URL_PUBLIQUE, secret: SECRET, maintenant: new Date(jourJ.getTime() + jour) });
    const [x] = (await base.db
      .execute(
        sql`select count(*)::int as n, count(distinct objet_id)::int as d from courriels where type = 'dispo-relance' and cree_le > now() - interval '1 hour'`,
      )
      .then((x) => (Array.isArray(x) ? x : (x as { rows: unknown[] }).rows))) as { n: number; d: number }[];
    // A second day only reaches places not reminded the day before (the first run is capped).
    expect(x!.n).toBe(x!.d);
  });
});

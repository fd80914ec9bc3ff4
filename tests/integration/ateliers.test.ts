/**
 * Ateliers d'éveil and analyse de la pratique on both databases: capacity
 * never exceeded under concurrent sign-ups (database guarantee), waiting-list
 * promotion with its email, past sessions closed, perimeter of relais,
 * 15 professionals at most per group, the report's counts, the reminder job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { schema, rowsOf } from '../../src/server/db';
import { parseConfig } from '../../src/server/config';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import type { Staff } from '../../src/server/auth/staff';
import { AccesRefuse } from '../../src/server/auth/acces';
import type { ContexteStaff } from '../../src/server/staff/contexte';
import { annulerSeance, creerAtelier, jamaisVenues, lireSeance, noterPresences } from '../../src/server/ateliers/programme';
import { annulerInscription, inscrire, mesInscriptions, programmePro } from '../../src/server/ateliers/inscriptions';
import { bilanDuRelais, creerGroupe, devenirVolontaire, placer, placerDansGroupe } from '../../src/server/ateliers/analyse-pratique';
import { envoyerRappelsAteliers } from '../../src/server/ateliers/rappels';
import { calendrierAteliers } from '../../src/server/ateliers/ics';
import { indicateursAteliers, lignesSeancesAteliers } from '../../src/server/stats/professionnels';
import { periodeAnnee } from '../../src/domain/stats/periode';
import { instantParis } from '../../src/domain/temps';

const MAINTENANT = new Date('2026-03-02T09:00:00Z');
const config = parseConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://guichet.exemple.fr' });

describe(`ateliers d'éveil and analyse de la pratique (${DB_KIND})`, () => {
  let base: BaseDeTest;
  const staff: Record<string, Staff> = {};
  const ctx = (email: string, maintenant = MAINTENANT): ContexteStaff => ({
    db: base.db,
    staff: staff[email]!,
    config,
    secret: 'secret-de-test-ateliers-0123456789abcdef',
    maintenant,
  });
  let relaisPrincipal: string;
  let lieuPrincipal: string;
  let amPrincipal: string[];
  let amAutre: string;

  const amDuRelais = async (relaisId: string) =>
    rowsOf<{ id: string }>(
      await base.db.execute(sql`
    select st.id from structures st join adhesions a on a.commune_code = st.commune_code
    where st.type = 'assistant-maternel' and st.actif and a.relais_id = ${relaisId} and a.debut <= '2026-03-02' and (a.fin is null or a.fin > '2026-03-02')
    order by st.agrement`),
    ).map((x) => x.id);

  /** A session of the main relais with these capacities, starting at `debut`. */
  const seance = async (o: { pro: number; enfants: number; debut?: Date; ouvert?: boolean; relaisId?: string; lieuId?: string }) => {
    const [a] = await base.db
      .insert(schema.ateliers)
      .values({
        relaisId: o.relaisId ?? relaisPrincipal,
        lieuId: o.lieuId ?? lieuPrincipal,
        theme: 'Test',
        placesPro: o.pro,
        placesEnfants: o.enfants,
        reglement: 'Règlement de test',
        ouvertATous: o.ouvert ?? false,
        frequence: 'unique',
      })
      .returning();
    const debut = o.debut ?? instantParis('2026-03-20', '09:15');
    const [s] = await base.db
      .insert(schema.seancesAtelier)
      .values({ atelierId: a!.id, debut, fin: new Date(debut.getTime() + 2.25 * 3600_000), placesPro: o.pro, placesEnfants: o.enfants })
      .returning();
    return s!.id;
  };

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ maintenant: MAINTENANT });
    for (const u of await base.db.select().from(schema.utilisateurs))
      staff[u.email] = { id: u.id, email: u.email, nom: u.nom, role: u.role, relaisId: u.relaisId, secteurId: u.secteurId, communeCode: u.communeCode };
    relaisPrincipal = staff['animatrice.est@exemple.fr']!.relaisId!;
    lieuPrincipal = (await base.db.select({ id: schema.lieux.id }).from(schema.lieux).where(eq(schema.lieux.relaisId, relaisPrincipal)))[0]!.id;
    amPrincipal = await amDuRelais(relaisPrincipal);
    amAutre = (await amDuRelais(staff['animatrice.relais2@exemple.fr']!.relaisId!))[0]!;
    // Every AM gets an address, so that emails are queued.
    await base.db.execute(sql`update structures set email = 'am-' || id || '@exemple.fr' where email is null and type = 'assistant-maternel'`);
  });
  afterAll(async () => base?.detruire());

  it('staff publish a monthly atelier: sessions on the 2nd Tuesday, without public holidays; bad input answers next to the fields', async () => {
    const c = ctx('animatrice.est@exemple.fr');
    const ko = await creerAtelier(c, null, {
      theme: 'x',
      lieuId: lieuPrincipal,
      frequence: 'mensuelle',
      du: '2026-03-10',
      au: '',
      rang: '2',
      debut: '11:30',
      fin: '09:15',
      ageMinMois: '0',
      ageMaxMois: '36',
      placesPro: '0',
      placesEnfants: '20',
      reglement: 'Règlement',
    });
    expect(ko.ok).toBe(false);
    if (!ko.ok) expect(Object.keys(ko.erreurs).sort()).toEqual(expect.arrayContaining(['theme', 'placesPro', 'reglement']));
    const ok = await creerAtelier(c, null, {
      theme: 'Éveil musical',
      description: '',
      lieuId: lieuPrincipal,
      frequence: 'mensuelle',
      du: '2026-03-10',
      au: '2026-12-31',
      rang: '2',
      debut: '09:15',
      fin: '11:30',
      ageMinMois: '0',
      ageMaxMois: '36',
      placesPro: '8',
      placesEnfants: '20',
      reglement: 'Je reste responsable des enfants.',
    });
    expect(ok.ok).toBe(true);
    const seances = await base.db
      .select()
      .from(schema.seancesAtelier)
      .innerJoin(schema.ateliers, eq(schema.seancesAtelier.atelierId, schema.ateliers.id))
      .where(eq(schema.ateliers.theme, 'Éveil musical'));
    // Ten 2nd Tuesdays from March to December 2026, but 14 July is a public holiday.
    expect(seances).toHaveLength(9);
    expect(seances.some((s) => s.seances_atelier.debut.toISOString().startsWith('2026-07-14'))).toBe(false);
    // The 2nd Tuesday of March 2026 is the 10th, at 9:15 in Paris (8:15 UTC in winter).
    expect(seances.map((s) => s.seances_atelier.debut.toISOString()).sort()[0]).toBe('2026-03-10T08:15:00.000Z');
    await expect(creerAtelier(ctx('animatrice.relais2@exemple.fr'), null, { lieuId: lieuPrincipal })).resolves.toMatchObject({ ok: false });
  });

  it('concurrent sign-ups never go over capacity: the rest go to the waiting list', async () => {
    const id = await seance({ pro: 3, enfants: 5 });
    const r = await Promise.all(
      amPrincipal
        .slice(0, 12)
        .map((structureId) => inscrire(base.db, { seanceId: id, structureId, enfants: 1, reglementAccepte: true, maintenant: MAINTENANT })),
    );
    expect(r.every((x) => x.ok)).toBe(true);
    expect(r.filter((x) => x.ok && x.statut === 'inscrite')).toHaveLength(3);
    expect(r.filter((x) => x.ok && x.statut === 'attente')).toHaveLength(9);
    const [s] = await base.db.select().from(schema.seancesAtelier).where(eq(schema.seancesAtelier.id, id));
    expect(s).toMatchObject({ prisPro: 3, prisEnfants: 3 });
  });

  it('children count against their own capacity, concurrently too', async () => {
    const id = await seance({ pro: 10, enfants: 4 });
    const r = await Promise.all(
      amPrincipal
        .slice(0, 6)
        .map((structureId) => inscrire(base.db, { seanceId: id, structureId, enfants: 2, reglementAccepte: true, maintenant: MAINTENANT })),
    );
    expect(r.filter((x) => x.ok && x.statut === 'inscrite')).toHaveLength(2);
    const [s] = await base.db.select().from(schema.seancesAtelier).where(eq(schema.seancesAtelier.id, id));
    expect(s).toMatchObject({ prisPro: 2, prisEnfants: 4 });
  });

  it('the database itself refuses a counter over capacity', async () => {
    const id = await seance({ pro: 1, enfants: 1 });
    await expect(base.db.update(schema.seancesAtelier).set({ prisPro: 2 }).where(eq(schema.seancesAtelier.id, id))).rejects.toThrow();
  });

  it('the same AM tapping twice at once is signed up once', async () => {
    const id = await seance({ pro: 5, enfants: 10 });
    const r = await Promise.all(
      [0, 1, 2].map(() => inscrire(base.db, { seanceId: id, structureId: amPrincipal[20]!, enfants: 1, reglementAccepte: true, maintenant: MAINTENANT })),
    );
    expect(r.filter((x) => x.ok)).toHaveLength(1);
    expect(r.filter((x) => !x.ok && x.raison === 'deja')).toHaveLength(2);
    const [s] = await base.db.select().from(schema.seancesAtelier).where(eq(schema.seancesAtelier.id, id));
    expect(s!.prisPro).toBe(1);
  });

  it('a cancellation promotes the first waiting sign-up that fits, and emails her', async () => {
    const id = await seance({ pro: 1, enfants: 2 });
    const [a, b, c] = amPrincipal.slice(30, 33) as [string, string, string];
    const ra = await inscrire(base.db, { seanceId: id, structureId: a, enfants: 2, reglementAccepte: true, maintenant: MAINTENANT });
    const rb = await inscrire(base.db, { seanceId: id, structureId: b, enfants: 3, reglementAccepte: true, maintenant: MAINTENANT });
    const rc = await inscrire(base.db, { seanceId: id, structureId: c, enfants: 1, reglementAccepte: true, maintenant: MAINTENANT });
    expect([ra, rb, rc].map((x) => x.ok && x.statut)).toEqual(['inscrite', 'attente', 'attente']);
    if (!ra.ok || !rc.ok) throw new Error('sign-ups');
    // Another AM cannot cancel her sign-up.
    await expect(annulerInscription(base.db, { inscriptionId: ra.id, structureId: b, maintenant: MAINTENANT })).resolves.toMatchObject({
      ok: false,
      raison: 'introuvable',
    });
    const an = await annulerInscription(base.db, { inscriptionId: ra.id, structureId: a, maintenant: MAINTENANT, publicUrl: 'https://guichet.exemple.fr' });
    expect(an).toEqual({ ok: true, promues: [rc.id] });
    const [s] = await base.db.select().from(schema.seancesAtelier).where(eq(schema.seancesAtelier.id, id));
    expect(s).toMatchObject({ prisPro: 1, prisEnfants: 1 });
    const mails = await base.db
      .select()
      .from(schema.courriels)
      .where(and(eq(schema.courriels.objetId, rc.id), eq(schema.courriels.type, 'atelier-promotion')));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.texte).toContain('vous êtes inscrite avec 1 enfant');
    expect(mails[0]!.texte).toContain('https://guichet.exemple.fr/pro/ateliers');
  });

  it('cancellation closes 24 hours before; past sessions cannot be joined', async () => {
    const bientot = await seance({ pro: 5, enfants: 10, debut: new Date(MAINTENANT.getTime() + 20 * 3600_000) });
    const r = await inscrire(base.db, { seanceId: bientot, structureId: amPrincipal[40]!, enfants: 1, reglementAccepte: true, maintenant: MAINTENANT });
    if (!r.ok) throw new Error('sign-up');
    await expect(annulerInscription(base.db, { inscriptionId: r.id, structureId: amPrincipal[40]!, maintenant: MAINTENANT })).resolves.toMatchObject({
      ok: false,
      raison: 'trop-tard',
    });
    const passee = await seance({ pro: 5, enfants: 10, debut: new Date(MAINTENANT.getTime() - 3600_000) });
    await expect(
      inscrire(base.db, { seanceId: passee, structureId: amPrincipal[40]!, enfants: 1, reglementAccepte: true, maintenant: MAINTENANT }),
    ).resolves.toEqual({ ok: false, raison: 'passee' });
    await expect(
      inscrire(base.db, { seanceId: bientot, structureId: amPrincipal[41]!, enfants: 1, reglementAccepte: false, maintenant: MAINTENANT }),
    ).resolves.toEqual({ ok: false, raison: 'reglement' });
  });

  it('an AM of another relais neither sees nor joins an atelier unless it is open to all; she sees only her own sign-ups', async () => {
    const ferme = await seance({ pro: 5, enfants: 10, debut: instantParis('2026-04-02', '09:15') });
    const ouvert = await seance({ pro: 5, enfants: 10, debut: instantParis('2026-04-03', '09:15'), ouvert: true });
    const vus = (await programmePro(base.db, amAutre, MAINTENANT, { limite: 500 })).map((x) => x.id);
    expect(vus).not.toContain(ferme);
    expect(vus).toContain(ouvert);
    expect((await programmePro(base.db, amPrincipal[50]!, MAINTENANT, { limite: 500 })).map((x) => x.id)).toEqual(expect.arrayContaining([ferme, ouvert]));
    await expect(inscrire(base.db, { seanceId: ferme, structureId: amAutre, enfants: 1, reglementAccepte: true, maintenant: MAINTENANT })).resolves.toEqual({
      ok: false,
      raison: 'perimetre',
    });
    await expect(
      inscrire(base.db, { seanceId: ouvert, structureId: amAutre, enfants: 1, reglementAccepte: true, maintenant: MAINTENANT }),
    ).resolves.toMatchObject({ ok: true, statut: 'inscrite' });
    const miennes = await mesInscriptions(base.db, amAutre, MAINTENANT);
    expect(miennes.map((m) => m.seanceId)).toEqual([ouvert]);
    expect(await calendrierAteliers(base.db, amAutre, MAINTENANT)).toMatch(/BEGIN:VEVENT[\s\S]*SUMMARY:Test/);
    // Staff of the other relais may not open the main relais' session sheet.
    await expect(lireSeance(ctx('animatrice.relais2@exemple.fr'), ferme)).rejects.toBeInstanceOf(AccesRefuse);
  });

  it('attendance is marked for professionals and children; the report counts them; who never comes is listed', async () => {
    const id = await seance({ pro: 5, enfants: 10, debut: instantParis('2026-03-25', '09:15') });
    const [x, y] = amPrincipal.slice(60, 62) as [string, string];
    const rx = await inscrire(base.db, { seanceId: id, structureId: x, enfants: 2, reglementAccepte: true, maintenant: MAINTENANT });
    const ry = await inscrire(base.db, { seanceId: id, structureId: y, enfants: 1, reglementAccepte: true, maintenant: MAINTENANT });
    if (!rx.ok || !ry.ok) throw new Error('sign-ups');
    const apres = new Date('2026-03-25T12:00:00Z');
    const c = ctx('animatrice.est@exemple.fr', apres);
    await expect(noterPresences(c, id, { [`p-${rx.id}`]: 'present', [`e-${rx.id}`]: '12' })).resolves.toMatchObject({
      ok: false,
      erreurs: { [`e-${rx.id}`]: expect.stringContaining('entre 0 et') },
    });
    await expect(noterPresences(c, id, { [`p-${rx.id}`]: 'present', [`e-${rx.id}`]: '2', [`p-${ry.id}`]: 'absent' })).resolves.toMatchObject({ ok: true });
    const avant = await indicateursAteliers(base.db, periodeAnnee(2026), { type: 'relais', relaisId: relaisPrincipal });
    expect(avant).toMatchObject({ presences: 1, enfants: 2, professionnelsDistincts: 1 });
    const j = await jamaisVenues(c, relaisPrincipal);
    expect(j.map((r) => r.structure_id)).toContain(y);
    expect(j.map((r) => r.structure_id)).not.toContain(x);
    const csv = await lignesSeancesAteliers(base.db, periodeAnnee(2026), { type: 'relais', relaisId: relaisPrincipal });
    expect(csv.find((l) => l[0] === '2026-03-25' && l[4] === 'Test')).toEqual([
      '2026-03-25',
      '09:15',
      expect.any(String),
      expect.any(String),
      'Test',
      5,
      10,
      2,
      0,
      1,
      2,
      'non',
    ]);
    // Another relais' perimeter does not count them.
    expect(
      await indicateursAteliers(base.db, periodeAnnee(2026), { type: 'relais', relaisId: staff['animatrice.relais2@exemple.fr']!.relaisId! }),
    ).toMatchObject({ presences: 0 });
  });

  it('staff cancel a session: signed-up and waiting professionals are emailed, nobody can join it any more', async () => {
    const id = await seance({ pro: 1, enfants: 5, debut: instantParis('2026-04-07', '09:15') });
    const [a, b] = amPrincipal.slice(65, 67) as [string, string];
    const ra = await inscrire(base.db, { seanceId: id, structureId: a, enfants: 1, reglementAccepte: true, maintenant: MAINTENANT });
    const rb = await inscrire(base.db, { seanceId: id, structureId: b, enfants: 1, reglementAccepte: true, maintenant: MAINTENANT });
    if (!ra.ok || !rb.ok) throw new Error('sign-ups');
    await expect(annulerSeance(ctx('animatrice.relais2@exemple.fr'), id)).rejects.toBeInstanceOf(AccesRefuse);
    await expect(annulerSeance(ctx('animatrice.est@exemple.fr'), id)).resolves.toMatchObject({ ok: true });
    const mails = await base.db.select().from(schema.courriels).where(eq(schema.courriels.type, 'atelier-annulation'));
    expect(mails.map((m) => m.objetId).sort()).toEqual([ra.id, rb.id].sort());
    await expect(
      inscrire(base.db, { seanceId: id, structureId: amPrincipal[67]!, enfants: 1, reglementAccepte: true, maintenant: MAINTENANT }),
    ).resolves.toEqual({ ok: false, raison: 'annulee' });
    await expect(annulerSeance(ctx('animatrice.est@exemple.fr'), id)).resolves.toMatchObject({ ok: false });
  });

  it('the reminder job emails each confirmed sign-up once, the day before', async () => {
    const id = await seance({ pro: 5, enfants: 10, debut: instantParis('2026-05-05', '09:15') });
    const r = await inscrire(base.db, { seanceId: id, structureId: amPrincipal[70]!, enfants: 1, reglementAccepte: true, maintenant: MAINTENANT });
    if (!r.ok) throw new Error('sign-up');
    const veille = new Date('2026-05-04T08:00:00Z');
    const compte = async () =>
      (
        await base.db
          .select()
          .from(schema.courriels)
          .where(and(eq(schema.courriels.objetId, r.id), eq(schema.courriels.type, 'atelier-rappel')))
      ).length;
    await envoyerRappelsAteliers(base.db, { maintenant: new Date('2026-05-01T08:00:00Z'), publicUrl: '' });
    expect(await compte()).toBe(0);
    await envoyerRappelsAteliers(base.db, { maintenant: veille, publicUrl: '' });
    await envoyerRappelsAteliers(base.db, { maintenant: veille, publicUrl: '' });
    expect(await compte()).toBe(1);
  });

  it('an analyse-de-la-pratique group takes 15 professionals, concurrently too, and refuses the 16th', async () => {
    const c = ctx('animatrice.est@exemple.fr');
    const g = await creerGroupe(c, null, { nom: 'Groupe test', intervenantNom: 'Intervenante', intervenantQualite: 'Psychologue', lieuId: '' });
    if (!g.ok) throw new Error('group');
    const groupeId = g.redirection.split('/').pop()!.split('?')[0]!;
    const r = await Promise.all(amPrincipal.slice(80, 100).map((structureId) => placerDansGroupe(base.db, groupeId, structureId)));
    expect(r.filter((x) => x.ok)).toHaveLength(15);
    expect(r.filter((x) => !x.ok && x.raison === 'complet')).toHaveLength(5);
    const [grp] = await base.db.select().from(schema.groupesAnalysePratique).where(eq(schema.groupesAnalysePratique.id, groupeId));
    expect(grp!.membres).toBe(15);
    await expect(placer(c, groupeId, { structureId: amPrincipal[100]! })).resolves.toMatchObject({
      ok: false,
      erreurs: { structureId: expect.stringContaining('complet') },
    });
    await expect(base.db.update(schema.groupesAnalysePratique).set({ membres: 16 }).where(eq(schema.groupesAnalysePratique.id, groupeId))).rejects.toThrow();
    // An AM of another relais cannot be placed; another relais' staff cannot act on the group.
    await expect(placer(c, groupeId, { structureId: amAutre })).resolves.toMatchObject({ ok: false });
    await expect(placer(ctx('animatrice.relais2@exemple.fr'), groupeId, { structureId: amAutre })).rejects.toBeInstanceOf(AccesRefuse);
  });

  it('the relais stands against the CNAF thresholds from attendance', async () => {
    const [g] = await base.db
      .insert(schema.groupesAnalysePratique)
      .values({ relaisId: relaisPrincipal, nom: 'Seuils', intervenantNom: 'X', intervenantQualite: 'Psychologue', annee: 2025 })
      .returning();
    const membres = amPrincipal.slice(110, 118);
    for (const m of membres) await placerDansGroupe(base.db, g!.id, m);
    for (let k = 0; k < 6; k++) {
      const jour = `2025-0${k + 1}-15`;
      const [s] = await base.db
        .insert(schema.seancesAnalysePratique)
        .values({ groupeId: g!.id, jour, debut: instantParis(jour, '18:00'), fin: instantParis(jour, '20:00') })
        .returning();
      // Everyone comes to the first three sessions; only the first four come to the others.
      const presents = k < 3 ? membres : membres.slice(0, 4);
      await base.db.insert(schema.presencesAnalysePratique).values(presents.map((structureId) => ({ seanceId: s!.id, structureId })));
    }
    const b = await bilanDuRelais(base.db, relaisPrincipal, 2025, MAINTENANT);
    expect(b).toMatchObject({ seances: 6, amDistinctes: 8, missionAtteinte: true, volontairesAtteints: 8 });
    expect(await devenirVolontaire(base.db, amPrincipal[120]!, MAINTENANT)).toEqual({ ok: true });
    expect(await devenirVolontaire(base.db, amPrincipal[120]!, MAINTENANT)).toEqual({ ok: true });
    const b26 = await bilanDuRelais(base.db, relaisPrincipal, 2026, MAINTENANT);
    expect(b26.volontaires.some((v) => v.structureId === amPrincipal[120])).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { seedDemo } from '../../db/seed';
import { creerBaseAvecTerritoire, creerBaseDeTest, DB_KIND, type BaseDeTest } from '../helpers/db';
import { connecter, sessionDepuisJeton } from '../../src/server/auth/staff';
import { ESSAIS_LIBRES_PAIRE } from '../../src/server/auth/throttle';
import { consommerJeton, creerJeton, lireJeton } from '../../src/server/auth/tokens';
import { executerTachesDues, reserverExecution } from '../../src/server/jobs';

describe(`foundation on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
  });
  afterAll(async () => base?.detruire());

  it('seeds the 100 communes of Béthune-Bruay with the six relais and about 1,075 AM of seed 003', async () => {
    const [c] = await base.db.select({ n: sql<number>`count(*)::int` }).from(schema.communes);
    expect(c!.n).toBe(100);
    const relais = await base.db.select().from(schema.relais);
    expect(relais.map((r) => r.slug).sort()).toEqual([
      'rpe-auchel',
      'rpe-bethune-centre',
      'rpe-bruay-artois',
      'rpe-douvrin',
      'rpe-mutualise',
      'rpe-noeux-les-mines',
    ]);
    const am = await base.db
      .select({ actif: schema.structures.actif, n: sql<number>`count(*)::int` })
      .from(schema.structures)
      .where(eq(schema.structures.type, 'assistant-maternel'))
      .groupBy(schema.structures.actif);
    const total = am.reduce((s, x) => s + x.n, 0);
    expect(total).toBeGreaterThanOrEqual(1070);
    expect(total).toBeLessThanOrEqual(1080);
    expect(am.find((x) => x.actif)!.n / total).toBeCloseTo(146 / 178, 1);
    // Each relais serves its own seat, and every fictional relais serves some communes today.
    const servies = await base.db.execute(sql`select r.slug, count(*)::int as n from adhesions a join relais r on r.id = a.relais_id
      where a.debut <= '2026-06-01' and (a.fin is null or a.fin > '2026-06-01') group by r.slug`);
    const lignes = (Array.isArray(servies) ? servies : (servies as { rows: unknown[] }).rows) as { slug: string; n: number }[];
    expect(lignes).toHaveLength(6);
    for (const l of lignes) expect(l.n, l.slug).toBeGreaterThan(3);
    expect(lignes.find((l) => l.slug === 'rpe-mutualise')!.n).toBe(39);
    const lieux = await base.db.select().from(schema.lieux);
    expect(lieux.map((l) => l.nom)).toEqual(
      expect.arrayContaining(['Centre social Ginette Delestrez', 'Antenne communautaire de Lillers', "Maison de l'Enfance et de la Famille"]),
    );
  });

  it('puts every commune in exactly one relais on any given day', async () => {
    for (const jour of ['2025-03-01', '2025-12-31', '2026-01-01', '2026-11-24']) {
      const r = await base.db.execute(sql`
        select c.code, count(a.id)::int as n from communes c
        left join adhesions a on a.commune_code = c.code and a.debut <= ${jour} and (a.fin is null or a.fin > ${jour})
        group by c.code having count(a.id) <> 1`);
      const rows = Array.isArray(r) ? r : (r as { rows: unknown[] }).rows;
      expect(rows, `on ${jour}`).toEqual([]);
    }
  });

  it('moves Annequin to the mutualised relais, Est sector, on 1 January 2026', async () => {
    const rows = await base.db
      .select({ slug: schema.relais.slug, debut: schema.adhesions.debut, fin: schema.adhesions.fin, secteur: schema.secteurs.nom })
      .from(schema.adhesions)
      .innerJoin(schema.relais, eq(schema.adhesions.relaisId, schema.relais.id))
      .leftJoin(schema.secteurs, eq(schema.adhesions.secteurId, schema.secteurs.id))
      .where(eq(schema.adhesions.communeCode, '62034'));
    expect(rows).toHaveLength(2);
    const avant = rows.find((r) => r.fin === '2026-01-01');
    const apres = rows.find((r) => r.debut === '2026-01-01');
    expect(avant?.slug).toBe('rpe-bethune-centre');
    expect(apres?.slug).toBe('rpe-mutualise');
    expect(apres?.secteur).toBe('Est');
  });

  it('sizes the offer of the mutualised relais from the RPE project figures', async () => {
    const r = await base.db.execute(sql`
      select s.type, count(*)::int as n, sum(s.capacite)::int as places, count(*) filter (where s.actif)::int as actifs
      from structures s join adhesions a on a.commune_code = s.commune_code and a.fin is null
      join relais r on r.id = a.relais_id and r.slug = 'rpe-mutualise' group by s.type`);
    const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { type: string; n: number; places: number; actifs: number }[];
    const par = Object.fromEntries(rows.map((x) => [x.type, x]));
    expect(par['assistant-maternel']!.actifs).toBe(146);
    expect(par['assistant-maternel']!.n).toBe(178);
    expect(par.mam!.n).toBe(7);
    expect(par.mam!.places).toBe(102);
    expect(par.creche!.places + par['micro-creche']!.places).toBeGreaterThanOrEqual(200);
    expect(par.creche!.places + par['micro-creche']!.places).toBeLessThanOrEqual(215);
  });

  it('never shows an assistant maternel at her home unless she opted in', async () => {
    const am = await base.db.select().from(schema.structures).where(eq(schema.structures.type, 'assistant-maternel'));
    for (const a of am) {
      if (a.positionPublique !== 'exacte') expect([a.latPublique, a.lonPublique]).not.toEqual([a.lat, a.lon]);
    }
    expect(am.some((a) => a.positionPublique === 'exacte')).toBe(true);
  });

  it('seeds once: a second call changes nothing', async () => {
    const avant = await base.db.select({ n: sql<number>`count(*)::int` }).from(schema.structures);
    expect(await seedDemo(base.db, { territoire: 'ca-bethune-bruay' })).toBe(false);
    const apres = await base.db.select({ n: sql<number>`count(*)::int` }).from(schema.structures);
    expect(apres[0]!.n).toBe(avant[0]!.n);
  });

  it('generates the same offer twice (deterministic demo)', async () => {
    const autre = await creerBaseAvecTerritoire();
    try {
      const q = (b: BaseDeTest) =>
        b.db
          .select({ nom: schema.structures.nom, lat: schema.structures.lat, c: schema.structures.communeCode })
          .from(schema.structures)
          .orderBy(schema.structures.lat);
      expect(await q(autre)).toEqual(await q(base));
    } finally {
      await autre.detruire();
    }
  });

  it('signs staff in with argon2id and refuses after repeated failures', async () => {
    const ok = await connecter(base.db, { email: 'Animatrice.Est@exemple.fr', motDePasse: 'mot-de-passe-de-test', ip: '10.0.0.1', dureeHeures: 8 });
    expect(ok.ok).toBe(true);
    const session = await sessionDepuisJeton(base.db, ok.ok ? ok.jeton : '');
    expect(session?.utilisateur.role).toBe('animatrice');
    expect(session?.utilisateur.secteurId).toBeTruthy();
    const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, 'animatrice.est@exemple.fr'));
    expect(u!.motDePasseHash.startsWith('$argon2id$')).toBe(true);
    for (let i = 0; i < ESSAIS_LIBRES_PAIRE; i++) {
      const r = await connecter(base.db, { email: 'commune@exemple.fr', motDePasse: 'faux', ip: '10.0.0.2', dureeHeures: 8 });
      expect(r).toEqual({ ok: false, raison: 'identifiants' });
    }
    const bloque = await connecter(base.db, { email: 'commune@exemple.fr', motDePasse: 'mot-de-passe-de-test', ip: '10.0.0.2', dureeHeures: 8 });
    expect(bloque).toMatchObject({ ok: false, raison: 'trop-de-tentatives' });
    // The owner, from another address, is not locked out.
    expect((await connecter(base.db, { email: 'commune@exemple.fr', motDePasse: 'mot-de-passe-de-test', ip: '10.0.0.3', dureeHeures: 8 })).ok).toBe(true);
  });

  it('expires sessions', async () => {
    const r = await connecter(base.db, {
      email: 'admin@exemple.fr',
      motDePasse: 'mot-de-passe-de-test',
      ip: '10.0.0.9',
      dureeHeures: 1,
      maintenant: new Date('2026-01-01T10:00:00Z'),
    });
    if (!r.ok) throw new Error('sign-in failed');
    expect(await sessionDepuisJeton(base.db, r.jeton, new Date('2026-01-01T10:30:00Z'))).not.toBeNull();
    expect(await sessionDepuisJeton(base.db, r.jeton, new Date('2026-01-01T11:00:01Z'))).toBeNull();
  });

  it('single-use tokens can be used once and expire', async () => {
    const maintenant = new Date('2026-02-01T10:00:00Z');
    const j = await creerJeton(base.db, { usage: 'test', sujetId: 'x', dureeHeures: 2, maintenant });
    expect((await lireJeton(base.db, 'autre-usage', j, maintenant)).ok).toBe(false);
    const [a, b] = await Promise.all([consommerJeton(base.db, 'test', j, maintenant), consommerJeton(base.db, 'test', j, maintenant)]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const j2 = await creerJeton(base.db, { usage: 'test', sujetId: 'y', dureeHeures: 2, maintenant });
    expect(await lireJeton(base.db, 'test', j2, new Date('2026-02-01T12:00:01Z'))).toEqual({ ok: false, raison: 'expire' });
  });

  it('runs a scheduled task once per period even when instances race', async () => {
    const res = await Promise.all(Array.from({ length: 5 }, () => reserverExecution(base.db, 'course', '2026-05-01')));
    expect(res.filter(Boolean)).toHaveLength(1);
    let n = 0;
    const tache = { nom: 'compteur', periode: () => 'p1', executer: async () => ++n };
    const ctx = { db: base.db } as Parameters<typeof executerTachesDues>[0];
    await executerTachesDues(ctx, new Date(), [tache]);
    await executerTachesDues(ctx, new Date(), [tache]);
    expect(n).toBe(1);
  });
});

describe(`migrations on ${DB_KIND}`, () => {
  if (DB_KIND === 'postgres') {
    it('two instances starting together on an empty database migrate once, without error', async () => {
      const { default: postgres } = await import('postgres');
      const { openDatabase } = await import('../../src/server/db');
      const { TEST_DATABASE_URL } = await import('../helpers/db');
      const nom = `gpe_t_concurrent_${process.pid}`;
      const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${nom} with (force)`);
      await admin.unsafe(`create database ${nom}`);
      const url = TEST_DATABASE_URL.replace(/\/[^/?]*(\?|$)/, `/${nom}$1`);
      const instances = await Promise.all([1, 2, 3].map(() => openDatabase({ url })));
      try {
        await Promise.all(instances.map((i) => i.migrate()));
        const [n] = await instances[0]!.db.select({ n: sql<number>`count(*)::int` }).from(schema.communes);
        expect(n!.n).toBe(0);
      } finally {
        await Promise.all(instances.map((i) => i.close()));
        await admin.unsafe(`drop database if exists ${nom} with (force)`);
        await admin.end();
      }
    });
  }

  it('are idempotent and forbid overlapping memberships of a commune', async () => {
    const base = await creerBaseDeTest();
    try {
      await base.migrate();
      await seedDemo(base.db, { territoire: 'cc-tonnerrois-en-bourgogne', maintenant: new Date('2026-03-02T09:00:00Z') });
      const [a] = await base.db.select().from(schema.adhesions).limit(1);
      await expect(base.db.insert(schema.adhesions).values({ communeCode: a!.communeCode, relaisId: a!.relaisId, debut: '2026-06-01' })).rejects.toThrow();
      const n = await base.db
        .select({ n: sql<number>`count(*)::int` })
        .from(schema.adhesions)
        .where(and(eq(schema.adhesions.communeCode, a!.communeCode)));
      expect(n[0]!.n).toBe(1);
    } finally {
      await base.detruire();
    }
  });
});

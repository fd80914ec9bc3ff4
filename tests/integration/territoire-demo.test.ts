import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUIVI } from '../../db/seed/demo-suivi';
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { relaisPourCommune } from '../../src/server/demande/routage';
import { ETAPES_DEMO } from '../../db/seed/etapes';
import { badges } from '../../src/domain/demande/file';

const MAINTENANT = new Date('2026-03-02T09:00:00Z');

describe(`the demo territory tells the truth of seed 003 (${DB_KIND})`, () => {
  let base: BaseDeTest;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ etapes: ETAPES_DEMO, maintenant: MAINTENANT });
  }, 400_000);
  afterAll(async () => base?.detruire());

  it('Mont-Bernanchon (62584, spelt « MONT BERNENCHON » in the seed) is served by the mutualised relais, sector Ouest', async () => {
    const r = await relaisPourCommune(base.db, '62584', '2026-03-02');
    const [rel] = await base.db.select().from(schema.relais).where(eq(schema.relais.id, r!.relaisId));
    expect(rel!.slug).toBe('rpe-mutualise');
    const [sec] = await base.db.select().from(schema.secteurs).where(eq(schema.secteurs.id, r!.secteurId!));
    expect(sec!.nom).toBe('Ouest');
  });

  it('no AM in Vieille-Chapelle; crèches are not run by the agglomeration; the Richebourg site has its real address', async () => {
    const [am] = await base.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.structures)
      .where(and(eq(schema.structures.communeCode, '62851'), eq(schema.structures.type, 'assistant-maternel')));
    expect(am!.n).toBe(0);
    const inter = await base.db.select().from(schema.structures).where(eq(schema.structures.gestionnaire, 'Gestion intercommunale'));
    expect(inter).toEqual([]);
    const [richebourg] = await base.db.select().from(schema.lieux).where(eq(schema.lieux.nom, 'Centre social Ginette Delestrez'));
    expect(richebourg!.adresse).toBe('5 rue de la Briqueterie');
  });

  it('demandes follow the seed: spread by population, garde à domicile rare, some overdue first contacts', async () => {
    const rel = (await base.db.select().from(schema.relais).where(eq(schema.relais.slug, 'rpe-mutualise')))[0]!;
    // The 150 demandes of seed 003, without the one family the follow-through demo adds (db/seed/demo-suivi.ts).
    const ds = (await base.db.select().from(schema.demandes).where(eq(schema.demandes.relaisId, rel.id))).filter((d) => d.email !== DEMO_SUIVI.email);
    expect(ds.length).toBe(150);
    const premier = (m: string) => ds.filter((d) => d.modesSouhaites[0] === m).length / ds.length;
    expect(premier('garde-a-domicile')).toBeLessThan(0.06);
    expect(premier('assistant-maternel') + premier('mam')).toBeGreaterThan(0.5);
    expect(premier('collectif')).toBeGreaterThan(0.2);
    // Lillers (about 10,000 inhabitants) files more than any village under 1,000.
    const parCommune = new Map<string, number>();
    for (const d of ds) parCommune.set(d.communeCode!, (parCommune.get(d.communeCode!) ?? 0) + 1);
    const pops = await base.db.select({ code: schema.communes.code, population: schema.communes.population }).from(schema.communes);
    const petites = pops.filter((c) => (c.population ?? 0) < 1000).map((c) => parCommune.get(c.code) ?? 0);
    expect(parCommune.get('62516')).toBeGreaterThan(Math.max(...petites));
    const enRetard = ds.filter((d) => badges({ ...d, suiviDu: false }, rel.delaiPremierContactJours, MAINTENANT).some((b) => b.cle === 'retard'));
    expect(enRetard.length).toBeGreaterThanOrEqual(5);
    // Spread over the year, not bunched.
    const mois = new Set(ds.map((d) => d.creeLe.toISOString().slice(0, 7)));
    expect(mois.size).toBeGreaterThanOrEqual(11);
  });
});

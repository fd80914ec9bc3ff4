import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { relaisPourCommune } from '../../src/server/demande/routage';

describe(`the demo territory tells the truth of seed 003 (${DB_KIND})`, () => {
  let base: BaseDeTest;
  beforeAll(async () => { base = await creerBaseAvecTerritoire(); }, 400_000);
  afterAll(async () => base?.detruire());

  it('Mont-Bernanchon (62584, spelt « MONT BERNENCHON » in the seed) is served by the mutualised relais, sector Ouest', async () => {
    const r = await relaisPourCommune(base.db, '62584', '2026-03-02');
    const [rel] = await base.db.select().from(schema.relais).where(eq(schema.relais.id, r!.relaisId));
    expect(rel!.slug).toBe('rpe-mutualise');
    const [sec] = await base.db.select().from(schema.secteurs).where(eq(schema.secteurs.id, r!.secteurId!));
    expect(sec!.nom).toBe('Ouest');
  });

  it('no AM in Vieille-Chapelle; crèches are not run by the agglomeration; the Richebourg site has its real address', async () => {
    const [am] = await base.db.select({ n: sql<number>`count(*)::int` }).from(schema.structures).where(and(eq(schema.structures.communeCode, '62851'), eq(schema.structures.type, 'assistant-maternel')));
    expect(am!.n).toBe(0);
    const inter = await base.db.select().from(schema.structures).where(eq(schema.structures.gestionnaire, 'Gestion intercommunale'));
    expect(inter).toEqual([]);
    const [richebourg] = await base.db.select().from(schema.lieux).where(eq(schema.lieux.nom, 'Centre social Ginette Delestrez'));
    expect(richebourg!.adresse).toBe('5 rue de la Briqueterie');
  });
});

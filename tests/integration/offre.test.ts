import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync } from 'node:zlib';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { lireFiltres } from '../../src/domain/offre/filtres';
import { contoursCommunes, deriveDeLOffre, invaliderCacheOffre, rechercherOffre, revalidationOffre } from '../../src/server/offre/requetes';
import { GET as getOffre } from '../../src/pages/api/offre';
import { GET as getOffreCsv } from '../../src/pages/api/offre.csv';

const maintenant = new Date('2026-03-02T09:00:00Z');
const o = { maintenant, seuilJours: 60 };
const filtres = (q: string) => lireFiltres(new URLSearchParams(q)).filtres;

describe(`public offer search on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
  });
  afterAll(async () => base?.detruire());

  it('lists every visible, active place and nothing else', async () => {
    const am = (
      await base.db
        .select({ id: schema.structures.id })
        .from(schema.structures)
        .where(and(eq(schema.structures.type, 'assistant-maternel'), eq(schema.structures.actif, true)))
        .limit(1)
    )[0]!;
    await base.db.update(schema.structures).set({ visible: false }).where(eq(schema.structures.id, am.id));
    invaliderCacheOffre(base.db);
    const [{ n }] = rowsOf<{ n: number }>(await base.db.execute(sql`select count(*)::int as n from structures where visible and actif`)) as [{ n: number }];
    const { resultats } = await rechercherOffre(base.db, filtres(''), o);
    expect(resultats).toHaveLength(n);
    expect(resultats.map((r) => r.id)).not.toContain(am.id);
    await base.db.update(schema.structures).set({ visible: true }).where(eq(schema.structures.id, am.id));
    invaliderCacheOffre(base.db);
  });

  it('never exposes what an assistant maternel did not publish', async () => {
    const { resultats } = await rechercherOffre(base.db, filtres('type=assistant-maternel'), o);
    const prives = await base.db.select().from(schema.structures).where(eq(schema.structures.type, 'assistant-maternel'));
    const parId = new Map(prives.map((p) => [p.id, p]));
    expect(resultats.length).toBeGreaterThan(100);
    for (const r of resultats) {
      const p = parId.get(r.id)!;
      const json = JSON.stringify(r);
      expect(json).not.toContain(p.nomFamille!);
      expect(json).not.toContain(p.agrement!);
      if (p.positionPublique !== 'exacte') {
        expect(Math.abs(r.position.lat - p.lat) > 1e-5 || Math.abs(r.position.lon - p.lon) > 1e-5, `AM ${p.id} placed at home`).toBe(true);
      }
      if (!p.publication.telephone) expect(json).not.toContain(p.telephone!);
      if (!p.publication.email) expect(json).not.toContain(p.email!);
      if (!p.publication.adresse) expect(json).not.toContain(p.adresse!);
    }
  });

  it('"available now" for a baby in Béthune gives the same places as the freshness rule written in SQL', async () => {
    const { resultats, communes } = await rechercherOffre(base.db, filtres('dispo=maintenant&age=bebe&lieu=B%C3%A9thune'), o);
    expect(communes.map((c) => c.nom)).toEqual(['Béthune']);
    const attendus = rowsOf<{ id: string }>(
      await base.db.execute(sql`
      select s.id from structures s join communes c on c.code = s.commune_code
      where s.visible and s.actif and c.nom = 'Béthune' and s.dispo_statut = 'places'
        and s.dispo_confirmee_le >= ${new Date(maintenant.getTime() - 61 * 86_400_000).toISOString()}::timestamptz
        and s.age_min_mois < 18
        and exists (select 1 from places_disponibles p where p.structure_id = s.id and p.tranche_age = 'bebe' and p.a_partir_du <= '2026-03-02')`),
    );
    expect(resultats.map((r) => r.id).sort()).toEqual(attendus.map((a) => a.id).sort());
    expect(resultats.length).toBeGreaterThan(0);
    for (const r of resultats) {
      expect(r.disponibilite.etat).toBe('disponible');
      expect(r.disponibilite.joursDepuisConfirmation!).toBeLessThanOrEqual(60);
    }
  });

  it('stops counting a place as available once nobody confirmed it for more than the threshold', async () => {
    const { resultats } = await rechercherOffre(base.db, filtres('dispo=maintenant'), o);
    const cible = resultats[0]!;
    await base.db
      .update(schema.structures)
      .set({ dispoConfirmeeLe: new Date(maintenant.getTime() - 61 * 86_400_000) })
      .where(eq(schema.structures.id, cible.id));
    // Within the cache lifetime the offer is unchanged until someone invalidates it.
    expect((await rechercherOffre(base.db, filtres('dispo=maintenant'), o)).resultats.map((r) => r.id)).toContain(cible.id);
    invaliderCacheOffre(base.db);
    const apres = await rechercherOffre(base.db, filtres('dispo=maintenant'), o);
    expect(apres.resultats.map((r) => r.id)).not.toContain(cible.id);
    const toutes = await rechercherOffre(base.db, filtres(''), o);
    expect(toutes.resultats.find((r) => r.id === cible.id)!.disponibilite.etat).toBe('a-confirmer');
  });

  it('keeps results within the radius around the commune centre, nearest first', async () => {
    const { resultats, tri } = await rechercherOffre(base.db, filtres('lieu=62190&rayon=5&type=creche,micro-creche,mam'), o);
    expect(tri).toBe('distance');
    expect(resultats.length).toBeGreaterThan(0);
    const d = resultats.map((r) => r.distanceKm!);
    expect(d.every((x) => x <= 5)).toBe(true);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
    expect(new Set(resultats.map((r) => r.type))).not.toContain('assistant-maternel');
  });

  it('filters handicap, urgence and atypical hours against the stored flags', async () => {
    const { resultats } = await rechercherOffre(base.db, filtres('handicap=1&urgence=1&horaires=tot'), o);
    expect(resultats.length).toBeGreaterThan(0);
    const ids = resultats.map((r) => r.id);
    const rows = await base.db
      .select()
      .from(schema.structures)
      .where(sql`${schema.structures.id} in ${ids}`);
    for (const r of rows) {
      expect(r.handicapAccueilli).toBe(true);
      expect(r.accueilUrgence || r.horairesAtypiques.tot).toBeTruthy();
    }
  });

  it('revalidates an aged offer in the background: a write from another instance shows once checked, the cached offer answers meanwhile', async () => {
    invaliderCacheOffre(base.db);
    const avant = await rechercherOffre(base.db, filtres('type=creche'), o);
    const cible = avant.resultats[0]!;
    // Another instance writes: this process is not told (no invaliderCacheOffre).
    await base.db.update(schema.structures).set({ actif: false }).where(eq(schema.structures.id, cible.id));
    try {
      const ids = async (m: Date) => (await rechercherOffre(base.db, filtres('type=creche'), { ...o, maintenant: m })).resultats.map((r) => r.id);
      // Younger than AGE_MAX_MS: the cached offer.
      expect(await ids(new Date(maintenant.getTime() + 30_000))).toContain(cible.id);
      // Aged: still answered at once from the cache, while the database's fingerprint is checked.
      expect(await ids(new Date(maintenant.getTime() + 61_000))).toContain(cible.id);
      await revalidationOffre(base.db);
      expect(await ids(new Date(maintenant.getTime() + 62_000))).not.toContain(cible.id);
    } finally {
      await base.db.update(schema.structures).set({ actif: true }).where(eq(schema.structures.id, cible.id));
      invaliderCacheOffre(base.db);
    }
  });

  it('keeps what was derived from an aged offer when its rows did not change, and reloads it on a new Paris day', async () => {
    invaliderCacheOffre(base.db);
    let calculs = 0;
    const corps = (m: Date) =>
      deriveDeLOffre(
        base.db,
        { ...o, maintenant: m },
        'test|inchange',
        async (rechercher) => {
          calculs++;
          return JSON.stringify((await rechercher(filtres('type=mam'))).resultats.map((r) => r.id));
        },
        (x) => x.length,
      );
    const x = await corps(maintenant);
    await corps(new Date(maintenant.getTime() + 120_000));
    await revalidationOffre(base.db);
    expect(await corps(new Date(maintenant.getTime() + 180_000))).toBe(x);
    expect(calculs).toBe(1);
    // 09:00 UTC on 2 March → 00:30 in Paris on 3 March: availability depends on the day, so a fresh read.
    await corps(new Date('2026-03-02T23:30:00Z'));
    expect(calculs).toBe(2);
    invaliderCacheOffre(base.db);
  });

  it('answers an unknown commune with no results rather than an error', async () => {
    const r = await rechercherOffre(base.db, filtres('lieu=Marseille'), o);
    expect(r.lieuInconnu).toBe(true);
    expect(r.resultats).toEqual([]);
  });

  it('serves the commune outlines for the offline base layer', async () => {
    const fc = await contoursCommunes(base.db);
    expect(fc.features).toHaveLength(100);
    expect(fc.features[0]!.geometry.type).toMatch(/Polygon/);
  });

  describe('cached API bodies', () => {
    const config = { DISPO_FRAICHEUR_JOURS: 60 };
    const appeler = async (route: typeof getOffre, chemin: string, entetes: Record<string, string> = {}) => {
      const url = new URL(chemin, 'http://localhost');
      const contexte = { url, request: new Request(url, { headers: entetes }), locals: { db: base.db, app: { config } } };
      return route(contexte as unknown as Parameters<typeof route>[0]) as Promise<Response>;
    };

    it('gives the same ETag to the same normalised query and answers 304 from the cache', async () => {
      invaliderCacheOffre(base.db);
      const a = await appeler(getOffre, '/api/offre?type=creche,mam&urgence=1');
      const b = await appeler(getOffre, '/api/offre?urgence=oui&type=creche&type=mam&page=3');
      expect(a.status).toBe(200);
      expect(a.headers.get('etag')).toMatch(/^W\/"/);
      expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
      const corps = await a.json();
      expect(corps.type).toBe('FeatureCollection');
      expect(corps.features.length).toBe(corps.metadata.total);
      expect(await b.json()).toEqual(corps);
      const autre = await appeler(getOffre, '/api/offre?type=creche');
      expect(autre.headers.get('etag')).not.toBe(a.headers.get('etag'));

      const r304 = await appeler(getOffre, '/api/offre?type=creche,mam&urgence=1', { 'if-none-match': a.headers.get('etag')! });
      expect(r304.status).toBe(304);
      expect(await r304.text()).toBe('');
      expect(r304.headers.get('etag')).toBe(a.headers.get('etag'));
      expect(r304.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=300');
      expect(r304.headers.get('vary')).toBe('Accept-Encoding');
      expect(r304.headers.get('access-control-allow-origin')).toBe('*');

      const gz = await appeler(getOffre, '/api/offre', { 'accept-encoding': 'gzip' });
      expect(gz.headers.get('content-encoding')).toBe('gzip');
      const csv = await appeler(getOffreCsv, '/api/offre.csv?type=creche', { 'accept-encoding': 'br' });
      expect(csv.headers.get('content-encoding')).toBe('br');
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(
        brotliDecompressSync(Buffer.from(await csv.arrayBuffer()))
          .toString('utf8')
          .split('\n')[0],
      ).toMatch(/^\ufeffid,type,nom,/);
    });

    it('serializes a body once per cached offer and recomputes it after invaliderCacheOffre', async () => {
      invaliderCacheOffre(base.db);
      let calculs = 0;
      const corps = () =>
        deriveDeLOffre(
          base.db,
          o,
          'test|type=creche',
          async (rechercher) => {
            calculs++;
            return JSON.stringify((await rechercher(filtres('type=creche'))).resultats.map((r) => r.id));
          },
          (x) => x.length,
        );
      const [x, y] = await Promise.all([corps(), corps()]);
      expect(await corps()).toBe(x);
      expect(y).toBe(x);
      expect(calculs).toBe(1);
      invaliderCacheOffre(base.db);
      expect(await corps()).toBe(x);
      expect(calculs).toBe(2);
    });

    it('changes the ETag once the offer changed and the cache was invalidated, and stops answering 304 to the old one', async () => {
      invaliderCacheOffre(base.db);
      const avant = await appeler(getOffre, '/api/offre?type=creche');
      const etag = avant.headers.get('etag')!;
      const cible = (await avant.json()).features[0].id as string;
      const [{ capacite }] = (await base.db
        .select({ capacite: schema.structures.capacite })
        .from(schema.structures)
        .where(eq(schema.structures.id, cible))) as [{ capacite: number }];
      await base.db
        .update(schema.structures)
        .set({ capacite: capacite + 1 })
        .where(eq(schema.structures.id, cible));
      try {
        // Same cached offer: the body (and its ETag) does not change until invalidated.
        expect((await appeler(getOffre, '/api/offre?type=creche', { 'if-none-match': etag })).status).toBe(304);
        invaliderCacheOffre(base.db);
        const apres = await appeler(getOffre, '/api/offre?type=creche', { 'if-none-match': etag });
        expect(apres.status).toBe(200);
        expect(apres.headers.get('etag')).not.toBe(etag);
        expect((await apres.json()).features.find((f: { id: string }) => f.id === cible).properties.capacite).toBe(capacite + 1);
      } finally {
        await base.db.update(schema.structures).set({ capacite }).where(eq(schema.structures.id, cible));
        invaliderCacheOffre(base.db);
      }
    });

    it('keeps the ETag of an unchanged body across reloads, so clients still get 304', async () => {
      const a = await appeler(getOffre, '/api/offre?type=mam');
      invaliderCacheOffre(base.db);
      const b = await appeler(getOffre, '/api/offre?type=mam', { 'if-none-match': a.headers.get('etag')! });
      expect(b.status).toBe(304);
    });
  });
});

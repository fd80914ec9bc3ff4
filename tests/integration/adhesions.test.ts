import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import type { Staff } from '../../src/server/auth/staff';
import { relaisPourCommune } from '../../src/server/demande/routage';
import { optionsFiltres } from '../../src/server/backoffice/file';
import { perimetresAutorises } from '../../src/server/stats/perimetres';
import { communesGerees, perimetreCommune } from '../../src/server/disponibilite/perimetre';
import { relaisEtLieux } from '../../src/server/requetes/territoire';
import { communesDuRelaisLe } from '../../src/server/requetes/adhesions';

// Today, 2 March 2026; on 1 April a commune of the main relais moves to another relais.
const MAINTENANT = new Date('2026-03-02T09:00:00Z');
const AUJOURDHUI = '2026-03-02';
const CHANGEMENT = '2026-04-01';

describe(`commune → relais in force on a day, with a future-dated change (${DB_KIND})`, () => {
  let base: BaseDeTest;
  const staff: Record<string, Staff> = {};
  let commune: { code: string; nom: string };
  let ancien: string;
  let nouveau: string;

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ maintenant: MAINTENANT });
    for (const u of await base.db.select().from(schema.utilisateurs)) {
      staff[u.email] = { id: u.id, email: u.email, nom: u.nom, role: u.role, relaisId: u.relaisId, secteurId: u.secteurId, communeCode: u.communeCode };
    }
    ancien = staff['animatrice.est@exemple.fr']!.relaisId!;
    nouveau = staff['animatrice.relais2@exemple.fr']!.relaisId!;
    expect(nouveau).not.toBe(ancien);
    const a = schema.adhesions;
    const [m] = await base.db
      .select({ id: a.id, code: a.communeCode, nom: schema.communes.nom })
      .from(a)
      .innerJoin(schema.communes, eq(schema.communes.code, a.communeCode))
      .where(and(eq(a.relaisId, ancien), eq(a.secteurId, staff['animatrice.est@exemple.fr']!.secteurId!), isNull(a.fin)))
      .orderBy(a.communeCode)
      .limit(1);
    commune = { code: m!.code, nom: m!.nom };
    // The membership ends on the eve of the change (fin exclusive) and a new one starts that day.
    await base.db.update(a).set({ fin: CHANGEMENT }).where(eq(a.id, m!.id));
    await base.db.insert(a).values({ communeCode: commune.code, relaisId: nouveau, secteurId: null, debut: CHANGEMENT });
  });
  afterAll(async () => base?.detruire());

  it('routes a demande to the old relais until the change and to the new one from that day', async () => {
    expect((await relaisPourCommune(base.db, commune.code, AUJOURDHUI))?.relaisId).toBe(ancien);
    expect((await relaisPourCommune(base.db, commune.code, '2026-03-31'))?.relaisId).toBe(ancien);
    expect((await relaisPourCommune(base.db, commune.code, CHANGEMENT))?.relaisId).toBe(nouveau);
  });

  it('does not list the commune in the new relais’ queue filters before the change', async () => {
    const avant = await optionsFiltres(base.db, staff['animatrice.relais2@exemple.fr']!, MAINTENANT);
    expect(avant.communes.map((c) => c.code)).not.toContain(commune.code);
    const apres = await optionsFiltres(base.db, staff['animatrice.relais2@exemple.fr']!, new Date(`${CHANGEMENT}T09:00:00Z`));
    expect(apres.communes.map((c) => c.code)).toContain(commune.code);
    const ancienneEquipe = await optionsFiltres(base.db, staff['animatrice.est@exemple.fr']!, MAINTENANT);
    expect(ancienneEquipe.communes.map((c) => c.code)).toContain(commune.code);
  });

  it('gives statistics, the offer and the territory page the membership of the day', async () => {
    const perimetres = await perimetresAutorises(base.db, staff['animatrice.relais2@exemple.fr']!, AUJOURDHUI);
    expect(JSON.stringify(perimetres)).not.toContain(commune.nom);
    const perimetresApres = await perimetresAutorises(base.db, staff['animatrice.relais2@exemple.fr']!, CHANGEMENT);
    expect(JSON.stringify(perimetresApres)).toContain(commune.nom);

    expect((await communesGerees(base.db, staff['animatrice.relais2@exemple.fr']!, AUJOURDHUI)).map((c) => c.code)).not.toContain(commune.code);
    expect((await communesGerees(base.db, staff['animatrice.relais2@exemple.fr']!, CHANGEMENT)).map((c) => c.code)).toContain(commune.code);
    expect((await perimetreCommune(base.db, commune.code, CHANGEMENT)).relaisId).toBe(nouveau);

    const compte = async (jour: string) => (await relaisEtLieux(base.db, jour)).find((r) => r.id === nouveau)!.communes;
    expect(await compte(CHANGEMENT)).toBe((await compte(AUJOURDHUI)) + 1);

    const dans = async (jour: string, relaisId: string) => {
      const [r] = await base.db
        .select({ n: sql<number>`count(*)::int` })
        .from(schema.communes)
        .where(sql`${schema.communes.code} = ${commune.code} and ${schema.communes.code} in ${communesDuRelaisLe(jour, relaisId)}`);
      return Number(r!.n) === 1;
    };
    expect(await dans(AUJOURDHUI, ancien)).toBe(true);
    expect(await dans(AUJOURDHUI, nouveau)).toBe(false);
    expect(await dans(CHANGEMENT, ancien)).toBe(false);
    expect(await dans(CHANGEMENT, nouveau)).toBe(true);
  });
});

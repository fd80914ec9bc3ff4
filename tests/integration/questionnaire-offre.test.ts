import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { compterQuestionnaire, comptesDuMois, contexteOffre, lienCarte, moisDe } from '../../src/server/questionnaire/offre';
import { classerModes } from '../../src/domain/questionnaire/classement';
import { creerSchemaQuestionnaire, type ReponsesQuestionnaire } from '../../src/domain/questionnaire/schema';
import { distanceKm } from '../../src/domain/offre/recherche';
import { invaliderCacheOffre } from '../../src/server/offre/requetes';
import { lireFiltres } from '../../src/domain/offre/filtres';

const MAINTENANT = new Date('2026-03-02T09:00:00Z');
const AUJOURDHUI = '2026-03-02';
const O = { maintenant: MAINTENANT, seuilJours: 60 };

function reponses(o: { de?: string; a?: string; jours?: number[]; naissance?: string } = {}): ReponsesQuestionnaire {
  return creerSchemaQuestionnaire({ aujourdhui: AUJOURDHUI }).parse({
    enfant: { dateNaissance: o.naissance ?? '2025-11-10' },
    dateDebut: '2026-04-01',
    planning: (o.jours ?? [1, 2, 3, 4, 5]).map((jour) => ({ jour, debut: o.de ?? '08:30', fin: o.a ?? '17:30' })),
  });
}

describe(`questionnaire offer context and counts on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let commune: { code: string; nom: string; lat: number; lon: number };
  let loin: { code: string; lat: number; lon: number };

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ maintenant: MAINTENANT });
    const communes = (
      await base.db
        .select({
          code: schema.communes.code,
          nom: schema.communes.nom,
          lat: schema.communes.centreLat,
          lon: schema.communes.centreLon,
          population: schema.communes.population,
        })
        .from(schema.communes)
    ).map((c) => ({ ...c, lat: c.lat!, lon: c.lon! })); // the demo communes all have outlines
    const parPopulation = [...communes].sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
    commune = parPopulation[0]!;
    // The farthest commune: its places are not "near" the family (10 km).
    loin = [...communes].sort((a, b) => distanceKm(commune, b) - distanceKm(commune, a))[0]!;
    expect(distanceKm(commune, loin)).toBeGreaterThan(15);
  });
  afterAll(async () => base?.detruire());

  /** Adds an assistant maternel with one place for a baby, confirmed `ilYaJours` days ago. */
  async function ajouterAm(code: string, ilYaJours: number, nombre = 1, aPartirDu = '2026-02-15'): Promise<string> {
    const [c] = await base.db.select().from(schema.communes).where(eq(schema.communes.code, code));
    const [s] = await base.db
      .insert(schema.structures)
      .values({
        type: 'assistant-maternel',
        nom: 'Test T.',
        communeCode: code,
        lat: c!.centreLat!,
        lon: c!.centreLon!,
        positionPublique: 'commune',
        latPublique: c!.centreLat!,
        lonPublique: c!.centreLon!,
        capacite: 4,
        dispoStatut: 'places',
        dispoConfirmeeLe: new Date(MAINTENANT.getTime() - ilYaJours * 86_400_000),
      })
      .returning({ id: schema.structures.id });
    await base.db.insert(schema.placesDisponibles).values({ structureId: s!.id, trancheAge: 'bebe', nombre, aPartirDu });
    // The map keeps the public offer a few seconds; a change of the offer clears it.
    invaliderCacheOffre(base.db);
    return s!.id;
  }

  it('reads the latest closing hour of the crèches of the territory and steers a parent working until 21 h away from them', async () => {
    const r = reponses({ de: '12:00', a: '21:00' });
    const ctx = await contexteOffre(base.db, r, { commune: commune.code }, O);
    const crèches = ctx.offre.modes!.creche!;
    expect(crèches.nombre).toBeGreaterThan(0);
    // The demo crèches close at 18:30 or 19:00; none stays open later.
    expect(crèches.fermetureLaPlusTardive).toBe('19:00');
    expect(crèches.ouvertureLaPlusMatinale).toBe('06:30');
    expect(crèches.ouvertSamedi).toBe(false);
    const classes = classerModes(r, ctx.offre, { aujourdhui: AUJOURDHUI });
    const creche = classes.find((c) => c.mode === 'creche')!;
    expect(creche.adapte).toBe(false);
    expect(creche.raisons).toContainEqual({ code: 'creche-ferme-trop-tot', params: { heureFermeture: '19 h', heureFin: '21 h' }, sens: 'contre' });
    expect(classes.find((c) => c.mode === 'garde-a-domicile')!.adapte).toBe(true);
    expect(ctx.horaires).toEqual(['tard']);
  });

  it('counts fresh free places near the family, not stale nor distant ones', async () => {
    const r = reponses();
    const avant = (await contexteOffre(base.db, r, { commune: commune.code }, O)).offre.modes!['assistant-maternel']!.placesDisponibles!;
    await ajouterAm(commune.code, 3, 2);
    const apresFraiche = (await contexteOffre(base.db, r, { commune: commune.code }, O)).offre.modes!['assistant-maternel']!.placesDisponibles!;
    expect(apresFraiche).toBe(avant + 2);
    await ajouterAm(commune.code, 90, 1); // confirmed 90 days ago: older than the 60-day freshness rule
    await ajouterAm(commune.code, 3, 1, '2026-05-01'); // free only later
    await ajouterAm(loin.code, 3, 1); // too far
    const ensuite = (await contexteOffre(base.db, r, { commune: commune.code }, O)).offre.modes!['assistant-maternel']!.placesDisponibles!;
    expect(ensuite).toBe(avant + 2);
  });

  it('adds the places near work when the family gives a work commune', async () => {
    const r = reponses();
    const seul = (await contexteOffre(base.db, r, { commune: commune.code }, O)).offre.modes!['assistant-maternel']!.placesDisponibles!;
    await ajouterAm(loin.code, 1, 3);
    const avecTravail = (await contexteOffre(base.db, r, { commune: commune.code, travail: loin.code }, O)).offre.modes!['assistant-maternel']!
      .placesDisponibles!;
    expect(avecTravail).toBeGreaterThanOrEqual(seul + 3);
  });

  it('links to the map with the filters the map reads', () => {
    const lien = lienCarte('assistant-maternel', commune.code, 'bebe', ['tard']);
    const { filtres, erreurs } = lireFiltres(new URL(lien, 'http://x').searchParams);
    expect(erreurs).toEqual({});
    expect(filtres).toMatchObject({ types: ['assistant-maternel'], dispo: 'maintenant', age: 'bebe', horaires: ['tard'], lieu: commune.code, rayon: 10 });
  });

  it('keeps an anonymous count per commune and month, and nothing else', async () => {
    await compterQuestionnaire(base.db, commune.code, MAINTENANT);
    await compterQuestionnaire(base.db, commune.code, new Date('2026-03-31T22:30:00Z')); // 00:30 on 1 April in Paris (summer time)
    await compterQuestionnaire(base.db, commune.code, new Date('2026-03-20T10:00:00Z'));
    await compterQuestionnaire(base.db, loin.code, MAINTENANT);
    expect(moisDe(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(await comptesDuMois(base.db, '2026-03-01')).toEqual(
      [
        { communeCode: commune.code, nombre: 2 },
        { communeCode: loin.code, nombre: 1 },
      ].sort((a, b) => a.communeCode.localeCompare(b.communeCode)),
    );
    expect(await comptesDuMois(base.db, '2026-04-01')).toEqual([{ communeCode: commune.code, nombre: 1 }]);
    const r = await base.db.execute(sql`select column_name from information_schema.columns where table_name = 'comptes_questionnaire' order by column_name`);
    const colonnes = ((Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { column_name: string }[]).map((x) => x.column_name);
    expect(colonnes).toEqual(['commune_code', 'mois', 'nombre']);
  });

  it('counts concurrent answers without losing any', async () => {
    await Promise.all(Array.from({ length: 10 }, () => compterQuestionnaire(base.db, commune.code, new Date('2026-06-10T10:00:00Z'))));
    expect(await comptesDuMois(base.db, '2026-06-01')).toEqual([{ communeCode: commune.code, nombre: 10 }]);
  });
});

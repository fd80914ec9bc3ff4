import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { calculerIndicateurs, demandeNonSatisfaiteParCommune, type Perimetre } from '../../src/server/stats/indicateurs';
import { periodeAnnee, periodeMois } from '../../src/domain/stats/periode';

/**
 * A small set whose right answers were computed by hand (see each expectation).
 * Paris is UTC+1 in winter, UTC+2 from 29 March 2026.
 */
describe(`indicators on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let M: string;
  let B: string;
  let est: string;
  let ouest: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    const db = base.db;
    const relais = await db.select().from(schema.relais);
    M = relais.find((r) => r.slug === 'rpe-mutualise')!.id;
    B = relais.find((r) => r.slug === 'rpe-bethune-centre')!.id;
    const secteurs = await db.select().from(schema.secteurs).where(eq(schema.secteurs.relaisId, M));
    est = secteurs.find((s) => s.nom === 'Est')!.id;
    ouest = secteurs.find((s) => s.nom === 'Ouest')!.id;
    let n = 0;
    const demande = async (nom: string, o: Partial<typeof schema.demandes.$inferInsert>) => {
      const [d] = await db
        .insert(schema.demandes)
        .values({
          reference: `D-TEST-${++n}`,
          territoireId: 'ca-bethune-bruay',
          dateDebut: '2026-09-01',
          email: `${nom}@exemple.fr`,
          ...o,
        } as typeof schema.demandes.$inferInsert)
        .returning();
      ids[nom] = d!.id;
      return d!.id;
    };
    const contact = (d: string, le: string, canal: 'telephone' | 'email' = 'telephone') =>
      db.insert(schema.contacts).values({ demandeId: d, le: new Date(le), canal });
    const T = (s: string) => new Date(s);

    const d1 = await demande('d1', {
      relaisId: M,
      secteurId: est,
      communeCode: '62706',
      creeLe: T('2026-03-02T09:00:00Z'),
      urgence: true,
      premierContactLe: T('2026-03-04T09:00:00Z'),
      etat: 'solution-trouvee',
      typeSolution: 'am',
      solutionLe: T('2026-04-10T08:00:00Z'),
      clotureLe: T('2026-04-10T08:00:00Z'),
    });
    await contact(d1, '2026-03-04T09:00:00Z');
    await contact(d1, '2026-04-02T09:00:00Z', 'email');
    const d2 = await demande('d2', {
      relaisId: M,
      secteurId: est,
      communeCode: '62706',
      creeLe: T('2026-03-31T21:30:00Z'),
      canal: 'telephone',
      premierContactLe: T('2026-04-01T07:00:00Z'),
      etat: 'en-cours',
    });
    await contact(d2, '2026-04-01T07:00:00Z');
    const d3 = await demande('d3', {
      relaisId: M,
      secteurId: ouest,
      communeCode: '62516',
      creeLe: T('2026-03-10T09:00:00Z'),
      handicap: true,
      premierContactLe: T('2026-03-20T09:00:00Z'),
      etat: 'sans-solution',
      clotureLe: T('2026-03-30T10:00:00Z'),
    });
    await contact(d3, '2026-03-20T09:00:00Z');
    const s = await db.select().from(schema.structures).limit(1);
    await db.insert(schema.misesEnRelation).values({ demandeId: d3, structureId: s[0]!.id, le: T('2026-03-21T09:00:00Z') });
    const d4 = await demande('d4', {
      relaisId: B,
      communeCode: '62034',
      creeLe: T('2025-12-15T09:00:00Z'),
      premierContactLe: T('2026-03-05T09:00:00Z'),
      etat: 'en-cours',
    });
    await contact(d4, '2026-03-05T09:00:00Z');
    const d5 = await demande('d5', {
      relaisId: M,
      secteurId: est,
      communeCode: '62034',
      creeLe: T('2026-01-20T09:00:00Z'),
      premierContactLe: T('2026-03-01T09:00:00Z'),
      etat: 'mise-en-relation',
    });
    await contact(d5, '2026-03-01T09:00:00Z');
    await db.insert(schema.misesEnRelation).values({ demandeId: d5, structureId: s[0]!.id, le: T('2026-03-02T09:00:00Z') });
    await demande('d6', { relaisId: M, secteurId: est, communeCode: '62706', creeLe: T('2026-03-31T22:30:00Z') });
  });
  afterAll(async () => base?.detruire());

  const calc = (p: Perimetre, mois: number) =>
    calculerIndicateurs(base.db, { periode: periodeMois(2026, mois), perimetre: p, maintenant: new Date('2026-05-01T10:00:00Z') });

  it('counts March demandes of the mutualised relais by filing date in Paris time', async () => {
    const r = await calc({ type: 'relais', relaisId: M }, 3);
    // d1, d2 (31 March 23:30 Paris), d3; d6 is 1 April 00:30 Paris; d5 was filed in January.
    expect(r.demandes.total).toBe(3);
    expect(r.demandes.urgence).toBe(1);
    expect(r.demandes.handicap).toBe(1);
    expect(Object.fromEntries(r.demandes.parCanal.map((x) => [x.cle, x.n]))).toEqual({ 'en-ligne': 2, telephone: 1 });
  });

  it('computes the mean and median first-answer delay', async () => {
    const r = await calc({ type: 'relais', relaisId: M }, 3);
    // 2 days, 9.5 hours (0.3958 d), 10 days.
    expect(r.delaiPremiereReponse.moyenneJours).toBeCloseTo((2 + 9.5 / 24 + 10) / 3, 4);
    expect(r.delaiPremiereReponse.medianeJours).toBeCloseTo(2, 6);
    expect(r.delaiPremiereReponse.demandesContactees).toBe(3);
  });

  it('counts contacts and mises en relation when they happen, across periods', async () => {
    const mars = await calc({ type: 'relais', relaisId: M }, 3);
    expect(mars.contacts.total).toBe(3); // d1 4 March, d3 20 March, d5 1 March
    expect(mars.misesEnRelation).toBe(2);
    const avril = await calc({ type: 'relais', relaisId: M }, 4);
    expect(avril.contacts.total).toBe(2); // d1 email 2 April, d2 1 April
    expect(avril.demandes.total).toBe(1); // d6
    expect(avril.solutions.parType).toEqual([{ cle: 'am', n: 1 }]);
  });

  it('computes the contract rate and the demandes without solution', async () => {
    const r = await calc({ type: 'relais', relaisId: M }, 3);
    expect(r.tauxContractualisation).toBe(33.3);
    expect(r.sansSolution).toBe(1);
    expect(r.solutions.total).toBe(0);
  });

  it('splits a commune that changed relais: Annequin counts for Béthune in 2025 demandes and for the mutualised relais after', async () => {
    const b = await calc({ type: 'relais', relaisId: B }, 3);
    expect(b.demandes.total).toBe(0);
    expect(b.contacts.total).toBe(1); // d4, filed in December 2025 with relais B
    const annequin = await calc({ type: 'commune', communeCode: '62034' }, 3);
    expect(annequin.contacts.total).toBe(2); // d4 and d5, whichever relais
    const annee = await calculerIndicateurs(base.db, { periode: periodeAnnee(2026), perimetre: { type: 'relais', relaisId: M } });
    expect(annee.demandes.total).toBe(5);
    expect(annee.parMois.find((m) => m.mois === '2026-03')!.deposees).toBe(3);
    expect(annee.parMois.find((m) => m.mois === '2026-01')!.deposees).toBe(1);
  });

  it('restricts a sector to its demandes', async () => {
    const r = await calc({ type: 'secteur', relaisId: M, secteurId: est }, 3);
    expect(r.demandes.total).toBe(2);
    expect(r.contacts.total).toBe(2);
  });

  it('reports AM availability freshness of the perimeter', async () => {
    const maintenant = new Date('2026-03-10T10:00:00Z');
    const r = await calculerIndicateurs(base.db, { periode: periodeMois(2026, 3), perimetre: { type: 'relais', relaisId: M }, maintenant });
    const communesM = new Set(
      (await base.db.select().from(schema.adhesions).where(eq(schema.adhesions.relaisId, M)))
        .filter((a) => a.debut <= '2026-03-10' && (!a.fin || a.fin > '2026-03-10'))
        .map((a) => a.communeCode),
    );
    const am = (await base.db.select().from(schema.structures).where(eq(schema.structures.type, 'assistant-maternel'))).filter(
      (s) => s.actif && communesM.has(s.communeCode),
    );
    const frais = am.filter((s) => s.dispoConfirmeeLe && maintenant.getTime() - s.dispoConfirmeeLe.getTime() <= 60 * 86400_000);
    expect(r.fraicheur.amActifs).toBe(146);
    expect(r.fraicheur.amConfirmees).toBe(frais.length);
    expect(frais.length).toBeGreaterThan(20);
    // Two months later nobody re-confirmed: the share falls to what is still fresh.
    const tard = await calc({ type: 'relais', relaisId: M }, 3);
    expect(tard.fraicheur.amConfirmees).toBeLessThan(frais.length);
  });

  it('lists unmet demand by commune', async () => {
    const rows = await demandeNonSatisfaiteParCommune(base.db, {
      periode: periodeMois(2026, 3),
      perimetre: { type: 'relais', relaisId: M },
      maintenant: new Date('2026-03-31T10:00:00Z'),
    });
    const richebourg = rows.find((r) => r.code === '62706')!;
    const lillers = rows.find((r) => r.code === '62516')!;
    expect(richebourg.nonSatisfaites).toBe(2); // d1 (solution only in April) and d2 still open at the end of March
    expect(lillers.nonSatisfaites).toBe(1); // d3 closed without solution in March
    expect(rows.some((r) => r.code === '62119')).toBe(false); // Béthune is not in this relais
  });
});

describe(`open data on ${DB_KIND}`, () => {
  it('publishes monthly counts per commune and suppresses counts from 1 to 4', async () => {
    const { donneesOuvertes } = await import('../../src/server/stats/donnees-ouvertes');
    const base = await creerBaseAvecTerritoire();
    try {
      const [m] = await base.db.select().from(schema.relais).where(eq(schema.relais.slug, 'rpe-mutualise'));
      const ajouter = (n: number, commune: string, le: string) =>
        base.db.insert(schema.demandes).values(
          Array.from({ length: n }, (_, k) => ({
            reference: `D-OD-${commune}-${k}`,
            territoireId: 'ca-bethune-bruay',
            relaisId: m!.id,
            communeCode: commune,
            dateDebut: '2026-09-01',
            creeLe: new Date(le),
          })),
        );
      await ajouter(6, '62516', '2026-02-10T10:00:00Z'); // Lillers: 6 → published
      await ajouter(3, '62706', '2026-02-11T10:00:00Z'); // Richebourg: 3 → suppressed
      const lignes = await donneesOuvertes(base.db, { maintenant: new Date('2026-03-15T10:00:00Z'), nbMois: 2 });
      expect(lignes).toHaveLength(100 * 2);
      const f = (code: string, mois: string) => lignes.find((l) => l.commune_code === code && l.mois === mois)!;
      expect(f('62516', '2026-02').demandes_deposees).toBe(6);
      expect(f('62706', '2026-02').demandes_deposees).toBeNull();
      expect(f('62516', '2026-01').demandes_deposees).toBe(0);
      expect(f('62516', '2026-02').places_agreees).toBeGreaterThan(0);
      // AM and free places come from the offer history (the demo AM's rows are created "today", their history is older).
      expect(lignes.reduce((n, l) => n + (l.am_actifs ?? 0), 0)).toBeGreaterThan(0);
      expect(lignes.filter((l) => l.mois === '2026-02').reduce((n, l) => n + (l.places_disponibles ?? 0), 0)).toBeGreaterThan(0);

      // Five AM of a commune, known from their history: counted from their first declaration, with the places it gave.
      const [c] = await base.db.select().from(schema.communes).where(eq(schema.communes.code, '62706'));
      const avant = await donneesOuvertes(base.db, { maintenant: new Date('2026-03-15T10:00:00Z'), nbMois: 2 });
      const g = (l: typeof lignes, mois: string) => l.find((x) => x.commune_code === '62706' && x.mois === mois)!;
      const ams = await base.db
        .insert(schema.structures)
        .values(
          Array.from({ length: 5 }, (_, k) => ({
            type: 'assistant-maternel' as const,
            nom: `OD ${k}`,
            communeCode: '62706',
            lat: c!.centreLat!,
            lon: c!.centreLon!,
            latPublique: c!.centreLat!,
            lonPublique: c!.centreLon!,
            capacite: 3,
            dispoStatut: 'complet' as const,
          })),
        )
        .returning({ id: schema.structures.id });
      await base.db.insert(schema.dispoHistorique).values(
        ams.flatMap((a) => [
          {
            structureId: a.id,
            le: new Date('2026-02-05T10:00:00Z'),
            statut: 'places' as const,
            source: 'am',
            details: { places: [{ trancheAge: 'bebe', nombre: 2 }] },
          },
          { structureId: a.id, le: new Date('2026-03-05T10:00:00Z'), statut: 'complet' as const, source: 'am', details: { places: [] } },
        ]),
      );
      const apres = await donneesOuvertes(base.db, { maintenant: new Date('2026-03-15T10:00:00Z'), nbMois: 2 });
      expect((g(apres, '2026-02').am_actifs ?? 0) - (g(avant, '2026-02').am_actifs ?? 0)).toBeGreaterThanOrEqual(5);
      expect(g(apres, '2026-01').am_actifs).toBe(g(avant, '2026-01').am_actifs); // not before their first declaration
      expect((g(apres, '2026-02').places_disponibles ?? 0) - (g(avant, '2026-02').places_disponibles ?? 0)).toBeGreaterThanOrEqual(10);
      for (const l of lignes) expect(JSON.stringify(l)).not.toMatch(/@|D-OD/);
    } finally {
      await base.detruire();
    }
  });
});

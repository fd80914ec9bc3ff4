import { describe, expect, it } from 'vitest';
import {
  ouvrir,
  refusSuivisDeSolution,
  statistiques,
  statistiquesParCritere,
  type CandidatureNotee,
  type LigneDecision,
} from '../../../src/domain/creches/statistiques';
import { GRILLE_DEMO, type Situation } from '../../../src/domain/creches/grille';

const d = (o: Partial<LigneDecision>): LigneDecision => ({
  sessionId: 's1',
  structureId: null,
  communeCode: '62119',
  statut: 'sans-place',
  deposeeLe: '2026-09-01',
  offerteLe: null,
  ...o,
});

describe('crèche statistics', () => {
  const decisions = [
    d({ structureId: 'x', statut: 'acceptee', offerteLe: new Date('2026-09-11T08:00:00Z') }),
    d({ structureId: 'x', statut: 'refusee', offerteLe: new Date('2026-09-21T08:00:00Z') }),
    d({ structureId: 'y', statut: 'offerte', offerteLe: new Date('2026-09-11T08:00:00Z'), communeCode: '62000' }),
    d({}),
    d({}),
    d({ sessionId: 's2' }),
  ];
  const places = [
    { sessionId: 's1', structureId: 'x', nombre: 1 },
    { sessionId: 's1', structureId: 'y', nombre: 2 },
    { sessionId: 's2', structureId: 'x', nombre: 1 },
  ];

  it('counts by session, crèche and commune', () => {
    const s = statistiques(decisions, places, 'session');
    expect(s[0]).toMatchObject({ cle: 's1', places: 3, candidatures: 5, offres: 3, acceptations: 1, refus: 1, delaiMoyenJours: 14 });
    expect(s[0]!.partPlacees).toBeCloseTo(0.2);
    expect(s[1]).toMatchObject({ cle: 's2', places: 1, candidatures: 1, offres: 0, delaiMoyenJours: null });
    expect(statistiques(decisions, places, 'creche').map((a) => [a.cle, a.places, a.offres])).toEqual([
      ['x', 2, 2],
      ['y', 2, 1],
    ]);
    expect(statistiques(decisions, places, 'commune').map((a) => [a.cle, a.candidatures])).toEqual([
      ['62000', 1],
      ['62119', 5],
    ]);
  });

  it('masks counts under 5 in open data, and what is computed from them', () => {
    const [s1] = statistiques(decisions, places, 'session');
    const o = ouvrir(s1!);
    expect(o).toMatchObject({ candidatures: 5, offres: null, acceptations: null, refus: null, delaiMoyenJours: null, partPlacees: null, places: 3 });
    expect(ouvrir({ ...s1!, candidatures: 0 }).candidatures).toBe(0);
  });

  it('counts, for each criterion of the grid, the applications that meet it and the share placed', () => {
    const sit = (o: Partial<Situation>): Situation => ({
      activite: 'aucune',
      quotientFamilial: 2000,
      fratrieDans: [],
      handicap: false,
      accompagnementSocial: false,
      parentIsole: false,
      deposeeLe: '2026-10-01',
      communeCode: '62119',
      ...o,
    });
    const x = { id: 'x', communeCode: '62119' };
    const y = { id: 'y', communeCode: '62000' };
    const cands: CandidatureNotee[] = [
      // Works, low QF, lives in X's commune (wishes X): placed.
      { situation: sit({ activite: 'deux-actifs', quotientFamilial: 400 }), voeux: [x], placee: true },
      // Sibling in Y (wished second), single parent, commune of neither wish... Y only counts for siblings.
      { situation: sit({ parentIsole: true, fratrieDans: ['y'], communeCode: '62500' }), voeux: [x, y], placee: false },
      // Sibling in a crèche it does not wish: no sibling points; disability; 4 months old on the day.
      { situation: sit({ handicap: true, fratrieDans: ['z'], communeCode: null, deposeeLe: '2026-06-01' }), voeux: [y], placee: true },
    ];
    const r = Object.fromEntries(statistiquesParCritere(GRILLE_DEMO, cands, '2026-10-05').map((c) => [c.critere, c]));
    expect(r.activite).toMatchObject({ candidatures: 1, placees: 1, partPlacees: 1 });
    expect(r.quotient).toMatchObject({ candidatures: 1, placees: 1 });
    expect(r.fratrie).toMatchObject({ candidatures: 1, placees: 0, partPlacees: 0 });
    expect(r['parent-isole']).toMatchObject({ candidatures: 1, placees: 0 });
    expect(r.handicap).toMatchObject({ candidatures: 1, placees: 1 });
    expect(r.anciennete).toMatchObject({ candidatures: 1, placees: 1 });
    expect(r.commune).toMatchObject({ candidatures: 1, placees: 1 });
    expect(r.accompagnement).toMatchObject({ candidatures: 0, placees: 0, partPlacees: null });
    // Every criterion of the grid has its line, in the grid's order.
    expect(Object.keys(r)).toEqual(['activite', 'quotient', 'fratrie', 'handicap', 'accompagnement', 'parent-isole', 'anciennete', 'commune']);
  });

  it('follows refused families: a solution counts only after the refusal, once per family, by its first nature', () => {
    const t = (j: number) => new Date(Date.UTC(2026, 9, j));
    const refus = [
      { demandeId: 'a', sessionId: 's1', le: t(5) },
      { demandeId: 'a', sessionId: 's2', le: t(20) },
      { demandeId: 'b', sessionId: 's1', le: t(5) },
      { demandeId: 'c', sessionId: 's2', le: t(20) },
      { demandeId: 'd', sessionId: 's2', le: t(20) },
    ];
    const solutions = [
      { demandeId: 'a', nature: 'contrat-creche' as const, le: t(25) },
      { demandeId: 'a', nature: 'solution-trouvee' as const, le: t(28) },
      // Before its refusal: not a solution that followed it.
      { demandeId: 'b', nature: 'solution-trouvee' as const, le: t(1) },
      { demandeId: 'c', nature: 'contrat-declare' as const, le: t(21) },
      { demandeId: 'z', nature: 'solution-trouvee' as const, le: t(21) },
    ];
    const r = refusSuivisDeSolution(refus, solutions);
    expect(r.total).toMatchObject({ familles: 4, suivies: 2, part: 0.5, parNature: { 'solution-trouvee': 0, 'contrat-creche': 1, 'contrat-declare': 1 } });
    expect(r.parSession.map((s) => [s.cle, s.familles, s.suivies])).toEqual([
      ['s1', 2, 1],
      ['s2', 3, 2],
    ]);
    expect(refusSuivisDeSolution([], solutions).total).toMatchObject({ familles: 0, suivies: 0, part: null });
  });
});

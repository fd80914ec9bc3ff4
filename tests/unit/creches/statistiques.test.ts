import { describe, expect, it } from 'vitest';
import { ouvrir, statistiques, type LigneDecision } from '../../../src/domain/creches/statistiques';

const d = (o: Partial<LigneDecision>): LigneDecision => ({ sessionId: 's1', structureId: null, communeCode: '62119', statut: 'sans-place', deposeeLe: '2026-09-01', offerteLe: null, ...o });

describe('crèche statistics', () => {
  const decisions = [
    d({ structureId: 'x', statut: 'acceptee', offerteLe: new Date('2026-09-11T08:00:00Z') }),
    d({ structureId: 'x', statut: 'refusee', offerteLe: new Date('2026-09-21T08:00:00Z') }),
    d({ structureId: 'y', statut: 'offerte', offerteLe: new Date('2026-09-11T08:00:00Z'), communeCode: '62000' }),
    d({}), d({}),
    d({ sessionId: 's2' }),
  ];
  const places = [{ sessionId: 's1', structureId: 'x', nombre: 1 }, { sessionId: 's1', structureId: 'y', nombre: 2 }, { sessionId: 's2', structureId: 'x', nombre: 1 }];

  it('counts by session, crèche and commune', () => {
    const s = statistiques(decisions, places, 'session');
    expect(s[0]).toMatchObject({ cle: 's1', places: 3, candidatures: 5, offres: 3, acceptations: 1, refus: 1, delaiMoyenJours: 14 });
    expect(s[0]!.partPlacees).toBeCloseTo(0.2);
    expect(s[1]).toMatchObject({ cle: 's2', places: 1, candidatures: 1, offres: 0, delaiMoyenJours: null });
    expect(statistiques(decisions, places, 'creche').map((a) => [a.cle, a.places, a.offres])).toEqual([['x', 2, 2], ['y', 2, 1]]);
    expect(statistiques(decisions, places, 'commune').map((a) => [a.cle, a.candidatures])).toEqual([['62000', 1], ['62119', 5]]);
  });

  it('masks counts under 5 in open data, and what is computed from them', () => {
    const [s1] = statistiques(decisions, places, 'session');
    const o = ouvrir(s1!);
    expect(o).toMatchObject({ candidatures: 5, offres: null, acceptations: null, refus: null, delaiMoyenJours: null, partPlacees: null, places: 3 });
    expect(ouvrir({ ...s1!, candidatures: 0 }).candidatures).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import {
  GRILLE_DEMO,
  grilleEnVigueur,
  grilleValide,
  moisEntiers,
  noter,
  pointsParCreche,
  pointsQuotient,
  type Situation,
} from '../../../src/domain/creches/grille';

const S: Situation = {
  activite: 'deux-actifs',
  quotientFamilial: 650,
  fratrieDans: ['c1'],
  handicap: false,
  accompagnementSocial: true,
  parentIsole: false,
  deposeeLe: '2026-03-15',
  communeCode: '62119',
};

describe('points grid', () => {
  it('scores each criterion and says why', () => {
    const n = noter(GRILLE_DEMO, S, { id: 'c1', communeCode: '62119' }, '2026-10-01');
    const par = Object.fromEntries(n.motifs.map((m) => [m.critere, m]));
    expect(par.activite).toMatchObject({ points: 40, valeur: 'deux-actifs' });
    expect(par.quotient).toMatchObject({ points: 20, valeur: 650 });
    expect(par.accompagnement!.points).toBe(20);
    expect(par.handicap!.points).toBe(0);
    expect(par.anciennete).toMatchObject({ points: 12, valeur: 6 });
    expect(par.fratrie!.points).toBe(25);
    expect(par.commune!.points).toBe(15);
    expect(n.total).toBe(40 + 20 + 20 + 12 + 25 + 15);
    expect(n.total).toBe(n.motifs.reduce((x, m) => x + m.points, 0));
    // Crèche-dependent criteria only count where they hold.
    expect(
      pointsParCreche(
        GRILLE_DEMO,
        S,
        [
          { id: 'c1', communeCode: '62119' },
          { id: 'c2', communeCode: '62000' },
        ],
        '2026-10-01',
      ),
    ).toEqual({ c1: 132, c2: 92 });
    expect(noter(GRILLE_DEMO, S, null, '2026-10-01').motifs.map((m) => m.critere)).not.toContain('fratrie');
  });

  it('reads QF bands, seniority in full months with a ceiling', () => {
    expect([pointsQuotient(GRILLE_DEMO, 500), pointsQuotient(GRILLE_DEMO, 501), pointsQuotient(GRILLE_DEMO, 5000), pointsQuotient(GRILLE_DEMO, null)]).toEqual([
      30, 20, 0, 0,
    ]);
    expect(moisEntiers('2026-01-31', '2026-02-28')).toBe(0);
    expect(moisEntiers('2026-01-15', '2026-02-15')).toBe(1);
    expect(moisEntiers('2026-05-01', '2026-01-01')).toBe(0);
    expect(noter(GRILLE_DEMO, { ...S, deposeeLe: '2020-01-01' }, null, '2026-10-01').motifs.find((m) => m.critere === 'anciennete')!.points).toBe(24);
  });

  it('picks the grid in force on a day, never a later one', () => {
    const v2 = { ...GRILLE_DEMO, version: 2, adopteeLe: '2027-01-15' };
    expect(grilleEnVigueur([GRILLE_DEMO, v2], '2026-12-31')!.version).toBe(1);
    expect(grilleEnVigueur([v2, GRILLE_DEMO], '2027-01-15')!.version).toBe(2);
    expect(grilleEnVigueur([v2], '2026-12-31')).toBeNull();
  });

  it('refuses a malformed grid', () => {
    expect(grilleValide(GRILLE_DEMO)).toBe(true);
    expect(grilleValide({ ...GRILLE_DEMO, quotient: [{ jusqua: 500, points: 3 }] })).toBe(false);
    expect(grilleValide({ ...GRILLE_DEMO, activite: { aucune: 0 } })).toBe(false);
    expect(grilleValide(null)).toBe(false);
  });
});

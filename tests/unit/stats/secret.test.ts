import { describe, expect, it } from 'vitest';
import { dureeJours, masquerComptes, periodeTropCourtePourCommune, surBaseSuffisante } from '../../../src/domain/stats/secret';
import { periodeMois, periodePersonnalisee } from '../../../src/domain/stats/periode';

describe('statistical secrecy for a commune', () => {
  it('hides integer counts from 1 to 4 at any depth, keeps 0, 5 and more, decimals and the keys asked', () => {
    const m = masquerComptes({ a: 0, b: 1, c: 4, d: 5, e: [{ n: 2 }, { n: 9 }], f: 2.5, g: { seuil: 3 }, h: 'x' }, new Set(['g']));
    expect(m).toEqual({ a: 0, b: null, c: null, d: 5, e: [{ n: null }, { n: 9 }], f: 2.5, g: { seuil: 3 }, h: 'x' });
  });
  it('shows a rate only over 5 demandes or more', () => {
    expect(surBaseSuffisante(33.3, 3)).toBeNull();
    expect(surBaseSuffisante(40, 5)).toBe(40);
  });
  it('a month is long enough, a fortnight is not', () => {
    expect(dureeJours(periodeMois(2026, 2))).toBe(28);
    expect(periodeTropCourtePourCommune(periodeMois(2026, 2))).toBe(false);
    expect(periodeTropCourtePourCommune(periodePersonnalisee('2026-03-01', '2026-03-14'))).toBe(true);
  });
});

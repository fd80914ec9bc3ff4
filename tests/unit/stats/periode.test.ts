import { describe, expect, it } from 'vitest';
import { moisDe, periodeAnnee, periodeMois, periodePersonnalisee, periodeTrimestre } from '../../../src/domain/stats/periode';
import { classes, mediane, secretiser, taux } from '../../../src/domain/stats/calculs';

describe('reporting periods', () => {
  it('December ends on 1 January of the next year (exclusive)', () => {
    expect(periodeMois(2026, 12)).toMatchObject({ debut: '2026-12-01', fin: '2027-01-01' });
  });
  it('the 4th quarter and the year', () => {
    expect(periodeTrimestre(2026, 4)).toMatchObject({ debut: '2026-10-01', fin: '2027-01-01' });
    expect(periodeAnnee(2026)).toMatchObject({ debut: '2026-01-01', fin: '2027-01-01' });
  });
  it('a custom period includes its last day', () => {
    expect(periodePersonnalisee('2026-03-15', '2026-04-14')).toMatchObject({ debut: '2026-03-15', fin: '2026-04-15' });
  });
  it('a year has 12 months for the monthly series', () => {
    expect(moisDe(periodeAnnee(2026)).map((m) => m.cle)).toHaveLength(12);
    expect(moisDe(periodeTrimestre(2026, 1)).map((m) => m.cle)).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});

describe('indicator helpers', () => {
  it('rates have one decimal and no division by zero', () => {
    expect(taux(1, 3)).toBe(33.3);
    expect(taux(0, 0)).toBeNull();
  });
  it('median of an even count is the mean of the middle values', () => {
    expect(mediane([5, 1, 3, 2])).toBe(2.5);
    expect(mediane([])).toBeNull();
  });
  it('counts from 1 to 4 are suppressed in open data, 0 and 5+ are published', () => {
    expect([0, 1, 4, 5, 12].map((n) => secretiser(n))).toEqual([0, null, null, 5, 12]);
  });
  it('choropleth classes grow with the value', () => {
    const c = classes([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5);
    expect(c.classe(0)).toBe(0);
    expect(c.classe(9)).toBeGreaterThan(c.classe(3));
  });
});

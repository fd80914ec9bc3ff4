import { describe, expect, it } from 'vitest';
import {
  contientJour,
  instantsDe,
  joursDuAu,
  moisDe,
  periodeAnnee,
  periodeMois,
  periodePersonnalisee,
  periodeTrimestre,
} from '../../../src/domain/stats/periode';
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

describe('one convention for every span of days: debut included, fin excluded', () => {
  it('the first day is in, the day of `fin` is out', () => {
    const mars = periodeMois(2026, 3);
    expect(contientJour(mars, '2026-03-01')).toBe(true);
    expect(contientJour(mars, '2026-03-31')).toBe(true);
    expect(contientJour(mars, '2026-04-01')).toBe(false);
    expect(contientJour(mars, '2026-02-28')).toBe(false);
  });
  it('a span typed from one day to another includes both; a single day is one day long', () => {
    expect(joursDuAu('2026-12-31', '2026-12-31')).toEqual({ debut: '2026-12-31', fin: '2027-01-01' });
    expect(joursDuAu('2028-02-01', '2028-02-28')).toEqual({ debut: '2028-02-01', fin: '2028-02-29' });
    expect(contientJour(joursDuAu('2026-05-05', '2026-05-05'), '2026-05-05')).toBe(true);
  });
  it('in instants, from midnight to midnight in Paris, across the changes of hour', () => {
    // March 2026: winter time on the 1st (UTC+1), summer time from the 29th (UTC+2).
    expect(instantsDe(periodeMois(2026, 3))).toEqual({ debut: new Date('2026-02-28T23:00:00Z'), fin: new Date('2026-03-31T22:00:00Z') });
    // October 2026: back to winter time on the 25th.
    expect(instantsDe(periodeMois(2026, 10))).toEqual({ debut: new Date('2026-09-30T22:00:00Z'), fin: new Date('2026-10-31T23:00:00Z') });
    // The day of the change to summer time has 23 hours, the day back 25.
    const court = instantsDe(joursDuAu('2026-03-29', '2026-03-29'));
    expect(court.fin.getTime() - court.debut.getTime()).toBe(23 * 3600_000);
    const long = instantsDe(joursDuAu('2026-10-25', '2026-10-25'));
    expect(long.fin.getTime() - long.debut.getTime()).toBe(25 * 3600_000);
  });
  it('31 March at 23:30 in Paris belongs to March, 1 April at 00:30 to April', () => {
    const { debut, fin } = instantsDe(periodeMois(2026, 3));
    const tard = new Date('2026-03-31T21:30:00Z');
    const apres = new Date('2026-03-31T22:30:00Z');
    expect(tard >= debut && tard < fin).toBe(true);
    expect(apres >= debut && apres < fin).toBe(false);
  });
});

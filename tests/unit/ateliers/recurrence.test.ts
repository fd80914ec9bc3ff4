import { describe, expect, it } from 'vitest';
import { genererDates, jourDeSemaine, joursCandidats } from '../../../src/domain/ateliers/recurrence';

describe('atelier programme dates', () => {
  it('knows the weekday of a calendar day (1 = Monday)', () => {
    expect(jourDeSemaine('2027-01-04')).toBe(1);
    expect(jourDeSemaine('2027-01-10')).toBe(7);
  });

  it('a monthly atelier on the 2nd Tuesday falls on the right day every month', () => {
    const j = joursCandidats({ frequence: 'mensuelle', du: '2027-01-01', au: '2027-06-30', jourSemaine: 2, rang: 2 });
    expect(j).toEqual(['2027-01-12', '2027-02-09', '2027-03-09', '2027-04-13', '2027-05-11', '2027-06-08']);
  });

  it('rank 5 means the last such weekday of the month', () => {
    expect(joursCandidats({ frequence: 'mensuelle', du: '2027-03-01', au: '2027-04-30', jourSemaine: 3, rang: 5 })).toEqual(['2027-03-31', '2027-04-28']);
  });

  it('a monthly date before the first day of the programme is not kept', () => {
    expect(joursCandidats({ frequence: 'mensuelle', du: '2027-01-13', au: '2027-02-28', jourSemaine: 2, rang: 2 })).toEqual(['2027-02-09']);
  });

  it('leaves out public holidays, saying which', () => {
    // Thursdays of May 2027: 6 (Ascension), 13, 20, 27; 1 and 8 May fall on Saturdays.
    const r = genererDates({ frequence: 'hebdomadaire', du: '2027-05-01', au: '2027-05-31', jourSemaine: 4, rang: 1 });
    expect(r.jours).toEqual(['2027-05-13', '2027-05-20', '2027-05-27']);
    expect(r.ecartees).toEqual([{ jour: '2027-05-06', motif: 'jour férié (Ascension)' }]);
  });

  it('leaves out the days the site is closed', () => {
    const r = genererDates({ frequence: 'hebdomadaire', du: '2027-02-01', au: '2027-02-28', jourSemaine: 1, rang: 1 }, [
      { debut: '2027-02-08', fin: '2027-02-19', motif: 'travaux' },
    ]);
    expect(r.jours).toEqual(['2027-02-01', '2027-02-22']);
    expect(r.ecartees).toEqual([
      { jour: '2027-02-08', motif: 'site fermé (travaux)' },
      { jour: '2027-02-15', motif: 'site fermé (travaux)' },
    ]);
  });

  it('a one-off session on a public holiday gives no date', () => {
    expect(genererDates({ frequence: 'unique', du: '2027-07-14', au: '2027-07-14', jourSemaine: 3, rang: 1 }).jours).toEqual([]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import {
  FUSEAU_PAR_DEFAUT,
  aujourdhui,
  chaqueHeure,
  chaqueJourApres,
  configurerFuseau,
  courtSms,
  dateCourteFr,
  dateEnMots,
  dateHeureFr,
  debutDuMoisParis,
  debutJourParis,
  fuseau,
  fuseauValide,
  heure,
  heureParis,
  instantParis,
  jourLong,
  jourParis,
  anneeParis,
  finDuJourParisMs,
  moisParis,
} from '../../../src/domain/temps';

afterEach(() => configurerFuseau(FUSEAU_PAR_DEFAUT));

describe('the portal day', () => {
  it('is the Paris day, not the UTC day, after 23:00 UTC', () => {
    // 23:30 UTC on 31 March = 01:30 on 1 April in Paris (summer time).
    expect(jourParis(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(aujourdhui(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    // 23:30 UTC on 31 December = 00:30 on 1 January (winter time): new month and year.
    expect(jourParis(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(moisParis(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
    // 22:59 UTC in winter is still the same day.
    expect(jourParis(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });

  it('starts at local midnight on the DST change days (last Sundays of March and October)', () => {
    // 29 March 2026: clocks go from 02:00 to 03:00; midnight is still winter time (UTC+1).
    expect(debutJourParis('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(debutJourParis('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // 25 October 2026: clocks go from 03:00 back to 02:00; midnight is summer time (UTC+2).
    expect(debutJourParis('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(debutJourParis('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('keeps 09:00 at 09:00 across both changes', () => {
    expect(instantParis('2026-03-28', '09:00').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(instantParis('2026-03-29', '09:00').toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(instantParis('2026-10-25', '09:00').toISOString()).toBe('2026-10-25T08:00:00.000Z');
    expect(heureParis(new Date('2026-10-25T08:00:00Z'))).toBe('09:00');
    expect(heureParis(new Date('2026-03-29T07:00:00Z'))).toBe('09:00');
  });

  it('remembers the last day asked without ever giving a wrong one (every 7 minutes over both DST changes, in zones whose day may start without a midnight)', () => {
    const parIntl = (t: number, tz: string) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
    for (const tz of ['Europe/Paris', 'America/Santiago', 'Asia/Kathmandu', 'America/Cayenne']) {
      configurerFuseau(tz);
      for (const debut of ['2026-03-27T00:00:00Z', '2026-09-04T00:00:00Z', '2026-10-23T00:00:00Z']) {
        for (let t = Date.parse(debut); t < Date.parse(debut) + 4 * 86_400_000; t += 7 * 60_000) {
          expect(jourParis(new Date(t)), `${tz} ${new Date(t).toISOString()}`).toBe(parIntl(t, tz));
          expect(anneeParis(new Date(t))).toBe(Number(parIntl(t, tz).slice(0, 4)));
          // The day ends at the first instant of the next one.
          const fin = finDuJourParisMs(new Date(t));
          expect(fin).toBeGreaterThan(t);
          expect(parIntl(fin - 1, tz)).toBe(parIntl(t, tz));
          expect(parIntl(fin, tz)).not.toBe(parIntl(t, tz));
        }
      }
      // Back and forth between two days: the remembered day is never given for the other.
      expect(jourParis(new Date('2026-12-31T22:59:59.999Z'))).toBe(parIntl(Date.parse('2026-12-31T22:59:59.999Z'), tz));
      expect(jourParis(new Date('2020-02-29T12:00:00Z'))).toBe('2020-02-29');
      expect(jourParis(new Date('2026-12-31T22:59:59.999Z'))).toBe(parIntl(Date.parse('2026-12-31T22:59:59.999Z'), tz));
    }
  });

  it('gives the first instant of the month in the portal zone', () => {
    expect(debutDuMoisParis(new Date('2026-04-15T10:00:00Z')).toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(debutDuMoisParis(new Date('2026-03-31T22:30:00Z')).toISOString()).toBe('2026-03-31T22:00:00.000Z');
  });
});

describe('job period keys', () => {
  it('daily after 9 o’clock local time, also on the day of the spring change', () => {
    const apres9h = chaqueJourApres(9);
    expect(apres9h(new Date('2026-03-29T06:59:00Z'))).toBeNull(); // 08:59 summer time
    expect(apres9h(new Date('2026-03-29T07:00:00Z'))).toBe('2026-03-29');
    expect(apres9h(new Date('2026-10-25T07:59:00Z'))).toBeNull(); // 08:59 winter time
    expect(apres9h(new Date('2026-10-25T08:00:00Z'))).toBe('2026-10-25');
    expect(apres9h(new Date('2026-12-31T23:30:00Z'))).toBeNull(); // 00:30 on 1 January
  });

  it('hourly keys name the local hour; the repeated October hour shares its key', () => {
    expect(chaqueHeure(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29T01');
    expect(chaqueHeure(new Date('2026-03-29T01:30:00Z'))).toBe('2026-03-29T03');
    expect(chaqueHeure(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02');
    expect(chaqueHeure(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02');
    expect(chaqueHeure(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01T00');
  });
});

describe('date formatters', () => {
  it('writes "1er" for the first of the month in French and FALC, months in lowercase', () => {
    expect(dateEnMots('2026-04-01')).toBe('1er avril 2026');
    expect(dateEnMots('2026-04-01', 'falc')).toBe('1er avril 2026');
    expect(dateEnMots('2026-04-02')).toBe('2 avril 2026');
    expect(dateEnMots('2026-11-11')).toBe('11 novembre 2026');
    expect(dateEnMots(new Date('2026-03-31T23:30:00Z'))).toBe('1er avril 2026');
    expect(jourLong('2026-04-01', 'fr')).toBe('mercredi 1er avril 2026');
    // No "1er" in other languages.
    expect(dateEnMots('2026-04-01', 'en')).toBe('April 1, 2026');
    expect(dateEnMots('2026-04-01', 'es')).toBe('1 de abril de 2026');
  });

  it('uses Latin digits in Arabic', () => {
    expect(dateEnMots('2026-04-11', 'ar')).toMatch(/11.*2026/);
  });

  it('writes times on 24 hours in every language', () => {
    const soir = new Date('2026-06-10T16:05:00Z'); // 18:05 in Paris
    for (const lang of ['fr', 'falc', 'en', 'ar', 'es', 'pt', 'tr', 'uk']) expect(heure(soir, lang)).toBe('18:05');
    expect(courtSms(soir)).toBe('10/06 18:05');
    expect(dateHeureFr(soir)).toBe('10/06/2026 à 18:05');
    expect(dateCourteFr('2026-06-10')).toBe('10/06/2026');
  });
});

describe('the zone comes from configuration', () => {
  it('follows TZ_PORTAIL', () => {
    expect(fuseau()).toBe(FUSEAU_PAR_DEFAUT);
    configurerFuseau('America/Cayenne'); // Guyane, UTC−3
    expect(jourParis(new Date('2027-01-01T02:30:00Z'))).toBe('2026-12-31');
    expect(heure(new Date('2026-06-10T16:05:00Z'), 'fr')).toBe('13:05');
    expect(instantParis('2026-06-10', '09:00').toISOString()).toBe('2026-06-10T12:00:00.000Z');
  });

  it('refuses an unknown zone or one that could not be inlined in SQL', () => {
    expect(fuseauValide('Europe/Nowhere')).toBe(false);
    expect(fuseauValide("Europe/Paris'; drop table demandes; --")).toBe(false);
    expect(() => configurerFuseau('Mars/Olympus')).toThrow();
  });
});

describe('opening hours in the reader’s language', () => {
  it('writes wall-clock times on 24 h as each language does', async () => {
    const { heureMurale } = await import('../../../src/domain/temps');
    expect(heureMurale('08:30', 'fr')).toBe('8 h 30');
    expect(heureMurale('12:00', 'falc')).toBe('12 h');
    expect(heureMurale('08:30', 'en')).toBe('08:30');
    expect(heureMurale('17:05', 'ar')).toBe('17:05');
    expect(heureMurale('17:05', 'uk')).toBe('17:05');
    expect(heureMurale('17:05', 'tr')).toBe('17:05');
  });

  it('groups consecutive days with the same hours', async () => {
    const { lignesHoraires } = await import('../../../src/domain/temps');
    const semaine = [1, 2, 3, 4, 5].flatMap((jour) => [
      { jour, debut: '08:30', fin: '12:00' },
      ...(jour === 3 ? [] : [{ jour, debut: '13:30', fin: '17:00' }]),
    ]);
    expect(lignesHoraires(semaine, 'en')).toEqual([
      { du: 1, au: 1, plages: ['08:30 – 12:00', '13:30 – 17:00'] },
      { du: 2, au: 2, plages: ['08:30 – 12:00', '13:30 – 17:00'] },
      { du: 3, au: 3, plages: ['08:30 – 12:00'] },
      { du: 4, au: 4, plages: ['08:30 – 12:00', '13:30 – 17:00'] },
      { du: 5, au: 5, plages: ['08:30 – 12:00', '13:30 – 17:00'] },
    ]);
    const ouvre = [1, 2, 3, 4, 5].map((jour) => ({ jour, debut: '09:00', fin: '17:00' }));
    expect(lignesHoraires(ouvre, 'ar')).toEqual([{ du: 1, au: 5, plages: ['09:00 – 17:00'] }]);
    expect(
      lignesHoraires(
        [
          { jour: 6, debut: '09:00', fin: '12:00' },
          { jour: 1, debut: '09:00', fin: '12:00' },
        ],
        'fr',
      ),
    ).toEqual([
      { du: 1, au: 1, plages: ['9 h – 12 h'] },
      { du: 6, au: 6, plages: ['9 h – 12 h'] },
    ]);
  });
});

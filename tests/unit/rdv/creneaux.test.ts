import { describe, expect, it } from 'vitest';
import {
  ajouterJours,
  creneauxLibres,
  fusionnerAnimatrices,
  heureParis,
  instantParis,
  jourParis,
  jourSemaine,
  lundiDe,
  modifiableEnLigne,
  regrouperParJour,
  statutsPossibles,
  type Plage,
} from '../../../src/domain/rdv/creneaux';

const MOTIF = { id: 'm-gu', dureeMinutes: 45 };
const plage = (o: Partial<Plage> = {}): Plage => ({
  id: 'p1',
  animatriceId: 'camille',
  lieuId: 'lillers',
  motifIds: ['m-gu'],
  jours: [1, 2, 3, 4, 5],
  heureDebut: '09:00',
  heureFin: '12:00',
  valideDu: '2026-01-01',
  valideAu: null,
  delaiMinimumHeures: 24,
  horizonJours: 56,
  ...o,
});

describe('calendar helpers in Europe/Paris', () => {
  it('knows weekdays, Mondays and local days', () => {
    expect(jourSemaine('2026-10-26')).toBe(1);
    expect(jourSemaine('2026-10-25')).toBe(7);
    expect(lundiDe('2026-10-25')).toBe('2026-10-19');
    expect(ajouterJours('2026-10-31', 1)).toBe('2026-11-01');
    // 23:30 UTC on 31 Dec is already New Year's Day in Paris.
    expect(jourParis(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('builds 09:00 local as 07:00 UTC in summer and 08:00 UTC in winter', () => {
    expect(instantParis('2026-10-23', '09:00').toISOString()).toBe('2026-10-23T07:00:00.000Z');
    expect(instantParis('2026-10-26', '09:00').toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(heureParis(new Date('2026-10-26T08:00:00Z'))).toBe('09:00');
  });
});

describe('free slots', () => {
  const maintenant = new Date('2026-03-02T09:00:00Z'); // Monday

  it('cuts a morning plage into slots of the motif duration', () => {
    const c = creneauxLibres({
      plages: [plage()],
      occupations: [],
      motif: MOTIF,
      maintenant,
      du: instantParis('2026-03-04', '00:00'),
      au: instantParis('2026-03-05', '00:00'),
    });
    expect(c.map((x) => heureParis(x.debut))).toEqual(['09:00', '09:45', '10:30', '11:15']); // 11:15 + 45 min = 12:00
    expect(c.every((x) => x.lieuId === 'lillers' && x.animatriceId === 'camille')).toBe(true);
  });

  it('respects the minimum notice and the maximum horizon for families, not for staff', () => {
    const p = plage({ delaiMinimumHeures: 48, horizonJours: 7 });
    const famille = creneauxLibres({ plages: [p], occupations: [], motif: MOTIF, maintenant });
    expect(famille[0]!.debut.getTime()).toBeGreaterThanOrEqual(maintenant.getTime() + 48 * 3600_000);
    expect(famille.at(-1)!.debut.getTime()).toBeLessThan(maintenant.getTime() + 7 * 86400_000);
    const staff = creneauxLibres({ plages: [p], occupations: [], motif: MOTIF, maintenant, au: instantParis('2026-03-20', '00:00'), personnel: true });
    expect(jourParis(staff[0]!.debut)).toBe('2026-03-02'); // today 10:30 and later are still offered to staff
    expect(heureParis(staff[0]!.debut)).toBe('10:30');
    expect(jourParis(staff.at(-1)!.debut)).toBe('2026-03-19');
  });

  it('removes slots that meet a booked RDV, an absence or a relais closure', () => {
    const du = instantParis('2026-03-04', '00:00');
    const au = instantParis('2026-03-06', '00:00');
    const c = creneauxLibres({
      plages: [plage()],
      motif: MOTIF,
      maintenant,
      du,
      au,
      occupations: [
        { animatriceId: 'camille', debut: instantParis('2026-03-04', '09:30'), fin: instantParis('2026-03-04', '10:00') },
        { animatriceId: 'autre', debut: instantParis('2026-03-04', '10:30'), fin: instantParis('2026-03-04', '11:15') },
        { animatriceId: null, debut: instantParis('2026-03-05', '00:00'), fin: instantParis('2026-03-06', '00:00') },
      ],
    });
    expect(c.map((x) => `${jourParis(x.debut)} ${heureParis(x.debut)}`)).toEqual(['2026-03-04 10:30', '2026-03-04 11:15']);
  });

  it('keeps only the plages of the motif, the site and their validity dates', () => {
    const plages = [
      plage({ id: 'a', lieuId: null, heureDebut: '14:00', heureFin: '15:00', motifIds: ['m-gu', 'm-am'] }),
      plage({ id: 'b', lieuId: 'isbergues', valideAu: '2026-03-03' }),
      plage({ id: 'c', motifIds: ['m-am'] }),
    ];
    const du = instantParis('2026-03-04', '00:00');
    const au = instantParis('2026-03-05', '00:00');
    expect(creneauxLibres({ plages, occupations: [], motif: MOTIF, maintenant, du, au, lieuId: null }).map((x) => heureParis(x.debut))).toEqual(['14:00']);
    expect(creneauxLibres({ plages, occupations: [], motif: MOTIF, maintenant, du, au, lieuId: 'isbergues' })).toEqual([]);
    expect(creneauxLibres({ plages, occupations: [], motif: MOTIF, maintenant, du, au }).map((x) => x.plageId)).toEqual(['a']);
  });

  it('shows 09:00 local on both sides of the October daylight-saving change', () => {
    const c = creneauxLibres({
      plages: [plage({ jours: [5, 1], heureDebut: '09:00', heureFin: '09:45' })],
      occupations: [],
      motif: MOTIF,
      maintenant: new Date('2026-10-20T10:00:00Z'),
      du: new Date('2026-10-22T00:00:00Z'),
      au: new Date('2026-10-28T00:00:00Z'),
    });
    expect(c.map((x) => x.debut.toISOString())).toEqual(['2026-10-23T07:00:00.000Z', '2026-10-26T08:00:00.000Z']);
    expect(c.map((x) => heureParis(x.debut))).toEqual(['09:00', '09:00']);
    expect(c.map((x) => (x.fin.getTime() - x.debut.getTime()) / 60000)).toEqual([45, 45]);
  });

  it('shows the right local time across the March change too', () => {
    const c = creneauxLibres({
      plages: [plage({ jours: [6, 1], heureDebut: '14:00', heureFin: '14:45' })],
      occupations: [],
      motif: MOTIF,
      maintenant: new Date('2026-03-20T10:00:00Z'),
      du: new Date('2026-03-27T00:00:00Z'),
      au: new Date('2026-03-31T00:00:00Z'),
    });
    expect(c.map((x) => x.debut.toISOString())).toEqual(['2026-03-28T13:00:00.000Z', '2026-03-30T12:00:00.000Z']);
  });

  it('offers one choice per time and site when two animatrices are free, grouped by day', () => {
    const c = creneauxLibres({
      plages: [plage(), plage({ id: 'p2', animatriceId: 'dominique' })],
      occupations: [],
      motif: MOTIF,
      maintenant,
      du: instantParis('2026-03-04', '00:00'),
      au: instantParis('2026-03-06', '00:00'),
    });
    const f = fusionnerAnimatrices(c);
    expect(f).toHaveLength(8);
    expect(f[0]!.animatriceIds.sort()).toEqual(['camille', 'dominique']);
    const jours = regrouperParJour(f);
    expect(jours.map((j) => [j.jour, j.creneaux.length])).toEqual([
      ['2026-03-04', 4],
      ['2026-03-05', 4],
    ]);
  });
});

describe('what families and staff may change', () => {
  const debut = new Date('2026-03-10T09:00:00Z');
  it('lets a family move or cancel until the cut-off only', () => {
    expect(modifiableEnLigne(debut, new Date('2026-03-10T05:00:00Z'), 4)).toBe(true);
    expect(modifiableEnLigne(debut, new Date('2026-03-10T05:00:01Z'), 4)).toBe(false);
    expect(modifiableEnLigne(debut, new Date('2026-03-01T00:00:00Z'), 4, 'annule')).toBe(false);
  });
  it('lets staff mark honoured or no-show only once the RDV has started', () => {
    expect(statutsPossibles(debut, new Date('2026-03-09T09:00:00Z'), 'reserve')).toEqual(['excuse']);
    expect(statutsPossibles(debut, new Date('2026-03-10T09:30:00Z'), 'reserve')).toEqual(['honore', 'absent', 'excuse']);
    expect(statutsPossibles(debut, new Date('2026-03-10T09:30:00Z'), 'honore')).toEqual(['absent', 'excuse']);
    expect(statutsPossibles(debut, new Date('2026-03-10T09:30:00Z'), 'annule')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { bilanAnalysePratique, SEUILS_ANALYSE_PRATIQUE } from '../../../src/domain/ateliers/analyse-pratique';
import { aPromouvoir, peutAnnuler, peutSInscrire } from '../../../src/domain/ateliers/inscriptions';

const vol = (n: number, seances: number, minutes: number) => ({ structureId: `am${n}`, nom: `AM ${n}`, seances, minutes });

describe('analyse de la pratique against the CNAF thresholds', () => {
  it('the thresholds are those of the référentiel', () => {
    expect(SEUILS_ANALYSE_PRATIQUE).toMatchObject({
      membresParGroupeMax: 15,
      amDistinctesMin: 8,
      seancesParAnMin: 6,
      seancesParVolontaireMin: 3,
      minutesParVolontaireMin: 360,
    });
  });
  it('8 distinct AM and 6 sessions meet the mission; 7 AM do not', () => {
    const huit = Array.from({ length: 8 }, (_, i) => vol(i, 3, 360));
    expect(bilanAnalysePratique(6, huit)).toMatchObject({ amDistinctes: 8, missionAtteinte: true, volontairesAtteints: 8 });
    expect(bilanAnalysePratique(6, huit.slice(1))).toMatchObject({ amDistinctes: 7, amDistinctesAtteint: false, missionAtteinte: false });
    expect(bilanAnalysePratique(5, huit)).toMatchObject({ seancesAtteint: false, missionAtteinte: false });
  });
  it('a volunteer needs both 3 sessions and 6 hours; one who never came is not a distinct AM', () => {
    const b = bilanAnalysePratique(6, [vol(1, 3, 359), vol(2, 2, 400), vol(3, 3, 360), vol(4, 0, 0)]);
    expect(b.volontaires.map((v) => v.atteint)).toEqual([false, false, true, false]);
    expect(b.amDistinctes).toBe(3);
  });
});

describe('atelier sign-up rules', () => {
  const debut = new Date('2027-03-10T08:15:00Z');
  it('a past or cancelled session cannot be joined', () => {
    expect(peutSInscrire(debut, new Date('2027-03-10T08:15:00Z'))).toBe(false);
    expect(peutSInscrire(debut, new Date('2027-03-10T08:14:00Z'))).toBe(true);
    expect(peutSInscrire(debut, new Date('2027-03-01T08:00:00Z'), true)).toBe(false);
  });
  it('cancellation online stops 24 hours before', () => {
    expect(peutAnnuler(debut, new Date('2027-03-09T08:15:00Z'))).toBe(true);
    expect(peutAnnuler(debut, new Date('2027-03-09T08:16:00Z'))).toBe(false);
  });
  it('the waiting list is promoted in order, skipping a sign-up whose children do not fit', () => {
    const attente = [
      { id: 'a', enfants: 3 },
      { id: 'b', enfants: 1 },
      { id: 'c', enfants: 1 },
      { id: 'd', enfants: 0 },
    ];
    expect(aPromouvoir(attente, 2, 2).map((x) => x.id)).toEqual(['b', 'c']);
    expect(aPromouvoir(attente, 1, 5).map((x) => x.id)).toEqual(['a']);
    expect(aPromouvoir(attente, 0, 5)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  congesAuDixieme,
  indemniteCongesPayes,
  joursCongesAcquis,
  mensualiser,
  regularisationFinContrat,
  verifierEntree,
} from '../../../src/domain/metier/mensualisation';
import { montantEuros, nombre } from '../../../src/domain/temps';

describe('mensualisation (CCN IDCC 3239, art. 108)', () => {
  it('année complète: hourly × hours × 52 / 12, leave included', () => {
    const r = mensualiser({ type: 'complete', salaireHoraireCents: 420, heuresParSemaine: 40, semainesProgrammees: 0 });
    // 4.20 × 40 × 52 / 12 = 728.00
    expect(r.salaireMensuelCents).toBe(72800);
    expect(r.semaines).toBe(52);
    expect(r.heuresMensuelles).toBe(173.33);
    expect(r.congesInclus).toBe(true);
    expect(r.congesDixiemeCents).toBeNull();
  });

  it('année incomplète: hourly × hours × weeks / 12, the tenth on top', () => {
    const r = mensualiser({ type: 'incomplete', salaireHoraireCents: 420, heuresParSemaine: 40, semainesProgrammees: 46 });
    // 4.20 × 40 × 46 / 12 = 644.00 (the example of the information page)
    expect(r.salaireMensuelCents).toBe(64400);
    expect(r.heuresMensuelles).toBe(153.33);
    expect(r.congesInclus).toBe(false);
    // a tenth of 12 × 644 = 772.80, by twelfths 64.40
    expect(r.congesDixiemeCents).toBe(77280);
    expect(r.congesParDouziemeCents).toBe(6440);
  });

  it('rounds to the cent with decimal hours', () => {
    const r = mensualiser({ type: 'incomplete', salaireHoraireCents: 377, heuresParSemaine: 37.5, semainesProgrammees: 41 });
    // 3.77 × 37.5 × 41 / 12 = 483.03125
    expect(r.salaireMensuelCents).toBe(48303);
  });

  it('refuses impossible figures: 47 to 51 weeks are neither complete nor incomplete, more than 45 hours, no salary', () => {
    expect(verifierEntree({ type: 'incomplete', salaireHoraireCents: 400, heuresParSemaine: 30, semainesProgrammees: 47 })).toBe('semaines');
    expect(verifierEntree({ type: 'incomplete', salaireHoraireCents: 400, heuresParSemaine: 30, semainesProgrammees: 0 })).toBe('semaines');
    expect(verifierEntree({ type: 'complete', salaireHoraireCents: 400, heuresParSemaine: 30, semainesProgrammees: 0 })).toBeNull();
    expect(verifierEntree({ type: 'complete', salaireHoraireCents: 400, heuresParSemaine: 46, semainesProgrammees: 0 })).toBe('heures');
    expect(verifierEntree({ type: 'complete', salaireHoraireCents: 0, heuresParSemaine: 30, semainesProgrammees: 0 })).toBe('salaire');
    expect(() => mensualiser({ type: 'incomplete', salaireHoraireCents: 400, heuresParSemaine: 30, semainesProgrammees: 50 })).toThrow(RangeError);
  });

  it('paid leave: the higher of the tenth and the pay kept (L3141-24), days earned', () => {
    expect(congesAuDixieme(772800)).toBe(77280);
    expect(indemniteCongesPayes({ salairesPeriodeCents: 772800, maintienSalaireCents: 70000 })).toEqual({
      dixiemeCents: 77280,
      retenueCents: 77280,
      methode: 'dixieme',
    });
    expect(indemniteCongesPayes({ salairesPeriodeCents: 600000, maintienSalaireCents: 64400 })).toEqual({
      dixiemeCents: 60000,
      retenueCents: 64400,
      methode: 'maintien',
    });
    expect(joursCongesAcquis(12)).toBe(30);
    expect(joursCongesAcquis(14)).toBe(30);
    expect(joursCongesAcquis(5)).toBe(13);
    expect(joursCongesAcquis(0)).toBe(0);
  });

  it('end of an année-incomplète contract: missing hours are paid, never a negative amount', () => {
    expect(regularisationFinContrat({ heuresEffectuees: 1000, heuresPayees: 960, salaireHoraireCents: 420 })).toBe(16800);
    expect(regularisationFinContrat({ heuresEffectuees: 900, heuresPayees: 960, salaireHoraireCents: 420 })).toBe(0);
  });

  it('amounts and numbers follow the reader’s language', () => {
    expect(montantEuros(64400, 'fr')).toBe('644,00\u00a0€');
    expect(montantEuros(123456, 'en')).toBe('€1,234.56');
    expect(montantEuros(64400, 'ar')).toMatch(/644/);
    expect(nombre(153.33, 'fr')).toBe('153,33');
    expect(nombre(52, 'en')).toBe('52');
  });
});

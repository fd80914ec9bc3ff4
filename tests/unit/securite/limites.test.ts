import { describe, expect, it } from 'vitest';
import { LIMITES, limiteDepassee, USAGES_LIMITES } from '../../../src/domain/limites';

describe('rate limits of the family forms', () => {
  it('refuses once either the address or the target has used its share', () => {
    for (const u of USAGES_LIMITES) {
      const l = LIMITES[u];
      expect(limiteDepassee(u, l.parAdresse.max - 1, l.parCible.max - 1)).toBe(false);
      expect(limiteDepassee(u, l.parAdresse.max, 0)).toBe(true);
      expect(limiteDepassee(u, 0, l.parCible.max)).toBe(true);
    }
  });

  it('keeps windows within the daily purge of the counts (one day)', () => {
    for (const u of USAGES_LIMITES) expect(Math.max(LIMITES[u].parAdresse.minutes, LIMITES[u].parCible.minutes)).toBeLessThanOrEqual(24 * 60);
  });

  it('lets a household sign up to a few réunions and events; one address alone cannot use up the share of a réunion or event', () => {
    for (const u of ['reunion', 'evenement'] as const) expect(LIMITES[u].parCible.max).toBeGreaterThanOrEqual(2);
    expect(LIMITES['reunion-seance'].parCible.max).toBeGreaterThan(LIMITES.reunion.parAdresse.max);
    expect(LIMITES['evenement-seance'].parCible.max).toBeGreaterThan(LIMITES.evenement.parAdresse.max);
  });
});

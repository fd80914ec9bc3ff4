import { describe, expect, it } from 'vitest';
import { dateEnMots } from '../../../src/domain/temps';
import { jourLong } from '../../../src/domain/rdv/format';

describe('French dates', () => {
  it('write the first of the month "1er", and only it', () => {
    expect(jourLong('2026-04-07', 'fr')).toBe('mardi 7 avril 2026');
    expect(jourLong('2026-04-01', 'fr')).toBe('mercredi 1er avril 2026');
    expect(dateEnMots('2026-04-01', 'fr')).toBe('1er avril 2026');
    expect(dateEnMots('2026-04-11', 'fr')).toBe('11 avril 2026');
    expect(dateEnMots('2026-04-21', 'fr')).toBe('21 avril 2026');
    expect(dateEnMots('2026-04-01', 'es')).toBe('1 de abril de 2026');
    expect(jourLong('2026-12-01', 'fr')).toBe('mardi 1er décembre 2026');
    expect(jourLong('2026-12-08', 'falc')).toBe('mardi 8 décembre 2026');
  });
});

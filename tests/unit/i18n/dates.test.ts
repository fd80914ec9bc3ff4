import { describe, expect, it } from 'vitest';
import { premierDuMois } from '../../../src/i18n/dates';
import { jourLong } from '../../../src/domain/rdv/format';

describe('French dates', () => {
  it('write the first of the month "1er", and only it', () => {
    expect(premierDuMois('mardi 1 avril 2026', 'fr-FR')).toBe('mardi 1er avril 2026');
    expect(premierDuMois('1 avril 2026', 'fr')).toBe('1er avril 2026');
    expect(premierDuMois('11 avril 2026', 'fr-FR')).toBe('11 avril 2026');
    expect(premierDuMois('21 avril 2026', 'fr-FR')).toBe('21 avril 2026');
    expect(premierDuMois('1 April 2026', 'en')).toBe('1 April 2026');
    expect(jourLong('2026-12-01', 'fr')).toBe('mardi 1er décembre 2026');
    expect(jourLong('2026-12-08', 'falc')).toBe('mardi 8 décembre 2026');
  });
});

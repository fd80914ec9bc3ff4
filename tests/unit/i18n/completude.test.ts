import { describe, expect, it } from 'vitest';
import { LANGS, clesATraduire } from '../../../src/i18n';

describe('every page a family sees is translated in every language it offers', () => {
  for (const lang of LANGS.filter((l) => l !== 'fr')) {
    it(`${lang} has no missing interface string`, () => {
      expect(clesATraduire(lang)).toEqual([]);
    });
  }
});

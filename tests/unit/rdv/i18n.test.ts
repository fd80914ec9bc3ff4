import { interpoler } from '../../../src/i18n/messages';
import { describe, expect, it } from 'vitest';
import { clesManquantes, DICTIONNAIRES, traduire } from '../../../src/i18n';

const LANGUES = ['en', 'ar', 'es', 'pt', 'tr', 'uk'] as const;
// '{n}' and the count of a plural message '{n, plural, …}' are the same parameter.
const params = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]))].sort();
function feuilles(o: unknown, p = ''): [string, string][] {
  if (typeof o === 'string') return [[p, o]];
  return Object.entries(o as object).flatMap(([k, v]) => feuilles(v, p ? `${p}.${k}` : k));
}

describe('RDV texts in every language', () => {
  it.each(LANGUES)('%s translates every RDV string with the same placeholders', (lang) => {
    expect(clesManquantes(lang).filter((k) => k.startsWith('rdv.'))).toEqual([]);
    for (const [cle, fr] of feuilles(DICTIONNAIRES.fr.rdv, 'rdv')) {
      expect(params(traduire(lang, cle)), `${lang} ${cle}`).toEqual(params(fr));
    }
  });
  it('keeps FALC sentences short and falls back to plain French elsewhere', () => {
    for (const [cle, s] of feuilles(DICTIONNAIRES.falc.rdv, 'rdv'))
      expect(
        interpoler(s, { n: 2 })
          .split(/[.!?]/)
          .every((p) => p.trim().split(/\s+/).length <= 15),
        cle,
      ).toBe(true);
    expect(traduire('falc', 'rdv.courriel.adresseTitre')).toBe('Adresse et accès');
  });
});

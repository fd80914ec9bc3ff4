import { describe, expect, it } from 'vitest';
import { DICTIONNAIRES, LANGS, LANG_INFO, traduire, type Lang } from '../../../src/i18n';

/** The locale whose plural rules a language's messages follow (FALC is French). */
const locale = (l: Lang) => (l === 'falc' ? 'fr' : l);

/** Categories a count shown on the portal (0 to 1,000) can fall into, plus 'other', the fallback. */
function categoriesNecessaires(l: Lang): string[] {
  const r = new Intl.PluralRules(locale(l));
  const c = new Set(['other']);
  for (let n = 0; n <= 1000; n++) c.add(r.select(n));
  return [...c].sort();
}

const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
type Feuille = { cle: string; categories: string[] };

/** Plural messages of a dictionary: ICU strings '{n, plural, …}' and category objects { one, other }. */
function pluriels(o: unknown, p = ''): Feuille[] {
  if (typeof o === 'string') {
    const m = /\{\w+, plural, (.*)\}$/s.exec(o);
    return m ? [{ cle: p, categories: [...m[1]!.matchAll(/(?:^|\}\s*)(zero|one|two|few|many|other)\s*\{/g)].map((x) => x[1]!).sort() }] : [];
  }
  if (o && typeof o === 'object') {
    const cles = Object.keys(o);
    if (cles.includes('other') && cles.every((k) => CATEGORIES.includes(k))) return [{ cle: p, categories: cles.sort() }];
    return Object.entries(o).flatMap(([k, v]) => pluriels(v, p ? `${p}.${k}` : k));
  }
  return [];
}

const get = (o: unknown, cle: string) =>
  cle.split('.').reduce<unknown>((a, k) => (a && typeof a === 'object' ? (a as Record<string, unknown>)[k] : undefined), o);

describe('plural forms per language (Intl.PluralRules)', () => {
  it('knows what Arabic, Ukrainian and Turkish need', () => {
    expect(categoriesNecessaires('ar')).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(categoriesNecessaires('uk')).toEqual(['few', 'many', 'one', 'other']);
    expect(categoriesNecessaires('tr')).toEqual(['one', 'other']);
    expect(categoriesNecessaires('fr')).toEqual(['one', 'other']);
  });

  const francais = pluriels(DICTIONNAIRES.fr);
  it('finds the plural messages of the French source', () => {
    expect(francais.length).toBeGreaterThan(14);
  });

  it.each(LANGS)('%s gives every plural message the categories its locale needs', (l) => {
    const besoin = categoriesNecessaires(l);
    const manques: string[] = [];
    for (const { cle } of francais) {
      const v = get(DICTIONNAIRES[l], cle);
      if (v === undefined) continue; // falls back to French (checked by the completeness tests)
      const [p] = pluriels(v, cle);
      if (!p) {
        manques.push(`${cle}: not a plural message`);
        continue;
      }
      const absentes = besoin.filter((c) => !p.categories.includes(c));
      if (absentes.length) manques.push(`${cle}: lacks ${absentes.join(', ')}`);
    }
    expect(manques).toEqual([]);
  });

  it('reads Arabic and Ukrainian counts as a native reader expects', () => {
    const ar = (n: number) => traduire('ar', 'carte.lieu.places', { n });
    expect(ar(1)).toBe('مكان واحد معتمد');
    expect(ar(2)).toBe('مكانان معتمدان');
    expect(ar(3)).toBe('3 أماكن معتمدة');
    expect(ar(11)).toBe('11 مكانًا معتمدًا');
    expect(ar(100)).toBe('100 مكان معتمد');
    const uk = (n: number) => traduire('uk', 'carte.lieu.places', { n });
    expect([1, 3, 5, 21, 22, 25].map(uk)).toEqual([
      '1 дозволене місце',
      '3 дозволені місця',
      '5 дозволених місць',
      '21 дозволене місце',
      '22 дозволені місця',
      '25 дозволених місць',
    ]);
    expect(LANG_INFO.ar.dir).toBe('rtl');
  });
});

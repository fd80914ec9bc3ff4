import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { interpoler } from '../../../src/i18n/messages';
import { DICTIONNAIRES, LANGS, LANG_INFO, traduire } from '../../../src/i18n';

const lieux = '{n, plural, =0 {aucun lieu} one {# lieu trouvé} other {# lieux trouvés}}';

describe('plural messages (Intl.PluralRules)', () => {
  it('chooses the form of the language', () => {
    expect(interpoler(lieux, { n: 0 })).toBe('aucun lieu');
    expect(interpoler(lieux, { n: 1 })).toBe('1 lieu trouvé');
    expect(interpoler(lieux, { n: 2 })).toBe('2 lieux trouvés');
    // French counts 0 and 1 as "one", English only 1.
    const m = '{n, plural, one {# day} other {# days}}';
    expect(interpoler(m, { n: 0 }, 'en')).toBe('0 days');
    expect(interpoler(m.replace('day}', 'jour}').replace('days}', 'jours}'), { n: 0 }, 'fr')).toBe('0 jour');
    // Ukrainian has one / few / many.
    const uk = '{n, plural, one {# місце} few {# місця} many {# місць} other {# місця}}';
    expect([1, 3, 5, 21].map((n) => interpoler(uk, { n }, 'uk'))).toEqual(['1 місце', '3 місця', '5 місць', '21 місце']);
  });

  it('fills placeholders inside and outside the forms', () => {
    expect(interpoler('{places, plural, one {{commune} : # place} other {{commune} : # places}} à {km} km', { places: 3, commune: 'Lillers', km: 5 })).toBe(
      'Lillers : 3 places à 5 km',
    );
  });

  it('leaves a plural whose count is not yet known for the island to fill', () => {
    const s = interpoler(lieux, { n: '{n}' });
    expect(s).toBe(lieux);
    expect(interpoler(s, { n: 4 })).toBe('4 lieux trouvés');
  });

  it('every plural message of every language resolves for 0, 1, 2, 5 and 21', () => {
    const cles: string[] = [];
    const walk = (o: unknown, p: string) => {
      if (typeof o === 'string') {
        if (o.includes(', plural,')) cles.push(p);
        return;
      }
      if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, p ? `${p}.${k}` : k);
    };
    for (const l of LANGS) walk(DICTIONNAIRES[l], '');
    expect(cles.length).toBeGreaterThan(20);
    for (const l of LANGS)
      for (const cle of new Set(cles))
        for (const n of [0, 1, 2, 5, 21]) {
          const s = traduire(l, cle, { n, places: n, km: 3, q: 'x', commune: 'Lillers' });
          expect(s, `${l} ${cle}`).not.toMatch(/plural|#|\{/);
          // Arabic writes zero, one and two in words ("خطأ واحد", "خطآن"), as the language does.
          const enMots = n === 0 || (l === 'ar' && ['one', 'two'].includes(new Intl.PluralRules('ar').select(n)));
          if (!enMots) expect(s, `${l} ${cle}`).toContain(String(n));
        }
    expect(LANG_INFO.ar.dir).toBe('rtl');
  });

  it('no "(s)", "(x)", "(e)" plurals in the dictionaries nor in the content', () => {
    const fichiers = (d: string): string[] =>
      readdirSync(d).flatMap((f) => {
        const p = path.join(d, f);
        return statSync(p).isDirectory() ? fichiers(p) : [p];
      });
    const fautes = [...fichiers('src/i18n'), ...fichiers('content')].flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((ligne, i) => [`${f}:${i + 1}`, ligne] as const)
        .filter(([, l]) => /[a-zé]\((s|x|e|es)\)/.test(l))
        .map(([o]) => o),
    );
    expect(fautes).toEqual([]);
  });
});

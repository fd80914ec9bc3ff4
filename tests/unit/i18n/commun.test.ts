import { describe, expect, it } from 'vitest';
import communFr from '../../../src/i18n/fr/commun';
import infoFr from '../../../src/i18n/fr/info';
import { DICTIONNAIRES, LANGS, clesManquantes, traduire, type Lang } from '../../../src/i18n';

const AUTRES = LANGS.filter((l) => l !== 'fr');
const ZONES_COMMUNES = Object.keys(communFr);

function feuilles(o: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof o === 'string') out.set(prefix, o);
  else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) for (const [c, s] of feuilles(v, prefix ? `${prefix}.${k}` : k)) out.set(c, s);
  return out;
}
// '{n}' and the count of a plural message '{n, plural, one {…} other {…}}' are the same parameter.
const parametres = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]))].sort();

describe('shared interface translations (commun.ts)', () => {
  it.each(AUTRES)('%s has every shared interface string of the French source', (lang) => {
    const manquantes = clesManquantes(lang).filter((c) => ZONES_COMMUNES.includes(c.split('.')[0]!));
    expect(manquantes).toEqual([]);
  });

  it.each(AUTRES)('%s has every information page string', (lang) => {
    expect(clesManquantes(lang).filter((c) => c.startsWith('info.'))).toEqual([]);
  });

  it.each(AUTRES)('%s uses the same {placeholders} as French and no key French does not have', (lang: Lang) => {
    const fr = feuilles({ ...communFr, info: infoFr });
    const cible = feuilles(DICTIONNAIRES[lang]);
    for (const [cle, texte] of cible) {
      const zone = cle.split('.')[0]!;
      if (!ZONES_COMMUNES.includes(zone) && zone !== 'info') continue;
      expect(fr.has(cle), `${lang}: unknown key ${cle}`).toBe(true);
      expect(parametres(texte), `${lang}: ${cle}`).toEqual(parametres(fr.get(cle)!));
      expect(texte.trim(), `${lang}: ${cle} is empty`).not.toBe('');
    }
  });

  it('clesManquantes reports a key that a language lacks', () => {
    const sauvegarde = DICTIONNAIRES.uk;
    DICTIONNAIRES.uk = { ...sauvegarde, site: { ...(sauvegarde.site ?? {}), nom: undefined } };
    try {
      expect(clesManquantes('uk')).toContain('site.nom');
    } finally {
      DICTIONNAIRES.uk = sauvegarde;
    }
  });

  it('an Arabic reader sees Arabic day names and the French fallback never shows a key', () => {
    expect(traduire('ar', 'jours.1')).toBe('الاثنين');
    expect(traduire('falc', 'nav.demande')).toBe('Faire une demande');
    for (const lang of LANGS) expect(traduire(lang, 'erreurs.titre404')).not.toMatch(/^[a-z]+\.[a-zA-Z0-9_.]+$/);
  });
});

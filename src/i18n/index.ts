import fr, { type Dictionnaire } from './fr';
import falc from './falc';
import en from './en';
import ar from './ar';
import es from './es';
import pt from './pt';
import tr from './tr';
import uk from './uk';
import { LANGS, type Lang } from './langs';
import type { Cle, Traduction } from './types';
import { interpoler } from './messages';

export * from './langs';
export type { Dictionnaire };
export type CleTraduction = Cle<Dictionnaire>;

export const DICTIONNAIRES: Record<Lang, Traduction<Dictionnaire>> = { fr, falc, en, ar, es, pt, tr, uk };

/** The string at a dotted key of a dictionary ('formulaire.lien'), or undefined (no fallback). */
export function lireCle(dict: unknown, cle: string): string | undefined {
  let cur: unknown = dict;
  for (const part of cle.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'string' ? cur : undefined;
}

export { interpoler } from './messages';

/** Fallback chain: FALC falls back to plain French; every language ends at French. */
const CHAINE: Record<Lang, Lang[]> = Object.fromEntries(LANGS.map((l) => [l, l === 'fr' ? ['fr'] : [l, 'fr']])) as Record<Lang, Lang[]>;

/** Translation of `cle` in `lang`, falling back to French; an unknown key is a bug and throws in dev/test. */
export function traduire(lang: Lang, cle: CleTraduction | (string & {}), params?: Record<string, string | number>): string {
  for (const l of CHAINE[lang]) {
    const s = lireCle(DICTIONNAIRES[l], cle);
    if (s !== undefined) return interpoler(s, params, l === 'falc' ? 'fr' : l);
  }
  if (process.env.NODE_ENV !== 'production') throw new Error(`Missing French string for key "${cle}"`);
  return '';
}

export type T = (cle: CleTraduction | (string & {}), params?: Record<string, string | number>) => string;
export function useT(lang: Lang): T {
  return (cle, params) => traduire(lang, cle, params);
}

/**
 * Areas whose pages exist in French only: the staff back office, and the
 * assistants maternels' space (plain French, mirrored in FALC).
 */
function zoneFrancaisSeulement(zone: string, lang: Lang): boolean {
  return zone === 'admin' || (zone === 'pro' && lang !== 'falc');
}

/** Keys of the areas a language must translate that are still missing (the fallback shows French). */
export function clesATraduire(lang: Lang): string[] {
  return clesManquantes(lang).filter((c) => !zoneFrancaisSeulement(c.split('.')[0]!, lang));
}

/** Keys present in French but missing in `lang` (used by `npm run i18n:check` and a test). */
export function clesManquantes(lang: Lang): string[] {
  const out: string[] = [];
  const walk = (src: unknown, cible: unknown, prefix: string) => {
    if (typeof src === 'string') {
      if (typeof cible !== 'string') out.push(prefix);
      return;
    }
    if (src && typeof src === 'object')
      for (const [k, v] of Object.entries(src))
        walk(v, cible && typeof cible === 'object' ? (cible as Record<string, unknown>)[k] : undefined, prefix ? `${prefix}.${k}` : k);
  };
  walk(fr, DICTIONNAIRES[lang], '');
  return out;
}

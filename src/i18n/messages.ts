/**
 * Message formatting shared by the server and the islands (no dictionary
 * import here): `{name}` placeholders and plurals chosen by Intl.PluralRules,
 * never "(s)". A plural is written as in ICU MessageFormat:
 *
 *   '{n, plural, =0 {aucun lieu} one {# lieu trouvé} other {# lieux trouvés}}'
 *
 * Categories are the language's own (Arabic has zero/one/two/few/many/other,
 * Ukrainian one/few/many/other); a missing category falls back to `other`.
 * `#` is the number. Forms may contain `{name}` placeholders.
 */
const FORMES = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*(?:\{\w+\}[^{}]*)*)\}/g;
const PLURIEL = /\{(\w+),\s*plural,\s*((?:(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*(?:\{\w+\}[^{}]*)*\}\s*)+)\}/g;

const regles = new Map<string, Intl.PluralRules>();
function regle(locale: string): Intl.PluralRules {
  let r = regles.get(locale);
  if (!r) {
    r = new Intl.PluralRules(locale);
    regles.set(locale, r);
  }
  return r;
}

/** The form of a plural message for `n` (exact `=n` first, then the language's category, then `other`). */
function formePlurielle(formes: Record<string, string>, n: number, locale: string): string {
  return formes[`=${n}`] ?? formes[regle(locale).select(n)] ?? formes.other ?? '';
}

/**
 * Fills a message. A plural whose count is not a number (for instance the
 * literal '{n}' a server hands to an island) is left as written, so the
 * island can fill it later with the same function.
 */
export function interpoler(s: string, params?: Record<string, string | number>, locale = 'fr'): string {
  if (!params) return s;
  const avecPluriels = s.replace(PLURIEL, (m, k: string, corps: string) => {
    const v = params[k];
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
    if (Number.isNaN(n)) return m;
    const formes: Record<string, string> = {};
    for (const f of corps.matchAll(FORMES)) formes[f[1]!] = f[2]!;
    return formePlurielle(formes, n, locale).replace(/#/g, String(n));
  });
  return avecPluriels.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

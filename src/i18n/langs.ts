/** Languages the portal offers. 'fr' is the source and has no URL prefix. */
export const LANGS = ['fr', 'falc', 'en', 'ar', 'es', 'pt', 'tr', 'uk'] as const;
export type Lang = (typeof LANGS)[number];

export const LANG_INFO: Record<Lang, { htmlLang: string; dir: 'ltr' | 'rtl'; nomNatif: string; nomFrancais: string }> = {
  fr: { htmlLang: 'fr', dir: 'ltr', nomNatif: 'Français', nomFrancais: 'français' },
  falc: { htmlLang: 'fr', dir: 'ltr', nomNatif: 'Facile à lire et à comprendre', nomFrancais: 'français facile à lire' },
  en: { htmlLang: 'en', dir: 'ltr', nomNatif: 'English', nomFrancais: 'anglais' },
  ar: { htmlLang: 'ar', dir: 'rtl', nomNatif: 'العربية', nomFrancais: 'arabe' },
  es: { htmlLang: 'es', dir: 'ltr', nomNatif: 'Español', nomFrancais: 'espagnol' },
  pt: { htmlLang: 'pt', dir: 'ltr', nomNatif: 'Português', nomFrancais: 'portugais' },
  tr: { htmlLang: 'tr', dir: 'ltr', nomNatif: 'Türkçe', nomFrancais: 'turc' },
  uk: { htmlLang: 'uk', dir: 'ltr', nomNatif: 'Українська', nomFrancais: 'ukrainien' },
};

export function isLang(valeur: unknown): valeur is Lang {
  return typeof valeur === 'string' && (LANGS as readonly string[]).includes(valeur);
}

/** '/demande' in language `lang` → '/en/demande'; fr keeps the bare path. */
export function localePath(lang: Lang, path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  if (lang === 'fr') return p;
  return p === '/' ? `/${lang}/` : `/${lang}${p}`;
}

/** Splits '/en/demande' → { lang: 'en', path: '/demande' }. */
export function splitLangPath(pathname: string): { lang: Lang; path: string } {
  const m = /^\/([a-z]{2,4})(\/.*|$)/.exec(pathname);
  if (m && isLang(m[1]) && m[1] !== 'fr') return { lang: m[1], path: m[2] || '/' };
  return { lang: 'fr', path: pathname || '/' };
}

/**
 * Language of an information page's source link. Sources are official French
 * (sometimes English) pages: their titles stay in that language, followed on
 * translated pages by "(in French)" in the page's language. The title part
 * gets its own `lang` (and, on RTL pages, its own direction).
 */
const SUFFIXES_FR = ['(in French)', '(بالفرنسية)', '(en francés)', '(em francês)', '(Fransızca)', '(французькою)'];
const SUFFIXES_EN = ['(in English)', '(en anglais)', '(بالإنجليزية)', '(en inglés)', '(em inglês)', '(İngilizce)', '(англійською)'];
/** Sources published in English whose title carries no suffix on English and French pages. */
const HOTES_EN = ['gnu.org', 'leafletjs.com'];

interface TitreSource {
  texte: string;
  suffixe?: string;
  langue: 'fr' | 'en';
}

export function titreSource(title: string, url: string): TitreSource {
  for (const [suffixes, langue] of [
    [SUFFIXES_FR, 'fr'],
    [SUFFIXES_EN, 'en'],
  ] as const) {
    const s = suffixes.find((x) => title.endsWith(` ${x}`));
    if (s) return { texte: title.slice(0, -s.length - 1), suffixe: s, langue };
  }
  let hote = '';
  try {
    hote = new URL(url).hostname;
  } catch {
    /* relative or invalid: French */
  }
  return { texte: title, langue: HOTES_EN.some((h) => hote === h || hote.endsWith(`.${h}`)) ? 'en' : 'fr' };
}

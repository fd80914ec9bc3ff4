/**
 * Euro amounts and rates written by hand in an information page: every
 * figure must be a placeholder of src/domain/info/chiffres.ts, so that it
 * comes from the dated barème. Returns what was found, as written.
 */
const MONNAIE = '(?:€|euros?\\b|евро|يورو|avro)';

/** A number as each language writes it (thousands and decimals). */
function nombre(lang: string): string {
  if (lang === 'en') return '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
  if (lang === 'tr') return '\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?';
  return '\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?';
}

/** Pages that compare the modes may give a market price range ("often 15 to 20 € an hour"): an estimate, not a barème figure. */
const FOURCHETTES_DE_PRIX = new Set(['modes-d-accueil.md']);

export function montantsEcritsALaMain(markdown: string, lang: string, fichier: string): string[] {
  let corps = markdown
    .replace(/^---[\s\S]*?\n---\n/, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\{\{[^}]*\}\}/g, 'X');
  const n = nombre(lang);
  if (FOURCHETTES_DE_PRIX.has(fichier))
    corps = corps.replace(new RegExp(`(?<![\\d.,])(?:${MONNAIE}\\s?)?\\d+\\s?(?:à|a|to|إلى|–|-)\\s?${MONNAIE}?\\s?\\d+`, 'gu'), 'X');
  const montant = new RegExp(`${MONNAIE}\\s?(?:${n})(?![\\d])|(?<![\\d.,])(?:${n})\\s?${MONNAIE}`, 'giu');
  // A rate of the barème (0,0619 %): four decimals next to a % sign.
  const taux = new RegExp(`%\\s?0[.,]\\d{3,4}|(?<![\\d.,])0[.,]\\d{3,4}\\s?%`, 'g');
  return [...corps.matchAll(montant), ...corps.matchAll(taux)].map((m) => m[0].trim());
}

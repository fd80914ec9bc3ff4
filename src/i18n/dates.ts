/** French writes the first day of a month as an ordinal: "1er avril", "mardi 1er décembre" (not "1 avril"). */
export function premierDuMois(date: string, locale: string): string {
  return /^fr\b/.test(locale) ? date.replace(/(^|\s)1 (?=\p{L})/gu, '$11er ') : date;
}

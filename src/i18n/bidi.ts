/**
 * Bidirectional isolation for text that is not markup (translated strings,
 * e-mails, attributes): wraps a phone number, reference, e-mail or time range
 * in LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE so that an Arabic page
 * shows "03 00 00 00 01" and "8 h 30 – 12 h" in their own order. In markup,
 * prefer `dir="ltr"` on the element (or `<bdi>`).
 */
const LRI = '\u2066';
const PDI = '\u2069';
export function ltr(s: string | number): string {
  return `${LRI}${s}${PDI}`;
}

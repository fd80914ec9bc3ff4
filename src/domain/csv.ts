/**
 * CSV cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR at
 * the start) get a leading apostrophe (OWASP "CSV injection"). Plain numbers,
 * negative ones included, are left alone.
 */
export function neutraliserCellule(v: string): string {
  if (!/^[=+\-@\t\r]/.test(v) || /^[+-]?\d+([.,]\d+)?$/.test(v)) return v;
  return `'${v}`;
}

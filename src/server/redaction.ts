// What may reach the log of an error: no SQL parameters, no quoted values.

export function codeSql(err: unknown): string | undefined {
  for (let e: unknown = err, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c)) return c;
  }
  return undefined;
}

/** An error without what it may quote: SQL parameters, values in messages, the query string. */
export function erreurSansDonnees(err: unknown): { type: string; code?: string; message: string; pile?: string } {
  const e = err as Error;
  const brut = String(e?.message ?? err);
  // Drizzle writes "Failed query: <sql>\nparams: <values>"; PostgreSQL quotes values in "Key (x)=(v)" and '…'.
  const message = brut
    .replace(/params:[\s\S]*$/i, 'params: [masqués]')
    .replace(/\([^()]*\)=\([^()]*\)/g, '(…)=(…)')
    .replace(/"[^"]{0,200}"|'[^']{0,200}'/g, '"…"')
    .slice(0, 500);
  const pile = e?.stack
    ?.split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('at '))
    .slice(0, 8)
    .join(' | ');
  return { type: e?.name ?? typeof err, code: codeSql(err), message, pile };
}

import type { AstroGlobal } from 'astro';

/**
 * For routes under src/pages/[...lang]/: true when the URL prefix is a real
 * language (or absent). The page answers 404 otherwise.
 */
export function langueDeRouteValide(Astro: Pick<AstroGlobal, 'params' | 'locals'>): boolean {
  const p = Astro.params.lang;
  return p === undefined || p === Astro.locals.lang;
}

/** Form fields as strings, keeping repeated names as arrays. */
export function formulaireEnObjet(f: FormData): Record<string, string | string[]> {
  const o: Record<string, string | string[]> = {};
  for (const [k, v] of f.entries()) {
    if (typeof v !== 'string') continue;
    const prev = o[k];
    o[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return o;
}

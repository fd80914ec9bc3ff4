/**
 * A redirect target from user input: a path of this site only. Anything a
 * browser could read as another host (`//x`, `/\x`, `\x`, control characters,
 * an absolute URL) becomes `defaut`.
 */
export function cheminInterne(brut: string | null | undefined, defaut = '/'): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!brut || brut.length > 2000 || !brut.startsWith('/') || /^\/[/\\]/.test(brut) || /[\u0000-\u001f\u007f\\]/.test(brut)) return defaut;
  try {
    const u = new URL(brut, 'http://origine.invalid');
    if (u.origin !== 'http://origine.invalid') return defaut;
    return u.pathname + u.search + u.hash;
  } catch {
    return defaut;
  }
}

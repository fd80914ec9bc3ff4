// Response headers that depend on how the client reached us (after TRUST_PROXY).

/** One year, with subdomains left alone: a commune may run other sites on its domain. */
export const HSTS = 'max-age=31536000';

/** HSTS only over HTTPS (browsers ignore it over HTTP, and it must never pin a plain-HTTP dev host). */
export function entetesTransport(res: Response, url: URL): void {
  if (url.protocol === 'https:') res.headers.set('Strict-Transport-Security', HSTS);
}

export { entetesJetonPrive } from './garde';

const SOURCES_SCRIPT_STYLE = /^(script|style)-src(-elem|-attr)?$/;

/**
 * The Content-Security-Policy of a response. Script and style sources come
 * from Astro (`security.csp`: the SHA-256 of every script and stylesheet it
 * emits, islands included) when it rendered the page, else `'self'` alone;
 * never `'unsafe-inline'`, so an injected `<script>`, `<style>`, `style="…"`
 * or `onclick` does not run. Only `/embed/*` may be framed.
 */
export function politiqueContenu(o: { astro: string | null; cheminSansLangue: string; frameAncestors: string; tuiles?: string }): string {
  let origineTuiles = '';
  try {
    if (o.tuiles) origineTuiles = ' ' + new URL(o.tuiles.replace(/\{[a-z]\}/g, 'a')).origin;
  } catch {
    /* a template we cannot parse: tiles will be blocked */
  }
  const cadre = o.cheminSansLangue.startsWith('/embed/') ? `frame-ancestors ${o.frameAncestors}` : "frame-ancestors 'none'";
  const depuisAstro = (o.astro ?? '')
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter((d) => SOURCES_SCRIPT_STYLE.test(d.split(' ')[0]!))
    .map((d) =>
      d
        .split(' ')
        .filter((s) => s !== "'unsafe-inline'")
        .join(' '),
    );
  const scripts = depuisAstro.some((d) => d.startsWith('script-src ')) ? [] : ["script-src 'self'"];
  const styles = depuisAstro.some((d) => d.startsWith('style-src ')) ? [] : ["style-src 'self'"];
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
    ...scripts,
    ...styles,
    ...depuisAstro,
    `img-src 'self' data: blob:${origineTuiles}`,
    "connect-src 'self'",
    cadre,
  ].join('; ');
}

// Response headers that depend on how the client reached us (after TRUST_PROXY).
import { createHash } from 'node:crypto';

/** One year, with subdomains left alone: a commune may run other sites on its domain. */
const HSTS = 'max-age=31536000';

/** HSTS only over HTTPS (browsers ignore it over HTTP, and it must never pin a plain-HTTP dev host). */
export function entetesTransport(res: Response, url: URL): void {
  if (url.protocol === 'https:') res.headers.set('Strict-Transport-Security', HSTS);
}

export { entetesJetonPrive } from './garde';

const SOURCES_SCRIPT_STYLE = /^(script|style)-src(-elem|-attr)?$/;
const EMPREINTE_SHA256 = /^'sha256-[A-Za-z0-9+/]+=*'$/;
const ELEMENT_EN_LIGNE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;

/** The CSP source expressions ('sha256-…') of the inline scripts and styles of an HTML document. */
export function empreintesEnLigne(html: string): { scripts: Set<string>; styles: Set<string> } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const [, nom, attributs, contenu] of html.matchAll(ELEMENT_EN_LIGNE)) {
    if (nom!.toLowerCase() === 'script' && /\bsrc\s*=/i.test(attributs!)) continue;
    const e = `'sha256-${createHash('sha256').update(contenu!).digest('base64')}'`;
    (nom!.toLowerCase() === 'script' ? scripts : styles).add(e);
  }
  return { scripts, styles };
}

/**
 * Sets the Content-Security-Policy of a response. An HTML page Astro rendered
 * is read whole so that its policy names only its own inline elements; the
 * page goes out unchanged (it was not streamed: compression and the page
 * cache take the whole body anyway).
 */
export async function avecPolitiqueContenu(res: Response, o: { cheminSansLangue: string; frameAncestors: string; tuiles?: string }): Promise<Response> {
  const astro = res.headers.get('Content-Security-Policy');
  const lisible = astro !== null && res.body !== null && !res.headers.has('content-encoding') && /^text\/html\b/i.test(res.headers.get('content-type') ?? '');
  if (!lisible) {
    res.headers.set('Content-Security-Policy', politiqueContenu({ ...o, astro }));
    return res;
  }
  const html = await res.text();
  const page = new Response(html, { status: res.status, statusText: res.statusText, headers: res.headers });
  page.headers.set('Content-Security-Policy', politiqueContenu({ ...o, astro, html }));
  return page;
}

/**
 * The Content-Security-Policy of a response. Script and style sources come
 * from Astro (`security.csp`: the SHA-256 of every script and stylesheet it
 * emits, islands included) when it rendered the page, else `'self'` alone;
 * never `'unsafe-inline'`, so an injected `<script>`, `<style>`, `style="…"`
 * or `onclick` does not run. Only `/embed/*` may be framed.
 *
 * Astro lists the hashes of the whole build on every page (about 70 styles
 * with `inlineStylesheets: 'always'`, 4.4 KB of header, more than nginx's
 * default 4 KB buffer). Given the `html` actually sent, only the hashes of
 * the inline elements of that page are kept (a few hundred bytes); a hash
 * Astro did not list is never added, so the page cannot allow its own
 * injected code.
 */
export function politiqueContenu(o: { astro: string | null; cheminSansLangue: string; frameAncestors: string; tuiles?: string; html?: string }): string {
  let origineTuiles = '';
  try {
    if (o.tuiles) origineTuiles = ' ' + new URL(o.tuiles.replace(/\{[a-z]\}/g, 'a')).origin;
  } catch {
    /* a template we cannot parse: tiles will be blocked */
  }
  const cadre = o.cheminSansLangue.startsWith('/embed/') ? `frame-ancestors ${o.frameAncestors}` : "frame-ancestors 'none'";
  const enLigne = o.html === undefined ? null : empreintesEnLigne(o.html);
  const depuisAstro = (o.astro ?? '')
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter((d) => SOURCES_SCRIPT_STYLE.test(d.split(' ')[0]!))
    .map((d) => {
      const dansLaPage = enLigne && (d.startsWith('script-') ? enLigne.scripts : enLigne.styles);
      return d
        .split(' ')
        .filter((s) => s !== "'unsafe-inline'" && !(dansLaPage && EMPREINTE_SHA256.test(s) && !dansLaPage.has(s)))
        .join(' ');
    });
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

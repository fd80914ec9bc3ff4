import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { avecPolitiqueContenu, empreintesEnLigne, politiqueContenu } from '../../../src/server/http/entetes';

const astro = "script-src 'self' 'sha256-AAA='; style-src 'self' 'sha256-BBB=' 'unsafe-inline';";
const directives = (p: string) => Object.fromEntries(p.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('Content-Security-Policy', () => {
  it("keeps Astro's script and style hashes and never allows inline code", () => {
    const d = directives(politiqueContenu({ astro, cheminSansLangue: '/carte', frameAncestors: '*' }));
    expect(d['script-src']).toEqual(["'self'", "'sha256-AAA='"]);
    expect(d['style-src']).toEqual(["'self'", "'sha256-BBB='"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(d['object-src']).toEqual(["'none'"]);
  });

  it("allows only 'self' scripts and styles on a response Astro did not render", () => {
    const p = politiqueContenu({ astro: null, cheminSansLangue: '/api/offre', frameAncestors: '*' });
    expect(p).toContain("script-src 'self';");
    expect(p).toContain("style-src 'self';");
    expect(p).not.toContain('unsafe-inline');
  });

  it('lets /embed/* be framed by the configured origins and adds the tile server to images', () => {
    const d = directives(
      politiqueContenu({
        astro,
        cheminSansLangue: '/embed/carte',
        frameAncestors: 'https://www.lillers.fr',
        tuiles: 'https://{s}.tile.exemple.org/{z}/{x}/{y}.png',
      }),
    );
    expect(d['frame-ancestors']).toEqual(['https://www.lillers.fr']);
    expect(d['img-src']).toContain('https://a.tile.exemple.org');
  });

  it('is stable when applied to its own output (a cached page goes through the middleware again)', () => {
    const une = politiqueContenu({ astro, cheminSansLangue: '/', frameAncestors: '*' });
    expect(politiqueContenu({ astro: une, cheminSansLangue: '/', frameAncestors: '*' })).toBe(une);
  });
});

describe('status line', () => {
  it('a 422 or 429 page gets its own reason phrase, not "OK"', async () => {
    const { texteDeStatut } = await import('../../../src/server/http/reponse');
    expect(texteDeStatut(new Response('x', { status: 422, statusText: 'OK' })).statusText).toBe('Unprocessable Entity');
    expect(texteDeStatut(new Response('x', { status: 429, statusText: 'OK' })).statusText).toBe('Too Many Requests');
    const bonne = new Response('x', { status: 200, statusText: 'OK' });
    expect(texteDeStatut(bonne)).toBe(bonne);
  });
});

describe('error pages served before Astro', () => {
  it('allow their one stylesheet by hash, and nothing inline', async () => {
    const { createHash } = await import('node:crypto');
    const { CSP_PAGE_ERREUR, pageErreurSimple } = await import('../../../src/server/http/entrees');
    const style = /<style>([^<]*)<\/style>/.exec(pageErreurSimple(413))![1]!;
    expect(CSP_PAGE_ERREUR).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(CSP_PAGE_ERREUR).not.toContain('unsafe-inline');
    const d = politiqueContenu({ astro: CSP_PAGE_ERREUR, cheminSansLangue: '/demande', frameAncestors: '*' });
    expect(d).toContain("style-src 'sha256-");
    expect(d).toContain("script-src 'self'");
  });
});

describe('a page names only the hashes of its own inline elements', () => {
  const h = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
  const style1 = 'body{color:#123}';
  const style2 = 'main{margin:0}';
  const script1 = 'console.log(1)';
  const tout = `script-src 'self' ${h(script1)} ${h('autre()')}; style-src 'self' ${h(style1)} ${h(style2)} ${h('p{}')};`;

  it('keeps the hashes of the page, drops the others', () => {
    const html = `<html><head><style>${style1}</style><script type="module" src="/_astro/x.js"></script></head><body><script>${script1}</script></body></html>`;
    const d = directives(politiqueContenu({ astro: tout, cheminSansLangue: '/', frameAncestors: '*', html }));
    expect(d['script-src']).toEqual(["'self'", h(script1)]);
    expect(d['style-src']).toEqual(["'self'", h(style1)]);
  });

  it('never adds a hash Astro did not compute: an injected element stays blocked', () => {
    const html = `<style>${style1}</style><style>body{background:url(x)}</style><script>alert(1)</script>`;
    const p = politiqueContenu({ astro: tout, cheminSansLangue: '/', frameAncestors: '*', html });
    expect(p).not.toContain(h('body{background:url(x)}'));
    expect(p).not.toContain(h('alert(1)'));
    expect(directives(p)['script-src']).toEqual(["'self'"]);
  });

  it('finds inline elements whatever their attributes, and hashes their exact text', () => {
    const e = empreintesEnLigne(`<STYLE media="print">\n${style2}\n</STYLE><script type="application/json">{"a":1}</script><script src=/x.js></script>`);
    expect([...e.styles]).toEqual([h(`\n${style2}\n`)]);
    expect([...e.scripts]).toEqual([h('{"a":1}')]);
  });

  it('a page of the size of the build keeps a header of a few hundred bytes', () => {
    const styles = Array.from({ length: 70 }, (_, i) => `.c${i}{color:#${i}}`);
    const astro = `script-src 'self'; style-src 'self' ${styles.map(h).join(' ')};`;
    expect(politiqueContenu({ astro, cheminSansLangue: '/', frameAncestors: '*' }).length).toBeGreaterThan(3500);
    const p = politiqueContenu({ astro, cheminSansLangue: '/', frameAncestors: '*', html: `<style>${styles[3]}</style>` });
    expect(p.length).toBeLessThan(400);
    expect(p).toContain(h(styles[3]!));
  });

  it('reads an HTML response whole and sends the same bytes with the smaller policy', async () => {
    const html = `<!doctype html><style>${style1}</style><p>é</p>`;
    const res = new Response(html, { headers: { 'content-type': 'text/html', 'Content-Security-Policy': tout } });
    const r = await avecPolitiqueContenu(res, { cheminSansLangue: '/', frameAncestors: '*' });
    expect(await r.text()).toBe(html);
    expect(r.headers.get('content-security-policy')).toContain(`style-src 'self' ${h(style1)};`);
    expect(r.headers.get('content-security-policy')).not.toContain(h(style2));
  });

  it('leaves other responses streaming, with the policy Astro gave', async () => {
    const json = new Response('{"a":1}', { headers: { 'content-type': 'application/json' } });
    expect(await avecPolitiqueContenu(json, { cheminSansLangue: '/api/x', frameAncestors: '*' })).toBe(json);
    expect(json.headers.get('content-security-policy')).toContain("script-src 'self';");
  });
});

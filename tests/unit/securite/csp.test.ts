import { describe, expect, it } from 'vitest';
import { politiqueContenu } from '../../../src/server/http/entetes';

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

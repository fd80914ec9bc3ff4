/**
 * scripts/http/frontal.mjs: what goes to Astro's standalone handler (with its
 * static-file lookup) and what goes straight to its app handler (issue 20).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { frontal } from '../../../scripts/http/frontal.mjs';

const dossier = mkdtempSync(path.join(os.tmpdir(), 'gpe-frontal-'));
writeFileSync(path.join(dossier, 'robots.txt'), 'User-agent: *\n');
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

function reponse() {
  const r = { statut: 0, corps: undefined as unknown, writeHead: (s: number) => ((r.statut = s), r), end: (c?: unknown) => void (r.corps = c) };
  return r;
}
const requete = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers });

describe('frontal', () => {
  it('sends a POST straight to the app handler, never to the standalone handler', () => {
    const handler = vi.fn();
    const appHandler = vi.fn();
    frontal(dossier, handler, appHandler)(requete('POST', '/demande') as never, reponse() as never);
    expect(appHandler).toHaveBeenCalledOnce();
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a POST to a malformed URL with 400, as the standalone handler does', () => {
    const appHandler = vi.fn();
    const res = reponse();
    frontal(dossier, vi.fn(), appHandler)(requete('POST', '/%E0%A4%A') as never, res as never);
    expect(res.statut).toBe(400);
    expect(appHandler).not.toHaveBeenCalled();
  });

  it('serves a known file from memory and leaves an unknown GET and Range requests to the standalone handler', () => {
    const handler = vi.fn();
    const appHandler = vi.fn();
    const servir = frontal(dossier, handler, appHandler);
    const res = reponse();
    servir(requete('GET', '/robots.txt') as never, { ...res, writeHead: res.writeHead, end: res.end, setHeader: () => {} } as never);
    expect(res.statut).toBe(200);
    servir(requete('GET', '/inconnu') as never, reponse() as never);
    servir(requete('GET', '/robots.txt', { range: 'bytes=0-3' }) as never, reponse() as never);
    expect(handler).toHaveBeenCalledTimes(2);
    expect(appHandler).not.toHaveBeenCalled();
  });

  it('without an app handler (older build), everything else goes to the standalone handler', () => {
    const handler = vi.fn();
    frontal(dossier, handler)(requete('POST', '/demande') as never, reponse() as never);
    expect(handler).toHaveBeenCalledOnce();
  });
});

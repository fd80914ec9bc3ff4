import { describe, expect, it } from 'vitest';
import { lireTrustProxy, resoudreClient } from '../../../src/server/http/proxy';
import { parseConfig } from '../../../src/server/config';

const h = (xff?: string, proto?: string, host?: string) => ({ 'x-forwarded-for': xff, 'x-forwarded-proto': proto, 'x-forwarded-host': host });

describe('TRUST_PROXY', () => {
  it('ignores forwarded headers when no proxy is trusted', () => {
    expect(resoudreClient('203.0.113.9', h('1.2.3.4', 'https', 'evil.example'), lireTrustProxy(undefined))).toEqual({
      adresse: '203.0.113.9',
      protocole: null,
      hote: null,
    });
  });

  it('takes the client from a trusted loopback proxy, not from what the client wrote', () => {
    const c = lireTrustProxy('loopback');
    // The client forged "6.6.6.6"; nginx appended the real address 198.51.100.7.
    expect(resoudreClient('::ffff:127.0.0.1', h('6.6.6.6, 198.51.100.7', 'https', 'rpe.exemple.fr'), c)).toEqual({
      adresse: '198.51.100.7',
      protocole: 'https',
      hote: 'rpe.exemple.fr',
    });
  });

  it('ignores X-Forwarded-* from a peer outside the trusted networks', () => {
    const c = lireTrustProxy('10.0.0.0/8, 192.168.1.5');
    expect(resoudreClient('198.51.100.7', h('1.1.1.1', 'https'), c)).toEqual({ adresse: '198.51.100.7', protocole: null, hote: null });
    expect(resoudreClient('192.168.1.5', h('198.51.100.7', 'https'), c).adresse).toBe('198.51.100.7');
  });

  it('counts hops', () => {
    const c = lireTrustProxy('2');
    expect(resoudreClient('10.0.0.2', h('6.6.6.6, 198.51.100.7, 10.0.0.1'), c).adresse).toBe('198.51.100.7');
    expect(resoudreClient('10.0.0.2', h('198.51.100.7'), c).adresse).toBe('198.51.100.7');
  });

  it('refuses a malformed host or protocol', () => {
    const v = resoudreClient('127.0.0.1', h('198.51.100.7', 'gopher', 'a/b@evil'), lireTrustProxy('loopback'));
    expect(v.protocole).toBeNull();
    expect(v.hote).toBeNull();
  });

  it('fails fast on a bad value and on https without a trusted proxy in production', () => {
    expect(() => parseConfig({ TRUST_PROXY: 'everything' })).toThrow(/TRUST_PROXY/);
    expect(() => parseConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/);
    const prod = { NODE_ENV: 'production', SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://rpe.exemple.fr' };
    expect(() => parseConfig(prod)).toThrow(/TRUST_PROXY/);
    expect(parseConfig({ ...prod, TRUST_PROXY: 'loopback' }).TRUST_PROXY).toBe('loopback');
  });
});

import { describe, expect, it } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import {
  cleLisible,
  codeA,
  codesSecours,
  estCodeSecours,
  estExige,
  normaliserCode,
  nouveauSecret,
  pasDe,
  uriEnrolement,
  verifierCode,
} from '../../../src/domain/securite/totp';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const T0 = new Date('2026-12-06T10:00:00Z');

describe('TOTP (RFC 6238)', () => {
  it('accepts the code an authenticator app shows, and the neighbouring steps only', () => {
    const appli = new TOTP({ secret: Secret.fromBase32(SECRET), digits: 6, period: 30, algorithm: 'SHA1' });
    const code = appli.generate({ timestamp: T0.getTime() });
    expect(verifierCode(SECRET, code, T0, null)).toBe(pasDe(T0));
    expect(verifierCode(SECRET, code, new Date(T0.getTime() + 30_000), null)).toBe(pasDe(T0));
    expect(verifierCode(SECRET, code, new Date(T0.getTime() + 90_000), null)).toBeNull();
    expect(verifierCode(SECRET, ` ${code.slice(0, 3)} ${code.slice(3)} `, T0, null)).toBe(pasDe(T0));
  });
  it('refuses a code of a step already used (replay) and anything not six digits', () => {
    const code = codeA(SECRET, T0);
    expect(verifierCode(SECRET, code, T0, pasDe(T0))).toBeNull();
    expect(verifierCode(SECRET, code, T0, pasDe(T0) - 1)).toBe(pasDe(T0));
    expect(verifierCode(SECRET, '12345', T0, null)).toBeNull();
    expect(verifierCode(SECRET, 'abcdef', T0, null)).toBeNull();
    const faux = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(verifierCode(SECRET, faux, T0, null)).toBeNull();
  });
  it('gives a new 160-bit secret each time, an otpauth URI and a key readable by groups', () => {
    const a = nouveauSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(nouveauSecret()).not.toBe(a);
    expect(uriEnrolement(SECRET, 'anne@exemple.fr', 'CABBALR')).toBe(
      'otpauth://totp/CABBALR:anne%40exemple.fr?issuer=CABBALR&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
    );
    expect(cleLisible('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes without ambiguous characters', () => {
    let x = 12345;
    const octets = Uint8Array.from({ length: 120 }, () => ((x = (x * 1103515245 + 12345) % 2 ** 31) >> 16) & 255);
    const codes = codesSecours(octets);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
      expect(estCodeSecours(c.toLowerCase())).toBe(true);
    }
    expect(() => codesSecours(new Uint8Array(10))).toThrow();
  });
  it('are typed with or without dashes and spaces', () => {
    expect(normaliserCode('abcd-efgh ijkl')).toBe('ABCDEFGHIJKL');
    expect(estCodeSecours('123456')).toBe(false);
  });
});

describe('requirement by role', () => {
  it('applies only to the roles the territory chose', () => {
    expect(estExige(['admin'], 'admin')).toBe(true);
    expect(estExige(['admin'], 'animatrice')).toBe(false);
    expect(estExige([], 'admin')).toBe(false);
  });
});

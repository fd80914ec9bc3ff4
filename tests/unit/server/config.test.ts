import { describe, expect, it } from 'vitest';
import { parseConfig, ConfigError } from '../../../src/server/config';

describe('configuration parsed once at start', () => {
  it('a fresh machine needs no variable at all', () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(4321);
    expect(c.DATA_DIR).toBe('./data');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.seedDemo).toBe(true);
    expect(c.publicUrl).toBe('http://localhost:4321');
  });
  it('a bad value stops the start with a message naming the variable', () => {
    expect(() => parseConfig({ PORT: 'quatre' })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: 'quatre' })).toThrow(/PORT/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ SMTP_URL: 'http://x' })).toThrow(/SMTP_URL/);
  });
  it('production requires a secret and does not seed the demo by default', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/SECRET/);
    const c = parseConfig({ NODE_ENV: 'production', SECRET: 'x'.repeat(40) });
    expect(c.seedDemo).toBe(false);
    expect(c.production).toBe(true);
  });
  it('empty strings count as unset (common in .env files)', () => {
    expect(parseConfig({ DATABASE_URL: '', SMTP_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});

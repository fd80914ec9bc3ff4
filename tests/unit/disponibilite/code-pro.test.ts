import { describe, expect, it } from 'vitest';
import { CODE_PRO_VALIDITE_JOURS, codeProExpireLe, codeProValide } from '../../../src/domain/disponibilite/code-pro';

describe('short code validity', () => {
  const cree = new Date('2026-01-05T09:00:00Z');
  it(`expires ${CODE_PRO_VALIDITE_JOURS} days after it was made`, () => {
    expect(codeProExpireLe(cree).toISOString()).toBe('2026-07-04T09:00:00.000Z');
    expect(codeProValide(cree, new Date('2026-07-04T08:59:59Z'))).toBe(true);
    expect(codeProValide(cree, new Date('2026-07-04T09:00:00Z'))).toBe(false);
  });
});

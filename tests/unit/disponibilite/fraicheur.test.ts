import { describe, expect, it } from 'vitest';
import { disponibleLe, etatAffiche } from '../../../src/domain/disponibilite/fraicheur';

const maintenant = new Date('2026-11-24T10:00:00Z');
const ilYa = (j: number) => new Date(maintenant.getTime() - j * 86400_000);

describe('availability freshness', () => {
  it('a place confirmed 12 days ago is available', () => {
    expect(etatAffiche('places', ilYa(12), maintenant)).toBe('disponible');
  });
  it('a place nobody confirmed for 61 days is "à confirmer"', () => {
    expect(etatAffiche('places', ilYa(61), maintenant)).toBe('a-confirmer');
    expect(disponibleLe('places', ilYa(61), ['2026-01-01'], maintenant, maintenant)).toBe(false);
  });
  it('the threshold is a setting', () => {
    expect(etatAffiche('places', ilYa(40), maintenant, 30)).toBe('a-confirmer');
  });
  it('a place from next month is not available today but is from that date', () => {
    expect(disponibleLe('places', ilYa(1), ['2026-12-24'], maintenant, maintenant)).toBe(false);
    expect(disponibleLe('places', ilYa(1), ['2026-12-24'], new Date('2026-12-24T00:00:00Z'), maintenant)).toBe(true);
  });
  it('never confirmed is unknown', () => {
    expect(etatAffiche('places', null, maintenant)).toBe('inconnu');
  });
});

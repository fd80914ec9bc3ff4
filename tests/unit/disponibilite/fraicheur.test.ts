import { describe, expect, it } from 'vitest';
import { disponibleLe, etatAffiche, joursDepuis } from '../../../src/domain/disponibilite/fraicheur';

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
  it('counts calendar days in Paris, not periods of 24 hours', () => {
    // 23:30 in Paris on 23 November, read at 00:10 on the 24th (winter, UTC+1): one day.
    expect(joursDepuis(new Date('2026-11-23T22:30:00Z'), new Date('2026-11-23T23:10:00Z'))).toBe(1);
    // 00:10 then 23:50 the same Paris day: none.
    expect(joursDepuis(new Date('2026-11-23T23:10:00Z'), new Date('2026-11-24T22:50:00Z'))).toBe(0);
    // Across the spring DST change (29 March 2026): two calendar days.
    expect(joursDepuis(new Date('2026-03-28T12:00:00Z'), new Date('2026-03-30T06:00:00Z'))).toBe(2);
    // A confirmation "in the future" (clock skew) counts as today.
    expect(joursDepuis(new Date('2026-11-25T10:00:00Z'), maintenant)).toBe(0);
  });
  it('turns "à confirmer" when the 61st calendar day begins, whatever the hour of confirmation', () => {
    const confirmee = new Date('2026-09-24T21:00:00Z'); // 23:00 in Paris on 24 September
    expect(etatAffiche('places', confirmee, new Date('2026-11-23T22:59:00Z'))).toBe('disponible'); // 23:59 on 23 November: day 60
    expect(etatAffiche('places', confirmee, new Date('2026-11-23T23:01:00Z'))).toBe('a-confirmer'); // 00:01 on the 24th: day 61
  });
  it('never confirmed is unknown', () => {
    expect(etatAffiche('places', null, maintenant)).toBe('inconnu');
  });
});

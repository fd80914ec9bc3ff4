import { describe, expect, it } from 'vitest';
import { numeroMobile, raccourcir, recoitSms, SMS_MAX } from '../../src/domain/sms/regles';

describe('SMS rules', () => {
  it('keeps French mobile numbers only, in E.164', () => {
    expect(numeroMobile('06 11 22 33 44')).toBe('+33611223344');
    expect(numeroMobile('+33 7 11 22 33 44')).toBe('+33711223344');
    expect(numeroMobile('0033611223344')).toBe('+33611223344');
    expect(numeroMobile('03 21 00 00 00')).toBeNull();
    expect(numeroMobile('')).toBeNull();
  });
  it('sends only to families who chose SMS', () => {
    expect(recoitSms({ canalPrefere: 'sms', telephone: '0611223344' })).toBe('+33611223344');
    expect(recoitSms({ canalPrefere: 'email', telephone: '0611223344' })).toBeNull();
    expect(recoitSms({ canalPrefere: 'telephone', telephone: '0611223344' })).toBeNull();
  });
  it('keeps messages short', () => {
    expect(raccourcir('a  b\n c')).toBe('a b c');
    const long = raccourcir('x'.repeat(500));
    expect(long).toHaveLength(SMS_MAX);
    expect(long.endsWith('…')).toBe(true);
  });
});

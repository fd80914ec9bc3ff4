/**
 * SMS to families: only to those who chose SMS as their channel (the opt-in,
 * withdrawn by choosing another channel on the follow-up page), only to a
 * French mobile number, short, with no personal data beyond the first name.
 */

/** A French mobile number in E.164 (+336…, +337…), or null when it cannot receive an SMS. */
export function numeroMobile(tel: string | null | undefined): string | null {
  if (!tel) return null;
  const chiffres = tel.replace(/[\s.\-()]/g, '');
  const m = /^(?:\+33|0033|0)([67]\d{8})$/.exec(chiffres);
  return m ? `+33${m[1]}` : null;
}

/** Two SMS segments at most (GSM 7-bit: 153 characters each when concatenated). */
export const SMS_MAX = 306;

export function raccourcir(texte: string, max = SMS_MAX): string {
  const t = texte.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** Does this family get SMS? It chose SMS and gave a mobile number. */
export function recoitSms(d: { canalPrefere: string; telephone: string | null }): string | null {
  return d.canalPrefere === 'sms' ? numeroMobile(d.telephone) : null;
}

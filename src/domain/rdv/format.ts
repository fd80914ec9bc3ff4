/** Dates and times of RDVs in the reader's language, always in Europe/Paris. */
import { instantParis, TZ } from './creneaux';
import { premierDuMois } from '../../i18n/dates';

/** Intl locale for a portal language (FALC reads French; Arabic with Latin digits, as on French documents). */
export function localeDe(lang: string): string {
  if (lang === 'falc' || lang === 'fr') return 'fr-FR';
  if (lang === 'ar') return 'ar-u-nu-latn';
  return lang;
}

/** 'lundi 26 octobre 2026' from an instant or a 'YYYY-MM-DD' day. */
export function jourLong(d: Date | string, lang: string): string {
  const x = typeof d === 'string' ? instantParis(d, '12:00') : d;
  return premierDuMois(new Intl.DateTimeFormat(localeDe(lang), { timeZone: TZ, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(x), localeDe(lang));
}

/** '09:00' in the reader's convention (24 h in French). */
export function heure(d: Date, lang: string): string {
  return new Intl.DateTimeFormat(localeDe(lang), { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: lang === 'en' ? 'h12' : 'h23' }).format(d);
}

/** Short form for SMS, ASCII only: '26/10 09:00'. */
export function courtSms(d: Date): string {
  const p = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const v = (t: string) => p.find((x) => x.type === t)?.value ?? '';
  return `${v('day')}/${v('month')} ${v('hour')}:${v('minute')}`;
}

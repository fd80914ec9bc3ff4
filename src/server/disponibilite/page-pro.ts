/** Small helpers shared by the /pro pages (cookie, CSRF, dates in plain words). */
import type { AstroCookies } from 'astro';
import { egalConstant } from '../auth/tokens';
import { COOKIE_PRO, SESSION_PRO_JOURS } from './comptes';
import { dateEnMots, jourParis } from '../../domain/temps';

export function poserCookiePro(cookies: AstroCookies, jeton: string, expire: Date, https: boolean): void {
  cookies.set(COOKIE_PRO, jeton, { path: '/pro', httpOnly: true, sameSite: 'lax', secure: https, expires: expire, maxAge: SESSION_PRO_JOURS * 86400 });
}
export function effacerCookiePro(cookies: AstroCookies): void {
  cookies.delete(COOKIE_PRO, { path: '/pro' });
}
export function csrfValide(attendu: string, recu: FormDataEntryValue | null): boolean {
  return typeof recu === 'string' && egalConstant(recu, attendu);
}

/** "aujourd'hui" when the date is today in Paris, else "3 mars 2026". */
export function estAujourdhui(d: Date, maintenant = new Date()): boolean {
  return jourParis(d) === jourParis(maintenant);
}
export { dateEnMots };

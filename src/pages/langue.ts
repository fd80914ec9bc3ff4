import type { APIRoute } from 'astro';
import { isLang } from '../i18n';
import { cheminInterne } from '../domain/redirection';

/** Remembers the chosen language (cookie, one year) and goes to the page in that language. */
export const GET: APIRoute = ({ url, cookies, redirect }) => {
  const vers = url.searchParams.get('vers');
  const sur = cheminInterne(url.searchParams.get('retour'));
  if (isLang(vers)) cookies.set('gpe_langue', vers, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
  return redirect(sur, 303);
};

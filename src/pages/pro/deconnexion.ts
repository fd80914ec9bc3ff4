import type { APIRoute } from 'astro';
import { COOKIE_PRO, fermerSessionPro, sessionPro } from '../../server/disponibilite/comptes';
import { csrfValide, effacerCookiePro } from '../../server/disponibilite/page-pro';

export const POST: APIRoute = async ({ cookies, request, locals, redirect }) => {
  const jeton = cookies.get(COOKIE_PRO)?.value;
  const session = await sessionPro(locals.db, jeton);
  if (session) {
    const f = await request.formData();
    if (!csrfValide(session.csrf, f.get('_csrf')))
      return new Response(locals.t('pro.erreurs.session'), { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    await fermerSessionPro(locals.db, jeton);
  }
  effacerCookiePro(cookies);
  return redirect('/pro', 303);
};

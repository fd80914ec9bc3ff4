import type { APIRoute } from 'astro';
import { COOKIE_SESSION, deconnecter } from '../../server/auth/staff';

export const POST: APIRoute = async ({ locals, cookies, redirect }) => {
  await deconnecter(locals.db, cookies.get(COOKIE_SESSION)?.value);
  cookies.delete(COOKIE_SESSION, { path: '/' });
  return redirect('/admin/connexion', 303);
};

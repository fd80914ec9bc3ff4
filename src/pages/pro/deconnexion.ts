import type { APIRoute } from 'astro';
import { quitterPro } from '../../server/pro/entree';

/** Leaves the AM space (POST with the session's token); handler: src/server/pro/entree.ts. */
export const POST: APIRoute = async (ctx) => {
  const r = await quitterPro(ctx);
  if (!r.ok) return new Response(ctx.locals.t('pro.erreurs.session'), { status: r.statut, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return ctx.redirect('/pro', 303);
};

import type { APIRoute } from 'astro';
import { etatDeSante } from '../server/sante';

export const GET: APIRoute = async ({ locals }) => {
  const { statut, corps } = await etatDeSante(locals.db, locals.app.database.kind);
  return new Response(corps, { status: statut, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
};

import type { APIRoute } from 'astro';
import { ping } from '../server/db';

export const GET: APIRoute = async ({ locals }) => {
  const ok = await ping(locals.db);
  return new Response(JSON.stringify({ status: ok ? 'ok' : 'degraded', database: ok ? 'up' : 'down', kind: locals.app.database.kind }), {
    status: ok ? 200 : 503,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
};

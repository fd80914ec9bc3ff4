import type { APIRoute } from 'astro';
import { donneesOuvertesCreches } from '../../server/creches/statistiques';

/** Open data of the crèche commissions (by session and by crèche), counts under 5 masked (null). */
export const GET: APIRoute = async ({ locals }) => {
  const donnees = await donneesOuvertesCreches(locals.db, locals.app.config.TERRITOIRE);
  const corps = { licence: 'Licence Ouverte 2.0 (Etalab)', generele: new Date().toISOString(), secret: 'effectifs de 1 à 4 masqués (null)', ...donnees };
  return new Response(JSON.stringify(corps), { headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
};

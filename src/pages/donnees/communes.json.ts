import type { APIRoute } from 'astro';
import { CHAMPS_OUVERTS, donneesOuvertes } from '../../server/stats/donnees-ouvertes';

export const GET: APIRoute = async ({ locals }) => {
  const lignes = await donneesOuvertes(locals.db, { seuilFraicheurJours: locals.app.config.DISPO_FRAICHEUR_JOURS });
  const corps = { licence: 'Licence Ouverte 2.0 (Etalab)', generele: new Date().toISOString(), champs: CHAMPS_OUVERTS, donnees: lignes };
  return new Response(JSON.stringify(corps), { headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
};

import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { CHAMPS_OUVERTS, donneesOuvertes } from '../../server/stats/donnees-ouvertes';
import { neutraliserCellule } from '../../domain/csv';

export const GET: APIRoute = async ({ locals }) => {
  const lignes = await donneesOuvertes(locals.db, { seuilFraicheurJours: locals.app.config.DISPO_FRAICHEUR_JOURS });
  const csv = stringify(lignes, { header: true, columns: CHAMPS_OUVERTS.map((c) => c.nom), cast: { number: (n) => String(n), string: neutraliserCellule } });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="petite-enfance-communes-mensuel.csv"',
      'cache-control': 'public, max-age=3600',
    },
  });
};

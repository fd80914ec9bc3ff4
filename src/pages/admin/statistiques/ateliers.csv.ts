import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { chargerStatistiques } from '../../../server/stats/page';
import { lignesSeancesAteliers } from '../../../server/stats/professionnels';
import { neutraliserCellule } from '../../../domain/csv';

/** The atelier sessions of the period and perimeter, one row each (UTF-8 CSV, or spreadsheet-friendly with format=tableur). */
export const GET: APIRoute = async ({ locals, url }) => {
  // A perimeter she may not see throws AccesRefuse: the guard answers with the 403 page.
  const d = await chargerStatistiques(locals.db, locals.staff!, url.searchParams, { seuilFraicheurJours: locals.app.config.DISPO_FRAICHEUR_JOURS });
  const tableur = url.searchParams.get('format') === 'tableur';
  const lignes = await lignesSeancesAteliers(locals.db, d.periode, d.choisi.perimetre);
  const csv = stringify(lignes, { delimiter: tableur ? ';' : ',', cast: { string: neutraliserCellule } });
  const nom = `ateliers-${d.periode.debut}-${d.choisi.valeur.replace(/[^a-z0-9-]/gi, '-')}${tableur ? '-tableur' : ''}.csv`;
  return new Response((tableur ? '\uFEFF' : '') + csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${nom}"`, 'cache-control': 'no-store' },
  });
};

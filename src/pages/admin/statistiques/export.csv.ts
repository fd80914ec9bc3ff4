import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { chargerStatistiques, lignesExport } from '../../../server/stats/page';
import { neutraliserCellule } from '../../../domain/csv';

/** CSV (UTF-8, comma) or, with format=tableur, spreadsheet-friendly CSV (UTF-8 BOM, semicolon, decimal comma). */
export const GET: APIRoute = async ({ locals, url }) => {
  // A perimeter she may not see throws AccesRefuse: the guard answers with the 403 page.
  const d = await chargerStatistiques(locals.db, locals.staff!, url.searchParams, { seuilFraicheurJours: locals.app.config.DISPO_FRAICHEUR_JOURS });
  const tableur = url.searchParams.get('format') === 'tableur';
  const lignes = lignesExport(d).map((l) => (tableur ? l.map((x) => (typeof x === 'number' ? String(x).replace('.', ',') : x)) : l));
  const csv = stringify(lignes, { delimiter: tableur ? ';' : ',', cast: { string: neutraliserCellule } });
  const nom = `statistiques-${d.periode.debut}-${d.choisi.valeur.replace(/[^a-z0-9-]/gi, '-')}${tableur ? '-tableur' : ''}.csv`;
  return new Response((tableur ? '\uFEFF' : '') + csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${nom}"`, 'cache-control': 'no-store' },
  });
};

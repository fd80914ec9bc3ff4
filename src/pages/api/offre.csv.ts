/** GET /api/offre.csv: open data export of the public offer (public fields only), same filters as /api/offre. */
import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { lireFiltres } from '../../domain/offre/filtres';
import { COLONNES_CSV, enLigneCsv } from '../../domain/offre/geojson';
import { rechercherOffre } from '../../server/offre/requetes';
import { erreurJson, reponseCachee } from '../../server/offre/http';
import { traduire } from '../../i18n';

export const GET: APIRoute = async ({ url, locals, request }) => {
  const { filtres, erreurs } = lireFiltres(url.searchParams);
  if (Object.keys(erreurs).length) {
    return erreurJson(400, { erreurs: Object.fromEntries(Object.entries(erreurs).map(([k, v]) => [k, traduire('fr', v!)])) });
  }
  const cfg = locals.app.config;
  const r = await rechercherOffre(locals.db, filtres, { maintenant: new Date(), seuilJours: cfg.DISPO_FRAICHEUR_JOURS, fuseau: cfg.TZ_PORTAIL });
  // UTF-8 with a BOM so that spreadsheet software reads the accents right.
  const csv = '\ufeff' + stringify(r.resultats.map(enLigneCsv), {
    header: true, columns: [...COLONNES_CSV], cast: { boolean: (b) => (b ? 'oui' : 'non') },
  });
  return reponseCachee(request, csv, {
    type: 'text/csv; charset=utf-8', maxAge: 300,
    entetes: { 'Content-Disposition': 'attachment; filename="offre-accueil-petite-enfance.csv"' },
  });
};

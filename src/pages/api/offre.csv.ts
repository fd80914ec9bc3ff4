/** GET /api/offre.csv: open data export of the public offer (public fields only), same filters as /api/offre. */
import type { APIRoute } from 'astro';
import { stringify } from 'csv-stringify/sync';
import { filtresEnParams, lireFiltres } from '../../domain/offre/filtres';
import { COLONNES_CSV, enLigneCsv } from '../../domain/offre/geojson';
import { jourParis } from '../../domain/temps';
import { deriveDeLOffre } from '../../server/offre/requetes';
import { erreurJson, preparerCorps, reponsePreparee } from '../../server/offre/http';
import { traduire } from '../../i18n';
import { neutraliserCellule } from '../../domain/csv';

export const GET: APIRoute = async ({ url, locals, request }) => {
  const { filtres, erreurs } = lireFiltres(url.searchParams);
  if (Object.keys(erreurs).length) {
    return erreurJson(400, { erreurs: Object.fromEntries(Object.entries(erreurs).map(([k, v]) => [k, traduire('fr', v!)])) });
  }
  const cfg = locals.app.config;
  const maintenant = new Date();
  const o = { maintenant, seuilJours: cfg.DISPO_FRAICHEUR_JOURS };
  // Same per-offer body cache as /api/offre (the day matters for dispo=maintenant).
  const cle = `csv|${jourParis(maintenant)}|${filtresEnParams(filtres, ['page']).toString()}`;
  const corps = await deriveDeLOffre(
    locals.db,
    o,
    cle,
    async (rechercher) => {
      const r = await rechercher(filtres);
      // UTF-8 with a BOM so that spreadsheet software reads the accents right.
      return preparerCorps(
        '\ufeff' +
          stringify(r.resultats.map(enLigneCsv), {
            header: true,
            columns: [...COLONNES_CSV],
            cast: { boolean: (b) => (b ? 'oui' : 'non'), string: neutraliserCellule },
          }),
      );
    },
    (c) => c.octets(),
  );
  return reponsePreparee(request, corps, {
    type: 'text/csv; charset=utf-8',
    maxAge: 300,
    entetes: { 'Content-Disposition': 'attachment; filename="offre-accueil-petite-enfance.csv"' },
  });
};

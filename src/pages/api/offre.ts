/** GET /api/offre: the public offer as GeoJSON, same filters as /carte (see docs/api-offre.md). */
import type { APIRoute } from 'astro';
import { lireFiltres } from '../../domain/offre/filtres';
import { enFeature } from '../../domain/offre/geojson';
import { dateParis } from '../../domain/offre/projection';
import { rechercherOffre } from '../../server/offre/requetes';
import { erreurJson, reponseCachee } from '../../server/offre/http';
import { traduire } from '../../i18n';

export const GET: APIRoute = async ({ url, locals, request }) => {
  const { filtres, erreurs } = lireFiltres(url.searchParams);
  if (Object.keys(erreurs).length) {
    return erreurJson(400, { erreurs: Object.fromEntries(Object.entries(erreurs).map(([k, v]) => [k, traduire('fr', v!)])) });
  }
  const cfg = locals.app.config;
  const maintenant = new Date();
  const r = await rechercherOffre(locals.db, filtres, { maintenant, seuilJours: cfg.DISPO_FRAICHEUR_JOURS, fuseau: cfg.TZ_PORTAIL });
  const corps = JSON.stringify({
    type: 'FeatureCollection',
    metadata: {
      date: dateParis(maintenant, cfg.TZ_PORTAIL),
      seuilFraicheurJours: cfg.DISPO_FRAICHEUR_JOURS,
      total: r.resultats.length,
      tri: r.tri,
      communes: r.communes.map((c) => ({ code: c.code, nom: c.nom, centre: [c.centreLon, c.centreLat] })),
      lieuInconnu: r.lieuInconnu,
    },
    features: r.resultats.map(enFeature),
  });
  return reponseCachee(request, corps, { type: 'application/geo+json; charset=utf-8', maxAge: 300 });
};

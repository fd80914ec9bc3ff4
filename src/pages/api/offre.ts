/** GET /api/offre: the public offer as GeoJSON, same filters as /carte (see docs/api-offre.md). */
import type { APIRoute } from 'astro';
import { filtresEnParams, lireFiltres } from '../../domain/offre/filtres';
import { enFeature } from '../../domain/offre/geojson';
import { jourParis } from '../../domain/temps';
import { deriveDeLOffre } from '../../server/offre/requetes';
import { erreurJson, preparerCorps, reponsePreparee } from '../../server/offre/http';
import { traduire } from '../../i18n';

export const GET: APIRoute = async ({ url, locals, request }) => {
  const { filtres, erreurs } = lireFiltres(url.searchParams);
  if (Object.keys(erreurs).length) {
    return erreurJson(400, { erreurs: Object.fromEntries(Object.entries(erreurs).map(([k, v]) => [k, traduire('fr', v!)])) });
  }
  const cfg = locals.app.config;
  const maintenant = new Date();
  const o = { maintenant, seuilJours: cfg.DISPO_FRAICHEUR_JOURS };
  const date = jourParis(maintenant);
  // The body depends on the cached offer, the normalised filters and the day
  // (metadata.date, dispo=maintenant): serialized, hashed and compressed once
  // per cached offer, then served from memory.
  const cle = `geojson|${date}|${filtresEnParams(filtres, ['page']).toString()}`;
  const corps = await deriveDeLOffre(
    locals.db,
    o,
    cle,
    async (rechercher) => {
      const r = await rechercher(filtres);
      return preparerCorps(
        JSON.stringify({
          type: 'FeatureCollection',
          metadata: {
            date,
            seuilFraicheurJours: cfg.DISPO_FRAICHEUR_JOURS,
            total: r.resultats.length,
            tri: r.tri,
            communes: r.communes.map((c) => ({ code: c.code, nom: c.nom, centre: [c.centreLon, c.centreLat] })),
            lieuInconnu: r.lieuInconnu,
          },
          features: r.resultats.map(enFeature),
        }),
      );
    },
    (c) => c.octets(),
  );
  return reponsePreparee(request, corps, { type: 'application/geo+json; charset=utf-8', maxAge: 300 });
};

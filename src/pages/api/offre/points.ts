/**
 * GET /api/offre/points: the map's light format (src/domain/offre/points.ts),
 * same filters as /api/offre plus `bbox=minLon,minLat,maxLon,maxLat`.
 * Details of one place: /api/offre/lieu/<id>. See docs/api-offre.md.
 */
import type { APIRoute } from 'astro';
import { FILTRES_VIDES, filtresEnParams, lireFiltres } from '../../../domain/offre/filtres';
import { dansBbox, enPoints, lireBbox, longueurIdUnique } from '../../../domain/offre/points';
import { jourParis } from '../../../domain/temps';
import { deriveDeLOffre } from '../../../server/offre/requetes';
import { erreurJson, preparerCorps, reponsePreparee } from '../../../server/offre/http';
import { traduire } from '../../../i18n';

export const GET: APIRoute = async ({ url, locals, request }) => {
  const { filtres, erreurs } = lireFiltres(url.searchParams);
  const bbox = lireBbox(url.searchParams.get('bbox'));
  const messages: Record<string, string> = Object.fromEntries(Object.entries(erreurs).map(([k, v]) => [k, traduire('fr', v!)]));
  if (url.searchParams.has('bbox') && !bbox) messages.bbox = 'bbox=minLon,minLat,maxLon,maxLat (degrés WGS 84)';
  if (Object.keys(messages).length) return erreurJson(400, { erreurs: messages });
  const cfg = locals.app.config;
  const maintenant = new Date();
  const o = { maintenant, seuilJours: cfg.DISPO_FRAICHEUR_JOURS };
  const date = jourParis(maintenant);
  const cle = `points|${date}|${bbox?.join(',') ?? ''}|${filtresEnParams(filtres, ['page', 'tri']).toString()}`;
  const corps = await deriveDeLOffre(
    locals.db,
    o,
    cle,
    async (rechercher) => {
      // Id length over the whole offer, so that ids do not depend on the filters.
      const [toute, r] = await Promise.all([rechercher(FILTRES_VIDES), rechercher(filtres)]);
      const longueur = longueurIdUnique(toute.resultats.map((x) => x.id));
      const resultats = bbox ? r.resultats.filter((x) => dansBbox(x, bbox)) : r.resultats;
      return preparerCorps(JSON.stringify(enPoints(resultats, longueur, date)));
    },
    (c) => c.octets(),
  );
  return reponsePreparee(request, corps, { type: 'application/json; charset=utf-8', maxAge: 300 });
};

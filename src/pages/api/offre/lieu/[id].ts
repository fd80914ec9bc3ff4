/**
 * GET /api/offre/lieu/<id>: one place of the public offer as a GeoJSON
 * Feature (same public fields as /api/offre), for the map's popups. `id` is
 * the short id of the light format (/api/offre/points) or the full UUID.
 */
import type { APIRoute } from 'astro';
import { FILTRES_VIDES } from '../../../../domain/offre/filtres';
import { enFeature } from '../../../../domain/offre/geojson';
import { correspondId } from '../../../../domain/offre/points';
import { jourParis } from '../../../../domain/temps';
import { rechercherOffre } from '../../../../server/offre/requetes';
import { erreurJson, reponseCachee } from '../../../../server/offre/http';

export const GET: APIRoute = async ({ params, locals, request }) => {
  const id = params.id ?? '';
  if (!/^[0-9a-f-]{8,36}$/i.test(id)) return erreurJson(400, { erreurs: { id: 'identifiant attendu (8 à 32 chiffres hexadécimaux)' } });
  const cfg = locals.app.config;
  const maintenant = new Date();
  const r = await rechercherOffre(locals.db, FILTRES_VIDES, { maintenant, seuilJours: cfg.DISPO_FRAICHEUR_JOURS });
  const trouves = r.resultats.filter((x) => correspondId(x.id, id));
  if (trouves.length !== 1) return erreurJson(404, { erreur: trouves.length ? 'identifiant ambigu' : 'lieu inconnu' });
  const corps = JSON.stringify({ ...enFeature(trouves[0]!), metadata: { date: jourParis(maintenant) } });
  return reponseCachee(request, corps, { type: 'application/geo+json; charset=utf-8', maxAge: 300 });
};

/** GET /api/communes.geojson: commune outlines, the offline base layer of the map. */
import type { APIRoute } from 'astro';
import { contoursCommunes } from '../../server/offre/requetes';
import { reponseCachee } from '../../server/offre/http';

const G = globalThis as unknown as { __gpeContours?: Promise<string> };

export const GET: APIRoute = async ({ locals, request }) => {
  // Outlines change only with a new territory import: built once per process.
  G.__gpeContours ??= contoursCommunes(locals.db).then((fc) => JSON.stringify(fc));
  const corps = await G.__gpeContours.catch((e) => {
    G.__gpeContours = undefined;
    throw e;
  });
  return reponseCachee(request, corps, { type: 'application/geo+json; charset=utf-8', maxAge: 86_400 });
};

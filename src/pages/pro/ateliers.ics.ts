import type { APIRoute } from 'astro';
import { COOKIE_PRO, lireEspacePro } from '../../server/pro/ecran';
import { calendrierAteliers } from '../../server/ateliers/ics';

/** The signed-in professional's confirmed atelier sessions as an iCalendar file. */
export const GET: APIRoute = async ({ locals, cookies }) => {
  const maintenant = new Date();
  const espace = await lireEspacePro(locals.db, cookies.get(COOKIE_PRO)?.value, maintenant);
  if (!espace)
    return new Response('Entrez dans votre espace pour télécharger vos ateliers.', {
      status: 401,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  const ics = await calendrierAteliers(locals.db, espace.structure.id, maintenant);
  return new Response(ics, {
    headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="mes-ateliers.ics"', 'cache-control': 'no-store' },
  });
};

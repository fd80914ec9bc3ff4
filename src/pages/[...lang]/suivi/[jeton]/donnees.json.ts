/** Right of access as a file: everything held about the family, in JSON. */
import type { APIRoute } from 'astro';
import { demandeParJeton } from '../../../../server/demande/suivi';
import { donneesDeLaFamille } from '../../../../server/donnees/famille';
import { CLES_ETAT } from '../../../../domain/demande/suivi';

export const GET: APIRoute = async ({ params, locals }) => {
  const { db, t, lang } = locals;
  if (params.lang !== undefined && params.lang !== lang) return new Response('Not found', { status: 404 });
  const demande = await demandeParJeton(db, params.jeton ?? '');
  if (!demande)
    return new Response(t('suivi.introuvable'), { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  const x = await donneesDeLaFamille(db, demande);
  const corps = { titre: t('suivi.donnees.titre'), langueDuFichier: lang, etatLibelle: t(CLES_ETAT[x.etat]), ...x };
  return new Response(JSON.stringify(corps, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="donnees-${x.reference}.json"`,
      'cache-control': 'no-store',
    },
  });
};

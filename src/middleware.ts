import { defineMiddleware } from 'astro:middleware';
import { app } from './server/boot';
import { splitLangPath, useT } from './i18n';
import { passerLaGarde } from './server/auth/garde';
import { estRouteStaff } from './server/auth/routes';
import { COOKIE_SESSION, sessionDepuisJeton } from './server/auth/staff';
import { avecStaffSurLienFamille, CHEMIN_LIEN_FAMILLE } from './server/auth/acteur';
import { log } from './server/log';
import { avecPolitiqueContenu, entetesJetonPrive, entetesTransport } from './server/http/entetes';
import { finaliserReponse, instantane, texteDeStatut } from './server/http/reponse';
import { cheminPourJournal, refuserCorpsIllisible, reponseErreur } from './server/http/garde';
import { repondreAvantRendu } from './server/formulaires/avant-rendu';

async function enTetesSecurite(reponse: Response, cheminSansLangue: string, frameAncestors: string, tuiles?: string): Promise<Response> {
  const res = await avecPolitiqueContenu(reponse, { cheminSansLangue, frameAncestors, tuiles });
  const h = res.headers;
  if (!cheminSansLangue.startsWith('/embed/')) h.set('X-Frame-Options', 'DENY');
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('Referrer-Policy', 'same-origin');
  h.set('Permissions-Policy', 'geolocation=(self), camera=(), microphone=()');
  return res;
}

export const onRequest = defineMiddleware(async (context, next) => {
  const debut = performance.now();
  const cachesAvant = instantane();
  const ctx = await app();
  const { lang, path } = splitLangPath(context.url.pathname);
  context.locals.app = ctx;
  context.locals.db = ctx.db;
  context.locals.lang = lang;
  context.locals.cheminSansLangue = path;
  context.locals.t = useT(lang);

  const illisible = await refuserCorpsIllisible(context.request, path);
  if (illisible) return illisible;

  const estAdmin = estRouteStaff(path);
  // A staff member on a family's private link acts as herself in the audit log (src/server/auth/acteur.ts).
  const jetonStaff = !estAdmin && CHEMIN_LIEN_FAMILLE.test(path) ? context.cookies.get(COOKIE_SESSION)?.value : undefined;
  const staffPresent = jetonStaff ? (await sessionDepuisJeton(ctx.db, jetonStaff))?.utilisateur : undefined;
  const traiter = async () =>
    estAdmin
      ? passerLaGarde(context, next, ctx.db, path)
      : staffPresent
        ? avecStaffSurLienFamille(staffPresent, next)
        : ((await repondreAvantRendu(context)) ?? next());
  const enTetes = (r: Response) => enTetesSecurite(r, path, ctx.config.EMBED_FRAME_ANCESTORS, ctx.config.MAP_TILE_URL);
  const rendue = await traiter().catch((err: unknown) => reponseErreur(err, context.request, context.url));
  // A page read whole for its policy may fail while rendering: it becomes the error page, not a truncated one.
  const res = await enTetes(rendue).catch((err: unknown) => enTetes(reponseErreur(err, context.request, context.url)));
  entetesTransport(res, context.url);
  entetesJetonPrive(res, path);
  if (estAdmin) res.headers.set('Cache-Control', 'no-store');
  log.debug({ method: context.request.method, path: cheminPourJournal(context.url), status: res.status, ms: Math.round(performance.now() - debut) }, 'request');
  return texteDeStatut(await finaliserReponse(context, res, cachesAvant));
});

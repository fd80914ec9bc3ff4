import { defineMiddleware } from 'astro:middleware';
import { app } from './server/boot';
import { splitLangPath, useT } from './i18n';
import { COOKIE_SESSION, sessionDepuisJeton } from './server/auth/staff';
import { egalConstant } from './server/auth/tokens';
import { log } from './server/log';
import { entetesJetonPrive, entetesTransport } from './server/http/entetes';
import { cheminPourJournal, refuserCorpsIllisible, reponseErreur } from './server/http/garde';

const PUBLIC_ADMIN = new Set(['/admin/connexion']);

function enTetesSecurite(res: Response, cheminSansLangue: string, frameAncestors: string, tuiles?: string): void {
  const h = res.headers;
  const cadre = cheminSansLangue.startsWith('/embed/') ? `frame-ancestors ${frameAncestors}` : "frame-ancestors 'none'";
  let tileOrigin = '';
  try {
    if (tuiles) tileOrigin = ' ' + new URL(tuiles.replace(/\{[a-z]\}/g, 'a')).origin;
  } catch { /* a template we cannot parse: tiles will be blocked by CSP */ }
  if (!h.has('Content-Security-Policy')) {
    h.set('Content-Security-Policy', [
      "default-src 'self'", "base-uri 'self'", "form-action 'self'", "object-src 'none'",
      "script-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'",
      `img-src 'self' data: blob:${tileOrigin}`, "connect-src 'self'", cadre,
    ].join('; '));
  }
  if (!cheminSansLangue.startsWith('/embed/')) h.set('X-Frame-Options', 'DENY');
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('Referrer-Policy', 'same-origin');
  h.set('Permissions-Policy', 'geolocation=(self), camera=(), microphone=()');
}

export const onRequest = defineMiddleware(async (context, next) => {
  const debut = performance.now();
  const ctx = await app();
  const { lang, path } = splitLangPath(context.url.pathname);
  context.locals.app = ctx;
  context.locals.db = ctx.db;
  context.locals.lang = lang;
  context.locals.cheminSansLangue = path;
  context.locals.t = useT(lang);

  const illisible = await refuserCorpsIllisible(context.request, path);
  if (illisible) return illisible;

  const estAdmin = path === '/admin' || path.startsWith('/admin/') || path.startsWith('/api/admin/');
  if (estAdmin) {
    const session = await sessionDepuisJeton(ctx.db, context.cookies.get(COOKIE_SESSION)?.value);
    if (session) {
      context.locals.staff = session.utilisateur;
      context.locals.csrf = session.csrf;
    }
    if (!session && !PUBLIC_ADMIN.has(path)) {
      if (path.startsWith('/api/')) return new Response('Non authentifié', { status: 401 });
      return context.redirect(`/admin/connexion?retour=${encodeURIComponent(context.url.pathname + context.url.search)}`, 303);
    }
    // Synchroniser token on every staff form post (on top of Astro's Origin check).
    if (session && context.request.method === 'POST') {
      const type = context.request.headers.get('content-type') ?? '';
      let jeton = context.request.headers.get('x-csrf-token') ?? '';
      if (!jeton && (type.includes('form'))) {
        const f = await context.request.clone().formData();
        jeton = String(f.get('_csrf') ?? '');
      }
      if (!egalConstant(jeton, session.csrf)) return new Response(context.locals.t('erreurs.csrf'), { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
  }

  const res = await next().catch((err: unknown) => reponseErreur(err, context.request, context.url));
  enTetesSecurite(res, path, ctx.config.EMBED_FRAME_ANCESTORS, ctx.config.MAP_TILE_URL);
  entetesTransport(res, context.url);
  entetesJetonPrive(res, path);
  if (estAdmin) res.headers.set('Cache-Control', 'no-store');
  log.debug({ method: context.request.method, path: cheminPourJournal(context.url), status: res.status, ms: Math.round(performance.now() - debut) }, 'request');
  return res;
});

/**
 * The guard of the back office, called once by the middleware for every
 * /admin route: staff session, CSRF token on posts, the role each route
 * needs (routes.ts), the perimeter of the record a route names (a demande,
 * a RDV, a place, a réunion), and the 403 page for every refusal, including
 * an AccesRefuse thrown later by a page or a handler. Pages never answer 403
 * themselves.
 */
import type { APIContext, MiddlewareNext } from 'astro';
import { eq } from 'drizzle-orm';
import { schema, type DbOrTx } from '../db';
import { AccesRefuse, peutVoirRdv } from './acces';
import { COOKIE_SESSION, sessionDepuisJeton, type Staff } from './staff';
import { egalConstant } from './tokens';
import { exigenceDe } from './routes';
import { exigerAccesDemande, DemandeIntrouvable } from '../backoffice/demande';
import { exigerGestionStructure } from '../disponibilite/perimetre';
import { exigerRdv } from '../staff/rdv';
import { jourParis } from '../../domain/temps';
import { formulaireDe } from '../http/corps';

const PAGE_REFUS = '/admin/acces-refuse';

/** Why the 403 page is shown: it words its message from this. */
type Refus = { motif: 'role' | 'perimetre' | 'csrf'; detail?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The perimeter rule of the record a route names, or nothing when the route names none. */
export async function exigerRessource(db: DbOrTx, u: Staff, chemin: string, methode: string): Promise<void> {
  let m = /^\/admin\/demandes\/([^/]+)$/.exec(chemin);
  if (m && m[1] !== 'nouvelle') {
    try {
      await exigerAccesDemande(db, u, m[1]!);
    } catch (e) {
      if (!(e instanceof DemandeIntrouvable)) throw e; // the page answers 404
    }
    return;
  }
  m = /^\/admin\/agenda\/rdv\/([^/]+)$/.exec(chemin);
  if (m) {
    // Seeing the slot is a matter of relais; acting on it, of sector too (same rule as the demande).
    await exigerRdv(db, u, m[1]!, { agir: methode !== 'GET' && methode !== 'HEAD' });
    return;
  }
  m = /^\/admin\/agenda\/reunions\/([^/]+)$/.exec(chemin);
  if (m && UUID.test(m[1]!)) {
    const [r] = await db.select({ relaisId: schema.reunionsInfo.relaisId }).from(schema.reunionsInfo).where(eq(schema.reunionsInfo.id, m[1]!));
    if (r && !peutVoirRdv(u, r)) throw new AccesRefuse();
    return;
  }
  m = /^\/admin\/offre\/([^/]+)(\/fiche)?$/.exec(chemin);
  if (m && m[1] !== 'import') {
    if (!UUID.test(m[1]!)) throw new AccesRefuse();
    const [s] = await db.select({ id: schema.structures.id }).from(schema.structures).where(eq(schema.structures.id, m[1]!));
    if (s) await exigerGestionStructure(db, u, s.id, jourParis(new Date()));
  }
}

async function jetonPoste(requete: Request): Promise<string> {
  const enTete = requete.headers.get('x-csrf-token');
  if (enTete) return enTete;
  const type = requete.headers.get('content-type') ?? '';
  if (!type.includes('form')) return '';
  try {
    return String((await formulaireDe(requete)).get('_csrf') ?? '');
  } catch {
    return '';
  }
}

/** Renders the 403 page in place of the route (the middleware is not run again). */
function refuser(context: APIContext, next: MiddlewareNext, refus: Refus): Promise<Response> {
  context.locals.refus = refus;
  return next(PAGE_REFUS);
}

/**
 * Runs the route behind the guard. `chemin` is the path without language
 * prefix. Returns the response to send (the route's, a redirect to sign in,
 * a 401 for the API, or the 403 page).
 */
export async function passerLaGarde(context: APIContext, next: MiddlewareNext, db: DbOrTx, chemin: string): Promise<Response> {
  const session = await sessionDepuisJeton(db, context.cookies.get(COOKIE_SESSION)?.value);
  if (session) {
    context.locals.staff = session.utilisateur;
    context.locals.csrf = session.csrf;
  }
  const exigence = exigenceDe(chemin);
  if (exigence === 'public') return next();
  if (!session) {
    if (chemin.startsWith('/api/')) return new Response('Non authentifié', { status: 401 });
    return context.redirect(`/admin/connexion?retour=${encodeURIComponent(context.url.pathname + context.url.search)}`, 303);
  }
  // The territory requires a second factor for this role: nothing else until it is set up.
  if (session.doubleFacteurManquant && !/^\/admin\/(securite|deconnexion|acces-refuse)\/?$/.test(chemin)) {
    if (chemin.startsWith('/api/')) return new Response('Double authentification à activer', { status: 403 });
    return context.redirect('/admin/securite', 303);
  }
  // Synchroniser token on every staff post (on top of Astro's Origin check).
  if (context.request.method === 'POST' && !egalConstant(await jetonPoste(context.request), session.csrf)) return refuser(context, next, { motif: 'csrf' });
  const u = session.utilisateur;
  if (!exigence.includes(u.role)) return refuser(context, next, { motif: 'role' });
  try {
    await exigerRessource(db, u, chemin.replace(/\/+$/, ''), context.request.method);
    return await next();
  } catch (e) {
    if (e instanceof AccesRefuse) return refuser(context, next, { motif: 'perimetre', detail: e.message === 'Accès refusé' ? undefined : e.message });
    throw e;
  }
}

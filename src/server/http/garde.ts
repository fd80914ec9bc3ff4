// Middleware helpers: refuse unreadable bodies before any handler (400/415),
// private-token pages never cached nor leaked by Referer, and errors logged
// without personal data.
import { CSP_PAGE_ERREUR, pageErreurSimple } from './entrees';
import { masquerLiensPrives } from '../../domain/courriels/masque';
import { log } from '../log';
import { codeSql, erreurSansDonnees } from '../redaction';
import { formulaireDe } from './corps';

const SURS = new Set(['GET', 'HEAD', 'OPTIONS']);

function page(statut: number): Response {
  return new Response(pageErreurSimple(statut), {
    status: statut,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': CSP_PAGE_ERREUR },
  });
}

/** A form post must be a readable form: JSON, no Content-Type or broken multipart get a page, not a 500. */
export async function refuserCorpsIllisible(request: Request, chemin: string): Promise<Response | null> {
  if (SURS.has(request.method) || chemin.startsWith('/_actions/') || chemin.startsWith('/_server-islands/')) return null;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  const formulaire = type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
  if (!formulaire) return chemin.startsWith('/api/') ? null : page(415);
  try {
    await formulaireDe(request);
    return null;
  } catch {
    return page(400);
  }
}

/** Pages whose URL carries a private token (family follow-up, RDV, registration, AM sign-in, reminders). */
export const CHEMIN_A_JETON = /^\/(suivi|rdv|reunions\/inscription|pro\/lien|pro\/confirmer|relance|relation)(\/|$)/;

/**
 * The private link never leaves the site in a Referer: `same-origin`, not
 * `no-referrer`, because with `no-referrer` Chromium sends `Origin: null` on
 * the page's own form posts and the origin check refuses them.
 */
export function entetesJetonPrive(res: Response, chemin: string): void {
  if (!CHEMIN_A_JETON.test(chemin)) return;
  res.headers.set('Referrer-Policy', 'same-origin');
  res.headers.set('Cache-Control', 'no-store');
}

/** A path fit for the log: private tokens masked, no query string (it may hold an email or a name). */
export function cheminPourJournal(url: URL): string {
  return masquerLiensPrives(url.pathname) + (url.search ? '?…' : '');
}

/**
 * Last line of defence. Input that reached SQL and was refused there (bad
 * value, unknown reference) is the client's fault: 400, not 500.
 */
export function reponseErreur(err: unknown, request: Request, url: URL): Response {
  const code = codeSql(err);
  const saisie = !!code && (code.startsWith('22') || code === '23503' || code === '23502' || code === '23514');
  log[saisie ? 'warn' : 'error'](
    { erreur: erreurSansDonnees(err), method: request.method, path: cheminPourJournal(url) },
    saisie ? 'input refused by the database' : 'request failed',
  );
  return page(saisie ? 400 : 500);
}

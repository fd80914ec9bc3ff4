/**
 * Which staff role each back-office route needs, in one table read by the
 * middleware (garde.ts). A route not listed here is refused to everyone but
 * the territory admin: a new page is closed until it says who may open it.
 */
import type { Role } from './staff';

export type Exigence = 'public' | readonly Role[];

const TOUS: readonly Role[] = ['admin', 'animatrice', 'commune'];
const EQUIPES: readonly Role[] = ['admin', 'animatrice'];

/** First match wins. Paths are without language prefix, without trailing slash. */
export const ROUTES_STAFF: readonly { motif: RegExp; exigence: Exigence }[] = [
  { motif: /^\/admin\/connexion$/, exigence: 'public' },
  { motif: /^\/admin(\/deconnexion|\/acces-refuse)?$/, exigence: TOUS },
  { motif: /^\/admin\/statistiques(\/.*)?$/, exigence: TOUS },
  { motif: /^\/admin\/parametres$/, exigence: TOUS },
  { motif: /^\/admin\/(demandes|agenda|offre)(\/.*)?$/, exigence: EQUIPES },
  { motif: /^\/admin\/(courriels|sms)$/, exigence: EQUIPES },
  { motif: /^\/admin\/contacts(\/sous-activite)?$/, exigence: EQUIPES },
];

export function exigenceDe(chemin: string): Exigence {
  const c = chemin.length > 1 ? chemin.replace(/\/+$/, '') : chemin;
  return ROUTES_STAFF.find((r) => r.motif.test(c))?.exigence ?? ['admin'];
}

export function estRouteStaff(chemin: string): boolean {
  return chemin === '/admin' || chemin.startsWith('/admin/') || chemin.startsWith('/api/admin/');
}

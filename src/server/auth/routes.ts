/**
 * Which staff role each back-office route needs, in one table read by the
 * middleware (garde.ts). A route not listed here is refused to everyone but
 * the territory admin: a new page is closed until it says who may open it.
 */
import type { Role } from './staff';

type Exigence = 'public' | readonly Role[];

const TOUS: readonly Role[] = ['admin', 'animatrice', 'commune'];
const EQUIPES: readonly Role[] = ['admin', 'animatrice'];
/** The crèche manager signs in, sees the families proposed to their crèche, and nothing else. */
const GESTION_CRECHE: readonly Role[] = ['gestionnaire-creche'];

/** First match wins. Paths are without language prefix, without trailing slash. */
const ROUTES_STAFF: readonly { motif: RegExp; exigence: Exigence }[] = [
  { motif: /^\/admin\/connexion(\/code)?$/, exigence: 'public' },
  { motif: /^\/admin\/securite$/, exigence: [...TOUS, 'gestionnaire-creche'] },
  { motif: /^\/admin(\/deconnexion|\/acces-refuse)?$/, exigence: [...TOUS, 'gestionnaire-creche'] },
  { motif: /^\/admin\/creches\/gestion$/, exigence: GESTION_CRECHE },
  { motif: /^\/admin\/creches\/grille$/, exigence: ['admin'] },
  { motif: /^\/admin\/creches(\/.*)?$/, exigence: EQUIPES },
  { motif: /^\/admin\/statistiques(\/.*)?$/, exigence: TOUS },
  { motif: /^\/admin\/parametres$/, exigence: TOUS },
  { motif: /^\/admin\/(demandes|agenda|offre)(\/.*)?$/, exigence: EQUIPES },
  { motif: /^\/admin\/(ateliers|analyse-pratique)(\/.*)?$/, exigence: EQUIPES },
  { motif: /^\/admin\/(formations|evenements)(\/.*)?$/, exigence: EQUIPES },
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

/**
 * What the /pro pages hand their loader: a subset of Astro's context (easy
 * to build in tests), the signed-in space read from the pro cookie, and the
 * page's answer (a 303 redirection after a successful POST, or a view with
 * its HTTP status).
 */
import type { AstroCookies } from 'astro';
import { adresseClient, lireFormulaire } from '../formulaires/contrat';
import { COOKIE_PRO, lireEspacePro, type EspacePro } from './ecran';

export type ContextePro = {
  request: Request;
  url: URL;
  locals: App.Locals;
  cookies: AstroCookies;
  clientAddress?: string;
};

export type ReponsePro<V> = { type: 'redirection'; url: string } | { type: 'vue'; statut: number; vue: V };

/** The signed-in space (null when the cookie is missing, expired or the place inactive). */
export const espaceDuContexte = (ctx: ContextePro, maintenant: Date): Promise<EspacePro> =>
  lireEspacePro(ctx.locals.db, ctx.cookies.get(COOKIE_PRO)?.value, maintenant);

/** The posted fields (repeated names as arrays), or null when the request is not a POST. */
export async function saisiePostee(ctx: ContextePro): Promise<Record<string, string | string[]> | null> {
  return ctx.request.method === 'POST' ? lireFormulaire(ctx.request) : null;
}

/** The posted fields, first value of each. */
export const unSeul = (saisie: Record<string, string | string[]>): Record<string, string> =>
  Object.fromEntries(Object.entries(saisie).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]));

export { adresseClient };

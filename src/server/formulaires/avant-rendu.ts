/**
 * Form posts answered before their page is loaded (issue 20). For the routes
 * listed here, the middleware runs the page's handler on a POST: a
 * redirection (Post/Redirect/Get, the usual end of a form that worked) goes
 * out at once, without loading, preparing nor rendering the page; a view is
 * kept for the page, which renders it (`reponseFormulaire`) instead of running
 * the handler again. The handler contract is unchanged (./contrat.ts), and a
 * page not listed calls its handler as before.
 */
import type { APIContext } from 'astro';
import { langueDeRouteValide } from '../../lib/page';
import type { ContexteFormulaire, Reponse } from './contrat';
import { traiterDemande } from './demande';
import { traiterQuestionnaire } from './questionnaire';
import { traiterLienPerdu } from './lien-perdu';

type Gestionnaire<V> = (ctx: ContexteFormulaire) => Promise<Reponse<V>>;

/** Route pattern → the handler its page calls with `reponseFormulaire(Astro, …)`. */
const AVANT_RENDU: Readonly<Record<string, Gestionnaire<unknown>>> = {
  '/[...lang]/demande': traiterDemande,
  '/[...lang]/questionnaire': traiterQuestionnaire,
  '/[...lang]/suivi': traiterLienPerdu,
};

const traitees = new WeakMap<Request, { gestionnaire: Gestionnaire<unknown>; reponse: Promise<Reponse<unknown>> }>();

/** In the middleware: the redirection of a listed form post, or null (the page renders). */
export async function repondreAvantRendu(context: APIContext): Promise<Response | null> {
  const gestionnaire = context.request.method === 'POST' ? AVANT_RENDU[context.routePattern] : undefined;
  // A wrong language prefix is the page's 404, as if nothing had been posted.
  if (!gestionnaire || !langueDeRouteValide(context)) return null;
  const reponse = gestionnaire(context);
  traitees.set(context.request, { gestionnaire, reponse });
  const r = await reponse;
  return r.type === 'redirection' ? context.redirect(r.url, 303) : null;
}

/** In the page: what its handler answered for this request (run by the middleware, or now). */
export function reponseFormulaire<V>(ctx: ContexteFormulaire, gestionnaire: Gestionnaire<V>): Promise<Reponse<V>> {
  const deja = traitees.get(ctx.request);
  return deja && deja.gestionnaire === gestionnaire ? (deja.reponse as Promise<Reponse<V>>) : gestionnaire(ctx);
}

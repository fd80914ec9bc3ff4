/**
 * The two halves every staff form page repeats, written once:
 * - `traiterPost`: on POST, read the form, run the handler, answer 303 on
 *   success; otherwise hand back the failed result for the page to redisplay,
 *   with 422 when it names errors (a handler may also answer "same form, more
 *   to choose", such as the next free slots, which is not an error);
 * - `relecture`: what a page needs to redisplay a form (values as posted,
 *   errors by field), scoped to one form when a page holds several, so that
 *   another form's values never leak into it. Nothing typed is lost.
 */
import { lireSaisie, tous, un, type Erreurs, type Resultat, type Saisie } from './contexte';

/** The part of Astro's page context the POST half needs. */
export type ContextePost = { request: Request; response: { status?: number }; redirect: (chemin: string, statut: 303) => Response };

/** The failed branch of a handler's result. */
export type Echec<R> = Extract<R, { ok: false }>;

/** Redirect (a Response to return), the failed result to redisplay, or null when the request is not a POST. */
export async function traiterPost<R extends Resultat>(astro: ContextePost, agir: (saisie: Saisie) => Promise<R>): Promise<Response | Echec<R> | null> {
  if (astro.request.method !== 'POST') return null;
  const resultat = await agir(await lireSaisie(astro.request));
  if (resultat.ok) return astro.redirect(resultat.redirection, 303);
  if (Object.keys(resultat.erreurs).length > 0) astro.response.status = 422;
  return resultat as Echec<R>;
}

type Relecture = {
  /** Text value of field `k` as posted in this form, `defaut` otherwise. */
  v: (k: string, defaut?: string) => string;
  /** Checked values of a checkbox group, as posted in this form (none otherwise). */
  coches: (k: string) => string[];
  /** Error of field `k` in this form. */
  err: (k: string) => string | undefined;
  /** Whether this form is the one that came back. */
  actif: boolean;
};

/**
 * Reads back a failed post for one form of the page. `formulaire` names it;
 * `poste` is the form the failed post came from (undefined: a page with a single form).
 */
export function relecture(echec: { saisie: Saisie; erreurs: Erreurs } | null, formulaire?: string, poste?: string | null): Relecture {
  const actif = !!echec && (formulaire === undefined || formulaire === poste);
  const saisie = actif ? echec.saisie : {};
  const erreurs = actif ? echec.erreurs : {};
  return {
    actif,
    v: (k, defaut = '') => (actif && k in saisie ? un(saisie, k) : defaut),
    coches: (k) => tous(saisie, k),
    err: (k) => erreurs[k] || undefined,
  };
}

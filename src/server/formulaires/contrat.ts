/**
 * The contract every form handler keeps (family, AM and staff forms alike):
 * - it reads the posted form itself (`lireFormulaire`) and parses it with zod;
 * - it returns a typed `Reponse`: either a redirection (303, Post/Redirect/Get)
 *   or a view to render with its HTTP status (422 on bad input, 409 on a
 *   conflict such as a slot taken), never a 500 for bad input;
 * - errors are `Erreurs`: field name → i18n key, rendered next to each field
 *   and in the ErrorSummary by the page with the form kit (src/components/form/);
 * - the view carries back every posted value, so nothing typed is lost.
 * A page calls its handler and renders: `const r = await traiter…(Astro);
 * if (r.type === 'redirection') return Astro.redirect(r.url, 303);
 * Astro.response.status = r.statut;`. A busy form's page lists its handler in
 * ./avant-rendu.ts and calls `reponseFormulaire(Astro, traiter…)` instead: the
 * middleware then answers its redirections without loading the page.
 */
import type { AstroCookies } from 'astro';
import type { ZodError } from 'zod';
import { formulaireEnObjet } from '../../lib/page';
import { formulaireDe } from '../http/corps';

/** Field name → i18n key of the message. */
export type Erreurs<C extends string = string> = Partial<Record<C, string>>;

/** 429: a rate limit of src/domain/limites.ts; the form comes back with what was typed. */
export type StatutVue = 200 | 409 | 422 | 429;

export type Reponse<V> = { type: 'redirection'; url: string } | { type: 'vue'; statut: StatutVue; vue: V };

export const redirection = (url: string): { type: 'redirection'; url: string } => ({ type: 'redirection', url });
export const vue = <V>(v: V, statut: StatutVue = 200): { type: 'vue'; statut: StatutVue; vue: V } => ({ type: 'vue', statut, vue: v });

/** What a handler needs from the request (a subset of Astro's context, easy to build in tests). */
export type ContexteFormulaire = {
  request: Request;
  url: URL;
  locals: App.Locals;
  cookies?: AstroCookies;
  /** The client's address (after TRUST_PROXY); Astro's `clientAddress`. */
  clientAddress?: string;
};

/** The client's address for the rate limits; Astro throws when the adapter has none. */
export function adresseClient(ctx: ContexteFormulaire): string {
  try {
    return ctx.clientAddress || 'inconnue';
  } catch {
    return 'inconnue';
  }
}

/** The posted fields as strings; repeated names become arrays. Not a form post → {}. */
export async function lireFormulaire(request: Request): Promise<Record<string, string | string[]>> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('form')) return {};
  try {
    return formulaireEnObjet(await formulaireDe(request));
  } catch {
    return {};
  }
}

/** The first value of each field (for forms without repeated names). */
export function valeursSimples(o: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]));
}

/**
 * Zod issues → Erreurs, first issue per field. `cle` turns a field and the
 * issue's message into an i18n key (messages that already are keys are kept).
 */
export function erreursZod(e: ZodError, cle: (champ: string, message: string) => string): Erreurs {
  const out: Erreurs = {};
  for (const i of e.issues) {
    const champ = String(i.path[0] ?? '_');
    out[champ] ??= cle(champ, i.message);
  }
  return out;
}

/**
 * What every staff handler receives, and the result they return. It is the
 * form contract of src/server/formulaires/contrat.ts (same reader, same zod
 * errors, Post/Redirect/Get on success, 422 and every typed value back on
 * failure) in the back office's shape: messages are French text, not i18n
 * keys, since /admin is French only; see docs/decisions/2026-12-06-resultat-staff.md.
 * Handlers throw AccesRefuse for a refusal: the guard turns it into the 403 page.
 */
import type { z } from 'zod';
import { erreursZod as erreursContrat, lireFormulaire } from '../formulaires/contrat';
import type { Db } from '../db';
import type { Config } from '../config';
import { AccesRefuse } from '../auth/acces';
import type { Staff } from '../auth/staff';

export type ContexteStaff = { db: Db; staff: Staff; config: Config; secret: string; maintenant: Date };

/** Fields as posted: repeated names (checkboxes) become arrays. */
export type Saisie = Record<string, string | string[]>;
/** Field name → message in French (the back office is French only). */
export type Erreurs = Record<string, string>;

/**
 * The one result of a staff handler: where to go (303), or the form again
 * (422) with its errors by field, what was typed, and `V`, what else the page
 * needs to redisplay it (which of several forms, the free slots found…).
 */
export type Resultat<V extends object = object> = { ok: true; redirection: string } | ({ ok: false; erreurs: Erreurs; saisie: Saisie } & V);

/** From Astro.locals, set by the middleware; no staff here means the guard was bypassed: refuse. */
export function contexteStaff(locals: App.Locals, maintenant = new Date()): ContexteStaff {
  if (!locals.staff) throw new AccesRefuse();
  return { db: locals.db, staff: locals.staff, config: locals.app.config, secret: locals.app.secret, maintenant };
}

/** The posted fields (contrat.ts's reader), without the CSRF token the guard already checked. */
export async function lireSaisie(requete: Request): Promise<Saisie> {
  const { _csrf: _jeton, ...saisie } = await lireFormulaire(requete);
  return saisie;
}

/** First value of a field (a single text field posted twice keeps the first). */
export const un = (s: Saisie, k: string): string => {
  const v = s[k];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};
/** Every value of a field (checkbox group). */
export const tous = (s: Saisie, k: string): string[] => {
  const v = s[k];
  return Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v];
};

/** First zod message per field, already French. */
export function erreursZod(e: z.ZodError): Erreurs {
  return erreursContrat(e, (_champ, message) => message) as Erreurs;
}

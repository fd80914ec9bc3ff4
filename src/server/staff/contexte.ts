/**
 * What every staff handler receives, and the one result shape they return:
 * success → the page redirects (303, POST/redirect/GET); failure → the page
 * answers 422 and redisplays what was typed with each error next to its field.
 * Handlers throw AccesRefuse for a refusal: the guard turns it into the 403 page.
 */
import type { z } from 'zod';
import type { Db } from '../db';
import type { Config } from '../config';
import { AccesRefuse } from '../auth/acces';
import type { Staff } from '../auth/staff';

export type ContexteStaff = { db: Db; staff: Staff; config: Config; secret: string; maintenant: Date };

/** Fields as posted: repeated names (checkboxes) become arrays. */
export type Saisie = Record<string, string | string[]>;
/** Field name → message in French (the back office is French only). */
export type Erreurs = Record<string, string>;

export type Resultat = { ok: true; redirection: string } | { ok: false; erreurs: Erreurs; saisie: Saisie };

/** From Astro.locals, set by the middleware; no staff here means the guard was bypassed: refuse. */
export function contexteStaff(locals: App.Locals, maintenant = new Date()): ContexteStaff {
  if (!locals.staff) throw new AccesRefuse();
  return { db: locals.db, staff: locals.staff, config: locals.app.config, secret: locals.app.secret, maintenant };
}

export async function lireSaisie(requete: Request): Promise<Saisie> {
  const o: Saisie = {};
  for (const [k, v] of (await requete.formData()).entries()) {
    if (typeof v !== 'string' || k === '_csrf') continue;
    const avant = o[k];
    o[k] = avant === undefined ? v : Array.isArray(avant) ? [...avant, v] : [avant, v];
  }
  return o;
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

export function erreursZod(e: z.ZodError): Erreurs {
  const out: Erreurs = {};
  for (const i of e.issues) out[String(i.path[0] ?? 'formulaire')] ??= i.message;
  return out;
}

export const echec = (saisie: Saisie, erreurs: Erreurs): Resultat => ({ ok: false, erreurs, saisie });
export const succes = (redirection: string): Resultat => ({ ok: true, redirection });

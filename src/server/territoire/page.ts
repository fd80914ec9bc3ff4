/**
 * The one piece of glue between the territory pages and their handlers: read
 * the form, call the handler named by its `action` field, redirect after
 * success (with a one-time message), or give the errors back to the page.
 */
import type { AstroGlobal } from 'astro';
import { formulaireEnObjet } from '../../lib/page';
import { AccesRefuse } from '../auth/acces';
import { invalider } from '../cache';
import { LIMITE_IMPORT } from '../http/entrees';
import { champ, type Erreurs, type Formulaire, type Resultat } from './commun';
import type { Db } from '../db';
import type { Staff } from '../auth/staff';
import { formulaireDe } from '../http/corps';

export type Gestionnaire = (db: Db, u: Staff | undefined, f: Formulaire) => Promise<Resultat<unknown>>;
export type Etat = { reponse?: Response; f: Formulaire; erreurs: Erreurs; action: string; message: string | null };

const COOKIE = 'gpe_message';
const TAILLE_MAX_FICHIER = LIMITE_IMPORT;

export function estAdmin(Astro: AstroGlobal): boolean {
  return Astro.locals.staff?.role === 'admin';
}

/** The guard (src/server/auth/garde.ts) answers with the portal's 403 page. */
export function refus(): never {
  throw new AccesRefuse('Cette page est réservée aux administrateurs du territoire.');
}

export async function traiterFormulaire(Astro: AstroGlobal, actions: Record<string, Gestionnaire>, retour?: string): Promise<Etat> {
  const message = Astro.cookies.get(COOKIE)?.value ?? null;
  if (message) Astro.cookies.delete(COOKIE, { path: '/admin' });
  if (Astro.request.method !== 'POST') return { f: {}, erreurs: {}, action: '', message: message ? decodeURIComponent(message) : null };
  let f: Formulaire;
  try {
    const donnees = await formulaireDe(Astro.request);
    f = formulaireEnObjet(donnees);
    // Uploaded files (CSV, GeoJSON) come in as text; the handler checks what they really are.
    for (const [k, v] of donnees.entries()) if (typeof v !== 'string' && v.size > 0 && v.size <= TAILLE_MAX_FICHIER) f[k] = await v.text();
    for (const [k, v] of donnees.entries())
      if (typeof v !== 'string' && v.size > TAILLE_MAX_FICHIER)
        return { f: {}, erreurs: { [k]: 'Fichier trop gros (5 Mo au plus).' }, action: champ(f, 'action'), message: null };
  } catch {
    return { f: {}, erreurs: { formulaire: 'Formulaire illisible : rechargez la page et recommencez.' }, action: '', message: null };
  }
  const action = champ(f, 'action');
  const g = actions[action];
  if (!g) return { f, erreurs: { formulaire: 'Action inconnue : rechargez la page.' }, action, message: null };
  const r = await g(Astro.locals.db, Astro.locals.staff, f);
  if (r.ok) {
    // Public pages (home, relais, map, routing) follow at once.
    invalider('territoire');
    invalider('offre');
    Astro.cookies.set(COOKIE, encodeURIComponent(r.message), { path: '/admin', httpOnly: true, sameSite: 'lax', maxAge: 120 });
    return { reponse: Astro.redirect(retour ?? Astro.url.pathname + Astro.url.search, 303), f, erreurs: {}, action, message: null };
  }
  return { f, erreurs: r.erreurs, action, message: null };
}

/** Value of a field after a failed post of that form, else the stored value. */
export function valeur(e: Etat, form: string, k: string, stocke: unknown = ''): string {
  if (e.action === form && e.f[k] !== undefined) return champ(e.f, k);
  return stocke === null || stocke === undefined ? '' : String(stocke);
}
export function erreur(e: Etat, form: string, k: string): string | undefined {
  return e.action === form ? e.erreurs[k] : undefined;
}

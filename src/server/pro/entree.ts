/**
 * Entering and leaving the AM space by its links and buttons:
 * /pro/lien/<jeton> (the emailed sign-in link: GET only reads it, so a mail
 * scanner changes nothing; the POST opens the session and sets the cookie)
 * and /pro/deconnexion (closes the session behind its CSRF token).
 */
import { lireJeton } from '../auth/tokens';
import { entrerParLien, fermerSessionPro, sessionPro, USAGE_CONNEXION } from '../disponibilite/comptes';
import { csrfValide, effacerCookiePro, poserCookiePro } from '../disponibilite/page-pro';
import { lireFormulaire } from '../formulaires/contrat';
import { COOKIE_PRO } from './ecran';
import type { ContextePro, ReponsePro } from './contexte';

type RaisonLien = 'inconnu' | 'expire' | 'utilise' | 'trop-de-tentatives';
/** `raison` null: the link is good, the page shows its button (410 otherwise). */
type VueLien = { raison: RaisonLien | null };

export async function chargerLienPro(ctx: ContextePro, jeton: string, maintenant = new Date()): Promise<ReponsePro<VueLien>> {
  const { db } = ctx.locals;
  if (ctx.request.method === 'POST') {
    const r = await entrerParLien(db, jeton, maintenant);
    if (!r.ok) return { type: 'vue', statut: 410, vue: { raison: r.raison } };
    poserCookiePro(ctx.cookies, r.jeton, r.expire, ctx.url.protocol === 'https:');
    return { type: 'redirection', url: '/pro' };
  }
  const r = await lireJeton(db, USAGE_CONNEXION, jeton, maintenant);
  return r.ok ? { type: 'vue', statut: 200, vue: { raison: null } } : { type: 'vue', statut: 410, vue: { raison: r.raison } };
}

/** Leaves the space: 303 to /pro, or 403 when the session's token does not match (the session stays open). */
export async function quitterPro(ctx: ContextePro, maintenant = new Date()): Promise<{ ok: true } | { ok: false; statut: 403 }> {
  const jeton = ctx.cookies.get(COOKIE_PRO)?.value;
  const session = await sessionPro(ctx.locals.db, jeton, maintenant);
  if (session) {
    const f = await lireFormulaire(ctx.request);
    if (!csrfValide(session.csrf, typeof f._csrf === 'string' ? f._csrf : null)) return { ok: false, statut: 403 };
    await fermerSessionPro(ctx.locals.db, jeton);
  }
  effacerCookiePro(ctx.cookies);
  return { ok: true };
}

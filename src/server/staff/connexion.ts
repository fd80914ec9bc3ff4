/** Staff sign-in form: validation, the throttled check (auth/staff.ts), and where to go next. */
import { z } from 'zod';
import type { Db } from '../db';
import { connecter } from '../auth/staff';
import { un, type Saisie } from './contexte';

const schemaConnexion = z.object({ email: z.string().trim().pipe(z.email()), motDePasse: z.string().min(1) });

export type ResultatConnexionStaff =
  | { ok: true; jeton: string; expire: Date; redirection: string }
  | { ok: false; statut: 401 | 422 | 429; erreur: string; email: string }
  /** Password right, second factor on: the code page (src/pages/admin/connexion/code.astro) with this step token. */
  | { ok: 'code'; etape: string; expire: Date; redirection: string };

export const COOKIE_ETAPE = 'gpe_etape';

/** The code page, keeping where to go after. */
export function pageCode(retour: string | null): string {
  const r = retourApresConnexion(retour);
  return r === '/admin' ? '/admin/connexion/code' : `/admin/connexion/code?retour=${encodeURIComponent(r)}`;
}

/** Only a back-office path is followed after sign-in (no open redirect). */
export function retourApresConnexion(retour: string | null): string {
  return retour && /^\/admin(\/|$|\?)/.test(retour) && !retour.startsWith('//') ? retour : '/admin';
}

export async function connecterStaff(
  db: Db,
  saisie: Saisie,
  o: { ip: string; dureeHeures: number; retour: string | null; publicUrl: string; maintenant?: Date },
): Promise<ResultatConnexionStaff> {
  const email = un(saisie, 'email');
  const p = schemaConnexion.safeParse({ email, motDePasse: un(saisie, 'motDePasse') });
  if (!p.success) return { ok: false, statut: 422, erreur: 'Saisissez votre adresse e-mail et votre mot de passe.', email };
  const r = await connecter(db, { ...p.data, ip: o.ip, dureeHeures: o.dureeHeures, publicUrl: o.publicUrl, maintenant: o.maintenant });
  if (r.ok) return { ok: true, jeton: r.jeton, expire: r.expire, redirection: retourApresConnexion(o.retour) };
  if (r.raison === 'code-requis') return { ok: 'code', etape: r.etape, expire: r.expire, redirection: pageCode(o.retour) };
  return r.raison === 'trop-de-tentatives'
    ? {
        ok: false,
        statut: 429,
        email,
        erreur: `Trop d’essais pour ce compte depuis cet appareil. Réessayez dans ${Math.max(1, Math.ceil((r.attenteMs ?? 60_000) / 60_000))} min. Si le compte existe, un lien pour vous connecter tout de suite a été envoyé à son adresse.`,
      }
    : { ok: false, statut: 401, erreur: 'Adresse e-mail ou mot de passe incorrect.', email };
}

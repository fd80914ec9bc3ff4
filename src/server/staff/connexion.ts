/** Staff sign-in form: validation, the throttled check (auth/staff.ts), and where to go next. */
import { z } from 'zod';
import type { Db } from '../db';
import { COOKIE_SESSION, connecter } from '../auth/staff';
import { erreursZod, un, type Erreurs, type Saisie } from './contexte';

const schemaConnexion = z.object({
  email: z.string().trim().min(1, 'Saisissez votre adresse e-mail.').pipe(z.email('Adresse e-mail invalide : elle a la forme prenom.nom@exemple.fr.')),
  motDePasse: z.string().min(1, 'Saisissez votre mot de passe.'),
});

type ResultatConnexionStaff =
  | { ok: true; jeton: string; expire: Date; redirection: string }
  /** `erreurs`: field → message, shown next to the field and in the summary; the password is never sent back. */
  | { ok: false; statut: 401 | 422 | 429; erreurs: Erreurs; email: string }
  /** Password right, second factor on: the code page (src/pages/admin/connexion/code.astro) with this step token. */
  | { ok: 'code'; etape: string; expire: Date; redirection: string };

export const COOKIE_ETAPE = 'gpe_etape';

/** The code page, keeping where to go after. */
function pageCode(retour: string | null): string {
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
  if (!p.success) return { ok: false, statut: 422, erreurs: erreursZod(p.error), email };
  const r = await connecter(db, { ...p.data, ip: o.ip, dureeHeures: o.dureeHeures, publicUrl: o.publicUrl, maintenant: o.maintenant });
  if (r.ok) return { ok: true, jeton: r.jeton, expire: r.expire, redirection: retourApresConnexion(o.retour) };
  if (r.raison === 'code-requis') return { ok: 'code', etape: r.etape, expire: r.expire, redirection: pageCode(o.retour) };
  return r.raison === 'trop-de-tentatives'
    ? {
        ok: false,
        statut: 429,
        email,
        erreurs: {
          email: `Trop d’essais pour ce compte depuis cet appareil. Réessayez dans ${Math.max(1, Math.ceil((r.attenteMs ?? 60_000) / 60_000))} min. Si le compte existe, un lien pour vous connecter tout de suite a été envoyé à son adresse.`,
        },
      }
    : { ok: false, statut: 401, erreurs: { motDePasse: 'Adresse e-mail ou mot de passe incorrect.' }, email };
}

/** The cookie a successful step sets: the session (whole site), or the step token of the code page (only its path). */
export function cookieApresConnexion(
  r: { ok: true; jeton: string; expire: Date } | { ok: 'code'; etape: string; expire: Date },
  https: boolean,
): { nom: string; valeur: string; options: { path: string; httpOnly: true; sameSite: 'strict'; secure: boolean; expires: Date } } {
  const options = { httpOnly: true as const, sameSite: 'strict' as const, secure: https, expires: r.expire };
  return r.ok === 'code'
    ? { nom: COOKIE_ETAPE, valeur: r.etape, options: { path: '/admin/connexion', ...options } }
    : { nom: COOKIE_SESSION, valeur: r.jeton, options: { path: '/', ...options } };
}

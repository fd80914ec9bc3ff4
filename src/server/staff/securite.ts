/**
 * The page where every staff member manages their own second factor
 * (src/pages/admin/securite.astro): which of its three forms was posted,
 * the check of the code (src/server/auth/totp.ts), and what the page shows.
 * A code is never sent back to the page: a wrong one is typed again.
 */
import type { Db } from '../db';
import type { Staff } from '../auth/staff';
import {
  confirmerEnrolement,
  desactiverDoubleFacteur,
  etatDoubleFacteur,
  preparerEnrolement,
  regenererCodes,
  type Enrolement,
  type EtatDoubleFacteur,
} from '../auth/totp';
import { territoireCourant } from '../territoire/parametres';
import { normaliserCode } from '../../domain/securite/totp';
import { un, type Saisie } from './contexte';

/** The page's three forms; each has one field, `code`, with its own control id. */
export const FORMULAIRES_SECURITE = {
  confirmer: { id: 'code-confirmer', libelle: 'Code à 6 chiffres' },
  codes: { id: 'code-codes', libelle: 'Code actuel de l’application' },
  desactiver: { id: 'code-desactiver', libelle: 'Code actuel de l’application' },
} as const;
export type FormulaireSecurite = keyof typeof FORMULAIRES_SECURITE;

const MESSAGES_OK: Record<FormulaireSecurite, string> = {
  confirmer: 'Double authentification activée.',
  codes: 'Nouveaux codes de secours : les anciens ne marchent plus.',
  desactiver: 'Double authentification retirée.',
};

export type ResultatSecurite =
  | { ok: true; message: string; codes: string[] | null }
  /** `formulaire`: the form in error (null when the post named none: the page is stale). */
  | { ok: false; formulaire: FormulaireSecurite | null; erreur: string };

const estFormulaire = (a: string): a is FormulaireSecurite => Object.hasOwn(FORMULAIRES_SECURITE, a);

/** Applies the posted form: enrolment confirmed, new recovery codes, or the factor removed. */
export async function agirSecurite(db: Db, staff: Staff, saisie: Saisie, maintenant = new Date()): Promise<ResultatSecurite> {
  const action = un(saisie, 'action');
  if (!estFormulaire(action)) return { ok: false, formulaire: null, erreur: 'Action inconnue : rechargez la page.' };
  const code = un(saisie, 'code');
  if (!normaliserCode(code))
    return {
      ok: false,
      formulaire: action,
      erreur: action === 'confirmer' ? 'Saisissez le code à 6 chiffres affiché par l’application.' : 'Saisissez le code affiché maintenant par l’application.',
    };
  const agir = { confirmer: confirmerEnrolement, codes: regenererCodes, desactiver: desactiverDoubleFacteur }[action];
  const r = await agir(db, staff, code, maintenant);
  return r.ok ? { ok: true, message: MESSAGES_OK[action], codes: r.codes ?? null } : { ok: false, formulaire: action, erreur: r.erreur };
}

type VueSecurite = { etat: EtatDoubleFacteur; enrolement: Enrolement | null };

/** The state of the factor and, while it is off, the key to scan (named after the territory in the app). */
export async function vueSecurite(db: Db, staff: Staff): Promise<VueSecurite> {
  const etat = await etatDoubleFacteur(db, staff);
  if (etat.actif) return { etat, enrolement: null };
  const t = await territoireCourant(db);
  return { etat, enrolement: await preparerEnrolement(db, staff, t?.nomCourt || t?.nom || 'Guichet Petite Enfance') };
}

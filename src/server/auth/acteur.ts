/**
 * Who really acts on a family's private link. A staff member signed in who
 * opens or submits a family's page (/suivi/…, /rdv/…, /reunions/inscription/…,
 * /relance/…) is recorded as herself, never as the family: the middleware runs
 * the request inside `avecStaffSurLienFamille`, and `journaliser` reads it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Staff } from './staff';

const courant = new AsyncLocalStorage<{ staff: Staff }>();

/** Family pages reached through a private link (the lost-link form /suivi has none). */
export const CHEMIN_LIEN_FAMILLE = /^\/(suivi|rdv|reunions\/inscription|relance)\/[^/]/;

export function avecStaffSurLienFamille<T>(staff: Staff, f: () => T): T {
  return courant.run({ staff }, f);
}

/** The staff member whose session came with the current family-link request, if any. */
export function staffSurLienFamille(): Staff | null {
  return courant.getStore()?.staff ?? null;
}

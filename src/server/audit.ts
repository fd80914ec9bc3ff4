import { schema, type DbOrTx } from './db';
import type { Staff } from './auth/staff';
import type { ActionAudit } from '../domain/audit';
import { staffSurLienFamille } from './auth/acteur';

/**
 * Writes who did or saw what (every access to a demande goes through here).
 * `u = null` means the family, unless a staff member's session came with the
 * request on the family's link: then she is the actor, marked `viaLienFamille`.
 */
export async function journaliser(
  db: DbOrTx,
  u: Staff | null,
  action: ActionAudit,
  objetType: string,
  objetId?: string | null,
  details?: unknown,
): Promise<void> {
  await db.insert(schema.journalAudit).values(ligneAudit(u, action, objetType, objetId, details));
}

/** The audit row `journaliser` writes (to be part of a larger statement: src/server/demande/creer.ts). */
export function ligneAudit(
  u: Staff | null,
  action: ActionAudit,
  objetType: string,
  objetId?: string | null,
  details?: unknown,
): typeof schema.journalAudit.$inferInsert {
  const present = u ? null : staffSurLienFamille();
  const d = present
    ? {
        ...(details && typeof details === 'object' && !Array.isArray(details) ? details : details === undefined ? {} : { valeur: details }),
        viaLienFamille: true,
      }
    : details;
  return { utilisateurId: (u ?? present)?.id ?? null, action, objetType, objetId: objetId ?? null, details: d ?? null };
}

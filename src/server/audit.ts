import { schema, type DbOrTx } from './db';
import type { Staff } from './auth/staff';
import type { ActionAudit } from '../domain/audit';

/** Writes who did or saw what (every access to a demande goes through here). */
export async function journaliser(db: DbOrTx, u: Staff | null, action: ActionAudit, objetType: string, objetId?: string | null, details?: unknown): Promise<void> {
  await db.insert(schema.journalAudit).values({ utilisateurId: u?.id ?? null, action, objetType, objetId: objetId ?? null, details: details ?? null });
}

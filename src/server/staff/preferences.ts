/** Each staff member's choice of alert emails (page /admin/parametres). */
import { eq } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '../db';
import type { Staff } from '../auth/staff';
import { AccesRefuse } from '../auth/acces';

type Preferences = { resumeQuotidien: boolean; copieUrgences: boolean };
const PREFERENCES_DEFAUT: Preferences = { resumeQuotidien: true, copieUrgences: false };

export async function lirePreferences(db: DbOrTx, utilisateurId: string): Promise<Preferences> {
  const [p] = await db.select().from(schema.preferencesStaff).where(eq(schema.preferencesStaff.utilisateurId, utilisateurId));
  return p ? { resumeQuotidien: p.resumeQuotidien, copieUrgences: p.copieUrgences } : PREFERENCES_DEFAUT;
}

/** Checkboxes: a ticked box is posted as 'oui', an unticked one is absent. */
export async function enregistrerPreferences(db: Db, u: Staff | undefined, saisie: Record<string, unknown>, maintenant = new Date()): Promise<Preferences> {
  if (!u) throw new AccesRefuse();
  const p: Preferences = { resumeQuotidien: saisie.resumeQuotidien === 'oui', copieUrgences: saisie.copieUrgences === 'oui' };
  await db
    .insert(schema.preferencesStaff)
    .values({ utilisateurId: u.id, ...p, modifieLe: maintenant })
    .onConflictDoUpdate({ target: schema.preferencesStaff.utilisateurId, set: { ...p, modifieLe: maintenant } });
  return p;
}

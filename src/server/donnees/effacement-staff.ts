/**
 * Staff erase a family's data (e.g. a request made by phone or letter).
 * Typed input and result; the erasure itself is the one function of effacement.ts.
 */
import { z } from 'zod';
import type { Db } from '../db';
import type { Staff } from '../auth/staff';
import { config } from '../config';
import { exigerAccesDemande, type ResultatAction } from '../backoffice/demande';
import { effacerDemande } from './effacement';

const schemaEffacementStaff = z.object({
  confirmer: z.literal('oui', { error: 'Cochez la case pour confirmer l’effacement' }),
});

export async function effacerParStaff(
  db: Db,
  u: Staff | undefined,
  id: string,
  brut: Record<string, unknown>,
  o: { maintenant?: Date; dataDir?: string } = {},
): Promise<ResultatAction> {
  await exigerAccesDemande(db, u, id);
  const p = schemaEffacementStaff.safeParse(brut);
  if (!p.success) {
    const erreurs: Record<string, string> = {};
    for (const i of p.error.issues) erreurs[String(i.path[0])] ??= i.message;
    return { ok: false, erreurs };
  }
  const b = await effacerDemande(db, id, { origine: 'staff', staff: u ?? null, maintenant: o.maintenant, dataDir: o.dataDir ?? config().DATA_DIR });
  if (!b) return { ok: false, erreurs: { confirmer: 'Les données de cette demande sont déjà effacées' } };
  const rdv = new Intl.PluralRules('fr').select(b.rdvsAnnules) === 'one' ? 'rendez-vous annulé' : 'rendez-vous annulés';
  return { ok: true, message: `Données de la famille effacées (${b.rdvsAnnules} ${rdv}).` };
}

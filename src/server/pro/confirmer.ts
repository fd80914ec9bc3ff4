/**
 * Loader of /pro/confirmer/<jeton>, the one-tap answer from a reminder
 * email: GET only reads the link (mail scanners change nothing), the POST
 * records the answer once (src/server/disponibilite/relances.ts).
 */
import type { Db } from '../db';
import type { T } from '../../i18n';
import { texteConfirmation, type TexteConfirmation } from '../../domain/disponibilite/confirmation';
import { examinerRelance, repondreRelance } from '../disponibilite/relances';

type VueConfirmation = TexteConfirmation & { statut: 200 | 410; nom: string };

export async function chargerConfirmation(db: Db, o: { secret: string; jeton: string; poste: boolean; t: T; maintenant?: Date }): Promise<VueConfirmation> {
  const r = o.poste ? await repondreRelance(db, o.secret, o.jeton, o.maintenant) : await examinerRelance(db, o.secret, o.jeton, o.maintenant);
  const x = texteConfirmation(r, o.poste && r.ok);
  return { ...x, titre: o.t(x.titre), texte: o.t(x.texte), statut: r.ok ? 200 : 410, nom: r.ok ? r.nom : '' };
}

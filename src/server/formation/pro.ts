/**
 * The AM's training page (/pro/formations): what her relais offers and her
 * wishes. Every action is a POST to the page, protected by the pro session's
 * CSRF token; only an assistant maternel signed in may express a wish.
 * Errors follow the form kit's contract: field name → message (French, like
 * all of /pro); the field of a wish is `formation-<id>`, its button.
 */
import { z } from 'zod';
import type { Db } from '../db';
import { csrfValide } from '../disponibilite/page-pro';
import type { EspacePro } from '../pro/ecran';
import { exprimerVoeu } from './catalogue';

type ResultatFormationPro = { ok: true; redirection: string } | { ok: false; statut: 403 | 404 | 409 | 422; erreurs: Record<string, string> };

const schema = z.object({ action: z.enum(['souhait', 'retirer']), formation: z.uuid() });

/** The field an error about this post belongs to: the wish button of the formation named, or the form as a whole. */
export const champFormation = (formation: unknown): string => (typeof formation === 'string' && formation ? `formation-${formation}` : 'formulaire');

export async function agirFormationPro(db: Db, espace: EspacePro, saisie: Record<string, string>, maintenant: Date): Promise<ResultatFormationPro> {
  const champ = champFormation(saisie.formation);
  const refus = (statut: 403 | 404 | 409 | 422, message: string) => ({ ok: false as const, statut, erreurs: { [champ]: message } });
  if (!espace || espace.structure.type !== 'assistant-maternel') return refus(403, 'Connectez-vous à votre espace pour choisir une formation.');
  if (!csrfValide(espace.session.csrf, saisie._csrf ?? null)) return refus(403, 'Votre session a expiré. Rechargez la page et recommencez.');
  const p = schema.safeParse(saisie);
  if (!p.success) return refus(422, 'Cette demande n’est pas comprise. Rechargez la page.');
  const r = await exprimerVoeu(db, { structure: espace.structure, formationId: p.data.formation, retirer: p.data.action === 'retirer', maintenant });
  if (!r.ok) return r.raison === 'passee' ? refus(409, 'Cette formation a déjà commencé.') : refus(404, 'Cette formation n’est pas proposée par votre relais.');
  return { ok: true, redirection: `/pro/formations?fait=${p.data.action}` };
}

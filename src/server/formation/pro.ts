/**
 * The AM's training page (/pro/formations): what her relais offers and her
 * wishes. Every action is a POST to the page, protected by the pro session's
 * CSRF token; only an assistant maternel signed in may express a wish.
 */
import { z } from 'zod';
import type { Db } from '../db';
import { csrfValide } from '../disponibilite/page-pro';
import type { EspacePro } from '../pro/ecran';
import { exprimerVoeu } from './catalogue';

export type ResultatFormationPro = { ok: true; redirection: string } | { ok: false; statut: 403 | 404 | 409 | 422; message: string };

const schema = z.object({ action: z.enum(['souhait', 'retirer']), formation: z.uuid() });

export async function agirFormationPro(db: Db, espace: EspacePro, saisie: Record<string, string>, maintenant: Date): Promise<ResultatFormationPro> {
  if (!espace || espace.structure.type !== 'assistant-maternel')
    return { ok: false, statut: 403, message: 'Connectez-vous à votre espace pour choisir une formation.' };
  if (!csrfValide(espace.session.csrf, saisie._csrf ?? null))
    return { ok: false, statut: 403, message: 'Votre session a expiré. Rechargez la page et recommencez.' };
  const p = schema.safeParse(saisie);
  if (!p.success) return { ok: false, statut: 422, message: 'Cette demande n’est pas comprise. Rechargez la page.' };
  const r = await exprimerVoeu(db, { structure: espace.structure, formationId: p.data.formation, retirer: p.data.action === 'retirer', maintenant });
  if (!r.ok)
    return {
      ok: false,
      statut: r.raison === 'passee' ? 409 : 404,
      message: r.raison === 'passee' ? 'Cette formation a déjà commencé.' : 'Cette formation n’est pas proposée par votre relais.',
    };
  return { ok: true, redirection: `/pro/formations?fait=${p.data.action}` };
}

/**
 * The log of contacts with professionals (src/pages/admin/contacts/index.astro):
 * noting one (src/server/contacts/journal.ts) and what the page shows.
 * Astro-independent: the page passes the posted fields and the query string.
 */
import { ajouterContactPro, lirePageContactsPro } from './journal';
import { un, type ContexteStaff, type Resultat, type Saisie } from '../staff/contexte';

/** Notes a contact; on success back to the log (of the same professional, if any) with a message. */
export async function noterContactPro(c: ContexteStaff, saisie: Saisie): Promise<Resultat> {
  const r = await ajouterContactPro(c.db, c.staff, saisie, c.maintenant);
  if (!r.ok) return { ok: false, erreurs: r.erreurs, saisie };
  const structureId = un(saisie, 'structureId');
  return { ok: true, redirection: `/admin/contacts?fait=1${structureId ? `&structure=${encodeURIComponent(structureId)}` : ''}#message` };
}

/**
 * The form (for one professional when `?structure=` or the posted form names
 * one) and the last contacts. `valeur` gives what was typed back, or the
 * default: the professional's own public, the motif of the link that led here.
 */
export async function vueContactsPro(c: ContexteStaff, q: URLSearchParams, saisie: Saisie | null) {
  const structureId = saisie && typeof saisie.structureId === 'string' ? saisie.structureId : q.get('structure');
  const { relais, professionnel, lignes } = await lirePageContactsPro(c.db, c.staff, { structureId, maintenant: c.maintenant });
  const defauts: Record<string, string> = {
    public: professionnel?.type === 'garde-a-domicile' ? 'garde-a-domicile' : 'assistant-maternel',
    motif: q.get('motif') ?? '',
  };
  const valeur = (k: string): string => (saisie && typeof saisie[k] === 'string' ? (saisie[k] as string) : (defauts[k] ?? ''));
  return { relais, professionnel, lignes, valeur, fait: q.get('fait') === '1' };
}

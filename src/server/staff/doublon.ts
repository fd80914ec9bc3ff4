/**
 * A possible duplicate (src/pages/admin/demandes/[id]/doublon.astro): the two
 * demandes side by side, then the staff decision, merge or "not a duplicate"
 * (src/server/backoffice/doublons.ts). Access is checked there (AccesRefuse,
 * DemandeIntrouvable for an unknown id).
 */
import { comparerDoublon, ecarterDoublon, fusionnerDoublon } from '../backoffice/doublons';
import { lignesComparaison } from '../../domain/demande/comparaison';
import { un, type ContexteStaff, type Resultat, type Saisie } from './contexte';

const versDemande = (id: string, message: string) => `/admin/demandes/${id}?fait=${encodeURIComponent(message)}#message`;

/** Applies the decision; on success to the demande that remains, with a message. */
export async function deciderDoublon(c: ContexteStaff, id: string, saisie: Saisie): Promise<Resultat> {
  const decision = un(saisie, 'decision');
  if (decision === 'fusionner') {
    const r = await fusionnerDoublon(c.db, c.staff, id, c.maintenant);
    if (r.ok) return { ok: true, redirection: versDemande(r.garde ?? id, r.message) };
    return { ok: false, erreurs: { decision: Object.values(r.erreurs)[0] ?? 'Fusion impossible' }, saisie };
  }
  if (decision === 'ecarter') {
    const r = await ecarterDoublon(c.db, c.staff, id, c.maintenant);
    if (r.ok) return { ok: true, redirection: versDemande(id, r.message) };
    return { ok: false, erreurs: { decision: Object.values(r.erreurs)[0] ?? 'Décision impossible' }, saisie };
  }
  return { ok: false, erreurs: { decision: 'Choisissez une décision' }, saisie };
}

/** Both demandes and the lines that compare them; null when it is (no longer) flagged as a duplicate. */
export async function vueDoublon(c: ContexteStaff, id: string) {
  const vue = await comparerDoublon(c.db, c.staff, id);
  if (!vue) return null;
  return { nouvelle: vue.nouvelle.reference, originale: vue.originale.reference, lignes: lignesComparaison(vue.nouvelle, vue.originale) };
}

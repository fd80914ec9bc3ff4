/**
 * Handler of the public sign-up to an event of the métier
 * (/evenements/<id>). Sign-ups are rate-limited per client address, per
 * email and per event (src/domain/limites.ts): 429, the form back with what
 * was typed. Contract: ./inscription-publique.ts (shared with the réunions).
 */
import { localePath } from '../../i18n';
import { evenement, inscrireEvenement, schemaInscriptionEvenement, type EvenementVue } from '../evenements/evenements';
import type { ContexteFormulaire, Reponse } from './contrat';
import { traiterInscriptionPublique, type VueInscriptionPublique } from './inscription-publique';

type VueInscriptionEvenement = VueInscriptionPublique<'nom' | 'email' | 'telephone' | 'consentement'> & { evenement: EvenementVue };

/** null: no such event, or it is cancelled or over (the page answers 404). */
export async function traiterInscriptionEvenement(
  ctx: ContexteFormulaire,
  id: string,
  maintenant = new Date(),
): Promise<Reponse<VueInscriptionEvenement> | null> {
  const { db, lang } = ctx.locals;
  const e = await evenement(db, id);
  if (!e || e.annule || e.fin <= maintenant) return null;
  const r = await traiterInscriptionPublique(ctx, {
    id: e.id,
    schema: schemaInscriptionEvenement,
    cleErreur: (champ, message) => (message.startsWith('metier.') ? message : `metier.evenements.erreurs.${champ}`),
    limites: { parPersonne: 'evenement', parSeance: 'evenement-seance' },
    inscrire: (d) => inscrireEvenement(db, { ...d, evenementId: e.id, langue: lang, maintenant }),
    page: localePath(lang, `/evenements/${e.id}`),
    refus: { deja: 'metier.evenements.dejaInscrit', complet: 'metier.evenements.plusDePlace', introuvable: 'metier.evenements.introuvable' },
    maintenant,
  });
  return r.type === 'vue' ? { ...r, vue: { ...r.vue, evenement: e } } : r;
}

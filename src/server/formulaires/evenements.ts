/**
 * Handler of the public sign-up to an event of the métier
 * (/evenements/<id>). Sign-ups are rate-limited per client address, per
 * email and per event (src/domain/limites.ts): 429, the form back with what
 * was typed. Contract: ./contrat.ts.
 */
import { localePath } from '../../i18n';
import { evenement, inscrireEvenement, schemaInscriptionEvenement, type EvenementVue } from '../evenements/evenements';
import { limiteAtteinte, noterUsage } from '../auth/limites';
import { adresseClient, erreursZod, lireFormulaire, redirection, valeursSimples, vue, type ContexteFormulaire, type Erreurs, type Reponse } from './contrat';

export type VueInscriptionEvenement = {
  evenement: EvenementVue;
  valeurs: Record<string, string>;
  erreurs: Erreurs<'nom' | 'email' | 'telephone' | 'consentement'>;
  /** i18n key of a refusal (already signed up, full, closed). */
  refus: string | null;
  fait: boolean;
  /** Too many sign-ups from this address, for this email or for this event (429). */
  limite: boolean;
};

/** null: no such event, or it is cancelled or over (the page answers 404). */
export async function traiterInscriptionEvenement(
  ctx: ContexteFormulaire,
  id: string,
  maintenant = new Date(),
): Promise<Reponse<VueInscriptionEvenement> | null> {
  const { db, lang } = ctx.locals;
  const e = await evenement(db, id);
  if (!e || e.annule || e.fin <= maintenant) return null;
  const base = { evenement: e, erreurs: {}, refus: null, fait: ctx.url.searchParams.get('ok') === '1', limite: false };
  if (ctx.request.method !== 'POST') return vue({ ...base, valeurs: {} });
  const valeurs = valeursSimples(await lireFormulaire(ctx.request));
  const p = schemaInscriptionEvenement.safeParse(valeurs);
  if (!p.success) {
    const erreurs = erreursZod(p.error, (champ, message) => (message.startsWith('metier.') ? message : `metier.evenements.erreurs.${champ}`));
    return vue({ ...base, valeurs, erreurs }, 422);
  }
  const qui = { ip: adresseClient(ctx), cible: p.data.email };
  // The event is a target of its own: the address is not counted a second time (no identifying address given).
  const seance = { ip: '', cible: e.id };
  if ((await limiteAtteinte(db, 'evenement', qui, maintenant)) || (await limiteAtteinte(db, 'evenement-seance', seance, maintenant)))
    return vue({ ...base, valeurs, limite: true }, 429);
  const r = await inscrireEvenement(db, { ...p.data, evenementId: e.id, langue: lang, maintenant });
  if (r.ok) {
    await noterUsage(db, 'evenement', qui, maintenant);
    await noterUsage(db, 'evenement-seance', seance, maintenant);
  }
  if (r.ok) return redirection(localePath(lang, `/evenements/${e.id}?ok=1`));
  const refus =
    r.raison === 'deja' ? 'metier.evenements.dejaInscrit' : r.raison === 'complet' ? 'metier.evenements.plusDePlace' : 'metier.evenements.introuvable';
  return vue({ ...base, valeurs, refus }, 409);
}

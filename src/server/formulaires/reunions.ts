/**
 * Handlers of the réunions d'information pages: sign up (/reunions/<id>) and
 * cancel a sign-up from the emailed link (/reunions/inscription/<jeton>).
 * Sign-ups are rate-limited per client address, per email and per réunion
 * (src/domain/limites.ts): 429, the form back with what was typed.
 * Contract: ./inscription-publique.ts (shared with the events).
 */
import { localePath } from '../../i18n';
import { annulerInscription, inscrire, inscriptionParJeton, reunion, schemaInscription, type ReunionVue } from '../rdv/reunions';
import { redirection, vue, type ContexteFormulaire, type Reponse } from './contrat';
import { traiterInscriptionPublique, type VueInscriptionPublique } from './inscription-publique';

type VueInscriptionReunion = VueInscriptionPublique<'nom' | 'email' | 'telephone' | 'places' | 'profil'> & { reunion: ReunionVue };

/** null: no such réunion, or it is past or cancelled (the page answers 404). */
export async function traiterInscriptionReunion(ctx: ContexteFormulaire, id: string, maintenant = new Date()): Promise<Reponse<VueInscriptionReunion> | null> {
  const { db, lang, app } = ctx.locals;
  const r = await reunion(db, id);
  if (!r || r.annulee || r.debut <= maintenant) return null;
  const x = await traiterInscriptionPublique(ctx, {
    id: r.id,
    schema: schemaInscription,
    cleErreur: (champ, message) => (message.startsWith('rdv.') ? message : `rdv.erreurs.${champ}`),
    limites: { parPersonne: 'reunion', parSeance: 'reunion-seance' },
    valeursInitiales: { places: '1', profil: r.public },
    // A radio button can only send a value it offers: anything else is tampering, not a typing error.
    corriger: (v) => {
      if (v.profil !== 'famille' && v.profil !== 'am') v.profil = r.public === 'am' ? 'am' : 'famille';
    },
    inscrire: (d) => inscrire(db, { ...d, reunionId: r.id, langue: lang, secret: app.secret, publicUrl: app.config.publicUrl }),
    page: localePath(lang, `/reunions/${r.id}`),
    refus: { deja: 'rdv.reunions.dejaInscrit', complet: 'rdv.reunions.plusDePlace', introuvable: 'rdv.gerer.lienInconnu' },
    maintenant,
  });
  return x.type === 'vue' ? { ...x, vue: { ...x.vue, reunion: r } } : x;
}

type VueInscription = { inscription: NonNullable<Awaited<ReturnType<typeof inscriptionParJeton>>> | null };

/** The sign-up behind an emailed link; a POST cancels it while the réunion is ahead. */
export async function traiterGestionInscription(ctx: ContexteFormulaire, jeton: string): Promise<Reponse<VueInscription>> {
  const { db, lang } = ctx.locals;
  const x = await inscriptionParJeton(db, jeton);
  if (x && ctx.request.method === 'POST' && x.reunion.debut > new Date()) {
    await annulerInscription(db, x.inscription.id);
    return redirection(localePath(lang, `/reunions/inscription/${jeton}`));
  }
  return vue({ inscription: x });
}

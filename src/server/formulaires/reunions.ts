/**
 * Handlers of the réunions d'information pages: sign up (/reunions/<id>) and
 * cancel a sign-up from the emailed link (/reunions/inscription/<jeton>).
 * Sign-ups are rate-limited per client address, per email and per réunion
 * (src/domain/limites.ts): 429, the form back with what was typed.
 * Contract: ./contrat.ts.
 */
import { localePath } from '../../i18n';
import { annulerInscription, inscrire, inscriptionParJeton, reunion, schemaInscription, type ReunionVue } from '../rdv/reunions';
import { limiteAtteinte, noterUsage } from '../auth/limites';
import { adresseClient, erreursZod, lireFormulaire, redirection, valeursSimples, vue, type ContexteFormulaire, type Erreurs, type Reponse } from './contrat';

export type VueInscriptionReunion = {
  reunion: ReunionVue;
  valeurs: Record<string, string>;
  erreurs: Erreurs<'nom' | 'email' | 'telephone' | 'places' | 'profil'>;
  /** i18n key of a refusal (already signed up, full, gone). */
  refus: string | null;
  fait: boolean;
  /** Too many sign-ups from this address, for this email or for this réunion (429). */
  limite: boolean;
};

/** null: no such réunion, or it is past or cancelled (the page answers 404). */
export async function traiterInscriptionReunion(ctx: ContexteFormulaire, id: string): Promise<Reponse<VueInscriptionReunion> | null> {
  const { db, lang, app } = ctx.locals;
  const r = await reunion(db, id);
  if (!r || r.annulee || r.debut <= new Date()) return null;
  const base = { reunion: r, erreurs: {}, refus: null, fait: ctx.url.searchParams.get('ok') === '1', limite: false };
  if (ctx.request.method !== 'POST') return vue({ ...base, valeurs: { places: '1', profil: r.public } });

  const valeurs = valeursSimples(await lireFormulaire(ctx.request));
  // A radio button can only send a value it offers: anything else is tampering, not a typing error.
  if (valeurs.profil !== 'famille' && valeurs.profil !== 'am') valeurs.profil = r.public === 'am' ? 'am' : 'famille';
  const p = schemaInscription.safeParse(valeurs);
  if (!p.success) {
    const erreurs = erreursZod(p.error, (champ, message) => (message.startsWith('rdv.') ? message : `rdv.erreurs.${champ}`));
    return vue({ ...base, valeurs, erreurs }, 422);
  }
  const qui = { ip: adresseClient(ctx), cible: p.data.email };
  // The réunion is a target of its own: the address is not counted a second time (no identifying address given).
  const seance = { ip: '', cible: r.id };
  if ((await limiteAtteinte(db, 'reunion', qui)) || (await limiteAtteinte(db, 'reunion-seance', seance))) return vue({ ...base, valeurs, limite: true }, 429);
  const res = await inscrire(db, { ...p.data, reunionId: r.id, langue: lang, secret: app.secret, publicUrl: app.config.publicUrl });
  if (res.ok) {
    await noterUsage(db, 'reunion', qui);
    await noterUsage(db, 'reunion-seance', seance);
  }
  if (res.ok) return redirection(localePath(lang, `/reunions/${r.id}?ok=1`));
  const refus = res.raison === 'deja' ? 'rdv.reunions.dejaInscrit' : res.raison === 'complet' ? 'rdv.reunions.plusDePlace' : 'rdv.gerer.lienInconnu';
  return vue({ ...base, valeurs, refus }, 409);
}

export type VueInscription = { inscription: NonNullable<Awaited<ReturnType<typeof inscriptionParJeton>>> | null };

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

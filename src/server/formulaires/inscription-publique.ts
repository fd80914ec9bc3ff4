/**
 * The public sign-up to a session (an event of the métier, a réunion
 * d'information): one contract for both handlers. GET shows the form; a POST
 * is parsed (422 with the fields' messages), rate-limited per client address
 * and email, and per session (429), then recorded: 303 back to the page with
 * ?ok=1, or 409 with the refusal (already signed up, full, gone). Everything
 * typed comes back with the view. Contract: ./contrat.ts.
 */
import type { z } from 'zod';
import type { UsageLimite } from '../../domain/limites';
import { limiteAtteinte, noterUsage } from '../auth/limites';
import { adresseClient, erreursZod, lireFormulaire, redirection, valeursSimples, vue, type ContexteFormulaire, type Erreurs, type Reponse } from './contrat';

type RaisonRefus = 'introuvable' | 'complet' | 'deja';

/** What the sign-up block of the page shows (src/components/inscription/InscriptionPublique.astro). */
export type VueInscriptionPublique<C extends string> = {
  valeurs: Record<string, string>;
  erreurs: Erreurs<C>;
  /** i18n key of a refusal (already signed up, full, gone). */
  refus: string | null;
  fait: boolean;
  /** Too many sign-ups from this address, for this email or for this session (429). */
  limite: boolean;
};

type InscriptionPublique<S extends z.ZodType> = {
  /** The session's id: the target of the per-session limit. */
  id: string;
  schema: S;
  /** Field and zod message → i18n key. */
  cleErreur: (champ: string, message: string) => string;
  limites: { parPersonne: UsageLimite; parSeance: UsageLimite };
  /** What the form shows before anything is posted. */
  valeursInitiales?: Record<string, string>;
  /** Mends posted values that cannot be typing errors (a radio value the form never offered). */
  corriger?: (valeurs: Record<string, string>) => void;
  inscrire: (donnees: z.infer<S>) => Promise<{ ok: true } | { ok: false; raison: RaisonRefus }>;
  /** The page's address, where a successful sign-up goes back with ?ok=1. */
  page: string;
  refus: Record<RaisonRefus, string>;
  maintenant?: Date;
};

/** The fields of a schema: the names its errors can carry. */
type ChampsDe<S extends z.ZodType> = keyof z.infer<S> & string;

export async function traiterInscriptionPublique<S extends z.ZodType<{ email: string }>>(
  ctx: ContexteFormulaire,
  o: InscriptionPublique<S>,
): Promise<Reponse<VueInscriptionPublique<ChampsDe<S>>>> {
  const { db } = ctx.locals;
  const maintenant = o.maintenant ?? new Date();
  const base = { erreurs: {}, refus: null, fait: ctx.url.searchParams.get('ok') === '1', limite: false };
  if (ctx.request.method !== 'POST') return vue({ ...base, valeurs: o.valeursInitiales ?? {} });
  const valeurs = valeursSimples(await lireFormulaire(ctx.request));
  o.corriger?.(valeurs);
  const p = o.schema.safeParse(valeurs);
  if (!p.success) return vue({ ...base, valeurs, erreurs: erreursZod(p.error, o.cleErreur) as Erreurs<ChampsDe<S>> }, 422);
  const qui = { ip: adresseClient(ctx), cible: p.data.email };
  // The session is a target of its own: the address is not counted a second time (no identifying address given).
  const seance = { ip: '', cible: o.id };
  if ((await limiteAtteinte(db, o.limites.parPersonne, qui, maintenant)) || (await limiteAtteinte(db, o.limites.parSeance, seance, maintenant)))
    return vue({ ...base, valeurs, limite: true }, 429);
  const r = await o.inscrire(p.data);
  if (!r.ok) return vue({ ...base, valeurs, refus: o.refus[r.raison] }, 409);
  await noterUsage(db, o.limites.parPersonne, qui, maintenant);
  await noterUsage(db, o.limites.parSeance, seance, maintenant);
  return redirection(`${o.page}?ok=1`);
}

/**
 * Handler of the "lost link" page (/suivi): an email in, the private links of
 * its demandes sent again. Same answer and similar timing whether or not the
 * address is known; rate-limited per address and per email (429, the address
 * kept in the field). Contract: ./contrat.ts.
 */
import { renvoyerLiens } from '../demande/suivi';
import { limiteAtteinte, noterUsage } from '../auth/limites';
import { log } from '../log';
import { adresseClient, lireFormulaire, valeursSimples, vue, type ContexteFormulaire, type Reponse } from './contrat';

type VueLienPerdu = { email: string; erreur: string | undefined; envoye: boolean; limite: boolean };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export async function traiterLienPerdu(ctx: ContexteFormulaire): Promise<Reponse<VueLienPerdu>> {
  const { db, app } = ctx.locals;
  if (ctx.request.method !== 'POST') return vue({ email: '', erreur: undefined, envoye: false, limite: false });
  const email = (valeursSimples(await lireFormulaire(ctx.request)).email ?? '').trim().slice(0, 200);
  if (!email) return vue({ email, erreur: 'demande.erreur.requis', envoye: false, limite: false }, 422);
  if (!EMAIL.test(email)) return vue({ email, erreur: 'demande.erreur.email', envoye: false, limite: false }, 422);
  const qui = { ip: adresseClient(ctx), cible: email };
  if (await limiteAtteinte(db, 'lien-perdu', qui)) return vue({ email, erreur: undefined, envoye: false, limite: true }, 429);
  await noterUsage(db, 'lien-perdu', qui);
  await renvoyerLiens(db, email, { publicUrl: app.config.publicUrl }).catch((err: unknown) => log.error({ err }, 'resend link failed'));
  return vue({ email, erreur: undefined, envoye: true, limite: false });
}

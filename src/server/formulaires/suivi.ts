/**
 * Loader and handler of the family's private follow-up page (/suivi/<jeton>):
 * no login, the long random token in the URL is the key (stored hashed).
 * GET: the timeline, the next step, the summary, and an update form when
 * `?modifier=contact|besoin` asks for one. POST: the actions of
 * src/server/donnees/actions-suivi.ts (update, withdraw, erase, each of the
 * last two confirmed first). Contract: ./contrat.ts, plus 404 for an unknown
 * or erased token.
 */
import { localePath } from '../../i18n';
import { demandeParJeton, demandeValidee, vueSuivi, type DemandeRow } from '../demande/suivi';
import { traiterPostSuivi, type ResultatSuivi } from '../donnees/actions-suivi';
import { chronologie, prochaineEtape, type EvenementSuivi, type ProchaineEtape } from '../../domain/demande/suivi';
import { estOuverte } from '../../domain/demande/etats';
import { versFormulaire, type ErreursChamps, type FormulaireDemande } from '../../domain/demande/schema';
import { lireFormulaire, redirection, type ContexteFormulaire } from './contrat';

export type Modifier = 'contact' | 'besoin';
export type ConfirmationSuivi = Extract<ResultatSuivi, { type: 'confirmer' }>;

/** What the page shows: one of four screens. */
type EcranSuivi =
  | { ecran: 'introuvable' }
  | { ecran: 'supprimee' }
  | { ecran: 'confirmation'; demande: DemandeRow; confirmation: ConfirmationSuivi }
  | {
      ecran: 'suivi';
      demande: DemandeRow;
      ouverte: boolean;
      vue: Awaited<ReturnType<typeof vueSuivi>>;
      evenements: EvenementSuivi[];
      prochaine: ProchaineEtape;
      /** The update form shown, with its values and errors (i18n keys). */
      modifier: Modifier | null;
      formulaire: FormulaireDemande;
      erreurs: ErreursChamps;
      /** Message after a redirection: `?fait=enregistre|retiree`, `?nouvelle=1` after the wizard. */
      fait: 'enregistre' | 'retiree' | null;
      nouvelle: boolean;
    };

type ReponseSuivi = { type: 'redirection'; url: string } | { type: 'vue'; statut: 200 | 404 | 422; vue: EcranSuivi };

/** The i18n key of the page title of a screen. */
export function cleTitreSuivi(e: EcranSuivi): string {
  switch (e.ecran) {
    case 'introuvable':
      return 'suivi.introuvable';
    case 'supprimee':
      return 'suivi.supprimee';
    case 'confirmation':
      return e.confirmation.quoi === 'retrait' ? 'suivi.confirmer.retirerTitre' : 'suivi.confirmer.supprimerTitre';
    case 'suivi':
      return 'suivi.titre';
  }
}

const lireModifier = (q: string | null): Modifier | null => (q === 'contact' || q === 'besoin' ? q : null);
const lireFait = (q: string | null): 'enregistre' | 'retiree' | null => (q === 'enregistre' || q === 'retiree' ? q : null);

export async function traiterSuivi(ctx: ContexteFormulaire, jeton: string, maintenant = new Date()): Promise<ReponseSuivi> {
  const { db, lang, app } = ctx.locals;
  const demande = await demandeParJeton(db, jeton);
  if (!demande) return { type: 'vue', statut: 404, vue: { ecran: 'introuvable' } };

  let modifier: Modifier | null = null;
  let formulaire: FormulaireDemande = {};
  let erreurs: ErreursChamps = {};
  if (ctx.request.method === 'POST') {
    const r = await traiterPostSuivi(db, demande, await lireFormulaire(ctx.request), { retentionMois: app.config.RETENTION_MOIS, maintenant });
    if (r.type === 'redirection') return redirection(`${localePath(lang, `/suivi/${jeton}`)}?fait=${r.fait}`);
    if (r.type === 'supprimee') return { type: 'vue', statut: 200, vue: { ecran: 'supprimee' } };
    if (r.type === 'confirmer') return { type: 'vue', statut: 200, vue: { ecran: 'confirmation', demande, confirmation: r } };
    if (r.type === 'erreurs') ({ modifier, f: formulaire, erreurs } = r);
  }
  const ouverte = estOuverte(demande.etat);
  if (!modifier && ouverte) {
    modifier = lireModifier(ctx.url.searchParams.get('modifier'));
    if (modifier) formulaire = versFormulaire(await demandeValidee(db, demande));
  }
  const vue = await vueSuivi(db, demande);
  const prochaine = prochaineEtape({
    etat: demande.etat,
    creeLe: demande.creeLe,
    urgence: demande.urgence,
    delaiRelaisJours: vue.relais?.delaiPremierContactJours ?? 15,
    maintenant,
  });
  return {
    type: 'vue',
    statut: Object.keys(erreurs).length ? 422 : 200,
    vue: {
      ecran: 'suivi',
      demande,
      ouverte,
      vue,
      evenements: chronologie(vue.historique),
      prochaine,
      modifier,
      formulaire,
      erreurs,
      fait: lireFait(ctx.url.searchParams.get('fait')),
      nouvelle: ctx.url.searchParams.get('nouvelle') === '1',
    },
  };
}

/**
 * Loader of /pro (the AM / structure space): reads the session, runs the
 * posted action (src/server/pro/ecran.ts), and builds what the page shows:
 * sign-in forms or the places screen, the errors in the kit's shape, the
 * "c'est fait" message. The page only renders the view.
 */
import type { T } from '../../i18n';
import { resumeErreurs, type ErreurChamp } from '../../components/form';
import { champPlace } from '../../domain/disponibilite/mise-a-jour';
import { etatAffiche, type EtatAffiche } from '../../domain/disponibilite/fraicheur';
import { jourParis } from '../../domain/temps';
import { poserCookiePro } from '../disponibilite/page-pro';
import type { SessionPro } from '../disponibilite/comptes';
import type { StructurePro } from '../disponibilite/mise-a-jour';
import { estProfessionnelAccueil } from '../ateliers/inscriptions';
import { agirPro, lignesDuFormulaire, type LignePlace } from './ecran';
import { adresseClient, espaceDuContexte, saisiePostee, type ContextePro, type ReponsePro } from './contexte';

export type CleChampPlace = Parameters<typeof champPlace>[1];
export const BORNES_HEURE = ['debut', 'fin'] as const;
const FAITS = ['places', 'complet', 'publication', 'masque', 'montre'] as const;
const LIBELLES_PLACE: Partial<Record<CleChampPlace, string>> = {
  tranche: 'pro.ecran.age',
  nombre: 'pro.ecran.nombre',
  date: 'pro.ecran.aPartirDu',
  jours: 'pro.ecran.jours',
  debut: 'pro.ecran.heureDebut',
  fin: 'pro.ecran.heureFin',
};

type VuePagePro = {
  titre: string;
  /** Translated message of each field in error (pro.erreurs.<code>). */
  messages: Record<string, string>;
  resume: ErreurChamp[];
  /** Sign-in: what was typed (or the code from the link), and "the link is on its way". */
  email: string;
  code: string;
  lienEnvoye: boolean;
  espace: { session: SessionPro; structure: StructurePro } | null;
  estAm: boolean;
  /** Shows the link to the ateliers (AM and home childminders). */
  ateliers: boolean;
  nomAccueil: string;
  etat: EtatAffiche;
  lignes: LignePlace[];
  aujourdhui: string;
  maintenant: Date;
  /** The "C'est fait" message after an action, if any. */
  fait: string | null;
  publication: Record<string, boolean | undefined>;
};

/** Field name → label as the person reads it, in page order ("Place 1 – À partir du" when there are several rows). */
export function libellesPro(t: T, nbLignes: number): Record<string, string> {
  const libelles: Record<string, string> = { email: t('pro.entree.email'), code: t('pro.entree.code') };
  for (let i = 0; i < nbLignes; i++)
    for (const [k, cle] of Object.entries(LIBELLES_PLACE))
      libelles[champPlace(i, k as CleChampPlace)] = nbLignes > 1 ? `${t('pro.ecran.place', { n: i + 1 })} – ${t(cle)}` : t(cle);
  return libelles;
}

export async function chargerPagePro(ctx: ContextePro, maintenant = new Date()): Promise<ReponsePro<VuePagePro>> {
  const { db, app, t } = ctx.locals;
  const espace = await espaceDuContexte(ctx, maintenant);
  const saisie = await saisiePostee(ctx);
  let statut = 200;
  let echec: Extract<Awaited<ReturnType<typeof agirPro>>, { ok: false }> | null = null;
  if (saisie) {
    const r = await agirPro(db, app.config, espace, saisie, { ip: adresseClient(ctx), maintenant });
    if (r.ok) {
      if (r.cookie) poserCookiePro(ctx.cookies, r.cookie.jeton, r.cookie.expire, ctx.url.protocol === 'https:');
      return { type: 'redirection', url: r.redirection };
    }
    [echec, statut] = [r, r.statut];
  }
  const structure = espace?.structure ?? null;
  const texte = (k: string) => (echec && typeof echec.saisie[k] === 'string' ? (echec.saisie[k] as string) : null);
  const saisieDispo = echec && (echec.saisie.action === 'places' || echec.saisie.action === 'complet') ? echec.saisie : null;
  const lignes = structure ? lignesDuFormulaire(structure, saisieDispo) : [];
  const messages = Object.fromEntries(Object.entries(echec?.erreurs ?? {}).map(([k, code]) => [k, t(`pro.erreurs.${code}`)]));
  const estAm = structure?.type === 'assistant-maternel';
  const fait = ctx.url.searchParams.get('fait');
  return {
    type: 'vue',
    statut,
    vue: {
      titre: structure ? t('pro.titre') : t('pro.entree.titre'),
      messages,
      resume: resumeErreurs(messages, libellesPro(t, lignes.length)),
      email: texte('email') ?? '',
      code: texte('code') ?? ctx.url.searchParams.get('code') ?? '',
      lienEnvoye: !!echec?.lienEnvoye,
      espace,
      estAm,
      ateliers: !!structure && estProfessionnelAccueil(structure.type),
      nomAccueil: structure ? (estAm ? (structure.prenom ?? structure.nom) : structure.nom) : '',
      etat: structure ? etatAffiche(structure.dispoStatut, structure.dispoConfirmeeLe, maintenant, app.config.DISPO_FRAICHEUR_JOURS) : 'inconnu',
      lignes,
      aujourdhui: jourParis(maintenant),
      maintenant,
      fait: FAITS.find((f) => f === fait) ? t(`pro.ecran.fait.${fait}`) : null,
      publication: structure?.publication ?? {},
    },
  };
}

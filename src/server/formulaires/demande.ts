/**
 * Handler of the /demande wizard (GET and every POST of every step). The step
 * rules are pure (src/domain/demande/etapes.ts); this module reads the post,
 * creates the demande when the last step is right, and gives the page what it
 * renders. Contract: src/server/formulaires/contrat.ts.
 */
import { LANG_INFO, LANGS, localePath, type Lang, type T } from '../../i18n';
import { listeCommunes } from '../requetes/territoire';
import { jetonAleatoire } from '../auth/tokens';
import { relaisPourCommune } from '../demande/routage';
import { deposerDemande } from '../demande/creer';
import {
  COMMUNE_AUTRE,
  ETAPES,
  JOURS,
  MAX_ENFANTS,
  MODES,
  nettoyerFormulaire,
  preremplir,
  type ErreursChamps,
  type Etape,
  type FormulaireDemande,
} from '../../domain/demande/schema';
import { champsCaches, etapeDepuis, lireAller, nombreEnfants, transition } from '../../domain/demande/etapes';
import { jourParis } from '../../domain/temps';
import { adresseClient, lireFormulaire, redirection, vue, type ContexteFormulaire, type Reponse } from './contrat';
import { preciserCommune } from '../../domain/demande/commune';

type VueDemande = {
  etape: number;
  nomEtape: Etape;
  formulaire: FormulaireDemande;
  erreurs: ErreursChamps;
  /** Fields filled from the questionnaire or the map (first GET only). */
  prerempli: boolean;
  communes: Awaited<ReturnType<typeof listeCommunes>>;
  aujourdhui: string;
  nbEnfants: number;
  /** On the last step: the commune is outside the territory (or has no relais today). */
  horsTerritoire: boolean;
  /** Too many demandes from this address or for this contact (429, the form kept). */
  limite: boolean;
  /** The other steps' answers, posted again as hidden fields. */
  caches: string[];
  /** On the last step: the summary, section by section. */
  recap: SectionRecap[];
};

export async function traiterDemande(ctx: ContexteFormulaire): Promise<Reponse<VueDemande>> {
  const { db, lang, app, t: tr } = ctx.locals;
  const communes = await listeCommunes(db);
  const aujourdhui = jourParis();
  const opts = { aujourdhui, codesCommunes: communes.map((c) => c.code) };
  const base = { communes, aujourdhui, prerempli: false };

  let f: FormulaireDemande;
  let etape = 0;
  let erreurs: ErreursChamps = {};
  let limite = false;
  if (ctx.request.method === 'POST') {
    const brut = await lireFormulaire(ctx.request);
    const poste = preciserCommune(nettoyerFormulaire(brut), communes);
    poste.idempotencyKey ??= jetonAleatoire();
    const t = transition(poste, etapeDepuis(brut.etape), lireAller(brut.aller), opts);
    const d =
      t.type === 'creer'
        ? await deposerDemande(db, t.donnees, {
            canal: 'en-ligne',
            langue: lang,
            publicUrl: app.config.publicUrl,
            limite: { ip: adresseClient(ctx), cible: t.donnees.email ?? t.donnees.telephone },
          })
        : null;
    limite = d === 'limite';
    if (d && d !== 'limite') {
      if (d.jetonSuivi) {
        ctx.cookies?.set('gpe_suivi', d.jetonSuivi, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 3600, secure: ctx.url.protocol === 'https:' });
      }
      const page = d.etat === 'hors-territoire' ? '/demande/hors-territoire' : '/demande/confirmation';
      return redirection(`${localePath(lang, page)}?ref=${encodeURIComponent(d.reference)}`);
    }
    if (t.type === 'creer') {
      f = t.formulaire;
      etape = ETAPES.length - 1;
    } else ({ formulaire: f, etape, erreurs } = t);
  } else {
    const pre = preremplir(ctx.url.searchParams);
    base.prerempli = Object.keys(pre).length > 0;
    f = { canalPrefere: 'email', langueContact: lang, nbEnfants: '1', e0Statut: 'ne', regularite: 'reguliere', ...pre, idempotencyKey: jetonAleatoire() };
  }
  const nomEtape = ETAPES[etape]!;
  const commune = f.commune ?? '';
  const horsTerritoire = nomEtape === 'envoi' && (commune === COMMUNE_AUTRE || (commune !== '' && !(await relaisPourCommune(db, commune, aujourdhui))));
  const nbEnfants = nombreEnfants(f);
  const recap = nomEtape === 'envoi' ? recapDemande(f, nbEnfants, communes, tr, lang) : [];
  return vue(
    { ...base, etape, nomEtape, formulaire: f, erreurs, nbEnfants, horsTerritoire, limite, caches: champsCaches(f, nomEtape), recap },
    limite ? 429 : Object.keys(erreurs).length ? 422 : 200,
  );
}

/** The visible name of each field of the wizard, as the error summary names it. */
export function libellesDemande(t: T, nbEnfants: number): Record<string, string> {
  const jour = (j: number) => t(`jours.${j}`);
  const l: Record<string, string> = {
    p1Prenom: `${t('demande.vous.prenom')} (${t('demande.vous.parent1')})`,
    p1Nom: `${t('demande.vous.nom')} (${t('demande.vous.parent1')})`,
    p2Prenom: `${t('demande.vous.prenom')} (${t('demande.vous.parent2')})`,
    p2Nom: `${t('demande.vous.nom')} (${t('demande.vous.parent2')})`,
    email: t('demande.vous.email'),
    telephone: t('demande.vous.telephone'),
    canalPrefere: t('demande.vous.canal'),
    langueContact: t('demande.vous.langue'),
    commune: t('demande.vous.commune'),
    communeAutre: t('demande.vous.communeAutreChamp'),
    adresse: t('demande.vous.adresse'),
    nbEnfants: t('demande.etapes.enfants'),
  };
  for (let i = 0; i < Math.min(nbEnfants, MAX_ENFANTS); i++) {
    const enfant = nbEnfants > 1 ? ` (${t('demande.enfants.enfant', { n: i + 1 })})` : '';
    l[`e${i}Prenom`] = t('demande.enfants.prenom') + enfant;
    l[`e${i}Statut`] = t('demande.enfants.statut') + enfant;
    l[`e${i}Naissance`] = t('demande.enfants.naissance') + enfant;
  }
  l.dateDebut = t('demande.besoin.debut');
  l.j1 = t('demande.besoin.planning');
  for (const j of JOURS) {
    l[`j${j}De`] = t('demande.besoin.deJour', { jour: jour(j) });
    l[`j${j}A`] = t('demande.besoin.aJour', { jour: jour(j) });
  }
  Object.assign(l, {
    regularite: t('demande.besoin.regularite'),
    urgenceMotif: t('demande.besoin.urgenceMotif'),
    handicapPrecisions: t('demande.besoin.handicapPrecisions'),
    consentementSante: t('demande.besoin.consentementSanteNom'),
  });
  for (const i of [1, 2, 3, 4]) l[`mode${i}`] = t('demande.souhaits.choix', { n: i });
  for (const i of [1, 2, 3]) l[`communeAcceptee${i}`] = t('demande.souhaits.communeN', { n: i });
  Object.assign(l, {
    interprete: t('demande.souhaits.interprete'),
    accessibilite: t('demande.souhaits.accessibilite'),
    commentaire: t('demande.souhaits.commentaire'),
    consentementContact: t('demande.envoi.consentements'),
  });
  return l;
}

/** One section of the summary shown on the last step, with the step it reopens. */
type SectionRecap = { etape: number; titre: string; lignes: [string, string][] };

/** The summary of the last step, in the family's language. */
function recapDemande(f: FormulaireDemande, nbEnfants: number, communes: VueDemande['communes'], t: T, lang: Lang): SectionRecap[] {
  const v = (c: string) => f[c] ?? '';
  const nomCommune = (code: string) => communes.find((c) => c.code === code)?.nom ?? code;
  const jour = (j: number) => t(`jours.${j}`);
  const dateLisible = (iso: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
    return new Intl.DateTimeFormat(LANG_INFO[lang].htmlLang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${iso}T12:00:00Z`),
    );
  };
  const langue = (LANGS as readonly string[]).includes(v('langueContact')) ? (v('langueContact') as Lang) : 'fr';
  const si = (cond: unknown, ligne: [string, string]): [string, string][] => (cond ? [ligne] : []);
  return [
    {
      etape: 0,
      titre: t('demande.etapes.vous'),
      lignes: [
        [t('demande.vous.parent1'), `${v('p1Prenom')} ${v('p1Nom')}`],
        ...si(v('p2Prenom') || v('p2Nom'), [t('demande.vous.parent2'), `${v('p2Prenom')} ${v('p2Nom')}`]),
        [t('demande.vous.email'), v('email') || t('demande.envoi.pasRenseigne')],
        [t('demande.vous.telephone'), v('telephone') || t('demande.envoi.pasRenseigne')],
        [t('demande.vous.canal'), ['email', 'telephone', 'sms'].includes(v('canalPrefere')) ? t(`demande.vous.canaux.${v('canalPrefere')}`) : ''],
        [t('demande.vous.langue'), LANG_INFO[langue].nomNatif],
        [t('demande.vous.commune'), v('commune') === COMMUNE_AUTRE ? v('communeAutre') : nomCommune(v('commune'))],
      ],
    },
    {
      etape: 1,
      titre: t('demande.etapes.enfants'),
      lignes: Array.from({ length: nbEnfants }, (_, i): [string, string] => {
        const date = dateLisible(v(`e${i}Naissance`));
        const quand = v(`e${i}Statut`) === 'attendu' ? t('demande.envoi.enfantAttendu', { date }) : t('demande.envoi.enfantNe', { date });
        return [t('demande.enfants.enfant', { n: i + 1 }), `${v(`e${i}Prenom`)} ${quand}`.trim()];
      }),
    },
    {
      etape: 2,
      titre: t('demande.etapes.besoin'),
      lignes: [
        [t('demande.besoin.debut'), dateLisible(v('dateDebut'))],
        [
          t('demande.besoin.planning'),
          JOURS.filter((j) => v(`j${j}`) === 'oui')
            .map((j) => `${jour(j)} ${v(`j${j}De`)}–${v(`j${j}A`)}`)
            .join(' ; '),
        ],
        ...si(v('urgence') === 'oui', [t('demande.besoin.urgence'), v('urgenceMotif')]),
        ...si(v('handicap') === 'oui', [t('demande.besoin.handicap'), v('handicapPrecisions') || t('commun.oui')]),
      ],
    },
    {
      etape: 3,
      titre: t('demande.etapes.souhaits'),
      lignes: [
        [
          t('demande.souhaits.modes'),
          ['mode1', 'mode2', 'mode3', 'mode4']
            .map(v)
            .filter((m) => (MODES as readonly string[]).includes(m))
            .map((m) => t(`demande.souhaits.mode.${m}`))
            .join(' › '),
        ],
        ...si(v('commentaire'), [t('demande.souhaits.commentaire'), v('commentaire')]),
      ],
    },
  ];
}

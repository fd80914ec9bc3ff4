/**
 * Handler of /questionnaire (every screen posts to the page). The screen rules
 * are pure (src/domain/questionnaire/etapes.ts); this module adds the offer
 * nearby, the ranking, the anonymous count and the texts of the cost island.
 * Nothing the household answers is stored. Contract: ./contrat.ts.
 */
import type QuestionnaireCouts from '../../islands/QuestionnaireCouts';
import type { TextesCouts } from '../../islands/QuestionnaireCouts';
import { LANG_INFO, localePath } from '../../i18n';
import { listeCommunes } from '../requetes/territoire';
import { compterQuestionnaire, contexteOffre, lienCarte } from '../questionnaire/offre';
import { entreeEstimation } from '../questionnaire/estimation';
import { baremeEnVigueur } from '../../domain/questionnaire/bareme';
import { classerModes, type ModeClasse } from '../../domain/questionnaire/classement';
import { CODES_AVERTISSEMENT_COUT } from '../../domain/questionnaire/cout';
import {
  champsCaches,
  ETAPES,
  lireAction,
  lireEtat,
  paramsDemande,
  TRANCHES_RESSOURCES,
  transition,
  type ChampQuestionnaire,
  type ErreursEtape,
  type EtatQuestionnaire,
  type IdEtape,
} from '../../domain/questionnaire/etapes';
import { PRIORITES } from '../../domain/questionnaire/schema';
import { jourParis, nombre } from '../../domain/temps';
import { lireFormulaire, vue, type ContexteFormulaire, type Reponse } from './contrat';

export type ResultatQuestionnaire = {
  classes: ModeClasse[];
  places: Map<string, number | null>;
  liens: Record<string, string>;
  demande: string;
  couts: Parameters<typeof QuestionnaireCouts>[0];
  baremeDate: string;
  semainesCreche: number;
};

type VueQuestionnaire = {
  etape: number;
  /** The screen shown (the first one under the result, for "modifier mes réponses"). */
  id: IdEtape;
  /** The answers of the other screens (all of them under the result), as hidden fields. */
  caches: [string, string][];
  etat: EtatQuestionnaire;
  erreurs: ErreursEtape;
  resultat: ResultatQuestionnaire | null;
  communes: Awaited<ReturnType<typeof listeCommunes>>;
  aujourdhui: string;
};

/** t() of the questionnaire's keys: q('mode.creche') = t('questionnaire.mode.creche'). */
type Q = (cle: string, p?: Record<string, string | number>) => string;

/** Label of an income bracket ("de 1 000 à 1 500 €"). */
export function libelleTranche(q: Q, locale: string, x: (typeof TRANCHES_RESSOURCES)[number]): string {
  const milliers = new Intl.NumberFormat(locale);
  return x.min === 0
    ? q('question.foyer.trancheMoins', { max: milliers.format(x.max!) })
    : x.max === null
      ? q('question.foyer.tranchePlus', { min: milliers.format(x.min) })
      : q('question.foyer.tranche', { min: milliers.format(x.min), max: milliers.format(x.max) });
}

/** The visible name of each field (in page order), as the error summary names it. */
export function libellesQuestionnaire(q: Q): Record<ChampQuestionnaire, string> {
  return {
    statut: q('question.enfant.titre'),
    naissance: q('question.enfant.naissance'),
    debut: q('question.debut.label'),
    jours: q('question.planning.jours'),
    de: q('question.planning.de'),
    a: q('question.planning.a'),
    variables: q('question.horaires.titre'),
    urgence: q('question.urgence.titre'),
    handicap: q('question.handicap.titre'),
    aeeh: q('question.handicap.aeeh'),
    commune: q('question.commune.commune'),
    travail: q('question.commune.travail'),
    prio1: q('question.priorites.premiere'),
    prio: q('question.priorites.autres'),
    ressources: q('question.foyer.ressources'),
    enfants: q('question.foyer.enfants'),
    isole: q('question.foyer.isole'),
  };
}

/** The control each summary link goes to: the first radio or box of a group, `q-<champ>` otherwise. */
export const CIBLES_QUESTIONNAIRE: Partial<Record<ChampQuestionnaire, string>> = {
  statut: 'q-statut-ne',
  jours: 'q-jour-1',
  variables: 'q-variables-oui',
  urgence: 'q-urgence-oui',
  handicap: 'q-handicap-oui',
  prio1: 'q-prio1-aucune',
  prio: `q-prio-${PRIORITES[0]}`,
  ...Object.fromEntries((['naissance', 'debut', 'de', 'a', 'commune', 'travail', 'ressources', 'enfants'] as const).map((c) => [c, `q-${c}`])),
};

/** A screen of the questionnaire, the other screens' answers riding along. */
function ecran(etape: number, etat: EtatQuestionnaire): Pick<VueQuestionnaire, 'etape' | 'id' | 'caches'> {
  const id = ETAPES[etape]!.id;
  return { etape, id, caches: champsCaches(etat, id) };
}

export async function traiterQuestionnaire(ctx: ContexteFormulaire): Promise<Reponse<VueQuestionnaire>> {
  const { db, app, lang, t } = ctx.locals;
  const maintenant = new Date();
  const aujourdhui = jourParis(maintenant);
  const communes = await listeCommunes(db);
  const base = { communes, aujourdhui, resultat: null };
  if (ctx.request.method !== 'POST') return vue({ ...base, ...ecran(0, {}), etat: {}, erreurs: {} });

  const form = await lireFormulaire(ctx.request);
  const etat = lireEtat(form);
  const tr = transition(etat, typeof form.etape === 'string' ? form.etape : null, lireAction(form.action), {
    aujourdhui,
    communes: new Set(communes.map((c) => c.code)),
  });
  if (tr.type === 'etape') return vue({ ...base, ...ecran(tr.etape, etat), etat, erreurs: tr.erreurs }, Object.keys(tr.erreurs).length ? 422 : 200);

  const reponses = tr.reponses;
  const locale = LANG_INFO[lang].htmlLang;
  const q = (cle: string, p?: Record<string, string | number>) => t(`questionnaire.${cle}`, p);
  const bareme = baremeEnVigueur(aujourdhui);
  const offre = await contexteOffre(
    db,
    reponses,
    { commune: etat.commune!, travail: etat.travail ?? null },
    { maintenant, seuilJours: app.config.DISPO_FRAICHEUR_JOURS },
  );
  const classes = classerModes(reponses, offre.offre, { bareme, aujourdhui });
  await compterQuestionnaire(db, etat.commune!, maintenant);
  const baremeDate = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${bareme.dateEffet}T00:00:00Z`));
  const textes: TextesCouts = {
    legende: q('resultat.legende', { date: baremeDate }),
    poste: q('resultat.poste'),
    lignes: {
      coutBrut: q('cout.total.coutBrut'),
      aides: q('cout.total.aides'),
      netAvantCredit: q('cout.total.netAvantCredit'),
      creditImpot: q('cout.total.creditImpot'),
      netApresCredit: q('cout.total.netApresCredit'),
    },
    heures: q('resultat.heures'),
    tarifHoraire: q('resultat.tarifHoraire'),
    fourchette: q('resultat.fourchette'),
    noms: { ...Object.fromEntries(classes.map((c) => [c.mode, q(`mode.${c.mode}`)])), 'garde-partagee': q('resultat.gardePartagee') },
    moinsAdapte: q('resultat.moinsAdapte'),
    avertissementsTitre: q('resultat.avertissementsTitre'),
    // Figures inside the warnings come from the barème in force (one source, issue 21).
    avertissements: Object.fromEntries(
      CODES_AVERTISSEMENT_COUT.map((a) => [
        a,
        q(`cout.avertissement.${a}`, { max: nombre(bareme.cmgStructureMicroCreche.tarifHoraireMaxCents.valeur / 100, lang) }),
      ]),
    ),
    revenusNonRenseignes: q('cout.avertissement.revenus-non-renseignes'),
    creditImpotInfo: q('cout.creditImpotInfo'),
    revenusChoix: q('resultat.revenusChoix'),
    revenusAucun: q('question.foyer.nePasRepondre'),
    tranches: TRANCHES_RESSOURCES.map((x) => ({ id: x.id, centimes: x.milieu * 100, libelle: libelleTranche(q, locale, x) })),
    misAJour: q('resultat.misAJour'),
  };
  const atypique = offre.planning.atypique || reponses.horairesVariables;
  const resultat: ResultatQuestionnaire = {
    classes,
    places: new Map(classes.map((c) => [c.mode, offre.offre.modes?.[c.mode]?.placesDisponibles ?? null])),
    liens: Object.fromEntries(classes.map((c) => [c.mode, localePath(lang, lienCarte(c.mode, etat.commune!, offre.age, offre.horaires))])),
    demande: `${localePath(lang, '/demande')}?${paramsDemande(
      etat,
      classes.filter((c) => c.adapte).map((c) => c.mode),
      atypique,
    ).toString()}`,
    couts: {
      entree: entreeEstimation(reponses, offre.offre),
      baremeVersion: bareme.version,
      ordre: classes.map((c) => ({ mode: c.mode, adapte: c.adapte })),
      locale,
      textes,
      tranche: etat.ressources ?? '',
    },
    baremeDate,
    semainesCreche: bareme.hypotheses.semainesReserveesCrecheParAn.valeur,
  };
  return vue({ ...base, etape: 0, id: ETAPES[0].id, caches: champsCaches(etat), etat, erreurs: {}, resultat });
}

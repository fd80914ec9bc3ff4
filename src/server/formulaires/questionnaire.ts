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
  lireAction,
  lireEtat,
  paramsDemande,
  TRANCHES_RESSOURCES,
  transition,
  type ErreursEtape,
  type EtatQuestionnaire,
} from '../../domain/questionnaire/etapes';
import { jourParis } from '../../domain/temps';
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

export type VueQuestionnaire = {
  etape: number;
  etat: EtatQuestionnaire;
  erreurs: ErreursEtape;
  resultat: ResultatQuestionnaire | null;
  communes: Awaited<ReturnType<typeof listeCommunes>>;
  aujourdhui: string;
};

/** Label of an income bracket ("de 1 000 à 1 500 €"). */
export function libelleTranche(
  q: (cle: string, p?: Record<string, string | number>) => string,
  locale: string,
  x: (typeof TRANCHES_RESSOURCES)[number],
): string {
  const milliers = new Intl.NumberFormat(locale);
  return x.min === 0
    ? q('question.foyer.trancheMoins', { max: milliers.format(x.max!) })
    : x.max === null
      ? q('question.foyer.tranchePlus', { min: milliers.format(x.min) })
      : q('question.foyer.tranche', { min: milliers.format(x.min), max: milliers.format(x.max) });
}

export async function traiterQuestionnaire(ctx: ContexteFormulaire): Promise<Reponse<VueQuestionnaire>> {
  const { db, app, lang, t } = ctx.locals;
  const maintenant = new Date();
  const aujourdhui = jourParis(maintenant);
  const communes = await listeCommunes(db);
  const base = { communes, aujourdhui, resultat: null };
  if (ctx.request.method !== 'POST') return vue({ ...base, etape: 0, etat: {}, erreurs: {} });

  const form = await lireFormulaire(ctx.request);
  const etat = lireEtat(form);
  const tr = transition(etat, typeof form.etape === 'string' ? form.etape : null, lireAction(form.action), {
    aujourdhui,
    communes: new Set(communes.map((c) => c.code)),
  });
  if (tr.type === 'etape') return vue({ ...base, etape: tr.etape, etat, erreurs: tr.erreurs }, Object.keys(tr.erreurs).length ? 422 : 200);

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
    avertissements: Object.fromEntries(CODES_AVERTISSEMENT_COUT.map((a) => [a, q(`cout.avertissement.${a}`)])),
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
  return vue({ ...base, etape: 0, etat, erreurs: {}, resultat });
}

/**
 * Worked examples of the "Coûts et aides" pages (and of a few other
 * information pages), computed with the cost engine and the dated barème.
 * Only the family of each example is written here (income, hours, rate of
 * the professional); every amount shown is derived, so that it follows the
 * barème when it changes. The names are those of the placeholders of
 * src/domain/info/chiffres.ts.
 */
import { tauxPourEnfants, type Bareme, type Parametre } from '../questionnaire/bareme';
import { cmgEmploiDirect, creditImpot } from '../questionnaire/cout';

export interface Chiffre {
  /** Value in euros (or a plain number). */
  readonly valeur: number;
  /** ISO date the value applies from. */
  readonly depuis: string;
  readonly sources: Parametre<unknown>['sources'];
}

const arrondi = (x: number, d = 2) => Math.round(Number((x * 10 ** d).toFixed(6))) / 10 ** d;
const euros = (cents: number) => cents / 100;

/** The families of the examples (hypotheses, not barème figures). */
const EXEMPLES = {
  /** Exemple 1: crèche, a couple, 1 child, 135 hours a month. */
  ex1: { ressources: 2500, heuresMois: 135 },
  /** Exemple 3 (and the FALC example): a single parent, 1 child, assistant maternel 120 hours a month. */
  ex3: { ressources: 1900, heuresMois: 120, netHeure: 4.3, entretienJour: 3.9, jours: 18 },
  /** Exemple 4: a couple, 1 child, assistant maternel dearer than the reference cost. */
  ex4: { ressources: 3600, heuresMois: 150, coutHeure: 5.5 },
  /** How the rate of an assistant maternel moves what the family pays, compared with a crèche. */
  tarifMoins: 4.5,
  /** Monthly resources of the PSU table and of the AEEH example. */
  revenuTableau: 2000,
  revenuHandicap: 2500,
  /** Mensualisation of an année incomplète: net hourly wage × 40 hours × 46 weeks ÷ 12. */
  mensualisation: { netHeure: 4.2, heuresSemaine: 40, semaines: 46 },
} as const;

/** Lines of the PSU table: 1, 2, 3, 4 to 7, 8 and more children. */
const LIGNES_TAUX = [1, 2, 3, 4, 8] as const;

export function exemplesDuBareme(b: Bareme): Record<string, Chiffre> {
  const out: Record<string, Chiffre> = {};
  const c = (cle: string, valeur: number, p: Parametre<unknown>) => {
    out[cle] = { valeur, depuis: p.depuis, sources: p.sources };
  };
  const psu = b.psu;
  const cmg = b.cmgEmploiDirect;
  const tauxPsu = psu.tauxEffortPpm.collectif;
  const taux = (n: number) => tauxPourEnfants(tauxPsu.valeur, n) / 1_000_000;
  const credit = b.creditImpot;
  const plafondCredit = credit.fraisDeGarde.plafondDepensesParEnfantCents;

  // The PSU table and its rates (in %).
  c('psu.revenuTableau', EXEMPLES.revenuTableau, tauxPsu);
  for (const n of LIGNES_TAUX) {
    c(`psu.taux${n}`, arrondi(taux(n) * 100, 4), tauxPsu);
    c(`psu.heure2000e${n}`, arrondi(EXEMPLES.revenuTableau * taux(n)), tauxPsu);
  }
  // Lowest and highest hourly price of a crèche for 1 child (floor and ceiling of the resources).
  c('psu.heureMin', arrondi(euros(psu.plancherRessourcesCents.valeur) * taux(1)), psu.plancherRessourcesCents);
  c('psu.heureMax', arrondi(euros(psu.plafondRessourcesCents.valeur) * taux(1)), psu.plafondRessourcesCents);

  // CMG emploi direct and the tax credits.
  c('cmg.referenceAm', euros(cmg.coutHoraireReferenceCents.assistantMaternel.valeur), cmg.coutHoraireReferenceCents.assistantMaternel);
  c('cmg.referenceGad', euros(cmg.coutHoraireReferenceCents.gardeADomicile.valeur), cmg.coutHoraireReferenceCents.gardeADomicile);
  c('cmg.plafondAm', euros(cmg.plafondHoraireCents.assistantMaternel.valeur), cmg.plafondHoraireCents.assistantMaternel);
  c('cmg.plafondGad', euros(cmg.plafondHoraireCents.gardeADomicile.valeur), cmg.plafondHoraireCents.gardeADomicile);
  c('microcreche.tarifMax', euros(b.cmgStructureMicroCreche.tarifHoraireMaxCents.valeur), b.cmgStructureMicroCreche.tarifHoraireMaxCents);
  const dom = credit.emploiADomicile;
  c('domicile.plafond', euros(dom.plafondBaseCents.valeur), dom.plafondBaseCents);
  c('domicile.parEnfant', euros(dom.majorationParEnfantCents.valeur), dom.majorationParEnfantCents);
  c('domicile.maximum', euros(dom.plafondMaxCents.valeur), dom.plafondMaxCents);
  const am = b.remunerations.assistantMaternel;
  c('entretien.journee', euros(am.indemniteEntretienMinimumJournee9hCents.valeur), am.indemniteEntretienMinimumJournee9hCents);
  c('entretien.minimum', euros(am.indemniteEntretienMinimumParJourCents.valeur), am.indemniteEntretienMinimumParJourCents);
  // What a family pays more (or less) than in a crèche, for an hour dearer (or cheaper) than the reference cost.
  const ref = euros(cmg.coutHoraireReferenceCents.assistantMaternel.valeur);
  c('cmg.tarifPlus', EXEMPLES.ex4.coutHeure, cmg.coutHoraireReferenceCents.assistantMaternel);
  c('cmg.ecartPlus', Math.round((EXEMPLES.ex4.coutHeure / ref - 1) * 100), cmg.coutHoraireReferenceCents.assistantMaternel);
  c('cmg.tarifMoins', EXEMPLES.tarifMoins, cmg.coutHoraireReferenceCents.assistantMaternel);
  c('cmg.ecartMoins', Math.round((1 - EXEMPLES.tarifMoins / ref) * 100), cmg.coutHoraireReferenceCents.assistantMaternel);

  // Exemple 1: crèche, 2 500 € a month, 1 child, 135 hours.
  const e1 = EXEMPLES.ex1;
  const e1Heure = e1.ressources * taux(1);
  const e1Mois = arrondi(e1.heuresMois * e1Heure);
  const e1An = arrondi(e1.heuresMois * e1Heure * 12);
  const e1Credit = euros(
    creditImpot({ type: 'frais-de-garde', depensesMensuellesNettesCents: e1.heuresMois * e1Heure * 100, enfantEligible: true, bareme: b }).annuelCents,
  );
  c('ex1.ressources', e1.ressources, tauxPsu);
  c('ex1.prixHeure', arrondi(e1Heure), tauxPsu);
  c('ex1.prixHeureExact', arrondi(e1Heure, 4), tauxPsu);
  c('ex1.mois', e1Mois, tauxPsu);
  c('ex1.an', e1An, tauxPsu);
  c('ex1.credit', e1Credit, plafondCredit);
  c('ex1.reelAn', Math.round(e1An - e1Credit), plafondCredit);
  c('ex1.reelMois', Math.round((e1An - e1Credit) / 12), plafondCredit);

  // Exemple 3: assistant maternel, a single parent, 1 900 € a month, 120 hours.
  const e3 = EXEMPLES.ex3;
  const e3Salaire = arrondi(e3.netHeure * e3.heuresMois);
  const e3Entretien = arrondi(e3.entretienJour * e3.jours);
  const e3Cout = arrondi(e3Salaire + e3Entretien);
  const refAm = cmg.coutHoraireReferenceCents.assistantMaternel;
  const r3 = cmgEmploiDirect({
    foyer: { ressourcesMensuellesCents: e3.ressources * 100, nombreEnfantsACharge: 1, parentIsole: true },
    emploi: 'assistant-maternel',
    heuresMensuelles: e3.heuresMois,
    coutMensuelCents: Math.round(e3Cout * 100),
    ageEnfantMois: 12,
    bareme: b,
  });
  const e3Cmg = euros(r3.cmgRemunerationCents);
  const e3Reste = arrondi(e3Cout - e3Cmg);
  const e3Credit = euros(
    creditImpot({ type: 'frais-de-garde', depensesMensuellesNettesCents: Math.round(e3Reste * 100), enfantEligible: true, bareme: b }).annuelCents,
  );
  c('ex3.ressources', e3.ressources, refAm);
  c('ex3.netHeure', e3.netHeure, refAm);
  c('ex3.salaire', e3Salaire, refAm);
  c('ex3.entretienJour', e3.entretienJour, refAm);
  c('ex3.entretien', e3Entretien, refAm);
  c('ex3.cout', e3Cout, refAm);
  c('ex3.coutHeure', arrondi(e3Cout / e3.heuresMois), refAm);
  c('ex3.participation', arrondi((e3.ressources * r3.tauxEffortPpm) / 1_000_000, 4), refAm);
  c('ex3.cmg', e3Cmg, refAm);
  c('ex3.reste', e3Reste, refAm);
  c('ex3.credit', e3Credit, plafondCredit);
  c('ex3.creditMois', Math.round(e3Credit / 12), plafondCredit);
  c('ex3.reelMois', Math.round((e3Reste * 12 - e3Credit) / 12), plafondCredit);
  // The same example in FALC, in whole euros.
  c('falc.cmgRessources', e3.ressources, refAm);
  c('falc.cmgCout', Math.round(e3Cout), refAm);
  c('falc.cmg', Math.round(e3Cmg), refAm);
  c('falc.cmgReste', Math.round(e3Reste), refAm);
  c('falc.cmgCredit', Math.round(e3Credit), plafondCredit);

  // Exemple 4: assistant maternel dearer than the reference cost, a couple, 3 600 € a month, 150 hours.
  const e4 = EXEMPLES.ex4;
  const e4Cout = arrondi(e4.coutHeure * e4.heuresMois);
  const r4 = cmgEmploiDirect({
    foyer: { ressourcesMensuellesCents: e4.ressources * 100, nombreEnfantsACharge: 1 },
    emploi: 'assistant-maternel',
    heuresMensuelles: e4.heuresMois,
    coutMensuelCents: Math.round(e4Cout * 100),
    ageEnfantMois: 12,
    bareme: b,
  });
  const e4Cmg = euros(r4.cmgRemunerationCents);
  const e4Reste = arrondi(e4Cout - e4Cmg);
  c('ex4.ressources', e4.ressources, refAm);
  c('ex4.coutHeure', e4.coutHeure, refAm);
  c('ex4.cout', e4Cout, refAm);
  c('ex4.participation', arrondi((e4.ressources * r4.tauxEffortPpm) / 1_000_000, 4), refAm);
  c('ex4.cmg', e4Cmg, refAm);
  c('ex4.reste', e4Reste, refAm);
  c('ex4.resteHeure', arrondi(e4Reste / e4.heuresMois), refAm);
  c('ex4.creche', arrondi(e4.ressources * taux(1)), tauxPsu);

  // AEEH example of the "handicap" page: the crèche uses the rate of the next line.
  c('handicap.ressources', EXEMPLES.revenuHandicap, tauxPsu);
  c('handicap.heure1', arrondi(EXEMPLES.revenuHandicap * taux(1)), tauxPsu);
  c('handicap.heure2', arrondi(EXEMPLES.revenuHandicap * taux(2)), tauxPsu);
  // Mensualisation (année incomplète): a hypothesis and its result, not a barème figure.
  const m = EXEMPLES.mensualisation;
  const smic = b.remunerations.smicHoraireBrutCents;
  c('mensualisation.netHeure', m.netHeure, smic);
  c('mensualisation.mois', Math.round((m.netHeure * m.heuresSemaine * m.semaines) / 12), smic);
  return out;
}

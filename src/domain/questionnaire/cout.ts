/**
 * Monthly cost estimate of each mode d'accueil for one child.
 *
 * Pure functions: the barème is passed in (default: the latest one), no clock.
 *
 * Rounding
 * - Every amount is an integer number of cents, rounded half up once, at the
 *   end of each computation (never a rounded value multiplied again), except:
 * - the PSU hourly rate, rounded to the cent first, because crèches bill that
 *   rounded rate × hours reserved;
 * - monthly hours are kept exact (40 h × 52 / 12 = 173,333…) and shown with
 *   two decimals in `hypotheses.heuresMensuelles`.
 */
import { BAREME, tauxPourEnfants, type Bareme, type Parametre } from './bareme';

export const MODES_ACCUEIL = ['creche', 'micro-creche', 'assistant-maternel', 'mam', 'garde-a-domicile', 'periscolaire'] as const;
export type ModeAccueil = (typeof MODES_ACCUEIL)[number];

export interface Foyer {
  /** Monthly resources in cents: annual resources of year N-2 divided by 12. */
  readonly ressourcesMensuellesCents: number;
  /** Dependent children, the child cared for included (≥ 1). */
  readonly nombreEnfantsACharge: number;
  /** Dependent children receiving the AEEH (handicap). */
  readonly enfantsAeeh?: number;
  readonly parentIsole?: boolean;
  /** A parent receives the AAH (raises the micro-crèche CMG by 30 %). */
  readonly parentAah?: boolean;
}

export interface Montants {
  /** Everything paid for the care: price, salary, indemnités, social contributions. */
  readonly coutBrutCents: number;
  /** CAF aids (CMG). PSU crèches are subsidised upstream: 0 here. */
  readonly aidesCents: number;
  readonly netAvantCreditCents: number;
  /** Tax credit, one twelfth of the yearly amount. */
  readonly creditImpotCents: number;
  readonly netApresCreditCents: number;
}

export const CODES_LIGNE_COUT = [
  'participation-psu',
  'tarif-micro-creche',
  'salaire-net',
  'indemnite-entretien',
  'frais-repas',
  'cotisations-sociales',
  'cmg-remuneration',
  'cmg-cotisations',
  'cmg-structure',
  'credit-impot-frais-de-garde',
  'credit-impot-emploi-domicile',
] as const;
type CodeLigneCout = (typeof CODES_LIGNE_COUT)[number];

export interface LigneCout {
  readonly code: CodeLigneCout;
  readonly montantCents: number;
  readonly sens: 'cout' | 'aide' | 'credit';
}

export const CODES_AVERTISSEMENT_COUT = [
  'revenus-non-renseignes',
  'plancher-ressources-applique',
  'plafond-ressources-applique',
  'cmg-age-depasse',
  'cmg-revenus-trop-eleves',
  'plafond-horaire-cmg-depasse',
  'tarif-micro-creche-au-dessus-du-maximum',
  'reste-a-charge-minimum-applique',
  'credit-impot-age-depasse',
  'credit-impot-plafond-atteint',
  'tarif-fixe-par-la-commune',
  'parametre-a-verifier',
  'estimation-locale',
] as const;
export type CodeAvertissementCout = (typeof CODES_AVERTISSEMENT_COUT)[number];

export interface Hypotheses {
  readonly baremeVersion: string;
  readonly baremeDate: string;
  /** Hours billed or paid per month, two decimals. */
  readonly heuresMensuelles: number;
  readonly semainesParAn: number;
  /** Price of one hour used: PSU rate, micro-crèche price, or net hourly wage. */
  readonly tarifHoraireCents: number;
  readonly ressourcesRetenuesCents?: number;
  readonly tauxEffortPpm?: number;
  readonly nombreEnfantsBareme?: number;
  readonly joursPresenceMensuels?: number;
  readonly indemniteEntretienParJourCents?: number;
  readonly partFoyer?: number;
  readonly trancheCmg?: 1 | 2 | 3;
}

export interface EstimationCout {
  readonly mode: ModeAccueil;
  readonly mensuel: Montants;
  readonly lignes: readonly LigneCout[];
  readonly hypotheses: Hypotheses;
  readonly avertissements: readonly CodeAvertissementCout[];
}

// --- Helpers ----------------------------------------------------------------

/** Half-up rounding to the cent; `toFixed` absorbs binary noise (232.4999999 → 232.5). */
export function arrondirCentimes(x: number): number {
  const r = Math.round(Number(x.toFixed(6)));
  return r === 0 ? 0 : r;
}

function heuresMensuelles(heuresHebdo: number, semainesParAn: number): number {
  return (heuresHebdo * semainesParAn) / 12;
}

function deuxDecimales(x: number): number {
  return Math.round(x * 100) / 100;
}

function borner(x: number, min: number, max: number): number {
  return Math.min(Math.max(x, min), max);
}

function montants(coutBrutCents: number, aidesCents: number, creditImpotCents: number): Montants {
  const netAvantCreditCents = Math.max(0, coutBrutCents - aidesCents);
  return { coutBrutCents, aidesCents, netAvantCreditCents, creditImpotCents, netApresCreditCents: Math.max(0, netAvantCreditCents - creditImpotCents) };
}

function aVerifier(...params: Parametre<unknown>[]): boolean {
  return params.some((x) => x.fiabilite === 'a-verifier');
}

function ajouter<T>(liste: T[], x: T): void {
  if (!liste.includes(x)) liste.push(x);
}

/** Number of children the barème counts: each AEEH child adds one line. */
function nombreEnfantsPourBareme(foyer: Foyer, compteAeeh: boolean): number {
  const n = Math.max(1, Math.trunc(foyer.nombreEnfantsACharge));
  return compteAeeh ? n + Math.max(0, Math.trunc(foyer.enfantsAeeh ?? 0)) : n;
}

// --- PSU crèche ---------------------------------------------------------------

type TypeAccueilPsu = 'collectif' | 'micro-creche' | 'familial-parental';

interface EntreeCrechePsu {
  readonly foyer: Foyer;
  readonly heuresHebdo: number;
  /** Weeks reserved per year; default: barème hypothesis (47). */
  readonly semainesParAn?: number;
  readonly typeAccueil?: TypeAccueilPsu;
  readonly enfantMoinsDe6AnsAu1erJanvier?: boolean;
  readonly bareme?: Bareme;
}

interface TarifPsu {
  readonly ressourcesRetenuesCents: number;
  readonly plancherApplique: boolean;
  readonly plafondApplique: boolean;
  readonly nombreEnfantsBareme: number;
  readonly tauxEffortPpm: number;
  /** Rounded to the cent, as billed. */
  readonly tarifHoraireCents: number;
}

/** Hourly PSU rate: resources (between floor and ceiling) × taux d'effort of the family size. */
export function tarifHorairePsu(foyer: Foyer, typeAccueil: TypeAccueilPsu = 'collectif', bareme: Bareme = BAREME): TarifPsu {
  const { psu } = bareme;
  const plancher = psu.plancherRessourcesCents.valeur;
  const plafond = psu.plafondRessourcesCents.valeur;
  const ressourcesRetenuesCents = borner(foyer.ressourcesMensuellesCents, plancher, plafond);
  const table =
    typeAccueil === 'collectif'
      ? psu.tauxEffortPpm.collectif
      : typeAccueil === 'micro-creche'
        ? psu.tauxEffortPpm.microCreche
        : psu.tauxEffortPpm.familialParental;
  const nombreEnfantsBareme = nombreEnfantsPourBareme(foyer, psu.enfantAeehCompteUnEnfantDePlus.valeur);
  const tauxEffortPpm = tauxPourEnfants(table.valeur, nombreEnfantsBareme);
  return {
    ressourcesRetenuesCents,
    plancherApplique: foyer.ressourcesMensuellesCents < plancher,
    plafondApplique: foyer.ressourcesMensuellesCents > plafond,
    nombreEnfantsBareme,
    tauxEffortPpm,
    tarifHoraireCents: arrondirCentimes((ressourcesRetenuesCents * tauxEffortPpm) / 1_000_000),
  };
}

export function coutCrechePsu(entree: EntreeCrechePsu): EstimationCout {
  const bareme = entree.bareme ?? BAREME;
  const typeAccueil = entree.typeAccueil ?? 'collectif';
  const semaines = entree.semainesParAn ?? bareme.hypotheses.semainesReserveesCrecheParAn.valeur;
  const heures = heuresMensuelles(entree.heuresHebdo, semaines);
  const tarif = tarifHorairePsu(entree.foyer, typeAccueil, bareme);
  const participation = arrondirCentimes(tarif.tarifHoraireCents * heures);
  const avertissements: CodeAvertissementCout[] = [];
  if (tarif.plancherApplique) avertissements.push('plancher-ressources-applique');
  if (tarif.plafondApplique) avertissements.push('plafond-ressources-applique');
  if (typeAccueil === 'familial-parental' && aVerifier(bareme.psu.tauxEffortPpm.familialParental)) ajouter(avertissements, 'parametre-a-verifier');
  const credit = creditImpot({
    type: 'frais-de-garde',
    depensesMensuellesNettesCents: participation,
    enfantEligible: entree.enfantMoinsDe6AnsAu1erJanvier ?? true,
    bareme,
  });
  avertissements.push(...credit.avertissements);
  const mode: ModeAccueil = typeAccueil === 'micro-creche' ? 'micro-creche' : 'creche';
  return {
    mode,
    mensuel: montants(participation, 0, credit.mensuelCents),
    lignes: [
      { code: 'participation-psu', montantCents: participation, sens: 'cout' },
      { code: 'credit-impot-frais-de-garde', montantCents: credit.mensuelCents, sens: 'credit' },
    ],
    hypotheses: {
      baremeVersion: bareme.version,
      baremeDate: bareme.dateEffet,
      heuresMensuelles: deuxDecimales(heures),
      semainesParAn: semaines,
      tarifHoraireCents: tarif.tarifHoraireCents,
      ressourcesRetenuesCents: tarif.ressourcesRetenuesCents,
      tauxEffortPpm: tarif.tauxEffortPpm,
      nombreEnfantsBareme: tarif.nombreEnfantsBareme,
    },
    avertissements,
  };
}

// --- CMG emploi direct (reform of 1 September 2025) ----------------------------

type EmploiDirect = 'assistant-maternel' | 'garde-a-domicile';

interface EntreeCmgEmploiDirect {
  readonly foyer: Foyer;
  readonly emploi: EmploiDirect;
  /** Hours paid in the month. */
  readonly heuresMensuelles: number;
  /** Net salary + indemnités (entretien, repas) for the month, in cents. */
  readonly coutMensuelCents: number;
  readonly ageEnfantMois: number;
  readonly bareme?: Bareme;
}

interface ResultatCmgEmploiDirect {
  readonly eligible: boolean;
  readonly ressourcesRetenuesCents: number;
  readonly nombreEnfantsBareme: number;
  readonly tauxEffortPpm: number;
  readonly coutHoraireReferenceCents: number;
  readonly plafondHoraireCents: number;
  /** Cost taken into account: the monthly cost, capped at ceiling × hours. */
  readonly coutRetenuCents: number;
  readonly plafondHoraireDepasse: boolean;
  /** Share of the capped cost left to the family (0 to 1). */
  readonly partFamille: number;
  readonly cmgRemunerationCents: number;
}

/**
 * CSS art. D. 531-18: CMG = monthly cost × (1 − resources × taux d'effort / reference hourly cost),
 * the cost being capped at the hourly ceiling × hours paid. The family thus pays, per hour,
 * resources × taux d'effort × (hourly cost / reference cost): the crèche price when the
 * professional charges the reference cost.
 */
export function cmgEmploiDirect(entree: EntreeCmgEmploiDirect): ResultatCmgEmploiDirect {
  const bareme = entree.bareme ?? BAREME;
  const cmg = bareme.cmgEmploiDirect;
  const ressourcesRetenuesCents = borner(entree.foyer.ressourcesMensuellesCents, cmg.plancherRessourcesCents.valeur, cmg.plafondRessourcesCents.valeur);
  const nombreEnfantsBareme = nombreEnfantsPourBareme(entree.foyer, cmg.enfantAeehCompteUnEnfantDePlus.valeur);
  const am = entree.emploi === 'assistant-maternel';
  const tauxEffortPpm = tauxPourEnfants((am ? cmg.tauxEffortPpm.assistantMaternel : cmg.tauxEffortPpm.gardeADomicile).valeur, nombreEnfantsBareme);
  const coutHoraireReferenceCents = (am ? cmg.coutHoraireReferenceCents.assistantMaternel : cmg.coutHoraireReferenceCents.gardeADomicile).valeur;
  const plafondHoraireCents = (am ? cmg.plafondHoraireCents.assistantMaternel : cmg.plafondHoraireCents.gardeADomicile).valeur;
  const ageMaxMois = 12 * (entree.foyer.parentIsole ? cmg.ageMaxAnsParentIsole.valeur : cmg.ageMaxAns.valeur);
  const eligible = entree.ageEnfantMois < ageMaxMois;
  const plafondMensuel = plafondHoraireCents * entree.heuresMensuelles;
  const coutRetenu = Math.min(entree.coutMensuelCents, plafondMensuel);
  const partFamille = borner((ressourcesRetenuesCents * tauxEffortPpm) / 1_000_000 / coutHoraireReferenceCents, 0, 1);
  return {
    eligible,
    ressourcesRetenuesCents,
    nombreEnfantsBareme,
    tauxEffortPpm,
    coutHoraireReferenceCents,
    plafondHoraireCents,
    coutRetenuCents: arrondirCentimes(coutRetenu),
    plafondHoraireDepasse: entree.coutMensuelCents > plafondMensuel + 0.5,
    partFamille,
    cmgRemunerationCents: eligible ? arrondirCentimes(coutRetenu * (1 - partFamille)) : 0,
  };
}

// --- Assistant maternel (and MAM) -------------------------------------------------

interface EntreeAssistantMaternel {
  readonly foyer: Foyer;
  readonly heuresHebdo: number;
  readonly joursParSemaine: number;
  readonly ageEnfantMois: number;
  readonly enfantMoinsDe6AnsAu1erJanvier?: boolean;
  /** Net hourly wage; default: typical Pas-de-Calais wage of the barème. */
  readonly salaireNetHoraireCents?: number;
  /** Indemnité d'entretien per day of presence; default: legal minimum for the day's length. */
  readonly indemniteEntretienParJourCents?: number;
  /** Meals paid to the professional per day; default 0 (meals brought by the family). */
  readonly fraisRepasParJourCents?: number;
  /** Weeks paid per year: 52 for an année complète (default). */
  readonly semainesParAn?: number;
  /** 'mam' gives the same computation with the MAM label. */
  readonly mode?: 'assistant-maternel' | 'mam';
  readonly bareme?: Bareme;
}

/** Legal minimum indemnité d'entretien for a day of `heuresParJour` hours (prorated on 9 h, floor per day). */
export function indemniteEntretienMinimum(heuresParJour: number, bareme: Bareme = BAREME): number {
  const am = bareme.remunerations.assistantMaternel;
  const prorata = (am.indemniteEntretienMinimumJournee9hCents.valeur * heuresParJour) / 9;
  return arrondirCentimes(Math.max(am.indemniteEntretienMinimumParJourCents.valeur, prorata));
}

export function coutAssistantMaternel(entree: EntreeAssistantMaternel): EstimationCout {
  const bareme = entree.bareme ?? BAREME;
  const am = bareme.remunerations.assistantMaternel;
  const avertissements: CodeAvertissementCout[] = [];
  const semaines = entree.semainesParAn ?? bareme.hypotheses.semainesMensualisation.valeur;
  const heures = heuresMensuelles(entree.heuresHebdo, semaines);
  const tarif = entree.salaireNetHoraireCents ?? am.salaireNetHoraireCents.pasDeCalais.valeur;
  if (entree.salaireNetHoraireCents === undefined) avertissements.push('estimation-locale');
  const jours = Math.max(1, entree.joursParSemaine);
  const joursPresence = (jours * bareme.hypotheses.semainesPresenceParAn.valeur) / 12;
  const entretienJour = entree.indemniteEntretienParJourCents ?? indemniteEntretienMinimum(entree.heuresHebdo / jours, bareme);
  const salaire = arrondirCentimes(tarif * heures);
  const entretien = arrondirCentimes(entretienJour * joursPresence);
  const repas = arrondirCentimes((entree.fraisRepasParJourCents ?? 0) * joursPresence);
  const cotisations = arrondirCentimes(salaire * am.cotisationsParEuroNet.valeur);

  const cmg = cmgEmploiDirect({
    foyer: entree.foyer,
    emploi: 'assistant-maternel',
    heuresMensuelles: heures,
    coutMensuelCents: salaire + entretien + repas,
    ageEnfantMois: entree.ageEnfantMois,
    bareme,
  });
  if (!cmg.eligible) avertissements.push('cmg-age-depasse');
  else if (cmg.cmgRemunerationCents === 0) avertissements.push('cmg-revenus-trop-eleves');
  if (cmg.plafondHoraireDepasse) avertissements.push('plafond-horaire-cmg-depasse');
  // Contributions are paid by the CMG in full under the hourly ceiling, pro rata above it.
  const coefficientCotisations = cmg.plafondHoraireDepasse ? cmg.coutRetenuCents / (salaire + entretien + repas) : 1;
  const cmgCotisations = cmg.eligible
    ? arrondirCentimes(cotisations * bareme.cmgEmploiDirect.priseEnChargeCotisations.assistantMaternel.valeur * coefficientCotisations)
    : 0;
  const coutBrut = salaire + entretien + repas + cotisations;
  const aides = cmg.cmgRemunerationCents + cmgCotisations;
  // Meals are not childcare expenses for the tax credit.
  const depensesCredit = Math.max(0, coutBrut - repas - aides);
  const credit = creditImpot({
    type: 'frais-de-garde',
    depensesMensuellesNettesCents: depensesCredit,
    enfantEligible: entree.enfantMoinsDe6AnsAu1erJanvier ?? true,
    bareme,
  });
  avertissements.push(...credit.avertissements);
  const lignes: LigneCout[] = [
    { code: 'salaire-net', montantCents: salaire, sens: 'cout' },
    { code: 'indemnite-entretien', montantCents: entretien, sens: 'cout' },
    ...(repas > 0 ? [{ code: 'frais-repas', montantCents: repas, sens: 'cout' } as const] : []),
    { code: 'cotisations-sociales', montantCents: cotisations, sens: 'cout' },
    { code: 'cmg-remuneration', montantCents: cmg.cmgRemunerationCents, sens: 'aide' },
    { code: 'cmg-cotisations', montantCents: cmgCotisations, sens: 'aide' },
    { code: 'credit-impot-frais-de-garde', montantCents: credit.mensuelCents, sens: 'credit' },
  ];
  return {
    mode: entree.mode ?? 'assistant-maternel',
    mensuel: montants(coutBrut, aides, credit.mensuelCents),
    lignes,
    hypotheses: {
      baremeVersion: bareme.version,
      baremeDate: bareme.dateEffet,
      heuresMensuelles: deuxDecimales(heures),
      semainesParAn: semaines,
      tarifHoraireCents: tarif,
      ressourcesRetenuesCents: cmg.ressourcesRetenuesCents,
      tauxEffortPpm: cmg.tauxEffortPpm,
      nombreEnfantsBareme: cmg.nombreEnfantsBareme,
      joursPresenceMensuels: deuxDecimales(joursPresence),
      indemniteEntretienParJourCents: entretienJour,
    },
    avertissements,
  };
}

// --- Garde à domicile (alone or shared) ----------------------------------------------

interface EntreeGardeADomicile {
  readonly foyer: Foyer;
  /** Hours the employee works per week for this household (the whole shared time in a garde partagée). */
  readonly heuresHebdo: number;
  /** Age of the youngest child cared for. */
  readonly ageEnfantMois: number;
  /** Net hourly wage; default: typical Hauts-de-France wage of the barème. */
  readonly salaireNetHoraireCents?: number;
  /** Garde partagée: share of the wage paid by this household (default 0.5 when shared). */
  readonly partage?: { readonly partFoyer?: number };
  readonly premiereAnneeEmploi?: boolean;
  readonly semainesParAn?: number;
  readonly bareme?: Bareme;
}

export function coutGardeADomicile(entree: EntreeGardeADomicile): EstimationCout {
  const bareme = entree.bareme ?? BAREME;
  const gad = bareme.remunerations.gardeADomicile;
  const cmgParams = bareme.cmgEmploiDirect;
  const avertissements: CodeAvertissementCout[] = [];
  const semaines = entree.semainesParAn ?? bareme.hypotheses.semainesMensualisation.valeur;
  const heures = heuresMensuelles(entree.heuresHebdo, semaines);
  const tarif = entree.salaireNetHoraireCents ?? gad.salaireNetHoraireCents.hautsDeFrance.valeur;
  if (entree.salaireNetHoraireCents === undefined) avertissements.push('estimation-locale');
  const part = entree.partage ? borner(entree.partage.partFoyer ?? 0.5, 0.01, 1) : 1;
  const salaire = arrondirCentimes(tarif * heures * part);
  const cotisations = arrondirCentimes(Math.max(0, salaire * gad.cotisationsParEuroNet.valeur - gad.deductionForfaitaireParHeureCents.valeur * heures * part));

  const cmg = cmgEmploiDirect({
    foyer: entree.foyer,
    emploi: 'garde-a-domicile',
    heuresMensuelles: heures,
    coutMensuelCents: salaire,
    ageEnfantMois: entree.ageEnfantMois,
    bareme,
  });
  if (!cmg.eligible) avertissements.push('cmg-age-depasse');
  else if (cmg.cmgRemunerationCents === 0) avertissements.push('cmg-revenus-trop-eleves');
  if (cmg.plafondHoraireDepasse) avertissements.push('plafond-horaire-cmg-depasse');
  const plafondCotisations =
    entree.ageEnfantMois < 36 ? cmgParams.plafondCotisationsGardeADomicileCents.moinsDe3Ans : cmgParams.plafondCotisationsGardeADomicileCents.de3A6Ans;
  // The CMG "cotisations" part of a garde à domicile stops at 6 years (12 for a lone parent, like the rest of the CMG).
  const cmgCotisations = cmg.eligible
    ? arrondirCentimes(Math.min(cotisations * cmgParams.priseEnChargeCotisations.gardeADomicile.valeur, plafondCotisations.valeur))
    : 0;
  if (aVerifier(cmgParams.tauxEffortPpm.gardeADomicile, plafondCotisations, gad.deductionForfaitaireParHeureCents))
    ajouter(avertissements, 'parametre-a-verifier');

  const coutBrut = salaire + cotisations;
  const aides = cmg.cmgRemunerationCents + cmgCotisations;
  const credit = creditImpot({
    type: 'emploi-a-domicile',
    depensesMensuellesNettesCents: Math.max(0, coutBrut - aides),
    nombreEnfantsACharge: entree.foyer.nombreEnfantsACharge,
    premiereAnneeEmploi: entree.premiereAnneeEmploi ?? false,
    bareme,
  });
  avertissements.push(...credit.avertissements);
  return {
    mode: 'garde-a-domicile',
    mensuel: montants(coutBrut, aides, credit.mensuelCents),
    lignes: [
      { code: 'salaire-net', montantCents: salaire, sens: 'cout' },
      { code: 'cotisations-sociales', montantCents: cotisations, sens: 'cout' },
      { code: 'cmg-remuneration', montantCents: cmg.cmgRemunerationCents, sens: 'aide' },
      { code: 'cmg-cotisations', montantCents: cmgCotisations, sens: 'aide' },
      { code: 'credit-impot-emploi-domicile', montantCents: credit.mensuelCents, sens: 'credit' },
    ],
    hypotheses: {
      baremeVersion: bareme.version,
      baremeDate: bareme.dateEffet,
      heuresMensuelles: deuxDecimales(heures),
      semainesParAn: semaines,
      tarifHoraireCents: tarif,
      ressourcesRetenuesCents: cmg.ressourcesRetenuesCents,
      tauxEffortPpm: cmg.tauxEffortPpm,
      nombreEnfantsBareme: cmg.nombreEnfantsBareme,
      partFoyer: part,
    },
    avertissements,
  };
}

// --- Micro-crèche PAJE (CMG "structure", unchanged by the 2025 reform) -----------------

interface EntreeMicroCrechePaje {
  readonly foyer: Foyer;
  readonly heuresHebdo: number;
  readonly ageEnfantMois: number;
  readonly enfantMoinsDe6AnsAu1erJanvier?: boolean;
  /** Price per hour; default: typical price of the barème. */
  readonly tarifHoraireCents?: number;
  /** Annual resources of year N-2; default: monthly resources × 12. */
  readonly ressourcesAnnuellesN2Cents?: number;
  /** Tranche given by the CAF, when known: overrides the computation from resources. */
  readonly tranche?: 1 | 2 | 3;
  readonly semainesParAn?: number;
  readonly bareme?: Bareme;
}

/** CMG tranche (1 = lowest incomes) from annual resources, number of children and lone-parent majoration. */
export function trancheCmgStructure(ressourcesAnnuellesCents: number, foyer: Foyer, bareme: Bareme = BAREME): 1 | 2 | 3 {
  const s = bareme.cmgStructureMicroCreche;
  const pl = s.plafondsRessourcesAnnuellesCents.valeur;
  const n = Math.max(1, Math.trunc(foyer.nombreEnfantsACharge));
  const plafond = (base: readonly [number, number, number], sup: number): number => (n <= 3 ? (base[n - 1] as number) : base[2] + (n - 3) * sup);
  const majoration = foyer.parentIsole ? 1 + s.majorationPlafondsParentIsole.valeur : 1;
  if (ressourcesAnnuellesCents <= plafond(pl.tranche1, pl.parEnfantSupplementaire.tranche1) * majoration) return 1;
  if (ressourcesAnnuellesCents <= plafond(pl.tranche2, pl.parEnfantSupplementaire.tranche2) * majoration) return 2;
  return 3;
}

export function coutMicroCrechePaje(entree: EntreeMicroCrechePaje): EstimationCout {
  const bareme = entree.bareme ?? BAREME;
  const s = bareme.cmgStructureMicroCreche;
  const avertissements: CodeAvertissementCout[] = [];
  const semaines = entree.semainesParAn ?? bareme.hypotheses.semainesReserveesCrecheParAn.valeur;
  const heures = heuresMensuelles(entree.heuresHebdo, semaines);
  const tarif = entree.tarifHoraireCents ?? bareme.remunerations.microCrechePaje.tarifHoraireCents.valeur.typique;
  if (entree.tarifHoraireCents === undefined) avertissements.push('estimation-locale');
  const cout = arrondirCentimes(tarif * heures);

  const tranche = entree.tranche ?? trancheCmgStructure(entree.ressourcesAnnuellesN2Cents ?? entree.foyer.ressourcesMensuellesCents * 12, entree.foyer, bareme);
  if (entree.tranche === undefined && aVerifier(s.plafondsRessourcesAnnuellesCents)) avertissements.push('parametre-a-verifier');
  const eligibleAge = entree.ageEnfantMois < 12 * s.ageMaxAns.valeur;
  const eligibleTarif = tarif <= s.tarifHoraireMaxCents.valeur;
  if (!eligibleTarif) avertissements.push('tarif-micro-creche-au-dessus-du-maximum');
  if (!eligibleAge) avertissements.push('cmg-age-depasse');
  const montantsMax = entree.ageEnfantMois < 36 ? s.montantsMaxCents.valeur.moinsDe3Ans : s.montantsMaxCents.valeur.de3A6Ans;
  // One 30 % majoration, whichever the reason (lone parent, AEEH child, AAH parent): they do not add up.
  const majoration = Math.max(
    entree.foyer.parentIsole ? s.majorationMontantParentIsole.valeur : 0,
    (entree.foyer.enfantsAeeh ?? 0) > 0 || entree.foyer.parentAah ? s.majorationMontantAeeh.valeur : 0,
  );
  const maximum = (montantsMax[tranche - 1] as number) * (1 + majoration);
  const limite85 = cout * (1 - s.resteAChargeMinimum.valeur);
  let cmg = 0;
  if (eligibleAge && eligibleTarif) {
    cmg = arrondirCentimes(Math.min(maximum, limite85));
    if (limite85 < maximum) avertissements.push('reste-a-charge-minimum-applique');
  }
  const credit = creditImpot({
    type: 'frais-de-garde',
    depensesMensuellesNettesCents: Math.max(0, cout - cmg),
    enfantEligible: entree.enfantMoinsDe6AnsAu1erJanvier ?? true,
    bareme,
  });
  avertissements.push(...credit.avertissements);
  return {
    mode: 'micro-creche',
    mensuel: montants(cout, cmg, credit.mensuelCents),
    lignes: [
      { code: 'tarif-micro-creche', montantCents: cout, sens: 'cout' },
      { code: 'cmg-structure', montantCents: cmg, sens: 'aide' },
      { code: 'credit-impot-frais-de-garde', montantCents: credit.mensuelCents, sens: 'credit' },
    ],
    hypotheses: {
      baremeVersion: bareme.version,
      baremeDate: bareme.dateEffet,
      heuresMensuelles: deuxDecimales(heures),
      semainesParAn: semaines,
      tarifHoraireCents: tarif,
      trancheCmg: tranche,
    },
    avertissements,
  };
}

// --- Tax credits -----------------------------------------------------------------------------

type EntreeCreditImpot =
  | {
      readonly type: 'frais-de-garde';
      /** Monthly expenses left after aids (CMG), meals excluded. */
      readonly depensesMensuellesNettesCents: number;
      /** Child under 6 on 1 January of the year of the expenses. */
      readonly enfantEligible: boolean;
      /** Résidence alternée: each parent gets half the ceiling. */
      readonly residenceAlternee?: boolean;
      readonly bareme?: Bareme;
    }
  | {
      readonly type: 'emploi-a-domicile';
      readonly depensesMensuellesNettesCents: number;
      readonly nombreEnfantsACharge: number;
      readonly premiereAnneeEmploi: boolean;
      readonly bareme?: Bareme;
    };

interface ResultatCreditImpot {
  readonly annuelCents: number;
  readonly mensuelCents: number;
  readonly plafondDepensesAnnuellesCents: number;
  readonly avertissements: readonly CodeAvertissementCout[];
}

/** Yearly tax credit on twelve months of the given net expenses, and its monthly twelfth. */
export function creditImpot(entree: EntreeCreditImpot): ResultatCreditImpot {
  const bareme = entree.bareme ?? BAREME;
  const annuelles = Math.max(0, entree.depensesMensuellesNettesCents) * 12;
  let plafond: number;
  let taux: number;
  const avertissements: CodeAvertissementCout[] = [];
  if (entree.type === 'frais-de-garde') {
    const c = bareme.creditImpot.fraisDeGarde;
    if (!entree.enfantEligible) return { annuelCents: 0, mensuelCents: 0, plafondDepensesAnnuellesCents: 0, avertissements: ['credit-impot-age-depasse'] };
    plafond = c.plafondDepensesParEnfantCents.valeur / (entree.residenceAlternee ? 2 : 1);
    taux = c.taux.valeur;
  } else {
    const c = bareme.creditImpot.emploiADomicile;
    const base = entree.premiereAnneeEmploi ? c.plafondBasePremiereAnneeCents.valeur : c.plafondBaseCents.valeur;
    const max = entree.premiereAnneeEmploi ? c.plafondMaxPremiereAnneeCents.valeur : c.plafondMaxCents.valeur;
    plafond = Math.min(base + Math.max(0, entree.nombreEnfantsACharge) * c.majorationParEnfantCents.valeur, max);
    taux = c.taux.valeur;
  }
  if (annuelles > plafond) avertissements.push('credit-impot-plafond-atteint');
  const annuelCents = arrondirCentimes(Math.min(annuelles, plafond) * taux);
  return { annuelCents, mensuelCents: arrondirCentimes(annuelCents / 12), plafondDepensesAnnuellesCents: plafond, avertissements };
}

// --- Every mode at once ------------------------------------------------------------------------

export interface EntreeEstimation {
  /** Without resources, each mode is estimated at the floor and at the ceiling (`fourchette`). */
  readonly foyer: Omit<Foyer, 'ressourcesMensuellesCents'> & { readonly ressourcesMensuellesCents?: number | null };
  readonly ageEnfantMois: number;
  readonly enfantMoinsDe6AnsAu1erJanvier: boolean;
  readonly heuresHebdo: number;
  readonly joursParSemaine: number;
  readonly territoire?: 'pas-de-calais' | 'national';
  readonly tarifs?: {
    readonly assistantMaternelNetHoraireCents?: number;
    readonly mamNetHoraireCents?: number;
    readonly gardeADomicileNetHoraireCents?: number;
    readonly microCrecheHoraireCents?: number;
  };
  /** Estimate the garde à domicile as shared between two families. */
  readonly gardePartagee?: boolean;
  readonly bareme?: Bareme;
}

export interface EstimationMode {
  readonly mode: ModeAccueil;
  /** False for the périscolaire, whose price each commune sets. */
  readonly estimable: boolean;
  /** With the family's resources. */
  readonly estimation: EstimationCout | null;
  /** Without resources: the estimate at the resources floor (bas) and ceiling (haut). */
  readonly fourchette: { readonly bas: EstimationCout; readonly haut: EstimationCout } | null;
  readonly avertissements: readonly CodeAvertissementCout[];
}

interface EstimationTousModes {
  readonly baremeVersion: string;
  readonly baremeDate: string;
  readonly revenusConnus: boolean;
  readonly modes: readonly EstimationMode[];
}

function estimerUnMode(mode: Exclude<ModeAccueil, 'periscolaire'>, foyer: Foyer, e: EntreeEstimation, bareme: Bareme): EstimationCout {
  const national = e.territoire === 'national';
  const r = bareme.remunerations;
  const commun = { foyer, ageEnfantMois: e.ageEnfantMois, enfantMoinsDe6AnsAu1erJanvier: e.enfantMoinsDe6AnsAu1erJanvier, bareme };
  switch (mode) {
    case 'creche':
      return coutCrechePsu({ ...commun, heuresHebdo: e.heuresHebdo, typeAccueil: 'collectif' });
    case 'micro-creche':
      return coutMicroCrechePaje({
        ...commun,
        heuresHebdo: e.heuresHebdo,
        ...(e.tarifs?.microCrecheHoraireCents !== undefined ? { tarifHoraireCents: e.tarifs.microCrecheHoraireCents } : {}),
      });
    case 'assistant-maternel':
    case 'mam': {
      const choisi = mode === 'mam' ? e.tarifs?.mamNetHoraireCents : e.tarifs?.assistantMaternelNetHoraireCents;
      const estimation = coutAssistantMaternel({
        ...commun,
        mode,
        heuresHebdo: e.heuresHebdo,
        joursParSemaine: e.joursParSemaine,
        salaireNetHoraireCents:
          choisi ?? (national ? r.assistantMaternel.salaireNetHoraireCents.national.valeur : r.assistantMaternel.salaireNetHoraireCents.pasDeCalais.valeur),
      });
      return choisi === undefined ? { ...estimation, avertissements: ['estimation-locale', ...estimation.avertissements] } : estimation;
    }
    case 'garde-a-domicile': {
      const choisi = e.tarifs?.gardeADomicileNetHoraireCents;
      const estimation = coutGardeADomicile({
        ...commun,
        heuresHebdo: e.heuresHebdo,
        salaireNetHoraireCents:
          choisi ?? (national ? r.gardeADomicile.salaireNetHoraireCents.national.valeur : r.gardeADomicile.salaireNetHoraireCents.hautsDeFrance.valeur),
        ...(e.gardePartagee ? { partage: { partFoyer: 0.5 } } : {}),
      });
      return choisi === undefined ? { ...estimation, avertissements: ['estimation-locale', ...estimation.avertissements] } : estimation;
    }
  }
}

/**
 * Every mode for one child: monthly gross cost, aids, net before and after the tax credit,
 * with the assumptions used. The périscolaire is listed but not priced (communal price).
 */
export function estimerTousLesModes(e: EntreeEstimation): EstimationTousModes {
  const bareme = e.bareme ?? BAREME;
  const ressources = e.foyer.ressourcesMensuellesCents;
  const revenusConnus = typeof ressources === 'number' && Number.isFinite(ressources) && ressources >= 0;
  const foyerAvec = (r: number): Foyer => ({ ...e.foyer, ressourcesMensuellesCents: r });
  const modes = MODES_ACCUEIL.map((mode): EstimationMode => {
    if (mode === 'periscolaire') return { mode, estimable: false, estimation: null, fourchette: null, avertissements: ['tarif-fixe-par-la-commune'] };
    if (revenusConnus) {
      const estimation = estimerUnMode(mode, foyerAvec(ressources), e, bareme);
      return { mode, estimable: true, estimation, fourchette: null, avertissements: estimation.avertissements };
    }
    const bas = estimerUnMode(mode, foyerAvec(bareme.psu.plancherRessourcesCents.valeur), e, bareme);
    const haut = estimerUnMode(mode, foyerAvec(bareme.psu.plafondRessourcesCents.valeur), e, bareme);
    return { mode, estimable: true, estimation: null, fourchette: { bas, haut }, avertissements: ['revenus-non-renseignes'] };
  });
  return { baremeVersion: bareme.version, baremeDate: bareme.dateEffet, revenusConnus, modes };
}

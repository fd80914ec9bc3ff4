/**
 * Barème of the mode-d'accueil questionnaire: every figure the cost estimate
 * uses, with where it comes from and the date it applies from.
 *
 * Conventions
 * - Money is in integer euro cents (`…Cents`). 801,00 € → 80100.
 * - A "taux d'effort" is in parts per million of the monthly resources per
 *   hour (`…Ppm`): 0,0619 % → 619, so an hourly price in cents is
 *   `ressourcesCents × ppm / 1 000 000`.
 * - Ratios (50 %, 30 %…) are plain numbers (0.5, 0.3).
 * - Lists indexed by number of children start at 1 child; the last value
 *   applies to every larger family.
 *
 * Each parameter says how sure we are (`fiabilite`):
 * - 'officiel'   read in an official text or on an official site;
 * - 'derive'     computed from official figures by the rule the text gives
 *                (the computation is in `note`);
 * - 'estimation' a typical local value, not a rule: shown to families as an
 *                assumption they can change;
 * - 'a-verifier' a figure we could not confirm in a primary source: keep it
 *                visible in the UI and in the report until someone checks it.
 *
 * To publish a new barème, add an entry to `BAREMES` (sorted by date); the
 * previous ones stay so that an estimate can be replayed at its date.
 */

export type Fiabilite = 'officiel' | 'derive' | 'estimation' | 'a-verifier';

interface Source {
  readonly id: IdSource;
  readonly titre: string;
  readonly url: string;
  readonly editeur: string;
}

const SOURCES_PAR_ID = {
  cafPlafondEaje2025: {
    titre: 'Le plafond de ressources mensuelles en hausse pour les EAJE au 1er septembre 2025 (actualité du 15 mai 2025)',
    url: 'https://caf.fr/professionnels/actualites/le-plafond-de-ressources-mensuelles-en-hausse-pour-les-eaje-au-1er-septembre-2025',
    editeur: 'Caf',
  },
  cnafCirculaire2019: {
    titre: 'Circulaire Cnaf n° 2019-005 du 5 juin 2019 : barème national des participations familiales en EAJE (présentation par la Caf de la Loire)',
    url: 'https://caf42.fr/?p=12367',
    editeur: 'Cnaf / Caf de la Loire',
  },
  ficheRepereBaremeCafVar: {
    titre: 'Fiche repère « Le barème des participations familiales en EAJE », Caf du Var, juin 2019 (taux par type d’accueil, alignement micro-crèche)',
    url: 'https://fdocuments.fr/document/le-bareme-des-participations-familiales-en-taux-de-participation-familiale.html',
    editeur: 'Caf du Var (copie publique)',
  },
  bareme2019MicroCreche: {
    titre: 'Crèche : évolution du barème de participation familiale (le barème micro-crèche est aligné sur l’accueil collectif)',
    url: 'https://lemediasocial.fr/creche-evolution-du-bareme-de-participation-familiale_FBCWpW',
    editeur: 'Le Media social',
  },
  cafPlancher2019: {
    titre: 'Eaje : barème 2019 des participations familiales (rôle du plancher et du plafond)',
    url: 'https://www.partenaires-caf66.fr/5590-2/',
    editeur: 'Caf des Pyrénées-Orientales',
  },
  rsa2025: {
    titre: 'Montants du RSA en vigueur à compter du 1er avril 2025 (personne seule avec un enfant : 969,78 €)',
    url: 'https://open.lefebvre-dalloz.fr/baremes-taux/droit-social/minima-sociaux-revenu-solidarite-active_social-minima-rsa',
    editeur: 'Lefebvre Dalloz',
  },
  cssD531_18: {
    titre: 'Code de la sécurité sociale, article D. 531-18 (calcul du CMG emploi direct depuis le 1er septembre 2025)',
    url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000051721668/',
    editeur: 'Légifrance',
  },
  decretCmg2025: {
    titre: 'Décret modifiant les articles D. 531-17 et D. 531-18 du code de la sécurité sociale (réforme du CMG)',
    url: 'https://legal.tricoteuses.fr/articles/JORFARTI000051714540',
    editeur: 'Journal officiel (copie Tricoteuses)',
  },
  cafReformeCmg: {
    titre: 'Une aide à l’accueil de l’enfant mieux adaptée : pour tout savoir sur ce qui change (exemples chiffrés)',
    url: 'https://www.caf.fr/professionnels/presse/publications/une-aide-l-accueil-de-l-enfant-mieux-adaptee-pour-tout-savoir-sur-ce-qui-change',
    editeur: 'Caf',
  },
  cafFaqCmg: {
    titre: 'Foire aux questions CMG emploi direct (taux d’effort, AEEH, 12 ans pour les familles monoparentales, micro-crèche)',
    url: 'https://caf.fr/allocataires/caf-test-de-922/foire-aux-questions?page=1',
    editeur: 'Caf',
  },
  cafSavoieCmg: {
    titre: 'Lettre aux partenaires n° 15, septembre 2025 : la réforme du CMG',
    url: 'https://caf.fr/professionnels/offres-et-services/caf-de-la-savoie/partenaires-locaux/la-lettre-d-actu-aux-partenaires-caf-73/lettre-aux-partenaires-ndeg15-septembre-2025/actu-nationale-le-cmg',
    editeur: 'Caf de la Savoie',
  },
  fedCmgCalcul: {
    titre: 'CMG : le nouveau mode de calcul (coût horaire de référence 4,85 € et 10,38 € en 2025)',
    url: 'https://www.franceemploidomicile.fr/actualite/cmg-calcul-cout-parents/',
    editeur: 'France Emploi Domicile (Fepem)',
  },
  smic2026: {
    titre: 'Revalorisation du Smic au 1er janvier 2026 (+1,18 % : 12,02 € brut de l’heure, contre 11,88 €)',
    url: 'https://www.lafinancepourtous.com/2025/12/17/revalorisation-du-smic-au-1er-janvier-2026-118',
    editeur: 'La finance pour tous (IEFP)',
  },
  cssD531_23: {
    titre: 'Code de la sécurité sociale, article D. 531-23 (CMG structure : 208,53 % de la BMAF en micro-crèche, tranches)',
    url: 'https://legal.tricoteuses.fr/articles/JORFARTI000025804510',
    editeur: 'Journal officiel (copie Tricoteuses)',
  },
  openfiscaCmg: {
    titre: 'Paramètres CMG de la PAJE (taux en BMAF, majorations personne isolée et AEEH, art. D. 531-23-1)',
    url: 'https://github.com/openfisca/openfisca-france/tree/master/openfisca_france/parameters/prestations_sociales/prestations_familiales/petite_enfance/paje/paje_cmg',
    editeur: 'OpenFisca France',
  },
  montantsCmgStructure2025: {
    titre: 'Montants du CMG micro-crèche depuis le 1er avril 2025 (984,26 € à 712,72 € pour un enfant de moins de 3 ans)',
    url: 'https://optitmome.com/2023/07/10/de-quelles-aides-puis-je-beneficier-pour-la-garde-de-mon-enfant',
    editeur: 'Ô P’tit Môme (reprise du barème Caf)',
  },
  spMicroCreche: {
    titre: 'Complément de libre choix du mode de garde (CMG) : structure — micro-crèche (tarif ≤ 10 € de l’heure, 85 % au plus)',
    url: 'https://www.service-public.fr/particuliers/vosdroits/F345',
    editeur: 'Service-Public.fr',
  },
  bofipFraisGarde: {
    titre: 'BOI-IR-RICI-300 : crédit d’impôt au titre des frais de garde des jeunes enfants (art. 200 quater B du CGI)',
    url: 'https://bofip.impots.gouv.fr/node/346281',
    editeur: 'impots.gouv.fr',
  },
  spFraisGarde: {
    titre: 'Frais de garde des enfants de moins de 6 ans : crédit d’impôt (50 %, plafond de 3 500 € par enfant)',
    url: 'https://www.service-public.fr/particuliers/vosdroits/F8',
    editeur: 'Service-Public.fr',
  },
  spEmploiDomicile: {
    titre: 'Emploi d’un salarié à domicile : avantage fiscal (50 %, 12 000 € + 1 500 € par enfant, 15 000 € au plus)',
    url: 'https://www.service-public.fr/particuliers/vosdroits/F12',
    editeur: 'Service-Public.fr',
  },
  anQuestionEmploiDomicile: {
    titre: 'Réponse ministérielle n° 23294 : garde à domicile (art. 199 sexdecies) et assistante maternelle (art. 200 quater B)',
    url: 'http://questions.assemblee-nationale.fr/q13/13-23294QE.htm',
    editeur: 'Assemblée nationale',
  },
  ircemEntretien2026: {
    titre: 'Frais d’entretien assistante maternelle : les taux 2026 (3,83 € pour 9 h, 2,65 € au minimum par jour)',
    url: 'https://www.ircem.com/?p=37553',
    editeur: 'Ircem',
  },
  cgtSmicAssmat2026: {
    titre: 'Smic 2026 et assistantes maternelles : minimum légal 0,281 Smic (3,38 € brut), minimum conventionnel 3,64 € brut',
    url: 'https://sap-cgt.social/?p=7477',
    editeur: 'CGT services à la personne',
  },
  entretien2024: {
    titre: 'Montant minimal des indemnités d’entretien au 1er novembre 2024 (3,80 € pour 9 h)',
    url: 'https://6loupiots.fr/?p=10756',
    editeur: 'France Emploi Domicile (reprise)',
  },
  fepemSalaires: {
    titre:
      'Observatoire des emplois de la famille : salaires horaires nets moyens (assistante maternelle 3,7 €, garde à domicile 9,7 €, Hauts-de-France 9,2 €)',
    url: 'https://www.lesprosdelapetiteenfance.fr/assistante-maternelle-le-salaire-horaire-net-moyen-en-tres-legere-progression',
    editeur: 'Les pros de la petite enfance (données Fepem)',
  },
  cotisationsAssmat2025: {
    titre: 'Réforme du CMG : textes parus, environ 0,84 € de cotisations pour 1 € net au 1er juin 2025',
    url: 'https://coeurdassmat.blogspot.com/2025/06/reforme-du-complement-de-libre-choix-du.html',
    editeur: 'Cœur d’assmat (blog)',
  },
  mensualisationAssmat: {
    titre: 'Mensualisation du salaire d’une assistante maternelle : heures par semaine × semaines / 12',
    url: 'https://coeurdassmat.blogspot.com/2014/06/simulation-annee-incomplete-40-heures-x.html',
    editeur: 'Cœur d’assmat (blog)',
  },
  handicapTauxInferieur: {
    titre: 'Barème en vigueur et règle AEEH : taux immédiatement inférieur, autant de fois qu’il y a d’enfants handicapés',
    url: 'https://www.lespetitescanailles.fr/faq/calculer-tarif-place-en-creche',
    editeur: 'Les Petites Canailles (reprise du barème Cnaf)',
  },
  spAeeh: {
    titre: 'Allocation d’éducation de l’enfant handicapé (AEEH) : montants',
    url: 'https://www.service-public.fr/particuliers/vosdroits/F14809',
    editeur: 'Service-Public.fr',
  },
} as const satisfies Record<string, Omit<Source, 'id'>>;

export type IdSource = keyof typeof SOURCES_PAR_ID;

/** Every source cited by a barème, for the "sources" page. */
export const sources: readonly Source[] = (Object.keys(SOURCES_PAR_ID) as IdSource[]).map((id) => ({ id, ...SOURCES_PAR_ID[id] }));

export interface Parametre<T> {
  readonly valeur: T;
  /** ISO date from which this value applies. */
  readonly depuis: string;
  readonly sources: readonly IdSource[];
  readonly fiabilite: Fiabilite;
  readonly note?: string;
}

function p<T>(valeur: T, depuis: string, srcs: readonly IdSource[], fiabilite: Fiabilite = 'officiel', note?: string): Parametre<T> {
  return note === undefined ? { valeur, depuis, sources: srcs, fiabilite } : { valeur, depuis, sources: srcs, fiabilite, note };
}

/** Taux d'effort by number of children: index 0 = 1 child; the last value covers larger families. */
export type TableTauxPpm = readonly number[];

export interface TranchesCmgStructure {
  /** Monthly maximum per child, tranche 1 (lowest incomes) to 3. */
  readonly moinsDe3Ans: readonly [number, number, number];
  readonly de3A6Ans: readonly [number, number, number];
}

export interface PlafondsTranchesCmg {
  /** Annual resources (N-2) at or under which the family is in tranche 1, for 1, 2, 3 children. */
  readonly tranche1: readonly [number, number, number];
  readonly tranche2: readonly [number, number, number];
  readonly parEnfantSupplementaire: { readonly tranche1: number; readonly tranche2: number };
}

export interface FourchetteCents {
  readonly min: number;
  readonly typique: number;
  readonly max: number;
}

export interface Bareme {
  readonly version: string;
  /** Date shown to families: "barème du …". */
  readonly dateEffet: string;
  readonly psu: {
    readonly tauxEffortPpm: {
      readonly collectif: Parametre<TableTauxPpm>;
      readonly microCreche: Parametre<TableTauxPpm>;
      readonly familialParental: Parametre<TableTauxPpm>;
    };
    readonly plancherRessourcesCents: Parametre<number>;
    readonly plafondRessourcesCents: Parametre<number>;
    /** Each child with AEEH in the family moves the family to the next line of the table. */
    readonly enfantAeehCompteUnEnfantDePlus: Parametre<boolean>;
  };
  readonly cmgEmploiDirect: {
    readonly tauxEffortPpm: { readonly assistantMaternel: Parametre<TableTauxPpm>; readonly gardeADomicile: Parametre<TableTauxPpm> };
    readonly coutHoraireReferenceCents: { readonly assistantMaternel: Parametre<number>; readonly gardeADomicile: Parametre<number> };
    /** Ceiling of the hourly cost taken into account (salary + indemnités, per hour paid). */
    readonly plafondHoraireCents: { readonly assistantMaternel: Parametre<number>; readonly gardeADomicile: Parametre<number> };
    readonly plancherRessourcesCents: Parametre<number>;
    readonly plafondRessourcesCents: Parametre<number>;
    readonly ageMaxAns: Parametre<number>;
    readonly ageMaxAnsParentIsole: Parametre<number>;
    readonly enfantAeehCompteUnEnfantDePlus: Parametre<boolean>;
    /** Share of social contributions paid by the CMG "cotisations" part. */
    readonly priseEnChargeCotisations: { readonly assistantMaternel: Parametre<number>; readonly gardeADomicile: Parametre<number> };
    readonly plafondCotisationsGardeADomicileCents: { readonly moinsDe3Ans: Parametre<number>; readonly de3A6Ans: Parametre<number> };
  };
  readonly cmgStructureMicroCreche: {
    readonly montantsMaxCents: Parametre<TranchesCmgStructure>;
    readonly plafondsRessourcesAnnuellesCents: Parametre<PlafondsTranchesCmg>;
    readonly majorationMontantParentIsole: Parametre<number>;
    readonly majorationMontantAeeh: Parametre<number>;
    readonly majorationPlafondsParentIsole: Parametre<number>;
    readonly resteAChargeMinimum: Parametre<number>;
    readonly tarifHoraireMaxCents: Parametre<number>;
    readonly ageMaxAns: Parametre<number>;
  };
  readonly creditImpot: {
    readonly fraisDeGarde: {
      readonly taux: Parametre<number>;
      readonly plafondDepensesParEnfantCents: Parametre<number>;
      readonly ageMaxAns: Parametre<number>;
    };
    readonly emploiADomicile: {
      readonly taux: Parametre<number>;
      readonly plafondBaseCents: Parametre<number>;
      readonly majorationParEnfantCents: Parametre<number>;
      readonly plafondMaxCents: Parametre<number>;
      readonly plafondBasePremiereAnneeCents: Parametre<number>;
      readonly plafondMaxPremiereAnneeCents: Parametre<number>;
    };
  };
  /** Shown on the information pages (not used by the cost engine). */
  readonly aeeh: {
    readonly montantBaseMensuelCents: Parametre<number>;
  };
  readonly remunerations: {
    readonly smicHoraireBrutCents: Parametre<number>;
    readonly assistantMaternel: {
      readonly salaireMinimumLegalBrutCents: Parametre<number>;
      readonly salaireMinimumConventionnelBrutCents: Parametre<number>;
      readonly salaireBrutHoraireCents: { readonly pasDeCalais: Parametre<number>; readonly national: Parametre<number> };
      readonly salaireNetHoraireCents: { readonly pasDeCalais: Parametre<number>; readonly national: Parametre<number> };
      readonly indemniteEntretienMinimumJournee9hCents: Parametre<number>;
      readonly indemniteEntretienMinimumParJourCents: Parametre<number>;
      /** Employer + employee contributions per euro of net salary (paid by the CMG when under the ceiling). */
      readonly cotisationsParEuroNet: Parametre<number>;
    };
    readonly gardeADomicile: {
      readonly salaireNetHoraireCents: { readonly hautsDeFrance: Parametre<number>; readonly national: Parametre<number> };
      readonly cotisationsParEuroNet: Parametre<number>;
      readonly deductionForfaitaireParHeureCents: Parametre<number>;
    };
    readonly microCrechePaje: { readonly tarifHoraireCents: Parametre<FourchetteCents> };
  };
  readonly hypotheses: {
    /** Mensualisation of an année complète: weekly hours × 52 / 12. */
    readonly semainesMensualisation: Parametre<number>;
    /** Weeks of actual presence per year (5 weeks of holidays), used for daily indemnités. */
    readonly semainesPresenceParAn: Parametre<number>;
    /** Weeks reserved in a crèche contract (closures and family holidays deducted). */
    readonly semainesReserveesCrecheParAn: Parametre<number>;
  };
}

// --- Values shared by several versions -------------------------------------

const TAUX_COLLECTIF: TableTauxPpm = [619, 516, 413, 310, 310, 310, 310, 206];
const TAUX_FAMILIAL: TableTauxPpm = [516, 413, 310, 310, 310, 206, 206, 206];
const TAUX_GARDE_DOMICILE: TableTauxPpm = [1238, 1032, 826, 620, 620, 620, 620, 412];

const BAREME_2025_09: Bareme = {
  version: '2025-09',
  dateEffet: '2025-09-01',
  psu: {
    tauxEffortPpm: {
      collectif: p(
        TAUX_COLLECTIF,
        '2022-01-01',
        ['cnafCirculaire2019', 'handicapTauxInferieur'],
        'officiel',
        'Taux atteints au 1er janvier 2022 au terme de la hausse de 0,8 % par an prévue par la circulaire 2019-005, inchangés depuis.',
      ),
      microCreche: p(
        TAUX_COLLECTIF,
        '2022-01-01',
        ['bareme2019MicroCreche', 'ficheRepereBaremeCafVar'],
        'officiel',
        'Depuis 2019 le barème des micro-crèches PSU est aligné sur celui de l’accueil collectif.',
      ),
      familialParental: p(
        TAUX_FAMILIAL,
        '2022-01-01',
        ['ficheRepereBaremeCafVar', 'cafPlancher2019'],
        'a-verifier',
        'Crèche familiale et crèche parentale : 0,0516 % pour un enfant (0,05 % avant 2019, +0,8 % par an jusqu’en 2022). Les lignes de 4 enfants et plus sont à confirmer sur la circulaire.',
      ),
    },
    plancherRessourcesCents: p(
      80100,
      '2025-01-01',
      ['rsa2025', 'cafPlancher2019'],
      'derive',
      'RSA d’une personne seule avec un enfant (953,57 € au 1er avril 2024) moins le forfait logement de 16 % : 801,00 €.',
    ),
    plafondRessourcesCents: p(850000, '2025-09-01', ['cafPlafondEaje2025'], 'officiel'),
    enfantAeehCompteUnEnfantDePlus: p(true, '2019-09-01', ['handicapTauxInferieur', 'cnafCirculaire2019']),
  },
  cmgEmploiDirect: {
    tauxEffortPpm: {
      assistantMaternel: p(
        TAUX_COLLECTIF,
        '2025-09-01',
        ['cafReformeCmg', 'fedCmgCalcul'],
        'officiel',
        'Même barème que les crèches PSU ; l’exemple chiffré de la Caf (3 000 €, 1 enfant, 125 h) le confirme.',
      ),
      gardeADomicile: p(
        TAUX_GARDE_DOMICILE,
        '2025-09-01',
        ['cafFaqCmg'],
        'a-verifier',
        'La Caf indique un barème propre à la garde à domicile, calculé par foyer ; nous retenons le double du barème PSU, valeur reprise par plusieurs simulateurs mais non lue dans l’arrêté.',
      ),
    },
    coutHoraireReferenceCents: {
      assistantMaternel: p(485, '2025-09-01', ['fedCmgCalcul', 'cafReformeCmg']),
      gardeADomicile: p(1038, '2025-09-01', ['fedCmgCalcul']),
    },
    plafondHoraireCents: {
      assistantMaternel: p(800, '2025-09-01', ['cssD531_18', 'decretCmg2025']),
      gardeADomicile: p(1500, '2025-09-01', ['cssD531_18', 'decretCmg2025']),
    },
    plancherRessourcesCents: p(
      80100,
      '2025-09-01',
      ['cssD531_18', 'rsa2025'],
      'a-verifier',
      'L’article D. 531-18 borne les ressources par un plancher et un plafond ; nous reprenons ceux du barème PSU.',
    ),
    plafondRessourcesCents: p(
      850000,
      '2025-09-01',
      ['cssD531_18', 'cafPlafondEaje2025'],
      'a-verifier',
      'Plafond de 8 500 € repris du barème PSU, cité par les simulateurs publics du CMG.',
    ),
    ageMaxAns: p(6, '2025-09-01', ['cafSavoieCmg']),
    ageMaxAnsParentIsole: p(
      12,
      '2025-09-01',
      ['cafSavoieCmg', 'cafFaqCmg'],
      'officiel',
      'Familles monoparentales, emploi direct seulement (pas les micro-crèches).',
    ),
    enfantAeehCompteUnEnfantDePlus: p(true, '2025-09-01', ['cafFaqCmg']),
    priseEnChargeCotisations: {
      assistantMaternel: p(
        1,
        '2025-09-01',
        ['decretCmg2025'],
        'officiel',
        '100 % des cotisations si la rémunération horaire ne dépasse pas le plafond horaire ; au-delà, coefficient plafond × heures / coût.',
      ),
      gardeADomicile: p(0.5, '2025-09-01', ['fedCmgCalcul'], 'officiel', '50 % des cotisations, dans la limite d’un montant mensuel.'),
    },
    plafondCotisationsGardeADomicileCents: {
      moinsDe3Ans: p(52400, '2025-04-01', ['fedCmgCalcul'], 'a-verifier', 'Montant mensuel maximal non trouvé dans une source primaire.'),
      de3A6Ans: p(26200, '2025-04-01', ['fedCmgCalcul'], 'a-verifier', 'La moitié du montant des moins de 3 ans.'),
    },
  },
  cmgStructureMicroCreche: {
    montantsMaxCents: p(
      { moinsDe3Ans: [98426, 84847, 71272], de3A6Ans: [49213, 42423, 35636] },
      '2025-04-01',
      ['cssD531_23', 'openfiscaCmg', 'montantsCmgStructure2025'],
      'derive',
      '208,53 %, 179,76 % et 151 % de la BMAF (472,00 € au 1er avril 2025, déduite des montants publiés 984,26 € et 712,72 €) ; moitié de 3 à 6 ans. Valables jusqu’au 31 mars 2026 ; la revalorisation d’avril 2026 n’a pas été trouvée.',
    ),
    plafondsRessourcesAnnuellesCents: p(
      { tranche1: [2280900, 2604600, 2928300], tranche2: [5068600, 5788000, 6507400], parEnfantSupplementaire: { tranche1: 323700, tranche2: 719400 } },
      '2024-01-01',
      ['spMicroCreche'],
      'a-verifier',
      'Plafonds 2024 (revenus 2022), dernière valeur connue ; la tranche 1 vaut 45 % du plafond de la tranche 2. À remplacer par les plafonds de l’année en cours.',
    ),
    majorationMontantParentIsole: p(0.3, '2008-05-01', ['openfiscaCmg']),
    majorationMontantAeeh: p(0.3, '2008-05-01', ['openfiscaCmg']),
    majorationPlafondsParentIsole: p(0.4, '2008-05-01', ['openfiscaCmg']),
    resteAChargeMinimum: p(0.15, '2012-06-01', ['spMicroCreche'], 'officiel', 'Le CMG structure prend en charge 85 % des frais au plus.'),
    tarifHoraireMaxCents: p(
      1000,
      '2023-09-01',
      ['spMicroCreche'],
      'officiel',
      'Montant lu sur Service-Public ; la date d’entrée en vigueur du plafond de 10 € (11 € auparavant) reste à confirmer.',
    ),
    ageMaxAns: p(6, '2004-01-01', ['spMicroCreche', 'cafFaqCmg']),
  },
  creditImpot: {
    fraisDeGarde: {
      taux: p(0.5, '2005-01-01', ['bofipFraisGarde', 'spFraisGarde']),
      plafondDepensesParEnfantCents: p(
        350000,
        '2022-01-01',
        ['spFraisGarde'],
        'officiel',
        'Dépenses nettes des aides (CMG), hors frais de repas ; moitié en résidence alternée.',
      ),
      ageMaxAns: p(6, '2005-01-01', ['bofipFraisGarde'], 'officiel', 'Enfant de moins de 6 ans au 1er janvier de l’année des dépenses.'),
    },
    emploiADomicile: {
      taux: p(0.5, '2017-01-01', ['spEmploiDomicile', 'anQuestionEmploiDomicile']),
      plafondBaseCents: p(1200000, '2017-01-01', ['spEmploiDomicile', 'anQuestionEmploiDomicile']),
      majorationParEnfantCents: p(150000, '2017-01-01', ['spEmploiDomicile', 'anQuestionEmploiDomicile']),
      plafondMaxCents: p(1500000, '2017-01-01', ['spEmploiDomicile']),
      plafondBasePremiereAnneeCents: p(1500000, '2017-01-01', ['spEmploiDomicile']),
      plafondMaxPremiereAnneeCents: p(1800000, '2017-01-01', ['spEmploiDomicile']),
    },
  },
  aeeh: {
    montantBaseMensuelCents: p(
      15180,
      '2025-04-01',
      ['spAeeh'],
      'a-verifier',
      '32 % de la BMAF ; revalorisé chaque 1er avril. La revalorisation d’avril 2026 n’a pas été trouvée : dernière valeur connue.',
    ),
  },
  remunerations: {
    smicHoraireBrutCents: p(1188, '2024-11-01', ['smic2026']),
    assistantMaternel: {
      salaireMinimumLegalBrutCents: p(334, '2024-11-01', ['cgtSmicAssmat2026'], 'derive', '0,281 × Smic horaire brut.'),
      salaireMinimumConventionnelBrutCents: p(364, '2025-04-01', ['cgtSmicAssmat2026']),
      salaireBrutHoraireCents: {
        pasDeCalais: p(461, '2025-09-01', ['fepemSalaires'], 'estimation', 'Salaire net typique divisé par 0,7812 (cotisations salariales ≈ 21,88 %).'),
        national: p(512, '2025-09-01', ['fepemSalaires'], 'estimation', 'Salaire net typique divisé par 0,7812 (cotisations salariales ≈ 21,88 %).'),
      },
      salaireNetHoraireCents: {
        pasDeCalais: p(
          360,
          '2025-09-01',
          ['fepemSalaires'],
          'estimation',
          'Niveau courant observé dans le Pas-de-Calais, sous la moyenne nationale (salaires parmi les plus bas dans le nord et l’ouest). À ajuster par le RPE.',
        ),
        national: p(
          400,
          '2025-09-01',
          ['fepemSalaires', 'fedCmgCalcul'],
          'estimation',
          'Salaire net moyen par enfant et par heure, hors indemnités (3,7 € fin 2021, revalorisé).',
        ),
      },
      indemniteEntretienMinimumJournee9hCents: p(
        380,
        '2024-11-01',
        ['entretien2024'],
        'officiel',
        '90 % du minimum garanti pour 9 h, proratisé selon la durée.',
      ),
      indemniteEntretienMinimumParJourCents: p(265, '2021-01-01', ['ircemEntretien2026'], 'officiel', 'Minimum conventionnel par journée commencée.'),
      cotisationsParEuroNet: p(0.8381, '2025-06-01', ['cotisationsAssmat2025'], 'estimation'),
    },
    gardeADomicile: {
      salaireNetHoraireCents: {
        hautsDeFrance: p(
          1020,
          '2025-09-01',
          ['fepemSalaires'],
          'estimation',
          'Les Hauts-de-France ont le salaire net moyen le plus bas (9,2 € fin 2021), revalorisé avec le Smic.',
        ),
        national: p(1050, '2025-09-01', ['fepemSalaires', 'fedCmgCalcul'], 'estimation'),
      },
      cotisationsParEuroNet: p(
        0.85,
        '2025-01-01',
        ['fepemSalaires'],
        'estimation',
        'Cotisations salariales (≈ 21,9 % du brut) et patronales (≈ 44,7 % du brut) rapportées au net.',
      ),
      deductionForfaitaireParHeureCents: p(
        200,
        '2019-12-01',
        ['spEmploiDomicile'],
        'a-verifier',
        'Déduction forfaitaire de cotisations patronales par heure travaillée.',
      ),
    },
    microCrechePaje: {
      tarifHoraireCents: p(
        { min: 700, typique: 900, max: 1000 },
        '2025-09-01',
        ['spMicroCreche'],
        'estimation',
        'Le maximum de 10 € est réglementaire ; le tarif typique est une estimation locale.',
      ),
    },
  },
  hypotheses: {
    semainesMensualisation: p(52, '2021-01-01', ['mensualisationAssmat'], 'officiel', 'Année complète : 52 semaines, congés payés compris.'),
    semainesPresenceParAn: p(47, '2021-01-01', ['mensualisationAssmat'], 'estimation', '52 semaines moins 5 semaines de congés.'),
    semainesReserveesCrecheParAn: p(
      47,
      '2019-09-01',
      ['cnafCirculaire2019'],
      'estimation',
      'Contrat mensualisé sur les semaines réservées (fermetures et congés de la famille déduits).',
    ),
  },
};

const BAREME_2026_01: Bareme = {
  ...BAREME_2025_09,
  version: '2026-01',
  dateEffet: '2026-01-01',
  psu: {
    ...BAREME_2025_09.psu,
    plancherRessourcesCents: p(
      81462,
      '2026-01-01',
      ['rsa2025', 'cafPlancher2019'],
      'derive',
      'RSA d’une personne seule avec un enfant (969,78 € au 1er avril 2025) moins le forfait logement de 16 % (155,16 €) : 814,62 €.',
    ),
  },
  cmgEmploiDirect: {
    ...BAREME_2025_09.cmgEmploiDirect,
    plancherRessourcesCents: p(81462, '2026-01-01', ['cssD531_18', 'rsa2025'], 'a-verifier', 'Plancher PSU repris ; des simulateurs publics citent 814,02 €.'),
  },
  remunerations: {
    ...BAREME_2025_09.remunerations,
    smicHoraireBrutCents: p(1202, '2026-01-01', ['smic2026']),
    assistantMaternel: {
      ...BAREME_2025_09.remunerations.assistantMaternel,
      salaireMinimumLegalBrutCents: p(338, '2026-01-01', ['cgtSmicAssmat2026'], 'derive', '0,281 × 12,02 €.'),
      indemniteEntretienMinimumJournee9hCents: p(
        383,
        '2026-01-01',
        ['ircemEntretien2026'],
        'officiel',
        '90 % du minimum garanti pour 9 h, proratisé selon la durée.',
      ),
    },
  },
};

/** The hourly amounts of D. 531-18 follow the Smic from 1 January to 1 January (11,88 € → 12,02 €). */
const EVOLUTION_SMIC_2026 = 'Revalorisé au 1er avril 2026 comme le Smic entre le 1er janvier 2025 et le 1er janvier 2026 (11,88 € → 12,02 €, +1,18 %).';

const BAREME_2026_04: Bareme = {
  ...BAREME_2026_01,
  version: '2026-04',
  dateEffet: '2026-04-01',
  cmgEmploiDirect: {
    ...BAREME_2026_01.cmgEmploiDirect,
    coutHoraireReferenceCents: {
      assistantMaternel: p(491, '2026-04-01', ['cssD531_18', 'smic2026'], 'derive', `4,85 € × 12,02 / 11,88. ${EVOLUTION_SMIC_2026}`),
      gardeADomicile: p(1050, '2026-04-01', ['cssD531_18', 'smic2026'], 'derive', `10,38 € × 12,02 / 11,88. ${EVOLUTION_SMIC_2026}`),
    },
    plafondHoraireCents: {
      assistantMaternel: p(809, '2026-04-01', ['cssD531_18', 'smic2026'], 'derive', `8 € × 12,02 / 11,88. ${EVOLUTION_SMIC_2026}`),
      gardeADomicile: p(1518, '2026-04-01', ['cssD531_18', 'smic2026'], 'derive', `15 € × 12,02 / 11,88. ${EVOLUTION_SMIC_2026}`),
    },
  },
};

/** Every published barème, oldest first. */
export const BAREMES: readonly Bareme[] = [BAREME_2025_09, BAREME_2026_01, BAREME_2026_04];

/** The barème in force on `date` (ISO 'YYYY-MM-DD'); the oldest one for earlier dates. */
export function baremeEnVigueur(date: string): Bareme {
  const jour = date.slice(0, 10);
  let courant = BAREMES[0] as Bareme;
  for (const b of BAREMES) if (b.dateEffet <= jour) courant = b;
  return courant;
}

/** The latest barème. Pass a date to `baremeEnVigueur` to replay an older estimate. */
export const BAREME: Bareme = BAREMES[BAREMES.length - 1] as Bareme;
/** Shown to families as "barème du 1er avril 2026". */
export const BAREME_DATE: string = BAREME.dateEffet;

/** Taux d'effort for `n` children from a table (n ≥ 1). */
export function tauxPourEnfants(table: TableTauxPpm, n: number): number {
  const i = Math.min(Math.max(Math.trunc(n), 1), table.length) - 1;
  return table[i] as number;
}

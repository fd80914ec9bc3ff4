import { describe, expect, it } from 'vitest';
import { BAREME, baremeEnVigueur, type Bareme } from '../../../src/domain/questionnaire/bareme';
import {
  arrondirCentimes,
  cmgEmploiDirect,
  coutAssistantMaternel,
  coutCrechePsu,
  coutGardeADomicile,
  coutMicroCrechePaje,
  creditImpot,
  estimerTousLesModes,
  indemniteEntretienMinimum,
  tarifHorairePsu,
  trancheCmgStructure,
  type Foyer,
} from '../../../src/domain/questionnaire/cout';

const euros = (e: number) => Math.round(e * 100);
const foyer = (ressourcesEuros: number, enfants = 1, autres: Partial<Foyer> = {}): Foyer => ({
  ressourcesMensuellesCents: euros(ressourcesEuros),
  nombreEnfantsACharge: enfants,
  ...autres,
});
const BAREME_SEPT_2025 = baremeEnVigueur('2025-09-15');

/** The 2018–2019 barème of the Caf des Pyrénées-Orientales: 0,06 % collective, 0,05 % familial, floor 687,30 €, ceiling 4 874,62 €. */
const BAREME_2019: Bareme = {
  ...BAREME,
  psu: {
    ...BAREME.psu,
    tauxEffortPpm: {
      collectif: { ...BAREME.psu.tauxEffortPpm.collectif, valeur: [600, 500, 400, 300] },
      microCreche: { ...BAREME.psu.tauxEffortPpm.microCreche, valeur: [500, 400, 300, 300] },
      familialParental: { ...BAREME.psu.tauxEffortPpm.familialParental, valeur: [500, 400, 300, 300] },
    },
    plancherRessourcesCents: { ...BAREME.psu.plancherRessourcesCents, valeur: 68730 },
    plafondRessourcesCents: { ...BAREME.psu.plafondRessourcesCents, valeur: 487462 },
  },
};

describe('rounding', () => {
  it('rounds half up to the cent despite binary noise', () => {
    expect(arrondirCentimes(23212.5)).toBe(23213);
    expect(arrondirCentimes(0.1 + 0.2)).toBe(0);
    expect(arrondirCentimes(185.7)).toBe(186);
    // 232,4999999… is 232,5 computed in binary: treated as the half, rounded up.
    expect(arrondirCentimes(232.49999999999997)).toBe(233);
    expect(arrondirCentimes(232.4)).toBe(232);
  });
});

describe('crèche PSU: hourly price = resources × taux d’effort', () => {
  // Caf des Pyrénées-Orientales, "Eaje : barème 2019": floor 687,30 € → 0,41 €/h collective and 0,34 €/h familial;
  // ceiling 4 874,62 € → 2,92 €/h collective and 2,44 €/h familial, for one child.
  it('reproduces the CAF 2019 example: floor and ceiling prices for a family of one child', () => {
    expect(tarifHorairePsu(foyer(0), 'collectif', BAREME_2019).tarifHoraireCents).toBe(41);
    expect(tarifHorairePsu(foyer(0), 'familial-parental', BAREME_2019).tarifHoraireCents).toBe(34);
    expect(tarifHorairePsu(foyer(10000), 'collectif', BAREME_2019).tarifHoraireCents).toBe(292);
    expect(tarifHorairePsu(foyer(10000), 'familial-parental', BAREME_2019).tarifHoraireCents).toBe(244);
  });

  // toupty.org (crèches multi-accueil PSU): 3 children, 32 360 € a year → (32 360 / 12) × 0,041 % = 1,11 €/h.
  // Today's rate for 3 children (0,0413 %) gives the same price.
  it('a family of 3 children earning 32 360 € a year pays 1,11 € per hour', () => {
    expect(tarifHorairePsu({ ressourcesMensuellesCents: Math.round(3236000 / 12), nombreEnfantsACharge: 3 }).tarifHoraireCents).toBe(111);
  });

  // Circulaire Cnaf 2019-005: 0,0516 % for 2 children.
  it('a family of 2 children earning 3 000 € a month pays 1,55 € per hour in crèche', () => {
    expect(tarifHorairePsu(foyer(3000, 2)).tarifHoraireCents).toBe(155);
  });

  it('a family of one child earning 3 000 € a month pays 1,86 € per hour, 291,40 € for 40 hours a week over 47 weeks', () => {
    const r = coutCrechePsu({ foyer: foyer(3000), heuresHebdo: 40 });
    expect(r.hypotheses.tarifHoraireCents).toBe(186);
    expect(r.hypotheses.heuresMensuelles).toBe(156.67); // 40 × 47 / 12
    expect(r.mensuel.coutBrutCents).toBe(29140); // 1,86 × 156,666…
    expect(r.mensuel.aidesCents).toBe(0);
    // Tax credit: 50 % of 291,40 × 12 = 3 496,80 € (under the 3 500 € ceiling) → 1 748,40 € a year, 145,70 € a month.
    expect(r.mensuel.creditImpotCents).toBe(14570);
    expect(r.mensuel.netApresCreditCents).toBe(14570);
  });

  // Floor 814,62 € in 2026 (RSA lone parent + 1 child − forfait logement).
  it('a family with 500 € a month is billed at the floor: 814,62 € × 0,0619 % = 0,50 € per hour', () => {
    const t = tarifHorairePsu(foyer(500));
    expect(t.plancherApplique).toBe(true);
    expect(t.ressourcesRetenuesCents).toBe(81462);
    expect(t.tarifHoraireCents).toBe(50);
    expect(coutCrechePsu({ foyer: foyer(500), heuresHebdo: 30 }).avertissements).toContain('plancher-ressources-applique');
  });

  // caf.fr: ceiling of 8 500 € since 1 September 2025 → 5,26 €/h for one child.
  it('a family earning 12 000 € a month is billed at the ceiling of 8 500 €: 5,26 € per hour', () => {
    const t = tarifHorairePsu(foyer(12000));
    expect(t.plafondApplique).toBe(true);
    expect(t.tarifHoraireCents).toBe(526);
  });

  // Before 1 September 2025 the ceiling was 7 000 € (Caf du Loiret): the older barème is not stored, but the
  // first stored one already caps at 8 500 €.
  it('the September 2025 barème already caps resources at 8 500 €', () => {
    expect(tarifHorairePsu(foyer(9000), 'collectif', BAREME_SEPT_2025).ressourcesRetenuesCents).toBe(850000);
  });

  // Cnaf barème: a child with AEEH in the family → the rate of the next line, as many times as there are such children.
  it('a family of 2 children, one with AEEH, earning 3 000 € pays the 3-children rate: 1,24 € per hour', () => {
    const t = tarifHorairePsu(foyer(3000, 2, { enfantsAeeh: 1 }));
    expect(t.nombreEnfantsBareme).toBe(3);
    expect(t.tauxEffortPpm).toBe(413);
    expect(t.tarifHoraireCents).toBe(124);
    expect(tarifHorairePsu(foyer(3000, 2, { enfantsAeeh: 2 })).tauxEffortPpm).toBe(310);
  });

  it('a family of 8 children pays 0,0206 % of its resources per hour', () => {
    expect(tarifHorairePsu(foyer(4000, 8)).tarifHoraireCents).toBe(82); // 4 000 × 0,0206 % = 0,824
  });

  it('a micro-crèche under PSU uses the collective rate, a crèche familiale the lower one', () => {
    expect(tarifHorairePsu(foyer(3000), 'micro-creche').tauxEffortPpm).toBe(619);
    expect(tarifHorairePsu(foyer(3000), 'familial-parental').tauxEffortPpm).toBe(516);
    expect(coutCrechePsu({ foyer: foyer(3000), heuresHebdo: 40, typeAccueil: 'micro-creche' }).mode).toBe('micro-creche');
  });
});

describe('CMG emploi direct (reform of 1 September 2025)', () => {
  // caf.fr, "Une aide à l'accueil de l'enfant mieux adaptée": a couple with 3 000 € a month, one child, 125 h a month
  // with an assistante maternelle at the reference cost of 4,85 € → cost 606,25 €, CMG 374 €, 232 € left to pay.
  it('reproduces the CAF example: 3 000 € a month, 125 hours at 4,85 € → CMG 374 €, 232 € left to pay', () => {
    const r = cmgEmploiDirect({
      foyer: foyer(3000),
      emploi: 'assistant-maternel',
      heuresMensuelles: 125,
      coutMensuelCents: 60625,
      ageEnfantMois: 14,
      bareme: BAREME_SEPT_2025,
    });
    expect(Math.round(r.cmgRemunerationCents / 100)).toBe(374);
    expect(Math.round((60625 - r.cmgRemunerationCents) / 100)).toBe(232);
    // At the reference cost, the family pays the crèche price per hour: 3 000 × 0,0619 % × 125 h = 232,125 €
    // (one cent apart because the CMG, not the family's share, is what gets rounded).
    expect(Math.abs(60625 - r.cmgRemunerationCents - 300000 * 0.000619 * 125)).toBeLessThanOrEqual(1);
  });

  // CSS art. D. 531-18: the cost taken into account is capped at 8 € per hour (assistant maternel) in 2025.
  it('an assistant maternel paid 9 € an hour is only aided up to the hourly ceiling', () => {
    const r = cmgEmploiDirect({
      foyer: foyer(2000),
      emploi: 'assistant-maternel',
      heuresMensuelles: 100,
      coutMensuelCents: 90000,
      ageEnfantMois: 14,
      bareme: BAREME_SEPT_2025,
    });
    expect(r.plafondHoraireDepasse).toBe(true);
    expect(r.coutRetenuCents).toBe(80000);
    expect(r.cmgRemunerationCents).toBe(arrondirCentimes(80000 * (1 - (200000 * 0.000619) / 485)));
  });

  // Caf FAQ: with a child receiving AEEH, the taux d'effort of the next line applies.
  it('a family with a child receiving AEEH gets a larger CMG', () => {
    const sans = cmgEmploiDirect({
      foyer: foyer(3000, 1),
      emploi: 'assistant-maternel',
      heuresMensuelles: 125,
      coutMensuelCents: 60625,
      ageEnfantMois: 14,
      bareme: BAREME_SEPT_2025,
    });
    const avec = cmgEmploiDirect({
      foyer: foyer(3000, 1, { enfantsAeeh: 1 }),
      emploi: 'assistant-maternel',
      heuresMensuelles: 125,
      coutMensuelCents: 60625,
      ageEnfantMois: 14,
      bareme: BAREME_SEPT_2025,
    });
    expect(avec.tauxEffortPpm).toBe(516);
    expect(avec.cmgRemunerationCents).toBeGreaterThan(sans.cmgRemunerationCents);
  });

  // Caf de la Savoie, September 2025: the CMG is paid until the child is 12 for lone-parent families (6 otherwise).
  it('a lone parent still gets the CMG for an 8-year-old child, a couple does not', () => {
    const base = { emploi: 'assistant-maternel' as const, heuresMensuelles: 60, coutMensuelCents: 27000, ageEnfantMois: 8 * 12 };
    expect(cmgEmploiDirect({ ...base, foyer: foyer(1800, 1, { parentIsole: true }) }).cmgRemunerationCents).toBeGreaterThan(0);
    const couple = cmgEmploiDirect({ ...base, foyer: foyer(1800, 1) });
    expect(couple.eligible).toBe(false);
    expect(couple.cmgRemunerationCents).toBe(0);
    expect(cmgEmploiDirect({ ...base, ageEnfantMois: 12 * 12, foyer: foyer(1800, 1, { parentIsole: true }) }).eligible).toBe(false);
  });

  it('a family earning 8 500 € a month or more gets no CMG on the salary (its hourly effort exceeds the reference cost)', () => {
    const r = cmgEmploiDirect({ foyer: foyer(9000), emploi: 'assistant-maternel', heuresMensuelles: 150, coutMensuelCents: 60000, ageEnfantMois: 14 });
    expect(r.ressourcesRetenuesCents).toBe(850000);
    expect(r.cmgRemunerationCents).toBe(0);
  });
});

describe('assistant maternel', () => {
  it('the legal minimum indemnité d’entretien is 3,83 € for 9 hours, prorated, and never under 2,65 € a day', () => {
    expect(indemniteEntretienMinimum(9)).toBe(383);
    expect(indemniteEntretienMinimum(8)).toBe(340); // 3,83 × 8 / 9
    expect(indemniteEntretienMinimum(5)).toBe(265);
    expect(indemniteEntretienMinimum(11)).toBe(468); // 3,83 × 11 / 9
  });

  it('a family of one child earning 3 000 € a month, 40 hours a week over 5 days at 3,60 € net, pays about 261 € after the CMG', () => {
    const r = coutAssistantMaternel({ foyer: foyer(3000), heuresHebdo: 40, joursParSemaine: 5, ageEnfantMois: 12, salaireNetHoraireCents: 360 });
    const heures = (40 * 52) / 12;
    expect(r.hypotheses.heuresMensuelles).toBe(173.33);
    const salaire = 360 * heures; // 624,00 €
    const entretien = arrondirCentimes(340 * ((5 * 47) / 12)); // 19,58 days at 3,40 €
    expect(r.lignes.find((l) => l.code === 'salaire-net')?.montantCents).toBe(62400);
    expect(r.lignes.find((l) => l.code === 'indemnite-entretien')?.montantCents).toBe(entretien);
    // CMG = cost × (1 − 3 000 × 0,0619 % / 4,91) with the April 2026 reference cost.
    const cmg = arrondirCentimes((salaire + entretien) * (1 - 185.7 / 491));
    expect(r.lignes.find((l) => l.code === 'cmg-remuneration')?.montantCents).toBe(cmg);
    // Contributions are fully paid by the CMG under the hourly ceiling.
    const cotisations = r.lignes.find((l) => l.code === 'cotisations-sociales')?.montantCents;
    expect(r.lignes.find((l) => l.code === 'cmg-cotisations')?.montantCents).toBe(cotisations);
    expect(r.mensuel.netAvantCreditCents).toBe(62400 + entretien - cmg);
    expect(Math.round(r.mensuel.netAvantCreditCents / 100)).toBe(261);
    expect(r.mensuel.creditImpotCents).toBe(arrondirCentimes(arrondirCentimes(r.mensuel.netAvantCreditCents * 12 * 0.5) / 12));
  });

  it('a MAM is computed like an assistant maternel', () => {
    const am = coutAssistantMaternel({ foyer: foyer(2500), heuresHebdo: 35, joursParSemaine: 4, ageEnfantMois: 20 });
    const mam = coutAssistantMaternel({ foyer: foyer(2500), heuresHebdo: 35, joursParSemaine: 4, ageEnfantMois: 20, mode: 'mam' });
    expect(mam.mode).toBe('mam');
    expect(mam.mensuel).toEqual(am.mensuel);
    expect(am.avertissements).toContain('estimation-locale');
  });

  it('meals are a cost but not a childcare expense for the tax credit', () => {
    const sans = coutAssistantMaternel({ foyer: foyer(3000), heuresHebdo: 40, joursParSemaine: 5, ageEnfantMois: 12, salaireNetHoraireCents: 360 });
    const avec = coutAssistantMaternel({
      foyer: foyer(3000),
      heuresHebdo: 40,
      joursParSemaine: 5,
      ageEnfantMois: 12,
      salaireNetHoraireCents: 360,
      fraisRepasParJourCents: 300,
    });
    expect(avec.mensuel.coutBrutCents).toBeGreaterThan(sans.mensuel.coutBrutCents);
    expect(avec.lignes.some((l) => l.code === 'frais-repas')).toBe(true);
  });
});

describe('garde à domicile', () => {
  it('sharing the nanny between 2 families halves each family’s salary and about halves its cost', () => {
    const seul = coutGardeADomicile({ foyer: foyer(3000), heuresHebdo: 40, ageEnfantMois: 12, salaireNetHoraireCents: 1050 });
    const partage = coutGardeADomicile({ foyer: foyer(3000), heuresHebdo: 40, ageEnfantMois: 12, salaireNetHoraireCents: 1050, partage: {} });
    expect(partage.hypotheses.partFoyer).toBe(0.5);
    expect(partage.lignes.find((l) => l.code === 'salaire-net')?.montantCents).toBe(91000); // 10,50 × 173,33 h / 2
    expect(seul.lignes.find((l) => l.code === 'salaire-net')?.montantCents).toBe(182000);
    expect(partage.mensuel.netApresCreditCents).toBeLessThan(seul.mensuel.netApresCreditCents * 0.6);
    expect(seul.avertissements).toContain('parametre-a-verifier');
  });

  // Service-Public F12: 50 % of expenses up to 12 000 € + 1 500 € per child (15 000 € at most).
  it('a family of one child employing a nanny full time reaches the 13 500 € tax-credit ceiling: 562,50 € a month', () => {
    const r = coutGardeADomicile({ foyer: foyer(3000), heuresHebdo: 40, ageEnfantMois: 12, salaireNetHoraireCents: 1050 });
    expect(r.mensuel.creditImpotCents).toBe(56250);
    expect(r.avertissements).toContain('credit-impot-plafond-atteint');
  });

  it('the CMG on contributions is capped per month and halves after 3 years', () => {
    const petit = coutGardeADomicile({ foyer: foyer(3000), heuresHebdo: 40, ageEnfantMois: 12, salaireNetHoraireCents: 1050 });
    const grand = coutGardeADomicile({ foyer: foyer(3000), heuresHebdo: 40, ageEnfantMois: 40, salaireNetHoraireCents: 1050 });
    expect(petit.lignes.find((l) => l.code === 'cmg-cotisations')?.montantCents).toBe(
      BAREME.cmgEmploiDirect.plafondCotisationsGardeADomicileCents.moinsDe3Ans.valeur,
    );
    expect(grand.lignes.find((l) => l.code === 'cmg-cotisations')?.montantCents).toBe(
      BAREME.cmgEmploiDirect.plafondCotisationsGardeADomicileCents.de3A6Ans.valeur,
    );
  });
});

describe('micro-crèche PAJE (CMG structure)', () => {
  // Service-Public F345 and Caf amounts from 1 April 2025: up to 984,26 € (tranche 1) … 712,72 € (tranche 3) under 3 years,
  // 85 % of the price at most, price ≤ 10 € an hour.
  it('a couple earning 36 000 € a year (tranche 2) with one baby pays 1 410 € and gets 848,47 € of CMG', () => {
    const r = coutMicroCrechePaje({ foyer: foyer(3000), heuresHebdo: 40, ageEnfantMois: 10, tarifHoraireCents: 900 });
    expect(r.hypotheses.trancheCmg).toBe(2);
    expect(r.mensuel.coutBrutCents).toBe(141000); // 9 € × 40 h × 47 / 12
    expect(r.mensuel.aidesCents).toBe(84847);
    // 562 € left each month: tax credit at its ceiling, 3 500 € × 50 % / 12.
    expect(r.mensuel.creditImpotCents).toBe(14583);
  });

  it('a lone parent gets the CMG raised by 30 % and income ceilings raised by 40 %', () => {
    const r = coutMicroCrechePaje({ foyer: foyer(3000, 1, { parentIsole: true }), heuresHebdo: 40, ageEnfantMois: 10, tarifHoraireCents: 900 });
    expect(r.hypotheses.trancheCmg).toBe(2);
    expect(r.mensuel.aidesCents).toBe(arrondirCentimes(84847 * 1.3));
    expect(trancheCmgStructure(euros(30000), foyer(0, 1, { parentIsole: true }))).toBe(1); // 22 809 × 1,4 = 31 933 €
    expect(trancheCmgStructure(euros(30000), foyer(0, 1))).toBe(2);
  });

  // CSS art. D. 531-23-1 (OpenFisca parameters): +30 % for a lone parent, a parent with AAH or a child with AEEH — once.
  it('a family with a child receiving AEEH gets the same 30 % raise, which does not add up with the lone-parent one', () => {
    const base = { heuresHebdo: 40, ageEnfantMois: 10, tarifHoraireCents: 900, tranche: 2 as const };
    expect(coutMicroCrechePaje({ ...base, foyer: foyer(3000, 1, { enfantsAeeh: 1 }) }).mensuel.aidesCents).toBe(arrondirCentimes(84847 * 1.3));
    expect(coutMicroCrechePaje({ ...base, foyer: foyer(3000, 1, { enfantsAeeh: 1, parentIsole: true }) }).mensuel.aidesCents).toBe(
      arrondirCentimes(84847 * 1.3),
    );
  });

  it('for a few hours a week, at least 15 % of the price stays with the family', () => {
    const r = coutMicroCrechePaje({ foyer: foyer(1500), heuresHebdo: 10, ageEnfantMois: 10, tarifHoraireCents: 900 });
    expect(r.mensuel.aidesCents).toBe(arrondirCentimes(r.mensuel.coutBrutCents * 0.85));
    expect(r.avertissements).toContain('reste-a-charge-minimum-applique');
  });

  it('the CMG is halved from 3 to 6 years and stops at 6', () => {
    const grand = coutMicroCrechePaje({ foyer: foyer(3000), heuresHebdo: 40, ageEnfantMois: 40, tarifHoraireCents: 900 });
    expect(grand.mensuel.aidesCents).toBe(42423);
    expect(coutMicroCrechePaje({ foyer: foyer(3000), heuresHebdo: 40, ageEnfantMois: 75, tarifHoraireCents: 900 }).mensuel.aidesCents).toBe(0);
  });

  it('a micro-crèche charging more than 10 € an hour gives no right to the CMG', () => {
    const r = coutMicroCrechePaje({ foyer: foyer(3000), heuresHebdo: 40, ageEnfantMois: 10, tarifHoraireCents: 1100 });
    expect(r.mensuel.aidesCents).toBe(0);
    expect(r.avertissements).toContain('tarif-micro-creche-au-dessus-du-maximum');
  });

  it('the tranche given by the CAF overrides our estimate from resources', () => {
    expect(coutMicroCrechePaje({ foyer: foyer(3000), heuresHebdo: 40, ageEnfantMois: 10, tarifHoraireCents: 900, tranche: 1 }).mensuel.aidesCents).toBe(98426);
  });
});

describe('tax credits', () => {
  // BOFIP BOI-IR-RICI-300 and Service-Public F8: 50 % of expenses net of aids, up to 3 500 € per child under 6.
  it('the childcare tax credit is capped at 1 750 € a year per child (145,83 € a month)', () => {
    const r = creditImpot({ type: 'frais-de-garde', depensesMensuellesNettesCents: 40000, enfantEligible: true });
    expect(r.annuelCents).toBe(175000);
    expect(r.mensuelCents).toBe(14583);
    expect(r.avertissements).toContain('credit-impot-plafond-atteint');
  });

  it('under the ceiling, the credit is half the expenses', () => {
    expect(creditImpot({ type: 'frais-de-garde', depensesMensuellesNettesCents: 20000, enfantEligible: true }).mensuelCents).toBe(10000);
  });

  it('in résidence alternée each parent has half the ceiling', () => {
    expect(creditImpot({ type: 'frais-de-garde', depensesMensuellesNettesCents: 40000, enfantEligible: true, residenceAlternee: true }).annuelCents).toBe(
      87500,
    );
  });

  it('a child aged 6 or more on 1 January gives no childcare tax credit', () => {
    const r = creditImpot({ type: 'frais-de-garde', depensesMensuellesNettesCents: 20000, enfantEligible: false });
    expect(r.mensuelCents).toBe(0);
    expect(r.avertissements).toContain('credit-impot-age-depasse');
  });

  // Service-Public F12: 12 000 € + 1 500 € per child, 15 000 € at most; first year 15 000 € + 1 500 €, 18 000 € at most.
  it('a family of 2 children employing someone at home: ceiling 15 000 €, 18 000 € the first year', () => {
    expect(
      creditImpot({ type: 'emploi-a-domicile', depensesMensuellesNettesCents: 150000, nombreEnfantsACharge: 2, premiereAnneeEmploi: false }).annuelCents,
    ).toBe(750000);
    expect(
      creditImpot({ type: 'emploi-a-domicile', depensesMensuellesNettesCents: 150000, nombreEnfantsACharge: 2, premiereAnneeEmploi: true }).annuelCents,
    ).toBe(900000);
    expect(
      creditImpot({ type: 'emploi-a-domicile', depensesMensuellesNettesCents: 150000, nombreEnfantsACharge: 4, premiereAnneeEmploi: false })
        .plafondDepensesAnnuellesCents,
    ).toBe(1500000);
    expect(
      creditImpot({ type: 'emploi-a-domicile', depensesMensuellesNettesCents: 50000, nombreEnfantsACharge: 1, premiereAnneeEmploi: false }).mensuelCents,
    ).toBe(25000);
  });
});

describe('every mode at once', () => {
  const entree = { ageEnfantMois: 10, enfantMoinsDe6AnsAu1erJanvier: true, heuresHebdo: 40, joursParSemaine: 5 } as const;

  it('with the family’s income, gives each mode its monthly cost, aids, credit and assumptions', () => {
    const r = estimerTousLesModes({ ...entree, foyer: { ressourcesMensuellesCents: 300000, nombreEnfantsACharge: 1 } });
    expect(r.revenusConnus).toBe(true);
    expect(r.baremeDate).toBe('2026-04-01');
    expect(r.modes.map((m) => m.mode)).toEqual(['creche', 'micro-creche', 'assistant-maternel', 'mam', 'garde-a-domicile', 'periscolaire']);
    for (const m of r.modes.filter((x) => x.estimable)) {
      const e = m.estimation;
      expect(e, m.mode).not.toBeNull();
      if (!e) continue;
      expect(e.mensuel.netAvantCreditCents).toBe(Math.max(0, e.mensuel.coutBrutCents - e.mensuel.aidesCents));
      expect(e.mensuel.netApresCreditCents).toBe(Math.max(0, e.mensuel.netAvantCreditCents - e.mensuel.creditImpotCents));
      expect(e.hypotheses.heuresMensuelles).toBeGreaterThan(0);
      expect(e.hypotheses.tarifHoraireCents).toBeGreaterThan(0);
    }
    const peri = r.modes.find((m) => m.mode === 'periscolaire');
    expect(peri?.estimable).toBe(false);
    expect(peri?.avertissements).toContain('tarif-fixe-par-la-commune');
  });

  it('without income, gives a range from the resources floor to the ceiling', () => {
    const r = estimerTousLesModes({ ...entree, foyer: { nombreEnfantsACharge: 1 } });
    expect(r.revenusConnus).toBe(false);
    const creche = r.modes.find((m) => m.mode === 'creche');
    expect(creche?.estimation).toBeNull();
    expect(creche?.fourchette?.bas.hypotheses.ressourcesRetenuesCents).toBe(81462);
    expect(creche?.fourchette?.haut.hypotheses.ressourcesRetenuesCents).toBe(850000);
    for (const m of r.modes.filter((x) => x.fourchette)) {
      expect(m.fourchette?.bas.mensuel.netApresCreditCents ?? 0).toBeLessThanOrEqual(m.fourchette?.haut.mensuel.netApresCreditCents ?? 0);
      expect(m.avertissements).toContain('revenus-non-renseignes');
    }
  });

  it('local prices given by the RPE replace the typical ones', () => {
    const r = estimerTousLesModes({
      ...entree,
      foyer: { ressourcesMensuellesCents: 300000, nombreEnfantsACharge: 1 },
      tarifs: { assistantMaternelNetHoraireCents: 420 },
    });
    const am = r.modes.find((m) => m.mode === 'assistant-maternel')?.estimation;
    expect(am?.hypotheses.tarifHoraireCents).toBe(420);
    expect(am?.avertissements).not.toContain('estimation-locale');
    expect(r.modes.find((m) => m.mode === 'mam')?.estimation?.avertissements).toContain('estimation-locale');
  });

  it('a shared garde à domicile is cheaper than a garde alone', () => {
    const seul = estimerTousLesModes({ ...entree, foyer: { ressourcesMensuellesCents: 300000, nombreEnfantsACharge: 1 } });
    const partage = estimerTousLesModes({ ...entree, foyer: { ressourcesMensuellesCents: 300000, nombreEnfantsACharge: 1 }, gardePartagee: true });
    const net = (x: typeof seul) => x.modes.find((m) => m.mode === 'garde-a-domicile')?.estimation?.mensuel.netApresCreditCents ?? 0;
    expect(net(partage)).toBeLessThan(net(seul));
  });
});

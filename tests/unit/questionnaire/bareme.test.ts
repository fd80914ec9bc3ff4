import { describe, expect, it } from 'vitest';
import { BAREME, BAREME_DATE, BAREMES, baremeEnVigueur, sources, tauxPourEnfants, type Parametre } from '../../../src/domain/questionnaire/bareme';

/** Every Parametre found in a barème, with its path. */
function parametres(objet: unknown, chemin = ''): [string, Parametre<unknown>][] {
  if (objet === null || typeof objet !== 'object') return [];
  if ('valeur' in objet && 'depuis' in objet && 'sources' in objet) return [[chemin, objet as Parametre<unknown>]];
  return Object.entries(objet).flatMap(([k, v]) => parametres(v, chemin ? `${chemin}.${k}` : k));
}

describe('barème versions', () => {
  it('are sorted by date and the latest one is the default, shown as its effective date', () => {
    const dates = BAREMES.map((b) => b.dateEffet);
    expect([...dates].sort()).toEqual(dates);
    expect(BAREME).toBe(BAREMES[BAREMES.length - 1]);
    expect(BAREME_DATE).toBe('2026-04-01');
  });

  it('an estimate made in October 2025 uses the barème of 1 September 2025, one made in November 2026 the April 2026 one', () => {
    expect(baremeEnVigueur('2025-10-15').version).toBe('2025-09');
    expect(baremeEnVigueur('2026-02-01').version).toBe('2026-01');
    expect(baremeEnVigueur('2026-11-24').version).toBe('2026-04');
    expect(baremeEnVigueur('2026-11-24T10:00:00Z').version).toBe('2026-04');
    // Before the first barème we keep the oldest one rather than failing.
    expect(baremeEnVigueur('2024-01-01').version).toBe('2025-09');
  });

  it('every parameter cites known sources and applies from a date no later than its barème', () => {
    const ids = new Set(sources.map((s) => s.id));
    for (const b of BAREMES) {
      const ps = parametres(b);
      expect(ps.length).toBeGreaterThan(40);
      for (const [chemin, p] of ps) {
        expect(p.sources.length, chemin).toBeGreaterThan(0);
        for (const s of p.sources) expect(ids.has(s), `${chemin}: ${s}`).toBe(true);
        expect(p.depuis <= b.dateEffet, `${chemin} depuis ${p.depuis}`).toBe(true);
        expect(/^\d{4}-\d{2}-\d{2}$/.test(p.depuis), chemin).toBe(true);
        if (p.fiabilite === 'derive' || p.fiabilite === 'a-verifier') expect(p.note, chemin).toBeTruthy();
      }
    }
    for (const s of sources) expect(s.url).toMatch(/^https?:\/\//);
  });
});

describe('barème figures', () => {
  // Circulaire Cnaf 2019-005 (values of 2022, unchanged since): 0,0619 % / 0,0516 % / 0,0413 % / 0,0310 % / 0,0206 %.
  it('the crèche taux d’effort goes down with the number of children', () => {
    const t = BAREME.psu.tauxEffortPpm.collectif.valeur;
    expect([1, 2, 3, 4, 7, 8, 12].map((n) => tauxPourEnfants(t, n))).toEqual([619, 516, 413, 310, 310, 206, 206]);
  });

  // caf.fr, 15 May 2025: monthly ceiling raised to 8 500 € on 1 September 2025.
  it('the PSU ceiling is 8 500 € a month since 1 September 2025', () => {
    expect(baremeEnVigueur('2025-09-01').psu.plafondRessourcesCents.valeur).toBe(850000);
    expect(BAREME.psu.plafondRessourcesCents.depuis).toBe('2025-09-01');
  });

  // Plancher = RSA of a lone person with one child minus the 16 % forfait logement
  // (Lefebvre Dalloz RSA table: 953,57 € from April 2024, 969,78 € from April 2025).
  it('the PSU floor follows the RSA of a lone parent with one child, minus the forfait logement', () => {
    expect(Math.round(95357 * 0.84)).toBe(baremeEnVigueur('2025-09-01').psu.plancherRessourcesCents.valeur);
    expect(Math.round(96978 * 0.84)).toBe(baremeEnVigueur('2026-01-01').psu.plancherRessourcesCents.valeur);
  });

  // CSS art. D. 531-18: hourly amounts revalued like the Smic between two 1st of January (11,88 € → 12,02 €).
  it('the CMG hourly amounts of April 2026 follow the Smic', () => {
    const avant = baremeEnVigueur('2025-09-01').cmgEmploiDirect;
    const apres = baremeEnVigueur('2026-04-01').cmgEmploiDirect;
    const smic = (x: number) => Math.round((x * 1202) / 1188);
    expect(apres.plafondHoraireCents.assistantMaternel.valeur).toBe(smic(avant.plafondHoraireCents.assistantMaternel.valeur));
    expect(apres.plafondHoraireCents.gardeADomicile.valeur).toBe(smic(avant.plafondHoraireCents.gardeADomicile.valeur));
    expect(apres.coutHoraireReferenceCents.assistantMaternel.valeur).toBe(smic(avant.coutHoraireReferenceCents.assistantMaternel.valeur));
    expect(apres.coutHoraireReferenceCents.gardeADomicile.valeur).toBe(smic(avant.coutHoraireReferenceCents.gardeADomicile.valeur));
  });

  // CSS art. D. 531-23: 208,53 %, 179,76 % and 151 % of the BMAF (472,00 € in April 2025) for a micro-crèche.
  it('the micro-crèche CMG maxima are the D. 531-23 rates of the BMAF', () => {
    const m = BAREME.cmgStructureMicroCreche.montantsMaxCents.valeur;
    expect(m.moinsDe3Ans).toEqual([2.0853, 1.7976, 1.51].map((t) => Math.round(t * 47200)));
    expect(m.de3A6Ans).toEqual([2.0853, 1.7976, 1.51].map((t) => Math.round((t / 2) * 47200)));
  });

  // Indemnité d'entretien: 3,80 € for 9 h in 2025, 3,83 € in 2026 (Ircem), never under 2,65 € a day.
  it('the minimum indemnité d’entretien moved from 3,80 € to 3,83 € for 9 hours on 1 January 2026', () => {
    expect(baremeEnVigueur('2025-12-31').remunerations.assistantMaternel.indemniteEntretienMinimumJournee9hCents.valeur).toBe(380);
    expect(baremeEnVigueur('2026-01-01').remunerations.assistantMaternel.indemniteEntretienMinimumJournee9hCents.valeur).toBe(383);
    expect(BAREME.remunerations.assistantMaternel.indemniteEntretienMinimumParJourCents.valeur).toBe(265);
  });
});

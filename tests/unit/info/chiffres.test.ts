import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chiffresDuBareme, chiffresEnTexte, formaterChiffre, placeholders, resoudreChiffres } from '../../../src/domain/info/chiffres';
import { BAREME, BAREMES } from '../../../src/domain/questionnaire/bareme';
import { montantsEcritsALaMain } from '../../helpers/montants';
import { LANGS } from '../../../src/i18n/langs';

const racine = path.resolve('content/pages');
const pages = LANGS.flatMap((lang) =>
  readdirSync(path.join(racine, lang))
    .filter((f) => f.endsWith('.md'))
    .map((f) => ({ lang, f, texte: readFileSync(path.join(racine, lang, f), 'utf8') })),
);
const chiffres = chiffresDuBareme(BAREME);

/** How a language writes a number in running text (what a hand-written figure would look like). */
function ecritures(valeur: number): string[] {
  const deux = Number.isInteger(valeur) ? 0 : 2;
  const f = (loc: string, grouping = true) =>
    new Intl.NumberFormat(loc, { minimumFractionDigits: deux, maximumFractionDigits: deux, useGrouping: grouping })
      .format(valeur)
      .replace(/[\u202f\u00a0]/g, ' ');
  return [...new Set([f('fr-FR'), f('fr-FR', false), f('en-GB'), f('tr-TR'), f('es-ES', false)])];
}

describe('figures of the information pages come from the dated barème of the cost engine', () => {
  it('every placeholder names a figure of the barème', () => {
    const inconnus = pages.flatMap((p) =>
      placeholders(p.texte)
        .filter((x) => !(x.cle in chiffres))
        .map((x) => `${p.lang}/${p.f}: ${x.cle}`),
    );
    expect(inconnus).toEqual([]);
    for (const p of pages) expect(() => resoudreChiffres(p.texte, p.lang)).not.toThrow();
  });

  it('the PSU ceiling, the AEEH and the worked example are placeholders in every language', () => {
    for (const lang of LANGS) {
      const couts = pages.find((p) => p.lang === lang && p.f === 'couts-et-aides.md')!;
      const handicap = pages.find((p) => p.lang === lang && p.f === 'handicap.md')!;
      if (lang !== 'falc')
        expect(
          placeholders(couts.texte).map((x) => x.cle),
          lang,
        ).toEqual(expect.arrayContaining(['psu.plafond', 'psu.plancher', 'ex2.prixHeure', 'ex2.reel']));
      expect(
        placeholders(handicap.texte).map((x) => x.cle),
        lang,
      ).toContain('aeeh.base');
    }
  });

  it('no page writes by hand a value a barème figure has or had (7 000 € for the PSU ceiling, 151,80 € for the AEEH…)', () => {
    const cles = ['psu.plafond', 'psu.plancher', 'aeeh.base'] as const;
    const valeurs = new Set<number>([7000]); // the ceiling before September 2025, still on the pages until December 2026
    for (const b of BAREMES) for (const c of cles) valeurs.add(chiffresDuBareme(b)[c]!.valeur);
    const fautes: string[] = [];
    for (const p of pages) {
      const corps = p.texte.replace(/^---[\s\S]*?\n---\n/, '').replace(/\]\([^)]*\)/g, ']');
      for (const v of valeurs)
        for (const e of ecritures(v)) {
          const re = new RegExp(`(?<![\\d.,])${e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d]|[.,]\\d)`);
          if (re.test(corps.replace(/\u00a0|\u202f/g, ' '))) fautes.push(`${p.lang}/${p.f}: ${e}`);
        }
    }
    expect(fautes).toEqual([]);
  });

  it('no page writes a euro amount by hand: every amount next to €, "euros"… is a placeholder (market price ranges aside)', () => {
    const fautes = pages.flatMap((p) => montantsEcritsALaMain(p.texte, p.lang, p.f).map((m) => `${p.lang}/${p.f}: ${m}`));
    expect(fautes).toEqual([]);
  });

  it('no message of the portal (src/i18n, questionnaire warnings included) writes a euro amount by hand either', () => {
    const fautes = LANGS.flatMap((lang) =>
      readdirSync(path.resolve('src/i18n', lang)).flatMap((f) =>
        montantsEcritsALaMain(readFileSync(path.resolve('src/i18n', lang, f), 'utf8'), lang, f).map((m) => `src/i18n/${lang}/${f}: ${m}`),
      ),
    );
    expect(fautes).toEqual([]);
  });

  it('catches a hand-written amount in every way a language writes it', () => {
    expect(montantsEcritsALaMain('---\n---\n- la Caf paie 444 euros ;', 'falc', 'couts-et-aides.md')).toEqual(['444 euros']);
    expect(montantsEcritsALaMain('CMG: 586.20 × (1 − 1.1761 ÷ 4.85) = **€444.05**.', 'en', 'couts-et-aides.md')).toEqual(['€444.05']);
    expect(montantsEcritsALaMain('aylık 1.900 € gelir', 'tr', 'couts-et-aides.md')).toEqual(['1.900 €']);
    expect(montantsEcritsALaMain('2500 × 0,0619 %', 'ar', 'handicap.md')).toEqual(['0,0619 %']);
    expect(montantsEcritsALaMain('{{ex3.cmg}} € ; {{psu.taux1|taux}} % ; 50 % ; 120 heures', 'fr', 'couts-et-aides.md')).toEqual([]);
    // Market prices ("often 15 to 20 € an hour") are estimates, allowed on the page comparing the modes only.
    expect(montantsEcritsALaMain('souvent 15 à 20 € de l’heure', 'fr', 'modes-d-accueil.md')).toEqual([]);
    expect(montantsEcritsALaMain('souvent 15 à 20 € de l’heure', 'fr', 'couts-et-aides.md')).toEqual(['20 €']);
  });

  it('renders the figures of the barème in force, dated, in the page language and isolated left to right', () => {
    expect(BAREME.psu.plafondRessourcesCents.valeur).toBe(850000);
    const fr = resoudreChiffres('<p>{{psu.plafond}} € depuis le {{psu.plafond|date}}</p>', 'fr');
    expect(fr).toBe(
      '<p><span class="chiffre" dir="ltr" data-chiffre="psu.plafond">8\u00a0500</span> € depuis le <span class="chiffre" dir="ltr" data-chiffre="psu.plafond">1er septembre 2025</span></p>',
    );
    expect(chiffresEnTexte('€{{psu.plafond}} since {{psu.plafond|date}}', 'en')).toBe('€8,500 since 1 September 2025');
    expect(chiffresEnTexte('{{ex2.prixHeureExact|exact}}', 'fr')).toBe('4,386');
    expect(formaterChiffre(chiffres['psu.plafond']!, 'ar', 'date')).toBe('1 سبتمبر 2025');
    expect(() => resoudreChiffres('{{psu.inconnu}}', 'fr')).toThrow(/psu.inconnu/);
  });

  it('the worked example follows the barème: 8 500 × 0,0516 % for 2 300 hours, minus the tax credit', () => {
    expect(chiffres['ex2.prixHeureExact']!.valeur).toBeCloseTo(4.386, 4);
    expect(chiffres['ex2.mois']!.valeur).toBe(840.65);
    expect(chiffres['ex2.an']!.valeur).toBe(10087.8);
    expect(chiffres['credit.maximum']!.valeur).toBe(1750);
    expect(chiffres['ex2.reel']!.valeur).toBe(8337.8);
    expect(chiffres['ex2.reelMois']!.valeur).toBe(695);
  });
});

describe('the CMG examples are computed by the cost engine', () => {
  const avant = chiffresDuBareme(BAREMES[0]!);
  it('gives back, with the barème of 1 September 2025, the amounts the pages used to write by hand', () => {
    expect([avant['ex3.cout'], avant['ex3.cmg'], avant['ex3.reste'], avant['ex3.credit']].map((c) => c!.valeur)).toEqual([586.2, 444.05, 142.15, 852.9]);
    expect([avant['falc.cmgCout'], avant['falc.cmg'], avant['falc.cmgReste'], avant['falc.cmgCredit']].map((c) => c!.valeur)).toEqual([586, 444, 142, 853]);
    expect([avant['ex4.cmg'], avant['ex4.reste'], avant['ex4.resteHeure'], avant['ex4.creche']].map((c) => c!.valeur)).toEqual([445.94, 379.06, 2.53, 2.23]);
    expect([avant['ex1.mois'], avant['ex1.an'], avant['ex1.credit'], avant['ex1.reelMois']].map((c) => c!.valeur)).toEqual([208.91, 2506.95, 1253.48, 104]);
    expect([avant['cmg.ecartPlus'], avant['cmg.ecartMoins']].map((c) => c!.valeur)).toEqual([13, 7]);
  });

  it('follows the barème in force (reference cost revalued on 1 April 2026)', () => {
    expect(chiffres['cmg.referenceAm']!.valeur).toBe(4.91);
    expect(chiffres['cmg.referenceAm']!.depuis).toBe('2026-04-01');
    expect(chiffres['ex3.cmg']!.valeur).toBe(445.79);
    expect(chiffres['falc.cmg']!.valeur).toBe(446);
    expect(chiffres['falc.cmgReste']!.valeur).toBe(140);
    const falc = pages.find((p) => p.lang === 'falc' && p.f === 'couts-et-aides.md')!;
    const texte = chiffresEnTexte(falc.texte, 'falc');
    expect(texte).toContain('la Caf paie 446 euros');
    expect(texte).toContain('Ce calcul utilise les règles de la Caf du 1er avril 2026.');
  });

  it('keeps the words of the examples true for every barème (under the ceiling, above the reference cost…)', () => {
    for (const b of BAREMES) {
      const c = (k: string) => chiffresDuBareme(b)[k]!.valeur;
      expect(c('ex3.coutHeure'), b.version).toBeLessThanOrEqual(c('cmg.plafondAm'));
      expect(c('ex1.credit'), b.version).toBeLessThan(c('credit.maximum'));
      expect(c('ex4.coutHeure'), b.version).toBeGreaterThan(c('cmg.referenceAm'));
      expect(c('cmg.tarifMoins'), b.version).toBeLessThan(c('cmg.referenceAm'));
      expect(c('ex4.reste') * 12, b.version).toBeGreaterThan(c('credit.plafond'));
      expect(c('ex3.cmg') + c('ex3.reste'), b.version).toBeCloseTo(c('ex3.cout'), 6);
    }
  });
});

describe('the FALC cost table', () => {
  const falc = readFileSync(path.join(racine, 'falc', 'couts-et-aides.md'), 'utf8');
  it('has few columns, one row per income, every price a figure of the barème', () => {
    const table = /<table[\s\S]*?<\/table>/.exec(falc)![0];
    expect((table.match(/<th scope="col">/g) ?? []).length).toBeLessThanOrEqual(3);
    expect(table).not.toMatch(/%/);
    expect(placeholders(table).map((x) => x.cle)).toEqual(expect.arrayContaining(['falc.heure1000', 'falc.mois1000', 'falc.heure4000', 'falc.mois4000']));
    // In the body, only the incomes are written by hand.
    const corps = /<tbody>[\s\S]*<\/tbody>/.exec(table)![0];
    expect(corps.replace(/\{\{[^}]+\}\}/g, '').replace(/<th scope="row">[\d ]+ euros<\/th>/g, '')).not.toMatch(/\d/);
  });

  it('computes the prices from the barème: 2 500 € a month, 1 child, 0,0619 %, 135 hours', () => {
    expect(chiffres['falc.heure2500']!.valeur).toBe(1.55);
    expect(chiffres['falc.mois2500']!.valeur).toBe(209);
    // Above the ceiling the price stops rising.
    const auPlafond = Math.round(chiffres['psu.plafond']!.valeur * 0.000619 * 100) / 100;
    expect(chiffres['falc.heure4000']!.valeur).toBeLessThanOrEqual(auPlafond);
    expect(chiffresEnTexte('{{falc.heure2500}} €', 'falc')).toBe('1,55 €');
  });
});

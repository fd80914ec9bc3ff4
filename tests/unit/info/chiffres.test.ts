import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chiffresDuBareme, chiffresEnTexte, formaterChiffre, placeholders, resoudreChiffres } from '../../../src/domain/info/chiffres';
import { BAREME, BAREMES } from '../../../src/domain/questionnaire/bareme';
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

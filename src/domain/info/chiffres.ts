/**
 * Figures of the information pages, taken from the same dated barème as the
 * cost engine (src/domain/questionnaire/bareme.ts): one source for every
 * figure. The Markdown writes a placeholder, resolved when the page renders:
 *
 *   {{psu.plafond}} €      8 500 €      (€{{psu.plafond}}: €8,500 in English)
 *   {{ex2.prixHeureExact|exact}}   4,386   (three decimals at least)
 *   {{psu.plafond|date}}    1er septembre 2025   (date the value applies from)
 *   {{psu.plafond|annee}}   2025
 *   {{psu.taux4|taux}}      0,0310   (a rate in %, four decimals)
 *
 * Worked examples are figures too: they are computed here from the barème,
 * so that they follow it when it changes.
 */
import { BAREME, tauxPourEnfants, type Bareme, type IdSource } from '../questionnaire/bareme';
import { exemplesDuBareme, type Chiffre } from './exemples';

const euros = (cents: number) => cents / 100;
const arrondi = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Monthly incomes of the FALC cost table, and the hours of crèche in a month of its examples. */
const REVENUS_FALC = [1000, 1500, 2000, 2500, 3000, 4000] as const;
const HEURES_MOIS_FALC = 135;

/** Every figure an information page may show, by name. */
export function chiffresDuBareme(b: Bareme): Record<string, Chiffre> {
  const psu = b.psu;
  const taux2 = tauxPourEnfants(psu.tauxEffortPpm.collectif.valeur, 2) / 1_000_000;
  const plafondCredit = b.creditImpot.fraisDeGarde.plafondDepensesParEnfantCents;
  const creditMax = euros(plafondCredit.valeur) * b.creditImpot.fraisDeGarde.taux.valeur;
  // Exemple 2 of "Coûts et aides": resources above the ceiling, 2 children, 2 300 hours a year.
  const ex2Ressources = euros(psu.plafondRessourcesCents.valeur) + 1000;
  const ex2Heure = euros(psu.plafondRessourcesCents.valeur) * taux2;
  const ex2An = arrondi(arrondi((2300 * ex2Heure) / 12) * 12);
  const ex2Reel = arrondi(ex2An - creditMax);
  const c = (valeur: number, p: { depuis: string; sources: readonly IdSource[] }): Chiffre => ({ valeur, depuis: p.depuis, sources: p.sources });
  // FALC: what one hour, and one month of 135 hours, of crèche costs a family of one child, for a few monthly incomes
  // (the resources are held between the floor and the ceiling, as the crèche does).
  const taux1 = tauxPourEnfants(psu.tauxEffortPpm.collectif.valeur, 1) / 1_000_000;
  const heure1 = (r: number) => arrondi(Math.min(Math.max(r, euros(psu.plancherRessourcesCents.valeur)), euros(psu.plafondRessourcesCents.valeur)) * taux1);
  const falc: Record<string, Chiffre> = {};
  for (const r of REVENUS_FALC) {
    falc[`falc.revenu${r}`] = c(r, psu.tauxEffortPpm.collectif);
    falc[`falc.heure${r}`] = c(heure1(r), psu.tauxEffortPpm.collectif);
    falc[`falc.mois${r}`] = c(Math.round(heure1(r) * HEURES_MOIS_FALC), psu.tauxEffortPpm.collectif);
  }
  return {
    ...exemplesDuBareme(b),
    ...falc,
    'psu.plafond': c(euros(psu.plafondRessourcesCents.valeur), psu.plafondRessourcesCents),
    'psu.plancher': c(euros(psu.plancherRessourcesCents.valeur), psu.plancherRessourcesCents),
    'aeeh.base': c(euros(b.aeeh.montantBaseMensuelCents.valeur), b.aeeh.montantBaseMensuelCents),
    'credit.plafond': c(euros(plafondCredit.valeur), plafondCredit),
    'credit.maximum': c(creditMax, plafondCredit),
    'ex2.ressources': c(ex2Ressources, psu.plafondRessourcesCents),
    'ex2.prixHeure': c(arrondi(ex2Heure), psu.plafondRessourcesCents),
    'ex2.prixHeureExact': c(arrondi(ex2Heure, 4), psu.plafondRessourcesCents),
    'ex2.mois': c(arrondi((2300 * ex2Heure) / 12), psu.plafondRessourcesCents),
    'ex2.an': c(ex2An, psu.plafondRessourcesCents),
    'ex2.reel': c(ex2Reel, psu.plafondRessourcesCents),
    'ex2.reelMois': c(Math.round(ex2Reel / 12), psu.plafondRessourcesCents),
  };
}

const PLACEHOLDER = /\{\{([a-z0-9]+(?:\.[a-zA-Z0-9]+)+)(?:\|(exact|taux|date|annee))?\}\}/g;

/** Number style of a page language (the € sign stays in the Markdown, where each language puts it). */
const LOCALES: Record<string, string> = { en: 'en-GB', es: 'es-ES', pt: 'pt-PT', tr: 'tr-TR', uk: 'uk-UA', ar: 'ar-u-nu-latn' };
const locale = (lang: string) => LOCALES[lang] ?? 'fr-FR';

export function formaterChiffre(ch: Chiffre, lang: string, forme?: string): string {
  if (forme === 'annee') return ch.depuis.slice(0, 4);
  if (forme === 'date') {
    const d = new Date(`${ch.depuis}T12:00:00Z`);
    const s = new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
    if (lang === 'uk') return s.replace(/ р\.$/, ' року');
    return locale(lang) === 'fr-FR' && lang !== 'ar' && d.getUTCDate() === 1 ? s.replace(/^1 /, '1er ') : s;
  }
  const entier = Number.isInteger(ch.valeur);
  const decimales =
    forme === 'exact'
      ? { minimumFractionDigits: 3, maximumFractionDigits: 4 }
      : forme === 'taux'
        ? { minimumFractionDigits: 4, maximumFractionDigits: 4 }
        : { minimumFractionDigits: entier ? 0 : 2, maximumFractionDigits: entier ? 0 : 2 };
  return new Intl.NumberFormat(lang === 'ar' ? 'fr-FR' : locale(lang), decimales).format(ch.valeur).replace(/\u202f/g, '\u00a0');
}

/** Placeholders of a text (Markdown or HTML). */
export function placeholders(texte: string): { cle: string; forme?: string }[] {
  return [...texte.matchAll(PLACEHOLDER)].map((m) => ({ cle: m[1]!, forme: m[2] }));
}

/**
 * Replaces every placeholder of a rendered page by its figure, isolated left
 * to right (an Arabic page keeps "8 500" in order). An unknown name is a bug:
 * it throws, and the test of the information pages catches it.
 */
export function resoudreChiffres(html: string, lang: string, bareme: Bareme = BAREME): string {
  return remplacer(html, lang, bareme, (cle, texte) => `<span class="chiffre" dir="ltr" data-chiffre="${cle}">${texte}</span>`);
}

/** The same in plain text (search index, descriptions). */
export function chiffresEnTexte(texte: string, lang: string, bareme: Bareme = BAREME): string {
  return remplacer(texte, lang, bareme, (_cle, t) => t);
}

function remplacer(texte: string, lang: string, bareme: Bareme, rendu: (cle: string, texte: string) => string): string {
  const chiffres = chiffresDuBareme(bareme);
  return texte.replace(PLACEHOLDER, (_m, cle: string, forme?: string) => {
    const ch = chiffres[cle];
    if (!ch) throw new Error(`Unknown figure {{${cle}}} in an information page`);
    return rendu(cle, formaterChiffre(ch, lang, forme));
  });
}

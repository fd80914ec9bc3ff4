/**
 * Full-text search of the information pages: one lunr index per language,
 * built at build time (see src/content.config.ts) and queried on the server.
 * Accents are folded and one typo is tolerated, so "creche" finds "crèche".
 */
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import lunrFr from 'lunr-languages/lunr.fr.js';
import lunrAr from 'lunr-languages/lunr.ar.js';
import lunrEs from 'lunr-languages/lunr.es.js';
import lunrPt from 'lunr-languages/lunr.pt.js';
import lunrTr from 'lunr-languages/lunr.tr.js';
import type { Lang } from '../../i18n/langs';

type L = typeof lunr & Record<string, { stemmer: lunr.PipelineFunction; stopWordFilter: lunr.PipelineFunction }>;
const lx = lunr as L;
stemmerSupport(lunr);
for (const plugin of [lunrFr, lunrAr, lunrEs, lunrPt, lunrTr]) plugin(lunr);

// Elisions ("l'assistante", "d'accueil") and hyphens split words.
lunr.tokenizer.separator = /[\s\-'’]+/;

/** Removes diacritics (é→e, ç→c, Arabic harakat) so that typing without accents still matches. */
export function plierAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}
const plier: lunr.PipelineFunction = (token) => token.update((s) => plierAccents(s));
lunr.Pipeline.registerFunction(plier, 'gpe-plier-accents');

/** Trims punctuation around a word in any script (lunr's own trimmer only knows Latin). */
const rogner: lunr.PipelineFunction = (token) => token.update((s) => s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
lunr.Pipeline.registerFunction(rogner, 'gpe-rogner');

/** Stemming per language; FALC is French; Ukrainian has no stemmer in lunr-languages, so it is tokenised only. */
function etapesLangue(lang: Lang): { stop?: lunr.PipelineFunction; stem?: lunr.PipelineFunction } {
  switch (lang) {
    case 'fr':
    case 'falc':
      return { stop: lx.fr!.stopWordFilter, stem: lx.fr!.stemmer };
    case 'en':
      return { stop: lunr.stopWordFilter, stem: lunr.stemmer };
    case 'ar':
    case 'es':
    case 'pt':
    case 'tr':
      return { stop: lx[lang]!.stopWordFilter, stem: lx[lang]!.stemmer };
    case 'uk':
      return {};
  }
}

function configurer(b: lunr.Builder, lang: Lang): void {
  const { stop, stem } = etapesLangue(lang);
  b.pipeline.reset();
  b.searchPipeline.reset();
  b.pipeline.add(...[rogner, stop, plier, stem].filter((f): f is lunr.PipelineFunction => !!f));
  b.searchPipeline.add(...[rogner, plier, stem].filter((f): f is lunr.PipelineFunction => !!f));
}

export interface DocumentRecherche {
  slug: string;
  titre: string;
  description: string;
  section: string;
  motsCles: string[];
  titres: string[];
  texte: string;
}

export interface FichePage {
  titre: string;
  description: string;
  section: string;
  cles: string[];
}

/** Lower case, no accents, words separated by one space: how keywords and queries are compared. */
export function normaliser(s: string): string {
  return plierAccents(s.toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A query that is exactly one of the page's keywords ("nursery", "creche") ranks that page first. */
const BONUS_MOT_CLE = 3;

/** What is stored per language (JSON-serialisable). */
export interface IndexLangue {
  lang: Lang;
  index: object;
  fiches: Record<string, FichePage>;
}

export function construireIndex(lang: Lang, documents: DocumentRecherche[]): IndexLangue {
  const index = lunr(function () {
    configurer(this, lang);
    this.ref('slug');
    this.field('titre', { boost: 8 });
    this.field('motsCles', { boost: 6 });
    this.field('description', { boost: 3 });
    this.field('titres', { boost: 2 });
    this.field('texte');
    for (const d of documents) this.add({ ...d, motsCles: d.motsCles.join(' | '), titres: d.titres.join(' | ') });
  });
  const fiches = Object.fromEntries(
    documents.map((d) => [d.slug, { titre: d.titre, description: d.description, section: d.section, cles: [...new Set(d.motsCles.map(normaliser))] }]),
  );
  return { lang, index: index.toJSON(), fiches };
}

interface Resultat {
  slug: string;
  lang: Lang;
  titre: string;
  description: string;
  section: string;
  score: number;
}

/** Words of a query, at most 12, without lunr's wildcard characters. */
export function motsDeLaRequete(q: string): string[] {
  return lunr
    .tokenizer(q.slice(0, 200))
    .map((t) =>
      t
        .toString()
        .replace(/[*~^:+]/g, '')
        .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''),
    )
    .filter((m) => m.length > 0)
    .slice(0, 12);
}

/** Languages searched, in order: the page's language, then French (the source). */
function languesCherchees(lang: Lang): Lang[] {
  return lang === 'fr' ? ['fr'] : [lang, 'fr'];
}

export class Moteur {
  private readonly index = new Map<Lang, { idx: lunr.Index; fiches: Record<string, FichePage> }>();

  constructor(indexes: IndexLangue[]) {
    for (const i of indexes) this.index.set(i.lang, { idx: lunr.Index.load(i.index), fiches: i.fiches });
  }

  private dans(lang: Lang, mots: string[], requete: string): Resultat[] {
    const e = this.index.get(lang);
    if (!e) return [];
    const trouves = e.idx.query((q) => {
      for (const m of mots) {
        q.term(m, { boost: 10 });
        if (m.length >= 3) q.term(m, { boost: 3, wildcard: lunr.Query.wildcard.TRAILING });
        if (m.length >= 4) q.term(m, { boost: 1, editDistance: 1 });
      }
    });
    return trouves
      .flatMap((r) => {
        const f = e.fiches[r.ref];
        if (!f) return [];
        const { cles, ...fiche } = f;
        return [{ slug: r.ref, lang, ...fiche, score: cles.includes(requete) ? r.score * BONUS_MOT_CLE : r.score }];
      })
      .sort((a, b) => b.score - a.score);
  }

  /** Results in the page's language first, then French pages not already listed. */
  chercher(lang: Lang, q: string, limite = 20): Resultat[] {
    const mots = motsDeLaRequete(q);
    if (mots.length === 0) return [];
    const requete = normaliser(q);
    const vus = new Set<string>();
    const out: Resultat[] = [];
    for (const l of languesCherchees(lang)) {
      for (const r of this.dans(l, mots, requete)) {
        if (vus.has(r.slug)) continue;
        vus.add(r.slug);
        out.push(r);
      }
    }
    return out.slice(0, limite);
  }
}

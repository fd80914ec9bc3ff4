/**
 * Finding a commune (or a place) from what a family types: "noeux les mines",
 * "Bethun", "BRUAY", "St Venant", "62400", "Béthune (62400)". Pure, shared by
 * the server (search page, /carte, the demande) and the demande island.
 *
 * The matching itself is lunr's (exact term, then prefix, then one or two
 * typing errors); this module only folds names (case, accents, ligatures,
 * hyphens, apostrophes, "St"/"Ste") and requires every word typed to match a
 * word of the name, so "les mines" does not return every "…-les-…".
 */
import lunr from 'lunr';

/** Lower case, no accents nor ligatures, words separated by one space, "st"/"ste" written out. */
export function plierNom(s: string): string {
  return s
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((m) => (m === 'st' ? 'saint' : m === 'ste' ? 'sainte' : m))
    .join(' ');
}

export type NomCherchable = { nom: string; codesPostaux?: string[]; code?: string; population?: number | null };

/** Errors tolerated in a word of that length (none under 4 letters: "la" must not find "le"). */
function erreursPermises(mot: string): number {
  return mot.length >= 8 ? 2 : mot.length >= 4 ? 1 : 0;
}

export class IndexNoms<T extends NomCherchable> {
  private readonly idx: lunr.Index;

  constructor(private readonly elements: readonly T[]) {
    this.idx = lunr(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('i');
      this.field('nom');
      elements.forEach((e, i) => this.add({ i: String(i), nom: plierNom(e.nom) }));
    });
  }

  /** refs → score for one typed word (exact ≫ prefix ≫ typo). */
  private mot(m: string): Map<string, number> {
    const e = erreursPermises(m);
    const r = this.idx.query((q) => {
      q.term(m, { boost: 10, usePipeline: false });
      if (m.length >= 2) q.term(m, { boost: 4, wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
      if (e > 0) q.term(m, { boost: 1, editDistance: e, usePipeline: false });
    });
    return new Map(r.map((x) => [x.ref, x.score]));
  }

  /**
   * The elements meant by `texte`, best first. A 5-digit text is a postal
   * (or INSEE) code; a code followed or preceded by a name narrows to both.
   */
  chercher(texte: string, limite = 10): T[] {
    const brut = texte.trim().slice(0, 100);
    const cp = /\b(\d{5})\b/.exec(brut)?.[1];
    const reste = plierNom(brut.replace(/\b\d{5}\b/g, ' '));
    // A postal code covers several communes: the most populated first.
    const parCode = cp
      ? this.elements.filter((e) => e.code === cp || e.codesPostaux?.includes(cp)).sort((a, b) => (b.population ?? 0) - (a.population ?? 0))
      : [];
    if (!reste) return parCode.slice(0, limite);
    const mots = [...new Set(reste.split(' ').filter((m) => /\p{L}|\p{N}/u.test(m)))].slice(0, 8);
    // Every word typed must match: the scores of the names found by all of them, summed.
    let scores = new Map<string, number>();
    mots.forEach((m, i) => {
      const s = this.mot(m.replace(/[*~^:+]/g, ''));
      const suivants = new Map<string, number>();
      if (i === 0) for (const [k, v] of s) suivants.set(k, v);
      else for (const [k, v] of scores) if (s.has(k)) suivants.set(k, v + s.get(k)!);
      scores = suivants;
    });
    const trouves = [...scores]
      .map(([ref, score]) => ({ e: this.elements[Number(ref)]!, score: score + (plierNom(this.elements[Number(ref)]!.nom) === reste ? 100 : 0) }))
      .sort((a, b) => b.score - a.score || a.e.nom.localeCompare(b.e.nom, 'fr'))
      .map((x) => x.e);
    if (cp) {
      const avecCode = trouves.filter((e) => parCode.includes(e));
      return (avecCode.length ? avecCode : parCode).slice(0, limite);
    }
    return trouves.slice(0, limite);
  }
}

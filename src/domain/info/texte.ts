/** Plain text of a Markdown body, for the search index (no HTML, no link targets). */
export function markdownEnTexte(md: string): string {
  return md
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`|~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Level-2 headings of a Markdown body (the table of contents of the page). */
export function titresNiveau2(md: string): string[] {
  return [...md.replace(/```[\s\S]*?```/g, '').matchAll(/^##\s+(.+?)\s*#*\s*$/gm)].map((m) => markdownEnTexte(m[1]!));
}

/** A page gets a table of contents when it has at least this many sections. */
export const SEUIL_SOMMAIRE = 4;

/** Splits rendered HTML at an HTML comment marker such as `<!-- sites-du-relais -->`. */
/**
 * Splits rendered HTML at `<!-- nom -->` markers (any of `noms`, in the order
 * they appear): the page renders a component where each marker was.
 */
export function decouperAuxMarqueurs(html: string, noms: readonly string[]): ({ html: string } | { marqueur: string })[] {
  const re = new RegExp(`<!--\\s*(${noms.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\s*-->`, 'g');
  const out: ({ html: string } | { marqueur: string })[] = [];
  let dernier = 0;
  for (const m of html.matchAll(re)) {
    out.push({ html: html.slice(dernier, m.index) }, { marqueur: m[1]! });
    dernier = m.index + m[0].length;
  }
  out.push({ html: html.slice(dernier) });
  return out;
}

export function couperAuMarqueur(html: string, marqueur: string): [string] | [string, string] {
  const re = new RegExp(`<!--\\s*${marqueur.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*-->`);
  const m = re.exec(html);
  if (!m) return [html];
  return [html.slice(0, m.index), html.slice(m.index + m[0].length)];
}

/**
 * Wraps each table in a focusable, named region that scrolls sideways on narrow
 * screens (keyboard users can scroll it; the region is named by the caption).
 */
export function envelopperTableaux(html: string, libelleSansLegende: string): string {
  let n = 0;
  return html.replace(/<table\b[^>]*>[\s\S]*?<\/table>/g, (table) => {
    n += 1;
    const id = `tableau-${n}-legende`;
    const legende = /<caption\b([^>]*)>/.exec(table);
    if (!legende) return `<div class="tableau-defilant" role="region" tabindex="0" aria-label="${libelleSansLegende.replace(/"/g, '&quot;')}">${table}</div>`;
    const idExistant = /\bid="([^"]+)"/.exec(legende[1] ?? '')?.[1];
    const avecId = idExistant ? table : table.replace(legende[0], `<caption id="${id}"${legende[1]}>`);
    return `<div class="tableau-defilant" role="region" tabindex="0" aria-labelledby="${idExistant ?? id}">${avecId}</div>`;
  });
}

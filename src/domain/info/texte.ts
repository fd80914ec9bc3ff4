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
export function couperAuMarqueur(html: string, marqueur: string): [string] | [string, string] {
  const re = new RegExp(`<!--\\s*${marqueur.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*-->`);
  const m = re.exec(html);
  if (!m) return [html];
  return [html.slice(0, m.index), html.slice(m.index + m[0].length)];
}

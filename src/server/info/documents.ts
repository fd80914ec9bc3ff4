/** Reads content/pages/<lang>/*.md into search documents (used at build time by the search index loader, and by tests). */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { frontmatterPage } from '../../domain/info/schema';
import type { DocumentRecherche } from '../../domain/info/recherche';
import { markdownEnTexte, titresNiveau2 } from '../../domain/info/texte';
import { chiffresEnTexte } from '../../domain/info/chiffres';
import { isLang, type Lang } from '../../i18n/langs';

export async function documentsParLangue(racine: string): Promise<Map<Lang, DocumentRecherche[]>> {
  const out = new Map<Lang, DocumentRecherche[]>();
  for (const dossier of await readdir(racine, { withFileTypes: true })) {
    if (!dossier.isDirectory() || !isLang(dossier.name)) continue;
    const lang = dossier.name;
    for (const f of (await readdir(path.join(racine, lang))).filter((n) => n.endsWith('.md')).sort()) {
      const source = await readFile(path.join(racine, lang, f), 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
      if (!m) throw new Error(`${lang}/${f}: frontmatter missing`);
      const fm = frontmatterPage.safeParse(parseYaml(m[1]!));
      if (!fm.success) throw new Error(`${lang}/${f}: invalid frontmatter: ${fm.error.message}`);
      const corps = chiffresEnTexte(m[2]!, lang);
      const docs = out.get(lang) ?? [];
      docs.push({
        slug: f.replace(/\.md$/, ''),
        titre: fm.data.title,
        description: fm.data.description,
        section: fm.data.section,
        motsCles: fm.data.keywords,
        titres: titresNiveau2(corps),
        texte: markdownEnTexte(corps),
      });
      out.set(lang, docs);
    }
  }
  return out;
}

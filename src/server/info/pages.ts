/** Information pages from the content collection, and the prebuilt search engine. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { LANGS, isLang, type Lang } from '../../i18n/langs';
import { decouperId, SECTIONS } from '../../domain/info/schema';
import { Moteur, type IndexLangue } from '../../domain/info/recherche';

type PageInfo = CollectionEntry<'pages'> & { lang: Lang; slug: string };

let cache: Promise<PageInfo[]> | undefined;
/** Every page in every language, sorted by section, then order, then slug. */
function toutesLesPages(): Promise<PageInfo[]> {
  if (import.meta.env.DEV) cache = undefined; // content changes while `astro dev` runs
  cache ??= getCollection('pages').then((entrees) =>
    entrees
      .map((e) => ({ ...e, ...decouperId(e.id) }))
      .filter((e): e is PageInfo => isLang(e.lang))
      .sort((a, b) => SECTIONS.indexOf(a.data.section) - SECTIONS.indexOf(b.data.section) || a.data.order - b.data.order || a.slug.localeCompare(b.slug)),
  );
  return cache;
}

export async function pageInfo(lang: Lang, slug: string): Promise<PageInfo | undefined> {
  return (await toutesLesPages()).find((p) => p.lang === lang && p.slug === slug);
}

/** Languages a page exists in, in the portal's language order. */
export async function languesDeLaPage(slug: string): Promise<Lang[]> {
  const presentes = new Set((await toutesLesPages()).filter((p) => p.slug === slug).map((p) => p.lang));
  return LANGS.filter((l) => presentes.has(l));
}

/** Pages of one language; with `repli`, pages missing in that language are taken in French. */
export async function pagesDeLaLangue(lang: Lang, repli = false): Promise<PageInfo[]> {
  const toutes = await toutesLesPages();
  const dansLaLangue = toutes.filter((p) => p.lang === lang);
  if (!repli || lang === 'fr') return dansLaLangue;
  const slugs = new Set(dansLaLangue.map((p) => p.slug));
  const parSlug = new Map(toutes.filter((p) => p.lang === 'fr' && !slugs.has(p.slug)).map((p) => [p.slug, p]));
  return toutes.filter((p) => p.lang === lang || parSlug.get(p.slug) === p);
}

let moteur: Promise<Moteur> | undefined;
export function moteurRecherche(): Promise<Moteur> {
  if (import.meta.env.DEV) moteur = undefined;
  moteur ??= getCollection('recherche').then((e) => new Moteur(e.map((x) => x.data as unknown as IndexLangue)));
  return moteur;
}

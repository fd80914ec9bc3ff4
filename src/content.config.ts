/**
 * Information pages (content/pages/<lang>/<slug>.md) and their search index.
 * The index is a collection too: its loader runs at build time (and again in
 * dev when a page changes), so the server only loads a prebuilt lunr index.
 */
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { frontmatterPage } from './domain/info/schema';
import { construireIndex } from './domain/info/recherche';
import { documentsParLangue } from './server/info/documents';

const BASE = './content/pages';

const pages = defineCollection({
  loader: glob({ pattern: '*/*.md', base: BASE, generateId: ({ entry }) => entry.replace(/\.md$/, '') }),
  schema: frontmatterPage,
});

const indexRecherche: Loader = {
  name: 'gpe-index-recherche',
  async load({ store, parseData, logger, watcher, config }) {
    const racine = path.resolve(new URL('.', config.root).pathname, BASE);
    const charger = async () => {
      const parLangue = await documentsParLangue(racine);
      store.clear();
      for (const [lang, docs] of parLangue) {
        const data = await parseData({ id: lang, data: { ...construireIndex(lang, docs) } });
        store.set({ id: lang, data });
      }
      logger.info(`search index: ${[...parLangue].map(([l, d]) => `${l} ${d.length}`).join(', ')}`);
    };
    await charger();
    if (watcher) {
      watcher.add(racine);
      const surChangement = (f: string) => {
        if (f.startsWith(racine) && f.endsWith('.md')) void charger();
      };
      watcher.on('change', surChangement).on('add', surChangement).on('unlink', surChangement);
    }
  },
};

const recherche = defineCollection({
  loader: indexRecherche,
  schema: z.object({
    lang: z.string(),
    index: z.record(z.string(), z.unknown()),
    fiches: z.record(z.string(), z.object({ titre: z.string(), description: z.string(), section: z.string(), cles: z.array(z.string()) })),
  }),
});

export const collections = { pages, recherche };

import { z } from 'zod';

export const SECTIONS = ['familles', 'assistants-maternels', 'a-propos'] as const;
export type Section = (typeof SECTIONS)[number];

/** Frontmatter of an information page (content/pages/<lang>/<slug>.md). */
export const frontmatterPage = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  order: z.number().int(),
  section: z.enum(SECTIONS),
  keywords: z.array(z.string()).default([]),
  updated: z.coerce.date(),
  sources: z.array(z.object({ title: z.string().min(1), url: z.url() })).default([]),
});
export type FrontmatterPage = z.infer<typeof frontmatterPage>;

/** 'en/modes-d-accueil' → { lang: 'en', slug: 'modes-d-accueil' }. */
export function decouperId(id: string): { lang: string; slug: string } {
  const i = id.indexOf('/');
  return i < 0 ? { lang: '', slug: id } : { lang: id.slice(0, i), slug: id.slice(i + 1) };
}

/**
 * Loader of an information page (/<lang>/<slug>): the Markdown rendered in the
 * URL's language, cut at the markers where live content goes, with what those
 * markers need read from the database. Plain inputs → view model.
 */
import type { Db } from '../db';
import type { Lang, T } from '../../i18n';
import { pageInfo, languesDeLaPage } from './pages';
import { relaisEtLieux } from '../requetes/territoire';
import { evenementsAVenir } from '../evenements/evenements';
import { resoudreChiffres } from '../../domain/info/chiffres';
import { decouperAuxMarqueurs, envelopperTableaux } from '../../domain/info/texte';

/** Markers in the Markdown where the page inserts live content. */
export const MARQUEURS_INFO = ['sites-du-relais', 'registre-donnees', 'dpo', 'prochains-evenements'] as const;

type TitreInfo = { depth: number; slug: string; text: string };

type VuePageInfo = {
  titre: string;
  description: string;
  section: string;
  sources: NonNullable<Awaited<ReturnType<typeof pageInfo>>>['data']['sources'];
  misAJour: Date;
  langues: Lang[];
  /** Level-2 headings, for the table of contents. */
  titres: TitreInfo[];
  morceaux: ReturnType<typeof decouperAuxMarqueurs>;
  relais: Awaited<ReturnType<typeof relaisEtLieux>>;
  evenements: Awaited<ReturnType<typeof evenementsAVenir>>;
};

/** The page in `lang`, or null when it does not exist in that language. */
export async function chargerPageInfo(db: Db, lang: Lang, slug: string, t: T): Promise<VuePageInfo | null> {
  const page = await pageInfo(lang, slug);
  if (!page) return null;
  // Figures ({{psu.plafond}}…) come from the dated barème of the cost engine.
  const html = envelopperTableaux(resoudreChiffres(page.rendered?.html ?? '', lang), t('info.tableau'));
  const titres = ((page.rendered?.metadata?.headings ?? []) as TitreInfo[]).filter((h) => h.depth === 2);
  const morceaux = decouperAuxMarqueurs(html, [...MARQUEURS_INFO]);
  const aMarqueur = (nom: (typeof MARQUEURS_INFO)[number]) => morceaux.some((m) => 'marqueur' in m && m.marqueur === nom);
  const { title, description, section, sources, updated } = page.data;
  return {
    titre: title,
    description,
    section,
    sources,
    misAJour: updated,
    langues: await languesDeLaPage(slug),
    titres,
    morceaux,
    relais: aMarqueur('sites-du-relais') ? await relaisEtLieux(db) : [],
    evenements: aMarqueur('prochains-evenements') ? await evenementsAVenir(db, { limite: 3 }) : [],
  };
}

import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { construireIndex, Moteur, motsDeLaRequete, normaliser, plierAccents, type IndexLangue } from '../../../src/domain/info/recherche';
import { documentsParLangue } from '../../../src/server/info/documents';

let moteur: Moteur;
let langues: string[];
beforeAll(async () => {
  const parLangue = await documentsParLangue(path.resolve('content/pages'));
  langues = [...parLangue.keys()];
  // Serialised and reloaded, as the server does with the index built at build time.
  const indexes = [...parLangue].map(([l, d]) => JSON.parse(JSON.stringify(construireIndex(l, d))) as IndexLangue);
  moteur = new Moteur(indexes);
});

const premiers = (lang: Parameters<Moteur['chercher']>[0], q: string, n = 1) =>
  moteur
    .chercher(lang, q)
    .slice(0, n)
    .map((r) => `${r.lang}/${r.slug}`);

describe('search of the information pages', () => {
  it('a parent typing "creche" without the accent gets the modes d’accueil page first', () => {
    expect(premiers('fr', 'creche')).toEqual(['fr/modes-d-accueil']);
    expect(premiers('fr', 'crèche')).toEqual(['fr/modes-d-accueil']);
  });

  it('an English-speaking parent typing "nursery" gets the childcare options page first', () => {
    expect(langues).toContain('en');
    expect(premiers('en', 'nursery')).toEqual(['en/modes-d-accueil']);
  });

  it('"assistante maternelle" finds the page about employing one', () => {
    expect(premiers('fr', 'assistante maternelle', 3)).toContain('fr/employer-un-assistant-maternel');
    expect(premiers('fr', "l'assistante maternelle", 3)).toContain('fr/employer-un-assistant-maternel');
  });

  it('tolerates one typo', () => {
    expect(premiers('fr', 'crehce', 3)).toContain('fr/modes-d-accueil');
    expect(premiers('fr', 'pajemploie', 3)).toContain('fr/employer-un-assistant-maternel');
  });

  it('lists results in the page language first, then French pages missing in that language', () => {
    const r = moteur.chercher('en', 'crèche');
    expect(r[0]?.lang).toBe('en');
    const premiereFrancaise = r.findIndex((x) => x.lang === 'fr');
    if (premiereFrancaise >= 0) expect(r.slice(premiereFrancaise).every((x) => x.lang === 'fr')).toBe(true);
    expect(new Set(r.map((x) => x.slug)).size).toBe(r.length);
  });

  it('returns nothing for an empty query or punctuation only', () => {
    expect(moteur.chercher('fr', '')).toEqual([]);
    expect(moteur.chercher('fr', ' ?! ')).toEqual([]);
  });

  it('ignores lunr query syntax typed by a person', () => {
    expect(() => moteur.chercher('fr', 'titre:crèche^10 +aide -caf~2 *')).not.toThrow();
  });
});

describe('search building blocks', () => {
  it('folds accents in Latin and Arabic scripts', () => {
    expect(plierAccents('Crèche à Besançon')).toBe('Creche a Besancon');
    expect(plierAccents('حَضَانَة')).toBe('حضانة');
  });

  it('splits elisions and drops wildcard characters', () => {
    expect(motsDeLaRequete("l'assistante d’accueil*")).toEqual(['l', 'assistante', 'd', 'accueil']);
  });

  it('normalises keywords and queries the same way', () => {
    expect(normaliser('  Micro-Crèche ')).toBe(normaliser('micro creche'));
  });

  it('indexes Ukrainian text with a plain tokenizer (no stemmer exists for it)', () => {
    const i = construireIndex('uk', [
      {
        slug: 'modes-d-accueil',
        titre: 'Догляд за дітьми',
        description: 'Ясла та няні',
        section: 'familles',
        motsCles: ['ясла'],
        titres: [],
        texte: 'Дитячий садок, ясла, няня вдома.',
      },
    ]);
    const m = new Moteur([JSON.parse(JSON.stringify(i)) as IndexLangue]);
    expect(m.chercher('uk', 'ясла').map((r) => r.slug)).toEqual(['modes-d-accueil']);
    expect(m.chercher('uk', 'няня').map((r) => r.slug)).toEqual(['modes-d-accueil']);
  });
});

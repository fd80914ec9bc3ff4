import { describe, expect, it } from 'vitest';
import { couperAuMarqueur, envelopperTableaux, markdownEnTexte, titresNiveau2 } from '../../../src/domain/info/texte';
import { decouperId, frontmatterPage } from '../../../src/domain/info/schema';

describe('information page text helpers', () => {
  it('turns Markdown into plain text for the index, keeping image alternatives and link text', () => {
    const md = '## Le **relais**\n\n![Dessin d’une maison](/pictos/maison.svg)\n\nVoir [la Caf](https://caf.fr).\n<!-- sites-du-relais -->\n- un\n- deux';
    expect(markdownEnTexte(md)).toBe('Le relais Dessin d’une maison Voir la Caf. un deux');
  });

  it('lists the level-2 headings of a page', () => {
    expect(titresNiveau2('# Titre\n## Un\ntexte\n### Sous\n## Deux *gras*\n```\n## pas un titre\n```')).toEqual(['Un', 'Deux gras']);
  });

  it('splits the RPE page where the relais sites go', () => {
    expect(couperAuMarqueur('<p>a</p>\n<!-- sites-du-relais -->\n<p>b</p>', 'sites-du-relais')).toEqual(['<p>a</p>\n', '\n<p>b</p>']);
    expect(couperAuMarqueur('<p>a</p>', 'sites-du-relais')).toEqual(['<p>a</p>']);
  });

  it('wraps tables in a focusable region named by their caption, or by a default label', () => {
    const html = envelopperTableaux('<table><caption>Prix</caption><tr><td>1</td></tr></table><p>x</p><table><tr><td>2</td></tr></table>', 'Tableau "large"');
    expect(html).toContain(
      '<div class="tableau-defilant" role="region" tabindex="0" aria-labelledby="tableau-1-legende"><table><caption id="tableau-1-legende">Prix</caption>',
    );
    expect(html).toContain('<div class="tableau-defilant" role="region" tabindex="0" aria-label="Tableau &quot;large&quot;"><table><tr><td>2</td>');
  });
});

describe('information page frontmatter', () => {
  const valide = {
    title: 'T',
    description: 'D',
    order: 1,
    section: 'familles',
    keywords: ['a'],
    updated: '2026-11-24',
    sources: [{ title: 'Caf', url: 'https://caf.fr' }],
  };

  it('accepts a complete frontmatter and reads the date', () => {
    const fm = frontmatterPage.parse(valide);
    expect(fm.updated.toISOString().slice(0, 10)).toBe('2026-11-24');
  });

  it('refuses an unknown section and a source without a URL', () => {
    expect(frontmatterPage.safeParse({ ...valide, section: 'autre' }).success).toBe(false);
    expect(frontmatterPage.safeParse({ ...valide, sources: [{ title: 'Caf', url: 'caf' }] }).success).toBe(false);
  });

  it('splits a collection id into language and slug', () => {
    expect(decouperId('en/modes-d-accueil')).toEqual({ lang: 'en', slug: 'modes-d-accueil' });
  });
});

import { describe, expect, it } from 'vitest';
import { lignesCsvSections, type SectionRapport } from '../../../src/domain/stats/rapport-activite';

describe('activity report sections', () => {
  it('flatten to (section, indicator, value) rows, in order, whatever area added them', () => {
    const sections: SectionRapport[] = [
      { id: 'ateliers', titre: 'Ateliers', public: 'professionnels', lignes: [{ cle: 'ateliers.seances', indicateur: 'Séances', valeur: 12 }] },
      {
        id: 'formation',
        titre: 'Formation',
        public: 'professionnels',
        lignes: [
          { cle: 'formation.departs', indicateur: 'Départs', valeur: 3 },
          { cle: 'x', indicateur: 'Part', valeur: '2 sur 5' },
        ],
      },
    ];
    expect(lignesCsvSections(sections)).toEqual([
      ['Ateliers', 'Séances', 12],
      ['Formation', 'Départs', 3],
      ['Formation', 'Part', '2 sur 5'],
    ]);
  });
});

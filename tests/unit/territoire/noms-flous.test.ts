import { describe, expect, it } from 'vitest';
import cog from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { IndexNoms, plierNom } from '../../../src/domain/territoire/noms-flous';

type C = { code: string; nom: string; codesPostaux: string[]; type: string; departement?: string; population?: number };
// The 887 current communes of Pas-de-Calais: many share words ("…-lès-Béthune", "Nœux-…").
const communes = (cog as C[]).filter((c) => c.type === 'commune-actuelle' && c.departement === '62');
const index = new IndexNoms(communes);
const premier = (q: string) => index.chercher(q)[0]?.nom;

describe('fuzzy commune names', () => {
  it('folds case, accents, ligatures, hyphens and "St"', () => {
    expect(plierNom('Nœux-les-Mines')).toBe('noeux les mines');
    expect(plierNom('St-Venant')).toBe('saint venant');
    expect(plierNom('BÉTHUNE')).toBe('bethune');
  });

  it('finds what families type', () => {
    expect(premier('noeux les mines')).toBe('Nœux-les-Mines');
    expect(premier('Noeux-les-mines')).toBe('Nœux-les-Mines');
    expect(premier('Bethun')).toBe('Béthune');
    expect(premier('betune')).toBe('Béthune');
    expect(premier('BRUAY')).toBe('Bruay-la-Buissière');
    expect(premier('St Venant')).toBe('Saint-Venant');
    expect(premier('saint-venant')).toBe('Saint-Venant');
    expect(premier('Lilers')).toBe('Lillers');
    expect(premier('62190')).toBe('Lillers');
    expect(premier('Béthune (62400)')).toBe('Béthune');
  });

  it('ranks the exact name first and needs every word typed', () => {
    expect(premier('Béthune')).toBe('Béthune');
    expect(index.chercher('les béthune').map((c) => c.nom)).toEqual(expect.arrayContaining(['Fouquières-lès-Béthune', 'Vendin-lès-Béthune']));
    expect(index.chercher('les béthune').map((c) => c.nom)).not.toContain('Béthune');
    expect(index.chercher('zzzz')).toEqual([]);
    expect(index.chercher('')).toEqual([]);
    expect(index.chercher('la')).not.toContainEqual(expect.objectContaining({ nom: 'Le Portel' }));
  });
});

import { describe, expect, it } from 'vitest';
import { cheminInterne } from '../../../src/domain/redirection';
import { neutraliserCellule } from '../../../src/domain/csv';

describe('redirect targets', () => {
  it('keeps a path of this site and refuses anything a browser reads as another host', () => {
    expect(cheminInterne('/carte?type=am#liste')).toBe('/carte?type=am#liste');
    for (const x of ['/\\evil.example/', '//evil.example', '\\\\evil.example', 'https://evil.example', '/\tevil', 'javascript:alert(1)', '', null]) {
      expect(cheminInterne(x as string)).toBe('/');
    }
    expect(cheminInterne(decodeURIComponent('/%5Cevil.example/'))).toBe('/');
  });
});

describe('CSV cells', () => {
  it('neutralises formulas and keeps numbers', () => {
    expect(neutraliserCellule('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutraliserCellule('+33 6 11')).toBe("'+33 6 11");
    expect(neutraliserCellule('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliserCellule('-2.5')).toBe('-2.5');
    expect(neutraliserCellule('Crèche Les Lutins')).toBe('Crèche Les Lutins');
  });
});

import { describe, expect, it } from 'vitest';
import { LIMITE_FORMULAIRE, LIMITE_IMPORT, limitePour, nettoyerFormulaire, nettoyerUrl, pageErreurSimple } from '../../../src/server/http/entrees';

describe('edge of the portal', () => {
  it('removes NUL bytes from url-encoded forms and keeps the rest', () => {
    const propre = new URLSearchParams(nettoyerFormulaire(Buffer.from('nom=L%C3%A9a%00x&ville=%D8%A7%D9%84&n=%FF%00')).toString());
    expect(propre.get('nom')).toBe('Léax');
    expect(propre.get('ville')).toBe('ال');
    expect(propre.get('n')).toBe('\uFFFD');
    const simple = Buffer.from('a=1&b=2');
    expect(nettoyerFormulaire(simple)).toBe(simple);
  });

  it('removes NUL bytes from the URL', () => {
    expect(nettoyerUrl('/suivi/abc%00?q=a%00b')).toBe('/suivi/abc?q=ab');
  });

  it('states 1 MB for forms and 5 MB for back-office uploads', () => {
    expect(limitePour('/demande', 'multipart/form-data; boundary=x')).toBe(LIMITE_FORMULAIRE);
    expect(limitePour('/admin/offre/import', 'multipart/form-data; boundary=x')).toBe(LIMITE_IMPORT);
    expect(pageErreurSimple(413)).toContain('1 Mo');
  });
});

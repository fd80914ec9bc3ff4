/** The form kit's text helpers: error count in the title, summary links naming the field. */
import { describe, expect, it } from 'vitest';
import { messagePluriel, resumeErreurs, texteLienErreur, titreAvecErreurs } from '../../../src/components/form';
import { useT } from '../../../src/i18n';

describe('form kit', () => {
  it('prefixes the title with the error count, singular and plural, in the page language', () => {
    expect(titreAvecErreurs('fr', 'Étape 1 sur 5 : Vous', 0)).toBe('Étape 1 sur 5 : Vous');
    expect(titreAvecErreurs('fr', 'Étape 1 sur 5 : Vous', 1)).toBe('1 erreur – Étape 1 sur 5 : Vous');
    expect(titreAvecErreurs('fr', 'Étape 1 sur 5 : Vous', 2)).toBe('2 erreurs – Étape 1 sur 5 : Vous');
    expect(titreAvecErreurs('en', 'Step 1', 3)).toBe('3 errors – Step 1');
    expect(titreAvecErreurs('uk', 'Крок 1', 5)).toBe('5 помилок – Крок 1');
    expect(titreAvecErreurs('uk', 'Крок 1', 2)).toBe('2 помилки – Крок 1');
    expect(titreAvecErreurs('ar', 'الخطوة 1', 2)).toBe('خطآن – الخطوة 1');
  });

  it('uses Intl.PluralRules categories and falls back to other, then French', () => {
    expect(messagePluriel('fr', 'formulaire.resume', 1)).toContain('1 erreur.');
    expect(messagePluriel('fr', 'formulaire.resume', 0)).toContain('0 erreur.'); // French: 0 is "one"
    expect(messagePluriel('tr', 'formulaire.titreErreurs', 4)).toBe('4 hata');
    expect(messagePluriel('falc', 'formulaire.titreErreurs', 2)).toBe('2 erreurs');
  });

  it('names the field in each summary link, in the order of the form', () => {
    const t = useT('fr');
    const r = resumeErreurs({ email: 'demande.erreur.email', p1Prenom: 'demande.erreur.requis' }, { p1Prenom: 'Prénom', email: 'Adresse e-mail' }, t);
    expect(r.map((e) => e.champ)).toEqual(['p1Prenom', 'email']);
    expect(texteLienErreur('fr', r[0]!)).toBe('Prénom : ce champ est obligatoire.');
    expect(texteLienErreur('en', { libelle: 'First name', message: 'This field is required.' })).toBe('First name: this field is required.');
    // An acronym or a label ending with a colon or question mark stays readable.
    expect(texteLienErreur('fr', { libelle: 'Votre commune ?', message: 'CAF inconnue.' })).toBe('Votre commune : CAF inconnue.');
  });
});

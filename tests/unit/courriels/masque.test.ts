import { describe, expect, it } from 'vitest';
import { masquerLiensPrives } from '../../../src/domain/courriels/masque';

describe('private links in emails shown to staff', () => {
  it('masks every kind of private token and keeps the rest of the text', () => {
    const t = [
      'Suivre : https://g.fr/ar/suivi/AbC123_defGHI-jkl',
      'RDV : https://g.fr/rdv/gerer/xYz987654321',
      'Connexion : https://g.fr/pro/lien/eyJhbGciOi.abc',
      'Oui : https://g.fr/relance/offre/tok-123456 et https://g.fr/relance/tok-abcdef?reponse=oui',
      'Réunion : https://g.fr/reunions/inscription/abcdef123',
      'Accueil : https://g.fr/suivi/',
    ].join('\n');
    const m = masquerLiensPrives(t);
    expect(m).not.toMatch(/AbC123|xYz98|eyJhb|tok-|abcdef123/);
    expect(m).toContain('https://g.fr/ar/suivi/[lien privé masqué]');
    expect(m).toContain('?reponse=oui');
    expect(m).toContain('Accueil : https://g.fr/suivi/');
  });
});

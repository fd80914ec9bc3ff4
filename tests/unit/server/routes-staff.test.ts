import { describe, expect, it } from 'vitest';
import { exigenceDe, estRouteStaff } from '../../../src/server/auth/routes';

describe('route → role table of the back office', () => {
  it('opens the sign-in page to everyone and the statistics to commune accounts', () => {
    expect(exigenceDe('/admin/connexion')).toBe('public');
    expect(exigenceDe('/admin/statistiques')).toContain('commune');
    expect(exigenceDe('/admin/statistiques/export.csv')).toContain('commune');
    expect(exigenceDe('/admin')).toContain('commune');
  });
  it('keeps families’ personal data to the relais teams', () => {
    for (const p of ['/admin/demandes', '/admin/demandes/nouvelle', '/admin/agenda/rdv/x', '/admin/offre/import', '/admin/courriels', '/admin/demandes/']) {
      expect(exigenceDe(p), p).toEqual(['admin', 'animatrice']);
    }
  });
  it('opens the code step of sign-in to everyone and each person’s own security page to every role', () => {
    expect(exigenceDe('/admin/connexion/code')).toBe('public');
    expect(exigenceDe('/admin/connexion/autre')).toEqual(['admin']);
    expect(exigenceDe('/admin/securite')).toEqual(['admin', 'animatrice', 'commune', 'gestionnaire-creche']);
  });
  it('lets the crèche manager into its one screen and nowhere else', () => {
    expect(exigenceDe('/admin/creches/gestion')).toEqual(['gestionnaire-creche']);
    expect(exigenceDe('/admin')).toContain('gestionnaire-creche');
    for (const p of [
      '/admin/creches',
      '/admin/creches/sessions/x',
      '/admin/creches/sans-solution',
      '/admin/creches/statistiques',
      '/admin/demandes',
      '/admin/statistiques',
      '/admin/courriels',
    ]) {
      expect(exigenceDe(p), p).not.toContain('gestionnaire-creche');
    }
    expect(exigenceDe('/admin/creches/sessions/x')).toEqual(['admin', 'animatrice']);
    expect(exigenceDe('/admin/creches/grille')).toEqual(['admin']);
  });
  it('closes a route nobody declared to all but the admin', () => {
    expect(exigenceDe('/admin/nouvelle-page')).toEqual(['admin']);
    expect(exigenceDe('/admin/statistiquesX')).toEqual(['admin']);
  });
  it('knows which paths are the back office', () => {
    expect(estRouteStaff('/admin')).toBe(true);
    expect(estRouteStaff('/api/admin/x')).toBe(true);
    expect(estRouteStaff('/administration')).toBe(false);
  });
});

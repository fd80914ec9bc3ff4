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
    expect(exigenceDe('/admin/securite')).toEqual(['admin', 'animatrice', 'commune']);
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

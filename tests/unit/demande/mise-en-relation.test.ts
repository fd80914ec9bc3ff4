import { describe, expect, it } from 'vitest';
import { coordonneesPubliees, estReponsePro, suiviPrevuLe, typeSolutionDe } from '../../../src/domain/demande/mise-en-relation';

describe('mise en relation', () => {
  it('shows an AM’s phone and email only when she agreed to publish them; a structure’s always', () => {
    const am = { type: 'assistant-maternel' as const, telephone: '0321', email: 'am@x.fr' };
    expect(coordonneesPubliees({ ...am, publication: {} })).toEqual({ telephone: null, email: null });
    expect(coordonneesPubliees({ ...am, publication: { telephone: true } })).toEqual({ telephone: '0321', email: null });
    expect(coordonneesPubliees({ ...am, publication: { telephone: true, email: true } })).toEqual({ telephone: '0321', email: 'am@x.fr' });
    expect(coordonneesPubliees({ ...am, type: 'creche', publication: {} })).toEqual({ telephone: '0321', email: 'am@x.fr' });
  });
  it('maps the place to the kind of solution a contract is', () => {
    expect(typeSolutionDe('assistant-maternel')).toBe('am');
    expect(typeSolutionDe('creche')).toBe('eaje');
    expect(typeSolutionDe('mam')).toBe('mam');
  });
  it('accepts only the three answers of the professional', () => {
    expect(estReponsePro('contrat')).toBe(true);
    expect(estReponsePro('refus-famille')).toBe(false);
    expect(estReponsePro(null)).toBe(false);
  });
  it('schedules the follow-up N months after the solution, unless one was sent since', () => {
    const solution = new Date('2026-06-17T09:00:00Z');
    const d = { etat: 'solution-trouvee', solutionLe: solution, etatDepuis: solution };
    expect(suiviPrevuLe(d, 3, null)).toEqual(new Date('2026-09-17T09:00:00Z'));
    expect(suiviPrevuLe(d, 3, new Date('2026-09-17T10:00:00Z'))).toBeNull();
    expect(suiviPrevuLe(d, 3, new Date('2026-01-01T10:00:00Z'))).toEqual(new Date('2026-09-17T09:00:00Z'));
    expect(suiviPrevuLe({ ...d, etat: 'en-cours' }, 3, null)).toBeNull();
  });
});

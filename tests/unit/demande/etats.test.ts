import { describe, expect, it } from 'vitest';
import { appliquer, estPossible, transitionsPossibles, TransitionInterdite } from '../../../src/domain/demande/etats';

describe('demande state machine', () => {
  it('a family files a demande: it is new', () => {
    expect(appliquer('deposer', null, 'famille')).toBe('nouvelle');
  });
  it('the first contact takes a new demande in charge', () => {
    expect(appliquer('prendreEnCharge', 'nouvelle', 'staff')).toBe('en-cours');
  });
  it('a family cannot close its demande as "sans solution"', () => {
    expect(estPossible('classerSansSolution', 'en-cours', 'famille')).toBe(false);
    expect(() => appliquer('classerSansSolution', 'en-cours', 'famille')).toThrow(TransitionInterdite);
  });
  it('a closed demande offers only reopening to staff', () => {
    expect(transitionsPossibles('sans-solution', 'staff')).toEqual(['reprendre']);
  });
  it('a family may withdraw while the demande is open, not after', () => {
    expect(transitionsPossibles('mise-en-relation', 'famille')).toContain('abandonner');
    expect(transitionsPossibles('solution-trouvee', 'famille')).not.toContain('abandonner');
  });
  it('an animatrice offers every step from "en cours"', () => {
    expect(transitionsPossibles('en-cours', 'staff').sort()).toEqual(
      ['abandonner', 'classerSansSolution', 'conclure', 'mettreEnRelation', 'proposerSolution'].sort(),
    );
  });
});

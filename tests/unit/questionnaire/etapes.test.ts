/** Which screen of /questionnaire comes next, for each button (Enter is Continue). */
import { describe, expect, it } from 'vitest';
import { ETAPES, lireAction, transition, type EtatQuestionnaire } from '../../../src/domain/questionnaire/etapes';

const CTX = { aujourdhui: '2026-03-02', communes: new Set(['62119', '62178']) };
const COMPLET: EtatQuestionnaire = {
  statut: 'ne',
  naissance: '2025-10-01',
  debut: '2026-05-04',
  jours: ['1', '2', '4'],
  de: '07:30',
  a: '18:00',
  variables: 'non',
  urgence: 'oui',
  handicap: 'non',
  commune: '62119',
  prio1: 'budget',
  prio: ['petit-groupe'],
};

describe('questionnaire: next screen', () => {
  it('reads Enter and unknown buttons as Continue', () => {
    expect(lireAction(undefined)).toBe('suivant');
    expect(lireAction('effacer-tout')).toBe('suivant');
    expect(lireAction('precedent')).toBe('precedent');
    expect(lireAction('modifier')).toBe('modifier');
  });

  it('moves on screen by screen when each is answered, and gives the answers after the last one', () => {
    for (let i = 0; i < ETAPES.length - 1; i++) {
      expect(transition(COMPLET, ETAPES[i]!.id, 'suivant', CTX)).toEqual({ type: 'etape', etape: i + 1, erreurs: {} });
    }
    const fin = transition(COMPLET, 'foyer', 'suivant', CTX);
    expect(fin.type).toBe('resultat');
  });

  it('stays on a screen with its own errors only', () => {
    const r = transition({ ...COMPLET, de: '25:00', commune: undefined }, 'planning', 'suivant', CTX);
    expect(r).toMatchObject({ type: 'etape', etape: 2, erreurs: { de: 'questionnaire.erreur.heureInvalide' } });
    if (r.type === 'etape') expect(Object.keys(r.erreurs)).not.toContain('commune');
  });

  it('goes back or to the start without checking anything', () => {
    expect(transition({}, 'debut', 'precedent', CTX)).toEqual({ type: 'etape', etape: 0, erreurs: {} });
    expect(transition({}, 'enfant', 'precedent', CTX)).toEqual({ type: 'etape', etape: 0, erreurs: {} });
    expect(transition(COMPLET, 'foyer', 'modifier', CTX)).toEqual({ type: 'etape', etape: 0, erreurs: {} });
    expect(transition(COMPLET, 'inconnu', 'suivant', CTX)).toEqual({ type: 'etape', etape: 0, erreurs: {} });
  });

  it('sends the parent back to the first wrong screen when an earlier answer was tampered with', () => {
    const r = transition({ ...COMPLET, commune: '75056' }, 'foyer', 'suivant', CTX);
    expect(r).toEqual({ type: 'etape', etape: 6, erreurs: { commune: 'questionnaire.erreur.communeInconnue' } });
  });
});

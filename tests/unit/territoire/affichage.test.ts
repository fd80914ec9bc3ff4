import { describe, expect, it } from 'vitest';
import { champsHoraires, etatCompte, libelleAges, plageDuJour, resumeHoraires, saisieHoraires } from '../../../src/domain/territoire/affichage';
import { lireHoraires } from '../../../src/domain/territoire/regles';

const semaine = [
  { jour: 1, debut: '09:00', fin: '12:00' },
  { jour: 1, debut: '14:00', fin: '17:00' },
  { jour: 3, debut: '14:00', fin: '17:30' },
];

describe('territory back office wording', () => {
  it('words an account’s state, with the second factor', () => {
    expect(etatCompte({ actif: true, dejaConnecte: true, doubleFacteur: false })).toBe('actif');
    expect(etatCompte({ actif: true, dejaConnecte: false, doubleFacteur: false })).toBe('invité, jamais connecté');
    expect(etatCompte({ actif: false, dejaConnecte: true, doubleFacteur: true })).toBe('désactivé, double authentification');
  });

  it('sums up a week of hours, days in order, and nothing for a closed week', () => {
    expect(resumeHoraires([semaine[2]!, ...semaine.slice(0, 2)])).toBe('lundi 09:00–12:00, 14:00–17:00 ; mercredi 14:00–17:30');
    expect(resumeHoraires([])).toBe('');
    expect(plageDuJour(semaine, 1, 1)).toEqual(semaine[1]);
    expect(plageDuJour(semaine, 2, 0)).toBeUndefined();
  });

  it('turns hours into the form’s 28 fields, which lireHoraires reads back', () => {
    const s = saisieHoraires(semaine);
    expect(Object.keys(s).sort()).toEqual([...champsHoraires()].sort());
    expect(champsHoraires()).toHaveLength(28);
    expect(s).toMatchObject({ 'h1a-debut': '09:00', 'h1b-fin': '17:00', 'h3a-fin': '17:30', 'h2a-debut': '' });
    expect(lireHoraires(s)).toEqual({ ok: true, horaires: semaine });
  });

  it('words the ages of a place in months below two years and in years above', () => {
    expect(libelleAges(10, 36)).toBe('10 mois à 3 ans');
    expect(libelleAges(0, 72)).toBe('0 mois à 6 ans');
    expect(libelleAges(36, 30)).toBe('3 ans à 30 mois');
  });
});

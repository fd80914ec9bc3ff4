import { describe, expect, it } from 'vitest';
import { lireDecimal, traiterCalcul } from '../../../src/server/formulaires/mensualisation';

const u = (q: string) => new URL(`https://guichet.exemple.fr/calcul-mensualisation${q}`);

describe('mensualisation calculator form (GET)', () => {
  it('shows the empty form with "année incomplète" chosen when nothing is asked', () => {
    expect(traiterCalcul(u(''))).toEqual({
      statut: 200,
      vue: { valeurs: { type: 'incomplete', salaire: '', heures: '', semaines: '' }, erreurs: {}, resultat: null },
    });
  });

  it('reads French decimals and computes', () => {
    const r = traiterCalcul(u('?type=incomplete&salaire=4%2C20&heures=37%2C5&semaines=46'));
    expect(r.statut).toBe(200);
    // 4.20 × 37.5 × 46 / 12 = 603.75
    expect(r.vue.resultat?.salaireMensuelCents).toBe(60375);
    expect(r.vue.resultat?.heuresParSemaine).toBe(37.5);
  });

  it('ignores the weeks of an année complète', () => {
    const r = traiterCalcul(u('?type=complete&salaire=4.2&heures=40&semaines=abc'));
    expect(r.vue.resultat?.salaireMensuelCents).toBe(72800);
  });

  it('reports every field in error at once, with the typed values kept', () => {
    const r = traiterCalcul(u('?type=autre&salaire=quatre&heures=60&semaines=50'));
    expect(r.statut).toBe(422);
    expect(r.vue.erreurs).toEqual({ type: 'metier.calcul.erreurs.type', salaire: 'metier.calcul.erreurs.salaire', heures: 'metier.calcul.erreurs.heures' });
    expect(r.vue.valeurs.salaire).toBe('quatre');
    const s = traiterCalcul(u('?type=incomplete&salaire=4&heures=40&semaines=50'));
    expect(s.vue.erreurs).toEqual({ semaines: 'metier.calcul.erreurs.semaines' });
  });

  it('parses decimals strictly', () => {
    expect(lireDecimal(' 4,20 ')).toBe(4.2);
    expect(lireDecimal('1e3')).toBeNaN();
    expect(lireDecimal('-4')).toBeNaN();
    expect(lireDecimal('')).toBeNaN();
  });
});

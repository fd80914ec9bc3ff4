import { describe, expect, it } from 'vitest';
import {
  ajouterAnnees,
  creerSchemaQuestionnaire,
  ERREURS_QUESTIONNAIRE,
  estDateIso,
  type ReponsesQuestionnaireBrutes,
} from '../../../src/domain/questionnaire/schema';
import fr from '../../../src/i18n/fr/questionnaire';

const AUJOURDHUI = '2026-11-24';
const schema = creerSchemaQuestionnaire({ aujourdhui: AUJOURDHUI });

const semaine = [1, 2, 3, 4, 5].map((jour) => ({ jour, debut: '08:00', fin: '17:30' }));
const valide: ReponsesQuestionnaireBrutes = {
  enfant: { dateNaissance: '2026-06-10' },
  dateDebut: '2027-01-04',
  planning: semaine,
};

function erreurs(reponses: unknown): string[] {
  const r = schema.safeParse(reponses);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

function lire(cle: string): unknown {
  return cle
    .split('.')
    .slice(1)
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), fr);
}

describe('questionnaire schema', () => {
  it('a parent who gives a birth date, a start date and a weekly schedule passes, with defaults', () => {
    const r = schema.parse(valide);
    expect(r.urgence).toBe(false);
    expect(r.horairesVariables).toBe(false);
    expect(r.priorites).toEqual([]);
    expect(r.enfant).toEqual({ dateNaissance: '2026-06-10', handicap: false, aeeh: false });
    expect(r.foyer).toBeUndefined();
  });

  it('an expected birth works instead of a birth date', () => {
    expect(erreurs({ ...valide, enfant: { naissancePrevue: '2027-02-01' }, dateDebut: '2027-06-01' })).toEqual([]);
  });

  it('a start date in the past is refused with an i18n key', () => {
    expect(erreurs({ ...valide, dateDebut: '2026-11-23' })).toEqual(['questionnaire.erreur.dateDebutPassee']);
    expect(erreurs({ ...valide, dateDebut: AUJOURDHUI })).toEqual([]);
  });

  it('a start date more than 3 years away is refused', () => {
    expect(erreurs({ ...valide, dateDebut: '2029-12-01' })).toContain('questionnaire.erreur.dateDebutTropLointaine');
  });

  it('the birth must be given once: born or expected', () => {
    expect(erreurs({ ...valide, enfant: {} })).toEqual(['questionnaire.erreur.naissanceManquante']);
    expect(erreurs({ ...valide, enfant: { dateNaissance: '2026-06-10', naissancePrevue: '2027-01-01' } })).toContain('questionnaire.erreur.naissanceEnDouble');
    expect(erreurs({ ...valide, enfant: { dateNaissance: '2027-01-01' } })).toContain('questionnaire.erreur.dateNaissanceFuture');
    expect(erreurs({ ...valide, enfant: { naissancePrevue: '2026-10-01' } })).toContain('questionnaire.erreur.naissancePrevuePassee');
  });

  it('care cannot start before the expected birth', () => {
    expect(erreurs({ ...valide, enfant: { naissancePrevue: '2027-03-01' }, dateDebut: '2027-02-01' })).toContain(
      'questionnaire.erreur.dateDebutAvantNaissance',
    );
  });

  it('children of 12 or more are outside the questionnaire', () => {
    expect(erreurs({ ...valide, enfant: { dateNaissance: '2014-12-01' } })).toContain('questionnaire.erreur.enfantTropGrand');
  });

  it('times, days and slots are checked', () => {
    expect(erreurs({ ...valide, planning: [{ jour: 1, debut: '8h', fin: '17:00' }] })).toEqual(['questionnaire.erreur.heureInvalide']);
    expect(erreurs({ ...valide, planning: [{ jour: 8, debut: '08:00', fin: '17:00' }] })).toEqual(['questionnaire.erreur.jourInvalide']);
    expect(erreurs({ ...valide, planning: [{ jour: 1, debut: '08:00', fin: '08:00' }] })).toEqual(['questionnaire.erreur.creneauVide']);
    expect(erreurs({ ...valide, planning: [] })).toEqual(['questionnaire.erreur.planningVide']);
    // A night shift ends the next morning.
    expect(erreurs({ ...valide, planning: [{ jour: 5, debut: '21:00', fin: '06:00' }] })).toEqual([]);
  });

  it('priorities are known and given once each', () => {
    expect(erreurs({ ...valide, priorites: ['budget', 'budget'] })).toContain('questionnaire.erreur.prioritesEnDouble');
    expect(erreurs({ ...valide, priorites: ['luxe'] })).toEqual(['questionnaire.erreur.prioriteInconnue']);
    expect(schema.parse({ ...valide, priorites: ['souplesse', 'budget'] }).priorites).toEqual(['souplesse', 'budget']);
  });

  it('household answers are optional but consistent', () => {
    expect(schema.parse({ ...valide, foyer: { ressourcesMensuelles: 2500.5 } }).foyer).toEqual({
      ressourcesMensuelles: 2500.5,
      nombreEnfantsACharge: 1,
      enfantsAeeh: 0,
      parentIsole: false,
    });
    expect(erreurs({ ...valide, foyer: { ressourcesMensuelles: -1 } })).toEqual(['questionnaire.erreur.ressourcesInvalides']);
    expect(erreurs({ ...valide, foyer: { nombreEnfantsACharge: 1, enfantsAeeh: 2 } })).toEqual(['questionnaire.erreur.enfantsAeehTropNombreux']);
    expect(erreurs({ ...valide, foyer: { nombreEnfantsACharge: 0 } })).toEqual(['questionnaire.erreur.nombreEnfantsInvalide']);
    expect(erreurs({ ...valide, urgence: 'oui' })).toEqual(['questionnaire.erreur.booleenAttendu']);
  });

  it('dates that do not exist are refused', () => {
    expect(estDateIso('2026-02-29')).toBe(false);
    expect(estDateIso('2028-02-29')).toBe(true);
    expect(erreurs({ ...valide, dateDebut: '2027-02-30' })).toEqual(['questionnaire.erreur.dateInvalide']);
    expect(ajouterAnnees('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('every error key has a French sentence', () => {
    for (const cle of ERREURS_QUESTIONNAIRE) expect(typeof lire(cle), cle).toBe('string');
  });
});

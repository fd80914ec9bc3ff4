/**
 * The screens of /questionnaire as pure functions: what a parent types on
 * each screen, what they are told to fix, and what goes on to /demande.
 */
import { describe, expect, it } from 'vitest';
import {
  champsCaches,
  ETAPES,
  indexEtape,
  lireEtat,
  paramsDemande,
  validerEtape,
  validerTout,
  type EtatQuestionnaire,
} from '../../src/domain/questionnaire/etapes';

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
  prio: ['petit-groupe', 'budget'],
  ressources: 'r4',
  enfants: '2',
  isole: 'oui',
};
const etape = (id: string) => indexEtape(id);

describe('questionnaire screens', () => {
  it('reads only the known fields and keeps repeated ones as lists', () => {
    const e = lireEtat({ statut: 'ne', jours: ['1', '3', '3'], inconnu: 'x', prio: 'souplesse', naissance: '  2025-10-01 ' });
    expect(e).toEqual({ statut: 'ne', jours: ['1', '3'], prio: ['souplesse'], naissance: '2025-10-01' });
  });

  it('asks a parent who skipped the first screen to say whether the child is born, not twice', () => {
    expect(validerEtape({}, etape('enfant'), CTX)).toEqual({
      statut: 'questionnaire.erreur.statutManquant',
      naissance: 'questionnaire.erreur.naissanceManquante',
    });
    expect(validerEtape({ naissance: '2025-10-01' }, etape('enfant'), CTX)).toEqual({ statut: 'questionnaire.erreur.statutManquant' });
  });

  it('uses the domain rules across screens: a birth in the future, a start before the birth', () => {
    expect(validerEtape({ statut: 'ne', naissance: '2026-06-01' }, etape('enfant'), CTX)).toEqual({ naissance: 'questionnaire.erreur.dateNaissanceFuture' });
    expect(validerEtape({ statut: 'attendu', naissance: '2026-06-01' }, etape('enfant'), CTX)).toEqual({});
    expect(validerEtape({ statut: 'attendu', naissance: '2026-06-01', debut: '2026-04-01' }, etape('debut'), CTX)).toEqual({
      debut: 'questionnaire.erreur.dateDebutAvantNaissance',
    });
    expect(validerEtape({ statut: 'ne', naissance: '2025-10-01', debut: '2026-02-01' }, etape('debut'), CTX)).toEqual({
      debut: 'questionnaire.erreur.dateDebutPassee',
    });
  });

  it('needs at least one day and two valid times', () => {
    expect(validerEtape({ statut: 'ne', naissance: '2025-10-01', debut: '2026-05-04', de: '7h', a: '' }, etape('planning'), CTX)).toEqual({
      jours: 'questionnaire.erreur.planningVide',
      de: 'questionnaire.erreur.heureInvalide',
      a: 'questionnaire.erreur.heureInvalide',
    });
    expect(validerEtape({ ...COMPLET, de: '08:00', a: '08:00' }, etape('planning'), CTX)).toEqual({ a: 'questionnaire.erreur.creneauVide' });
  });

  it('accepts only communes of the territory', () => {
    expect(validerEtape({ ...COMPLET, commune: '75056' }, etape('commune'), CTX)).toEqual({ commune: 'questionnaire.erreur.communeInconnue' });
    expect(validerEtape({ ...COMPLET, commune: undefined }, etape('commune'), CTX)).toEqual({ commune: 'questionnaire.erreur.communeManquante' });
    expect(validerEtape({ ...COMPLET, travail: '62178' }, etape('commune'), CTX)).toEqual({});
  });

  it('leaves the household screen optional', () => {
    expect(validerEtape({ ...COMPLET, ressources: undefined, enfants: undefined, isole: undefined }, etape('foyer'), CTX)).toEqual({});
    expect(validerEtape({ ...COMPLET, ressources: 'r99' }, etape('foyer'), CTX)).toEqual({ ressources: 'questionnaire.erreur.ressourcesInvalides' });
  });

  it('turns every answer into the domain answers: first priority first, income from the middle of the bracket', () => {
    const r = validerTout(COMPLET, CTX);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.reponses.priorites).toEqual(['budget', 'petit-groupe']);
    expect(r.reponses.planning).toEqual([1, 2, 4].map((jour) => ({ jour, debut: '07:30', fin: '18:00' })));
    expect(r.reponses.foyer).toEqual({ ressourcesMensuelles: 2250, nombreEnfantsACharge: 2, enfantsAeeh: 0, parentIsole: true });
    expect(r.reponses.enfant).toEqual({ dateNaissance: '2025-10-01', handicap: false, aeeh: false });
    expect(r.reponses.urgence).toBe(true);
  });

  it('sends a tampered answer back to the screen where it was given', () => {
    const r = validerTout({ ...COMPLET, jours: ['9'] }, CTX);
    expect(r).toEqual({ ok: false, etape: etape('planning'), erreurs: { jours: 'questionnaire.erreur.jourInvalide' } });
  });

  it('carries the other screens in hidden fields, not the one on screen', () => {
    const caches = champsCaches(COMPLET, 'planning');
    const noms = new Set(caches.map(([n]) => n));
    for (const c of ETAPES.find((e) => e.id === 'planning')!.champs) expect(noms.has(c)).toBe(false);
    expect(caches).toContainEqual(['prio', 'petit-groupe']);
    expect(caches).toContainEqual(['ressources', 'r4']);
  });

  it('prefills the demande with the answers and the fitting modes, never with the household answers', () => {
    const p = paramsDemande({ ...COMPLET, handicap: 'oui' }, ['garde-a-domicile', 'creche', 'micro-creche', 'periscolaire', 'assistant-maternel'], true);
    expect(Object.fromEntries(p)).toEqual({
      commune: '62119',
      naissance: '2025-10-01',
      debut: '2026-05-04',
      modes: 'garde-a-domicile,collectif,assistant-maternel',
      jours: '1,2,4',
      de: '07:30',
      a: '18:00',
      atypique: '1',
      urgence: '1',
      handicap: '1',
    });
    expect(paramsDemande({ ...COMPLET, statut: 'attendu', naissance: '2026-06-01', urgence: 'non' }, [], false).toString()).toBe(
      'commune=62119&naissancePrevue=2026-06-01&debut=2026-05-04&jours=1%2C2%2C4&de=07%3A30&a=18%3A00',
    );
  });
});

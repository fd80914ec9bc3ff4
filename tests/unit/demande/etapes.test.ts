/** The /demande wizard's step rules, as a parent goes through the five steps. */
import { describe, expect, it } from 'vitest';
import {
  ajouterEnfant,
  champsCaches,
  etapeDepuis,
  lireAller,
  nombreEnfants,
  premiereEtapeEnErreur,
  retirerEnfant,
  transition,
} from '../../../src/domain/demande/etapes';
import type { FormulaireDemande } from '../../../src/domain/demande/schema';

const O = { aujourdhui: '2026-03-10', codesCommunes: ['62119', '62034'] };
const COMPLET: FormulaireDemande = {
  p1Prenom: 'Inès',
  p1Nom: 'Roux',
  email: 'ines@exemple.fr',
  canalPrefere: 'email',
  langueContact: 'fr',
  commune: '62119',
  nbEnfants: '1',
  e0Statut: 'ne',
  e0Naissance: '2025-10-01',
  dateDebut: '2026-09-01',
  j1: 'oui',
  j1De: '08:00',
  j1A: '18:00',
  mode1: 'collectif',
  consentementContact: 'oui',
};

describe('demande wizard: reading the buttons', () => {
  it('treats Enter (no button named) and anything unknown as Continue', () => {
    expect(lireAller(undefined)).toEqual({ type: 'suivant' });
    expect(lireAller('n-importe-quoi')).toEqual({ type: 'suivant' });
    expect(lireAller(['precedent', 'suivant'])).toEqual({ type: 'precedent' });
    expect(lireAller('etape-2')).toEqual({ type: 'etape', etape: 2 });
    expect(lireAller('retirer-enfant-1')).toEqual({ type: 'retirer-enfant', index: 1 });
    expect(lireAller('ajouter-enfant')).toEqual({ type: 'ajouter-enfant' });
    expect(lireAller('envoyer')).toEqual({ type: 'envoyer' });
  });

  it('clamps the step a post comes from', () => {
    expect(etapeDepuis('3')).toBe(3);
    expect(etapeDepuis('42')).toBe(4);
    expect(etapeDepuis('-1')).toBe(0);
    expect(etapeDepuis('abc')).toBe(0);
    expect(etapeDepuis(undefined)).toBe(0);
  });
});

describe('demande wizard: which step comes next', () => {
  it('moves on from each step only when that step is right, checking nothing of the later ones', () => {
    const vide = transition({}, 0, { type: 'suivant' }, O);
    expect(vide).toMatchObject({ type: 'afficher', etape: 0 });
    if (vide.type === 'afficher') expect(Object.keys(vide.erreurs).sort()).toEqual(['canalPrefere', 'commune', 'email', 'langueContact', 'p1Nom', 'p1Prenom']);
    for (let e = 0; e < 4; e++) {
      const r = transition(COMPLET, e, { type: 'suivant' }, O);
      expect(r).toEqual({ type: 'afficher', etape: e + 1, formulaire: COMPLET, erreurs: {} });
    }
    // Step 3 with no day checked stays on step 3 with its own error only.
    const r = transition({ ...COMPLET, j1: undefined, consentementContact: undefined }, 2, { type: 'suivant' }, O);
    expect(r).toMatchObject({ type: 'afficher', etape: 2, erreurs: { j1: 'demande.erreur.planningVide' } });
  });

  it('goes back without checking and never before the first step', () => {
    expect(transition({}, 3, { type: 'precedent' }, O)).toMatchObject({ etape: 2, erreurs: {} });
    expect(transition({}, 0, { type: 'precedent' }, O)).toMatchObject({ etape: 0, erreurs: {} });
  });

  it('lets the summary reopen an earlier step, never a later one', () => {
    expect(transition(COMPLET, 4, { type: 'etape', etape: 1 }, O)).toMatchObject({ etape: 1 });
    expect(transition(COMPLET, 1, { type: 'etape', etape: 4 }, O)).toMatchObject({ etape: 1 });
  });

  it('sends from the last step (button or Enter), or returns to the first step in error with its errors only', () => {
    expect(transition(COMPLET, 4, { type: 'envoyer' }, O).type).toBe('creer');
    expect(transition(COMPLET, 4, { type: 'suivant' }, O).type).toBe('creer');
    const r = transition({ ...COMPLET, e0Naissance: '2026-05-01', consentementContact: undefined }, 4, { type: 'envoyer' }, O);
    expect(r).toMatchObject({ type: 'afficher', etape: 1, erreurs: { e0Naissance: 'demande.erreur.naissanceFuture' } });
    const sansAccord = transition({ ...COMPLET, consentementContact: undefined }, 4, { type: 'envoyer' }, O);
    expect(sansAccord).toMatchObject({ type: 'afficher', etape: 4, erreurs: { consentementContact: 'demande.erreur.consentementContact' } });
  });

  it('does not send from an earlier step even if asked to', () => {
    expect(transition(COMPLET, 2, { type: 'envoyer' }, O)).toMatchObject({ type: 'afficher', etape: 3 });
  });

  it('finds the first step holding an error', () => {
    expect(premiereEtapeEnErreur({ mode1: 'demande.erreur.modeRequis', dateDebut: 'demande.erreur.debutPasse' })).toBe(2);
    expect(premiereEtapeEnErreur({})).toBe(-1);
  });
});

describe('demande wizard: children', () => {
  it('adds a born child up to four, staying on the step', () => {
    let f: FormulaireDemande = { nbEnfants: '1', e0Statut: 'attendu' };
    const r = transition(f, 1, { type: 'ajouter-enfant' }, O);
    expect(r).toMatchObject({ type: 'afficher', etape: 1, erreurs: {}, formulaire: { nbEnfants: '2', e1Statut: 'ne', e0Statut: 'attendu' } });
    for (let i = 0; i < 5; i++) f = ajouterEnfant(f);
    expect(nombreEnfants(f)).toBe(4);
  });

  it('removes one child, moving the next ones up, and never the last one', () => {
    const f: FormulaireDemande = { nbEnfants: '3', e0Prenom: 'A', e1Prenom: 'B', e2Prenom: 'C', e2Statut: 'attendu', e2Naissance: '2026-06-01' };
    const g = retirerEnfant(f, 1);
    expect(g).toEqual({ nbEnfants: '2', e0Prenom: 'A', e1Prenom: 'C', e1Statut: 'attendu', e1Naissance: '2026-06-01' });
    expect(retirerEnfant({ nbEnfants: '1', e0Prenom: 'A' }, 0)).toEqual({ nbEnfants: '1', e0Prenom: 'A' });
    expect(retirerEnfant(f, 7)).toBe(f);
  });

  it('reads a missing or absurd number of children as one, at most four', () => {
    expect(nombreEnfants({})).toBe(1);
    expect(nombreEnfants({ nbEnfants: '9' })).toBe(4);
    expect(nombreEnfants({ nbEnfants: 'x' })).toBe(1);
  });
});

describe('demande wizard: the answers that ride along', () => {
  const f: FormulaireDemande = { p1Prenom: 'Nadia', email: '', e0Statut: 'ne', e0Naissance: '2026-01-10', dateDebut: '2026-09-01', idempotencyKey: 'k' };
  it('hides the filled fields of the other steps, never the visible ones nor the empty ones', () => {
    expect(champsCaches(f, 'vous')).toEqual(['e0Statut', 'e0Naissance', 'dateDebut', 'idempotencyKey']);
    expect(champsCaches(f, 'besoin')).toEqual(['p1Prenom', 'e0Statut', 'e0Naissance', 'idempotencyKey']);
  });
  it('keeps every filled answer on the last step, whose fields are only the consents', () => {
    expect(champsCaches({ ...f, consentementContact: 'oui' }, 'envoi')).toEqual(['p1Prenom', 'e0Statut', 'e0Naissance', 'dateDebut', 'idempotencyKey']);
  });
});

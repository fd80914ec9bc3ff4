import { describe, expect, it } from 'vitest';
import { controlerRelais, sansSante, voitSante } from '../../../src/domain/donnees/consentement';
import { validerDemande, type FormulaireDemande } from '../../../src/domain/demande/schema';

const RELAIS = new Set(['62498', '62034']);
const d = { consentementPartage: true, relaisId: 'r1' };

describe('relaying a need to assistants maternels', () => {
  it('is refused when the family did not accept sharing', () => {
    const r = controlerRelais({ ...d, consentementPartage: false }, { communes: ['62498'], communesDuRelais: RELAIS, horsRelais: false, motif: null });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.erreurs.consentement).toMatch(/pas accepté/);
  });
  it('stays inside the relais unless staff tick "hors relais" and give a reason', () => {
    expect(controlerRelais(d, { communes: ['62498'], communesDuRelais: RELAIS, horsRelais: false, motif: null })).toEqual({ ok: true, horsRelais: [] });
    const dehors = controlerRelais(d, { communes: ['62498', '62119'], communesDuRelais: RELAIS, horsRelais: false, motif: null });
    expect(!dehors.ok && dehors.erreurs.communes).toMatch(/62119/);
    const sansMotif = controlerRelais(d, { communes: ['62119'], communesDuRelais: RELAIS, horsRelais: true, motif: 'car' });
    expect(!sansMotif.ok && sansMotif.erreurs.motifHorsRelais).toBeTruthy();
    expect(controlerRelais(d, { communes: ['62119'], communesDuRelais: RELAIS, horsRelais: true, motif: 'La famille travaille à Béthune' })).toEqual({
      ok: true,
      horsRelais: ['62119'],
    });
  });
});

describe('health details', () => {
  const dem = { relaisId: 'r1', handicapPrecisions: 'Suivi CAMSP', besoinsAccessibilite: 'Fauteuil' };
  it('are shown to staff of the relais only', () => {
    expect(voitSante({ role: 'animatrice', relaisId: 'r1' }, dem)).toBe(true);
    expect(voitSante({ role: 'animatrice', relaisId: 'r2' }, dem)).toBe(false);
    expect(voitSante({ role: 'admin', relaisId: null }, dem)).toBe(false);
    expect(voitSante({ role: 'commune', relaisId: 'r1' }, dem)).toBe(false);
    expect(sansSante({ role: 'admin', relaisId: null }, dem)).toEqual({ relaisId: 'r1', handicapPrecisions: null, besoinsAccessibilite: null });
    expect(sansSante({ role: 'animatrice', relaisId: 'r1' }, dem)).toBe(dem);
  });

  const f: FormulaireDemande = {
    p1Prenom: 'Nadia',
    p1Nom: 'Benali',
    email: 'nadia@exemple.fr',
    canalPrefere: 'email',
    langueContact: 'fr',
    commune: '62034',
    nbEnfants: '1',
    e0Statut: 'ne',
    e0Naissance: '2025-06-10',
    dateDebut: '2026-03-02',
    j1: 'oui',
    j1De: '08:00',
    j1A: '17:30',
    mode1: 'assistant-maternel',
    consentementContact: 'oui',
    handicap: 'oui',
    handicapPrecisions: 'Suivi CAMSP',
  };
  it('need their own consent box: details without it are refused next to the box', () => {
    const r = validerDemande(f, { aujourdhui: '2025-12-15' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.erreurs.consentementSante).toBe('demande.erreur.consentementSante');
  });
  it('are stored with the consent, and never without it', () => {
    const avec = validerDemande({ ...f, consentementSante: 'oui' }, { aujourdhui: '2025-12-15' });
    expect(avec.ok && avec.donnees.handicapPrecisions).toBe('Suivi CAMSP');
    expect(avec.ok && avec.donnees.consentementSante).toBe(true);
    const sansDetails = validerDemande({ ...f, handicapPrecisions: undefined }, { aujourdhui: '2025-12-15' });
    expect(sansDetails.ok && sansDetails.donnees.handicapPrecisions).toBeNull();
    expect(sansDetails.ok && sansDetails.donnees.handicap).toBe(true);
  });
});

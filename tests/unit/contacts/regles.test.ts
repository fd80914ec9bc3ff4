import { describe, expect, it } from 'vitest';
import {
  MOTIFS_CONTACT_FAMILLE,
  MOTIFS_CONTACT_PRO,
  compteCommePremierContact,
  libelleMotif,
  motifValide,
  placesLibresDepuis,
} from '../../../src/domain/contacts/regles';

describe('which contact is the first contact', () => {
  it('only a family actually reached stops the clock', () => {
    expect(compteCommePremierContact({ public: 'famille', issue: 'joint' })).toBe(true);
    expect(compteCommePremierContact({ public: 'famille', issue: 'rdv-fixe' })).toBe(true);
    expect(compteCommePremierContact({ public: 'famille', issue: 'injoignable' })).toBe(false);
    expect(compteCommePremierContact({ public: 'famille', issue: 'message-laisse' })).toBe(false);
    expect(compteCommePremierContact({ public: 'famille', issue: 'autre' })).toBe(false);
    expect(compteCommePremierContact({ public: 'famille', issue: null })).toBe(false);
  });
  it('a contact with a professional is never a family’s first contact', () => {
    expect(compteCommePremierContact({ public: 'assistant-maternel', issue: 'joint' })).toBe(false);
  });
});

describe('motifs', () => {
  it('each public has its own closed list (CAF report)', () => {
    expect(MOTIFS_CONTACT_FAMILLE).toContain('role-employeur');
    expect(MOTIFS_CONTACT_PRO).toEqual(['agrement', 'contrat-droits', 'remuneration', 'formation', 'sous-activite', 'recherche-parents-employeurs', 'autre']);
    expect(motifValide('famille', 'recherche-mode-accueil')).toBe(true);
    expect(motifValide('famille', 'agrement')).toBe(false);
    expect(motifValide('candidat', 'agrement')).toBe(true);
    expect(motifValide('garde-a-domicile', 'parentalite')).toBe(false);
    expect(libelleMotif('assistant-maternel', 'sous-activite')).toBe('Sous-activité');
    expect(libelleMotif('famille', null)).toBe('Motif non renseigné');
  });
});

describe('free places since when', () => {
  const j = (s: string) => new Date(`${s}T10:00:00Z`);
  it('is the start of the latest unbroken run of declared free places', () => {
    expect(
      placesLibresDepuis([
        { le: j('2026-01-10'), statut: 'places' },
        { le: j('2026-02-01'), statut: 'complet' },
        { le: j('2026-04-01'), statut: 'places' },
        { le: j('2026-05-01'), statut: 'places' },
      ]),
    ).toEqual(j('2026-04-01'));
  });
  it('is null when the latest declaration is not free places, and ignores the order given', () => {
    expect(
      placesLibresDepuis([
        { le: j('2026-05-01'), statut: 'complet' },
        { le: j('2026-01-01'), statut: 'places' },
      ]),
    ).toBeNull();
    expect(
      placesLibresDepuis([
        { le: j('2026-05-01'), statut: 'places' },
        { le: j('2026-01-01'), statut: 'places' },
      ]),
    ).toEqual(j('2026-01-01'));
    expect(placesLibresDepuis([])).toBeNull();
  });
});

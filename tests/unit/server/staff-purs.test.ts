import { describe, expect, it } from 'vitest';
import { retourApresConnexion } from '../../../src/server/staff/connexion';
import { nombre } from '../../../src/server/staff/pluriel';
import { lignesDuFormulaire } from '../../../src/server/pro/ecran';
import type { StructurePro } from '../../../src/server/disponibilite/mise-a-jour';

describe('small rules of the staff and AM screens', () => {
  it('after sign-in, follows only a back-office path', () => {
    expect(retourApresConnexion('/admin/demandes?etat=nouvelle')).toBe('/admin/demandes?etat=nouvelle');
    expect(retourApresConnexion('/admin')).toBe('/admin');
    for (const r of [null, '', 'https://ailleurs.exemple/admin', '//ailleurs.exemple/admin', '/administrateur', '/suivi/x'])
      expect(retourApresConnexion(r), String(r)).toBe('/admin');
  });

  it('counts in French with Intl.PluralRules: 0 and 1 are singular', () => {
    expect(nombre(0, 'relance envoyée', 'relances envoyées')).toBe('0 relance envoyée');
    expect(nombre(1, 'place', 'places')).toBe('1 place');
    expect(nombre(2, 'place', 'places')).toBe('2 places');
  });

  it('the places form shows back what was typed, or the places on record plus one empty row for an AM', () => {
    const am = {
      type: 'assistant-maternel',
      capacite: 3,
      places: [
        {
          trancheAge: 'bebe',
          nombre: 1,
          aPartirDu: '2026-04-01',
          jours: [1, 2],
          heureDebut: '08:00',
          heureFin: '17:00',
          horairesAtypiques: { tot: true },
          urgence: false,
          periscolaire: false,
        },
      ],
    } as unknown as StructurePro;
    const enregistrees = lignesDuFormulaire(am, null);
    expect(enregistrees).toHaveLength(2);
    expect(enregistrees[0]).toMatchObject({ tranche: 'bebe', date: '2026-04-01', jours: ['1', '2'], atypiques: ['tot'] });
    expect(enregistrees[1]).toMatchObject({ tranche: '', date: '' });
    const saisies = lignesDuFormulaire(am, { p0_tranche: 'grand', p0_date: '2026-05-02', p0_jours: ['3', '4'], p0_urgence: 'oui' });
    expect(saisies).toEqual([
      { tranche: 'grand', nombre: '1', date: '2026-05-02', jours: ['3', '4'], debut: '', fin: '', atypiques: [], urgence: true, periscolaire: false },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { lignesComparaison, type FicheComparee } from '../../../src/domain/demande/comparaison';

const base: FicheComparee = {
  reference: 'D-2026-00012',
  etat: 'nouvelle',
  creeLe: new Date('2026-03-02T09:15:00Z'),
  parents: [{ prenom: 'Awa', nom: 'Diallo' }],
  email: 'awa@exemple.fr',
  telephone: '06 12 34 56 78',
  communeNom: 'Béthune',
  communeHorsTerritoire: null,
  enfants: [{ prenom: 'Lina', dateNaissance: '2025-11-03', naissancePrevue: null }],
  dateDebut: '2026-09-01',
  modesSouhaites: ['assistant-maternel'],
  urgence: false,
  premierContactLe: null,
};

describe('two demandes side by side', () => {
  it('reads each field as staff do and marks the lines that differ', () => {
    const autre: FicheComparee = {
      ...base,
      reference: 'D-2026-00003',
      creeLe: new Date('2026-02-10T14:00:00Z'),
      enfants: [{ prenom: null, dateNaissance: null, naissancePrevue: '2026-05-20' }],
      premierContactLe: new Date('2026-02-11T08:30:00Z'),
    };
    const lignes = lignesComparaison(base, autre);
    const ligne = (l: string) => lignes.find((x) => x.libelle === l)!;
    expect(lignes.map((l) => l.libelle)).toEqual([
      'Référence',
      'État',
      'Déposée le',
      'Parents',
      'Courriel',
      'Téléphone',
      'Commune',
      'Enfants',
      'Début souhaité',
      'Modes souhaités',
      'Urgent',
      'Premier contact',
    ]);
    expect(ligne('Déposée le')).toEqual({ libelle: 'Déposée le', nouvelle: '02/03/2026 à 10:15', originale: '10/02/2026 à 15:00', differe: true });
    expect(ligne('Enfants')).toMatchObject({ nouvelle: 'Lina (né le 03/11/2025)', originale: 'enfant (attendu le 20/05/2026)', differe: true });
    expect(ligne('Premier contact')).toMatchObject({ nouvelle: 'aucun', originale: '11/02/2026 à 09:30' });
    expect(ligne('Courriel')).toMatchObject({ nouvelle: 'awa@exemple.fr', differe: false });
    expect(lignes.filter((l) => l.differe).map((l) => l.libelle)).toEqual(['Référence', 'Déposée le', 'Enfants', 'Premier contact']);
  });

  it('shows a dash for what is missing and the commune outside the territory', () => {
    const vide: FicheComparee = {
      ...base,
      parents: [],
      email: null,
      communeNom: null,
      communeHorsTerritoire: 'Lille',
      enfants: [],
      modesSouhaites: [],
      urgence: true,
    };
    const l = Object.fromEntries(lignesComparaison(vide, base).map((x) => [x.libelle, x.nouvelle]));
    expect(l).toMatchObject({ Parents: '—', Courriel: '—', Commune: 'Lille', Enfants: '—', 'Modes souhaités': '—', Urgent: 'oui' });
  });
});

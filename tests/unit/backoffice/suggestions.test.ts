import { describe, expect, it } from 'vitest';
import { suggerer, type LieuCandidat, type DemandePourSuggestions } from '../../../src/domain/demande/suggestions';
import type { CommuneCentre } from '../../../src/domain/relance/alternatives';

const MAINTENANT = new Date('2026-03-02T09:00:00Z');
const JOUR = 86_400_000;
const communes: CommuneCentre[] = [
  { code: '62001', nom: 'Ici', lon: 2.6, lat: 50.6 },
  { code: '62002', nom: 'Voisine', lon: 2.65, lat: 50.6 }, // ~3.5 km
  { code: '62003', nom: 'Loin', lon: 3.2, lat: 50.6 }, // ~42 km
];
const semaine = [1, 2, 3, 4, 5].map((jour) => ({ jour, debut: '07:30', fin: '18:30' }));
const lieu = (o: Partial<LieuCandidat>): LieuCandidat => ({
  id: o.nom ?? 'x',
  nom: 'x',
  type: 'assistant-maternel',
  communeCode: '62001',
  ageMinMois: 0,
  ageMaxMois: 72,
  horaires: semaine,
  horairesAtypiques: {},
  accueilUrgence: false,
  handicapAccueilli: false,
  dispoStatut: 'places',
  dispoConfirmeeLe: new Date(MAINTENANT.getTime() - 5 * JOUR),
  places: [{ aPartirDu: '2026-03-01', jours: null, nombre: 1 }],
  ...o,
});
const demande: DemandePourSuggestions = {
  communeCode: '62001',
  communesAcceptees: [],
  dateDebut: '2026-04-01',
  ageMoisAuDebut: 10,
  planning: [1, 2, 4, 5].map((jour) => ({ jour, debut: '08:00', fin: '17:00' })),
  horairesAtypiques: false,
  urgence: false,
  handicap: false,
  periscolaire: false,
  modesSouhaites: ['assistant-maternel', 'collectif'],
};
const opts = { maintenant: MAINTENANT, seuilFraicheurJours: 60 };

describe('suggestions of places for a demande', () => {
  it('leaves out places that cannot fit: age, distance, mode not wished, full', () => {
    const s = suggerer(
      demande,
      [
        lieu({ nom: 'Trop petits', ageMaxMois: 6 }),
        lieu({ nom: 'Trop loin', communeCode: '62003' }),
        lieu({ nom: 'Garde à domicile', type: 'garde-a-domicile' }),
        lieu({ nom: 'Complète', dispoStatut: 'complet' }),
        lieu({ nom: 'Bonne' }),
      ],
      communes,
      opts,
    );
    expect(s.map((x) => x.lieu.nom)).toEqual(['Bonne']);
  });

  it('ranks a fresh free place before a stale one, and the same commune before a neighbour', () => {
    const s = suggerer(
      demande,
      [
        lieu({ nom: 'Ancienne dispo', dispoConfirmeeLe: new Date(MAINTENANT.getTime() - 200 * JOUR) }),
        lieu({ nom: 'Voisine fraîche', communeCode: '62002' }),
        lieu({ nom: 'Ici fraîche' }),
        lieu({ nom: 'Inconnue', dispoStatut: 'inconnu', dispoConfirmeeLe: null, places: [] }),
      ],
      communes,
      opts,
    );
    expect(s.map((x) => x.lieu.nom)).toEqual(['Ici fraîche', 'Voisine fraîche', 'Ancienne dispo', 'Inconnue']);
    expect(s[0]!.disponibleAuDebut).toBe(true);
    expect(s[1]!.km).toBeGreaterThan(2);
    expect(s[2]!.dispo).toBe('a-confirmer');
  });

  it('prefers the first mode wished and the places open on the days asked', () => {
    const s = suggerer(
      demande,
      [
        lieu({ nom: 'Crèche', type: 'creche' }),
        lieu({ nom: 'AM fermée le jeudi', horaires: semaine.filter((h) => h.jour !== 4) }),
        lieu({ nom: 'AM tous les jours' }),
      ],
      communes,
      opts,
    );
    expect(s[0]!.lieu.nom).toBe('AM tous les jours');
    expect(s.find((x) => x.lieu.nom === 'AM fermée le jeudi')!.raisons).toContain('Couvre 3 jour(s) sur 4');
  });

  it('an atypical need favours places that accept early hours; a place free only later ranks lower', () => {
    const tot = { ...demande, horairesAtypiques: true, planning: [1, 2, 3].map((jour) => ({ jour, debut: '05:30', fin: '13:00' })) };
    const s = suggerer(
      tot,
      [
        lieu({ nom: 'Sans atypique' }),
        lieu({ nom: 'Tôt le matin', horairesAtypiques: { tot: true } }),
        lieu({ nom: 'Tôt mais plus tard', horairesAtypiques: { tot: true }, places: [{ aPartirDu: '2026-09-01', jours: null, nombre: 1 }] }),
      ],
      communes,
      opts,
    );
    expect(s.map((x) => x.lieu.nom)).toEqual(['Tôt le matin', 'Tôt mais plus tard', 'Sans atypique']);
  });

  it('a commune the family accepts (e.g. near work) counts as its own', () => {
    const s = suggerer({ ...demande, communeCode: '62003', communesAcceptees: ['62001'] }, [lieu({ nom: 'Près du travail' })], communes, opts);
    expect(s[0]).toMatchObject({ km: 0, raisons: expect.arrayContaining(['Dans une commune acceptée par la famille']) });
  });
});

import { describe, expect, it } from 'vitest';
import { vueFicheLieu } from '../../../src/domain/offre/fiche-lieu';
import { nombreDeFiltres } from '../../../src/server/offre/page-carte';
import { FILTRES_VIDES } from '../../../src/domain/offre/filtres';
import type { ResultatOffre } from '../../../src/domain/offre/recherche';
import { useT } from '../../../src/i18n';

const lieu: ResultatOffre = {
  id: '6d7b1d35-c561-47a8-85c9-dd1d8ab43317',
  type: 'creche',
  nom: null,
  commune: { code: '62119', nom: 'Béthune' },
  adresse: null,
  position: { lat: 50.53, lon: 2.64, precision: 'exacte' },
  capacite: 30,
  ages: { minMois: 3, maxMois: 48, groupes: ['bebe', 'marcheur', 'grand'] },
  horaires: [],
  horairesAtypiques: { tot: true, tard: false, weekend: true },
  accueilUrgence: false,
  handicapAccueilli: false,
  financement: 'psu',
  gestionnaire: null,
  contact: { telephone: null, email: null, siteWeb: null },
  disponibilite: {
    etat: 'disponible',
    confirmeeLe: '2026-12-01',
    joursDepuisConfirmation: 0,
    disponibleDepuis: '2026-12-20',
    places: [
      { groupeAge: 'bebe', nombre: 1, aPartirDu: '2026-12-20', jours: null, heureDebut: null, heureFin: null, urgence: false },
      { groupeAge: 'bebe', nombre: 1, aPartirDu: '2027-01-04', jours: null, heureDebut: null, heureFin: null, urgence: false },
    ],
  },
  distanceKm: 1.5,
};
const maintenant = new Date('2026-12-06T10:00:00Z');

describe('the card of a place, in the page language', () => {
  it('names, ages, distance, hours and the demande link, in French', () => {
    const v = vueFicheLieu(lieu, 30, { t: useT('fr'), lang: 'fr', htmlLang: 'fr', maintenant, demandePath: '/demande' });
    expect(v.nom).toBe(useT('fr')('carte.lieu.sansNom'));
    expect(v.distance).toContain('1,5');
    expect(v.ages).toContain('4');
    expect(v.atypiques).toHaveLength(2);
    expect(v.groupesLibres.split(', ')).toHaveLength(1);
    expect(v.demande).toBe('/demande?structure=6d7b1d35-c561-47a8-85c9-dd1d8ab43317&commune=62119');
    expect(v.aContact).toBe(false);
    expect(v.texteDisponible).toContain('20 décembre 2026');
    expect(v.confirmation).toBe(useT('fr')('carte.lieu.confirmeAujourdhui'));
    expect(v.aConfirmer).toBeNull();
  });

  it('in Arabic, with an absolute link for the widget and a place to confirm', () => {
    const aConfirmer = { ...lieu, nom: 'Les Lucioles', disponibilite: { ...lieu.disponibilite, etat: 'a-confirmer' as const, joursDepuisConfirmation: 40 } };
    const v = vueFicheLieu(aConfirmer, 30, {
      t: useT('ar'),
      lang: 'ar',
      htmlLang: 'ar',
      maintenant,
      demandePath: '/ar/demande',
      base: 'https://guichet.example',
    });
    expect(v.nom).toBe('Les Lucioles');
    expect(v.demande).toMatch(/^https:\/\/guichet\.example\/ar\/demande\?structure=/);
    expect(v.aConfirmer).toContain('30');
    expect(v.confirmation).toContain('40');
  });
});

describe('filters chosen on /carte', () => {
  it('counts every chosen filter once', () => {
    expect(nombreDeFiltres({ ...FILTRES_VIDES, types: [], horaires: [] })).toBe(0);
    expect(nombreDeFiltres({ ...FILTRES_VIDES, types: ['creche', 'mam'], horaires: ['tot'], dispo: 'maintenant', urgence: true, lieu: 'Béthune' })).toBe(6);
  });
});

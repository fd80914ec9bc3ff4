import { describe, expect, it } from 'vitest';
import { filtresEnParams, groupeAgeDe, groupesAccueillis, lireFiltres, triEffectif } from '../../../src/domain/offre/filtres';

const lire = (q: string) => lireFiltres(new URLSearchParams(q));

describe('offer filters in the URL', () => {
  it('reads every filter a parent can set', () => {
    const { filtres, erreurs } = lire(
      'type=creche&type=assistant-maternel&dispo=maintenant&age=bebe&horaires=tot&horaires=weekend&urgence=1&handicap=on&lieu=62400&rayon=10&tri=distance&page=2',
    );
    expect(erreurs).toEqual({});
    expect(filtres).toEqual({
      types: ['creche', 'assistant-maternel'],
      dispo: 'maintenant',
      le: null,
      age: 'bebe',
      horaires: ['tot', 'weekend'],
      urgence: true,
      handicap: true,
      lieu: '62400',
      rayon: 10,
      tri: 'distance',
      page: 2,
    });
  });

  it('accepts comma-separated types (embed snippet) and the commune alias', () => {
    const { filtres } = lire('type=mam,micro-creche&commune=62516');
    expect(filtres.types).toEqual(['mam', 'micro-creche']);
    expect(filtres.lieu).toBe('62516');
  });

  it('drops invalid values and says which field was wrong', () => {
    const { filtres, erreurs } = lire('type=chateau&age=ado&dispo=date&le=2026-02-30&rayon=-3&page=0&tri=hasard');
    expect(filtres.types).toEqual([]);
    expect(filtres.age).toBeNull();
    expect(filtres.dispo).toBeNull();
    expect(filtres.rayon).toBe(0);
    expect(filtres.page).toBe(1);
    expect(Object.keys(erreurs).sort()).toEqual(['age', 'le', 'page', 'rayon', 'tri', 'types']);
  });

  it('asks for a date when "available from a date" is chosen without one', () => {
    const { filtres, erreurs } = lire('dispo=date');
    expect(erreurs.le).toBe('carte.erreurs.dateRequise');
    expect(filtres.dispo).toBeNull();
  });

  it('round-trips through the query string, leaving defaults out', () => {
    const q = 'type=mam&dispo=date&le=2026-09-01&age=marcheur&lieu=Lillers&rayon=5&tri=fraicheur&page=3';
    const { filtres } = lire(q);
    expect(lireFiltres(filtresEnParams(filtres)).filtres).toEqual(filtres);
    expect(filtresEnParams(filtres, ['page']).has('page')).toBe(false);
    expect(filtresEnParams(lire('').filtres).toString()).toBe('');
  });

  it('sorts by distance only when there is a commune centre', () => {
    expect(triEffectif(lire('').filtres, false)).toBe('fraicheur');
    expect(triEffectif(lire('tri=distance').filtres, false)).toBe('fraicheur');
    expect(triEffectif(lire('lieu=x').filtres, true)).toBe('distance');
    expect(triEffectif(lire('tri=fraicheur').filtres, true)).toBe('fraicheur');
  });
});

describe('child age groups', () => {
  it('puts the boundaries at 18 and 36 months', () => {
    expect(groupeAgeDe(0)).toBe('bebe');
    expect(groupeAgeDe(17)).toBe('bebe');
    expect(groupeAgeDe(18)).toBe('marcheur');
    expect(groupeAgeDe(35)).toBe('marcheur');
    expect(groupeAgeDe(36)).toBe('grand');
  });
  it('derives the groups a structure welcomes from its age range', () => {
    expect(groupesAccueillis(3, 36)).toEqual(['bebe', 'marcheur', 'grand']);
    expect(groupesAccueillis(3, 35)).toEqual(['bebe', 'marcheur']);
    expect(groupesAccueillis(36, 144)).toEqual(['grand']);
    expect(groupesAccueillis(0, 17)).toEqual(['bebe']);
  });
});

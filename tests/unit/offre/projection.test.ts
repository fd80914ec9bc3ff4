import { describe, expect, it } from 'vitest';
import { projectionPublique, type StructureSource, type PlaceSource } from '../../../src/domain/offre/projection';

const maintenant = new Date('2026-03-02T09:00:00Z');
const jours = (n: number) => new Date(maintenant.getTime() - n * 86_400_000);
const commune = { code: '62516', nom: 'Lillers', centreLat: 50.56, centreLon: 2.48 };

function am(x: Partial<StructureSource> = {}): StructureSource {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    type: 'assistant-maternel',
    nom: 'Nadia P.',
    communeCode: '62516',
    adresse: '12 rue des Écoles',
    lat: 50.5612345,
    lon: 2.4812345,
    positionPublique: 'floue',
    latPublique: 50.56,
    lonPublique: 2.475,
    capacite: 4,
    ageMinMois: 0,
    ageMaxMois: 72,
    horaires: [{ jour: 1, debut: '07:30', fin: '18:30' }],
    horairesAtypiques: {},
    accueilUrgence: false,
    handicapAccueilli: true,
    financement: null,
    gestionnaire: null,
    telephone: '06 11 22 33 44',
    email: 'nadia@exemple.fr',
    siteWeb: 'https://perso.exemple.fr',
    publication: { prenom: true, telephone: true, email: false, adresse: false },
    dispoStatut: 'places',
    dispoConfirmeeLe: jours(12),
    ...x,
  };
}
const place = (x: Partial<PlaceSource> = {}): PlaceSource => ({
  trancheAge: 'bebe',
  nombre: 1,
  aPartirDu: '2026-02-20',
  jours: null,
  heureDebut: null,
  heureFin: null,
  horairesAtypiques: {},
  urgence: false,
  ...x,
});
const o = { maintenant, seuilJours: 60 };

describe('public projection of an assistant maternel', () => {
  it('shows only what she agreed to publish', () => {
    const p = projectionPublique({ ...am(), nomFamille: 'Pommedapi', agrement: 'AGR-1' } as StructureSource, [place()], commune, o);
    const json = JSON.stringify(p);
    expect(p.nom).toBe('Nadia P.');
    expect(p.contact).toEqual({ telephone: '06 11 22 33 44', email: null, siteWeb: null });
    expect(p.adresse).toBeNull();
    for (const prive of ['Pommedapi', 'AGR-1', 'nadia@exemple.fr', '12 rue des', '50.5612345', '2.4812345', 'perso.exemple']) expect(json).not.toContain(prive);
    expect(Object.keys(p)).not.toEqual(expect.arrayContaining(['lat']));
  });

  it('never places her at home unless she opted in', () => {
    expect(projectionPublique(am(), [], commune, o).position).toEqual({ lat: 50.56, lon: 2.475, precision: 'floue' });
    // Inconsistent data: a "blurred" point equal to the home falls back to the commune centre.
    const fuite = projectionPublique(am({ latPublique: 50.5612345, lonPublique: 2.4812345 }), [], commune, o);
    expect(fuite.position).toEqual({ lat: 50.56, lon: 2.48, precision: 'commune' });
    const exacte = projectionPublique(
      am({ positionPublique: 'exacte', latPublique: 50.5612345, lonPublique: 2.4812345, publication: { adresse: true } }),
      [],
      commune,
      o,
    );
    expect(exacte.position.precision).toBe('exacte');
    expect(exacte.adresse).toBe('12 rue des Écoles');
    expect(exacte.nom).toBeNull();
  });

  it('keeps a structure’s contact details and manager', () => {
    const p = projectionPublique(am({ type: 'creche', nom: 'Multi-accueil Les Lucioles', gestionnaire: 'CA', publication: {} }), [], commune, o);
    expect(p.nom).toBe('Multi-accueil Les Lucioles');
    expect(p.contact.email).toBe('nadia@exemple.fr');
    expect(p.adresse).toBe('12 rue des Écoles');
    expect(p.gestionnaire).toBe('CA');
  });
});

describe('availability shown with its freshness', () => {
  it('shows fresh places with their dates, earliest first', () => {
    const p = projectionPublique(am(), [place({ aPartirDu: '2026-04-01', trancheAge: 'periscolaire' }), place()], commune, o);
    expect(p.disponibilite).toMatchObject({ etat: 'disponible', joursDepuisConfirmation: 12, confirmeeLe: '2026-02-18', disponibleDepuis: '2026-02-20' });
    expect(p.disponibilite.places.map((x) => x.groupeAge)).toEqual(['bebe', 'grand']);
  });

  it('says "à confirmer" after the threshold and hides the places', () => {
    const p = projectionPublique(am({ dispoConfirmeeLe: jours(61) }), [place()], commune, o);
    expect(p.disponibilite.etat).toBe('a-confirmer');
    expect(p.disponibilite.places).toEqual([]);
    expect(p.disponibilite.disponibleDepuis).toBeNull();
    expect(projectionPublique(am({ dispoConfirmeeLe: jours(61) }), [place()], commune, { maintenant, seuilJours: 90 }).disponibilite.etat).toBe('disponible');
  });

  it('dates the confirmation in Paris time', () => {
    const p = projectionPublique(am({ dispoConfirmeeLe: new Date('2026-02-28T23:30:00Z') }), [], commune, o);
    expect(p.disponibilite.confirmeeLe).toBe('2026-03-01');
  });

  it('counts an urgent or atypical free place in the structure’s flags only while fresh', () => {
    const pl = place({ urgence: true, horairesAtypiques: { tard: true } });
    const frais = projectionPublique(am(), [pl], commune, o);
    expect(frais.accueilUrgence).toBe(true);
    expect(frais.horairesAtypiques.tard).toBe(true);
    const vieux = projectionPublique(am({ dispoConfirmeeLe: jours(100) }), [pl], commune, o);
    expect(vieux.accueilUrgence).toBe(false);
    expect(vieux.horairesAtypiques.tard).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { lireFiltres } from '../../../src/domain/offre/filtres';
import { projectionPublique, type StructureSource, type PlaceSource } from '../../../src/domain/offre/projection';
import { distanceKm, paginer, rechercher, resoudreLieu } from '../../../src/domain/offre/recherche';

const maintenant = new Date('2026-03-02T09:00:00Z');
const il_y_a = (n: number) => new Date(maintenant.getTime() - n * 86_400_000);
const LILLERS = { code: '62516', nom: 'Lillers', centreLat: 50.5614, centreLon: 2.4826, codesPostaux: ['62190'], population: 10000 };
const BETHUNE = { code: '62119', nom: 'Béthune', centreLat: 50.5303, centreLon: 2.6408, codesPostaux: ['62400'], population: 25000 };
const ANNEZIN = { code: '62032', nom: 'Annezin', centreLat: 50.5323, centreLon: 2.6186, codesPostaux: ['62232'], population: 5000 };
const VERQUIN = { code: '62846', nom: 'Verquin', centreLat: 50.5, centreLon: 2.64, codesPostaux: ['62131'], population: 3000 };
const COMMUNES = [LILLERS, BETHUNE, ANNEZIN, VERQUIN];

let n = 0;
function offre(commune: typeof LILLERS, x: Partial<StructureSource> = {}, places: Partial<PlaceSource>[] = []) {
  const s: StructureSource = {
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    type: 'creche',
    nom: `Lieu ${n}`,
    communeCode: commune.code,
    adresse: null,
    lat: commune.centreLat,
    lon: commune.centreLon,
    positionPublique: 'exacte',
    latPublique: commune.centreLat,
    lonPublique: commune.centreLon,
    capacite: 20,
    ageMinMois: 2,
    ageMaxMois: 48,
    horaires: [],
    horairesAtypiques: {},
    accueilUrgence: false,
    handicapAccueilli: false,
    financement: 'psu',
    gestionnaire: null,
    telephone: null,
    email: null,
    siteWeb: null,
    publication: {},
    dispoStatut: 'complet',
    dispoConfirmeeLe: il_y_a(5),
    ...x,
  };
  return projectionPublique(
    s,
    places.map((p) => ({
      trancheAge: 'bebe',
      nombre: 1,
      aPartirDu: '2026-03-01',
      jours: null,
      heureDebut: null,
      heureFin: null,
      horairesAtypiques: {},
      urgence: false,
      ...p,
    })),
    commune,
    { maintenant, seuilJours: 60 },
  );
}

const bebeLibreLillers = offre(LILLERS, { nom: 'Bébé libre Lillers', dispoStatut: 'places', dispoConfirmeeLe: il_y_a(3) }, [{ trancheAge: 'bebe' }]);
const marcheurLibreLillers = offre(LILLERS, { nom: 'Marcheur libre Lillers', dispoStatut: 'places', dispoConfirmeeLe: il_y_a(10) }, [
  { trancheAge: 'marcheur' },
]);
const bebePlusTard = offre(LILLERS, { nom: 'Bébé en septembre', dispoStatut: 'places', dispoConfirmeeLe: il_y_a(1) }, [
  { trancheAge: 'bebe', aPartirDu: '2026-09-01' },
]);
const perimee = offre(LILLERS, { nom: 'Périmée', dispoStatut: 'places', dispoConfirmeeLe: il_y_a(90) }, [{ trancheAge: 'bebe' }]);
const completBethune = offre(BETHUNE, { nom: 'Complet Béthune', type: 'micro-creche', handicapAccueilli: true, horairesAtypiques: { tot: true } });
const amAnnezin = offre(ANNEZIN, {
  nom: 'AM Annezin',
  type: 'assistant-maternel',
  accueilUrgence: true,
  dispoStatut: 'inconnu',
  dispoConfirmeeLe: null,
  publication: { prenom: true },
});
const periscolaire = offre(VERQUIN, { nom: 'Périscolaire', type: 'periscolaire', ageMinMois: 36, ageMaxMois: 144 });
const TOUTES = [bebeLibreLillers, marcheurLibreLillers, bebePlusTard, perimee, completBethune, amAnnezin, periscolaire];

const chercher = (q: string) => {
  const { filtres } = lireFiltres(new URLSearchParams(q));
  const communes = filtres.lieu ? resoudreLieu(filtres.lieu, COMMUNES) : [];
  return rechercher(TOUTES, filtres, { maintenant, communes });
};
const noms = (q: string) => chercher(q).resultats.map((r) => r.nom);

describe('searching the offer', () => {
  it('a parent looking for a baby place available now in Lillers finds only fresh, matching places', () => {
    expect(noms('dispo=maintenant&age=bebe&lieu=Lillers')).toEqual(['Bébé libre Lillers']);
  });

  it('"available from a date" includes places opening by that day', () => {
    expect(noms('dispo=date&le=2026-09-01&age=bebe&tri=fraicheur')).toEqual(['Bébé en septembre', 'Bébé libre Lillers']);
  });

  it('does not count availability older than the threshold', () => {
    expect(noms('dispo=maintenant')).not.toContain('Périmée');
    expect(noms('')).toContain('Périmée');
  });

  it('filters by age range without an availability filter', () => {
    expect(noms('age=grand')).toEqual(expect.arrayContaining(['Périscolaire', 'Complet Béthune']));
    expect(noms('age=bebe')).not.toContain('Périscolaire');
  });

  it('filters by type, atypical hours, urgence and handicap', () => {
    expect(noms('type=micro-creche,periscolaire')).toEqual(expect.arrayContaining(['Complet Béthune', 'Périscolaire']));
    expect(noms('type=micro-creche,periscolaire')).toHaveLength(2);
    expect(noms('horaires=tot')).toEqual(['Complet Béthune']);
    expect(noms('urgence=1')).toEqual(['AM Annezin']);
    expect(noms('handicap=1')).toEqual(['Complet Béthune']);
  });

  it('finds by postal code and by radius around the commune centre, nearest first', () => {
    expect(noms('lieu=62400')).toEqual(['Complet Béthune']);
    const r = chercher('lieu=Béthune&rayon=5').resultats;
    expect(r.map((x) => x.nom)).toEqual(['Complet Béthune', 'AM Annezin', 'Périscolaire']);
    expect(r[0]!.distanceKm).toBe(0);
    expect(r[1]!.distanceKm).toBeCloseTo(distanceKm({ lat: 50.5303, lon: 2.6408 }, { lat: 50.5323, lon: 2.6186 }), 1);
  });

  it('sorts by freshness: most recently confirmed first, never confirmed last', () => {
    const r = chercher('tri=fraicheur').resultats.map((x) => x.nom);
    expect(r[0]).toBe('Bébé en septembre');
    expect(r.at(-1)).toBe('AM Annezin');
  });

  it('resolves what a parent types to communes', () => {
    expect(resoudreLieu('62516', COMMUNES).map((c) => c.nom)).toEqual(['Lillers']);
    expect(resoudreLieu('bethune', COMMUNES).map((c) => c.nom)).toEqual(['Béthune']);
    expect(resoudreLieu('Béthune (62400)', COMMUNES).map((c) => c.nom)).toEqual(['Béthune']);
    expect(resoudreLieu('62400 BETHUNE', COMMUNES).map((c) => c.nom)).toEqual(['Béthune']);
    expect(resoudreLieu('Paris', COMMUNES)).toEqual([]);
    // Typed loosely: the closest commune, only one.
    expect(resoudreLieu('Bethun', COMMUNES).map((c) => c.nom)).toEqual(['Béthune']);
    expect(resoudreLieu('LILLER', COMMUNES).map((c) => c.nom)).toEqual(['Lillers']);
    expect(resoudreLieu('Verqin', COMMUNES).map((c) => c.nom)).toEqual(['Verquin']);
  });

  it('paginates', () => {
    const p = paginer([1, 2, 3, 4, 5], 2, 2);
    expect(p).toEqual({ elements: [3, 4], page: 2, pages: 3, total: 5, parPage: 2 });
    expect(paginer([1], 9, 2).page).toBe(1);
  });
});

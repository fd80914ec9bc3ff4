import { randomUUID } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { correspondId, enPoints, lireBbox, lirePoints, longueurIdUnique } from '../../../src/domain/offre/points';
import type { ResultatOffre } from '../../../src/domain/offre/recherche';
import { TYPES_STRUCTURE } from '../../../src/domain/offre/filtres';

const PRENOMS = [
  'Camille',
  'Nadia',
  'Sophie',
  'Fatima',
  'Julie',
  'Aurélie',
  'Sandrine',
  'Nathalie',
  'Karima',
  'Isabelle',
  'Émilie',
  'Laetitia',
  'Valérie',
  'Céline',
  'Stéphanie',
  'Audrey',
  'Mélanie',
  'Virginie',
  'Sabrina',
  'Élodie',
];
const ETATS = ['disponible', 'a-confirmer', 'complet', 'inconnu'] as const;
function lieu(i: number, lat: number, lon: number): ResultatOffre {
  return {
    id: randomUUID(),
    type: TYPES_STRUCTURE[i % 4]!,
    nom: i % 3 ? `${PRENOMS[Math.floor(Math.random() * PRENOMS.length)]} ${String.fromCharCode(65 + Math.floor(Math.random() * 26))}.` : null,
    commune: { code: `62${String(i % 100).padStart(3, '0')}`, nom: `Commune ${i % 100}` },
    adresse: null,
    position: { lat, lon, precision: 'exacte' },
    disponibilite: { etat: ETATS[i % 4]! },
  } as unknown as ResultatOffre;
}

describe('light points format of the map', () => {
  it('round-trips ids, types, states, communes and coordinates to the metre', () => {
    const lieux = [lieu(0, 50.52311, 2.63401), lieu(1, 50.4, 2.5), lieu(2, 50.6, 2.7)];
    const l = longueurIdUnique(lieux.map((x) => x.id));
    const points = lirePoints(JSON.parse(JSON.stringify(enPoints(lieux, l, '2026-12-06'))));
    expect(points).toHaveLength(3);
    for (const x of lieux) {
      const p = points.find((q) => correspondId(x.id, q.id))!;
      expect(p.type).toBe(x.type);
      expect(p.nom).toBe(x.nom);
      expect(p.etat).toBe(x.disponibilite.etat);
      expect(p.commune).toEqual(x.commune);
      expect(Math.abs(p.lat - x.position.lat)).toBeLessThan(1e-5);
      expect(Math.abs(p.lon - x.position.lon)).toBeLessThan(1e-5);
    }
  });

  it('uses the shortest unique id prefix, never below 8 hex digits', () => {
    expect(longueurIdUnique(['aaaaaaaa-0000-4000-8000-000000000000', 'bbbbbbbb-0000-4000-8000-000000000000'])).toBe(8);
    expect(longueurIdUnique(['aaaaaaaa-1200-4000-8000-000000000000', 'aaaaaaaa-1300-4000-8000-000000000000'])).toBe(10);
    expect(correspondId('aaaaaaaa-1200-4000-8000-000000000000', 'aaaaaaaa12')).toBe(true);
    expect(correspondId('aaaaaaaa-1200-4000-8000-000000000000', 'aaaa')).toBe(false);
  });

  it('keeps 20,000 named places under 300 kB compressed', () => {
    const lieux = Array.from({ length: 20_000 }, (_, i) => lieu(i, 50.3 + Math.random() * 0.4, 2.3 + Math.random() * 0.6));
    const corps = JSON.stringify(enPoints(lieux, longueurIdUnique(lieux.map((x) => x.id)), '2026-12-06'));
    const br = brotliCompressSync(corps, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length;
    const gz = gzipSync(corps, { level: 6 }).length;
    expect(br).toBeLessThan(300 * 1024);
    expect(gz).toBeLessThan(300 * 1024);
  });

  it('reads a bounding box or ignores a malformed one', () => {
    expect(lireBbox('2.3,50.3,2.9,50.7')).toEqual([2.3, 50.3, 2.9, 50.7]);
    expect(lireBbox('2.9,50.3,2.3,50.7')).toBeNull();
    expect(lireBbox('a,b,c,d')).toBeNull();
    expect(lireBbox(null)).toBeNull();
  });
});

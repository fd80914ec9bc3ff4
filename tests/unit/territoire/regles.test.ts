import { describe, expect, it } from 'vitest';
import { adhesionDuJour, annonceVisible, lireHoraires, messageConflit, planifierAffectation, retireDernierAdmin } from '../../../src/domain/territoire/regles';
import { lireContours } from '../../../src/domain/territoire/contours';
import { lireCsvLieux } from '../../../src/domain/territoire/lieux-accueil';
import { ferie } from '../../../src/domain/territoire/feries';

const A = { id: 'a', relaisId: 'R1', relaisNom: 'Relais Un', debut: '2025-01-01', fin: null };

describe('commune → relais memberships', () => {
  it('a dated change ends the open membership on the new start day', () => {
    expect(planifierAffectation([A], { relaisId: 'R2', debut: '2026-01-01', fin: null })).toEqual({ ok: true, terminer: A });
  });
  it('refuses an overlap with a closed or later membership, naming its dates', () => {
    const ferme = { ...A, fin: '2027-01-01' };
    const r = planifierAffectation([ferme, { id: 'b', relaisId: 'R2', debut: '2027-01-01', fin: null }], {
      relaisId: 'R3',
      debut: '2026-03-01',
      fin: '2026-09-01',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(messageConflit(r.conflit, r.raison)).toContain('« Relais Un » du 01/01/2025 au 01/01/2027');
    // A new open-ended membership starting before a planned one is refused too.
    expect(
      planifierAffectation([ferme, { id: 'b', relaisId: 'R2', debut: '2027-01-01', fin: null }], { relaisId: 'R3', debut: '2026-03-01', fin: null }).ok,
    ).toBe(false);
  });
  it('says when the same relais already serves the commune', () => {
    expect(planifierAffectation([A], { relaisId: 'R1', debut: '2026-01-01', fin: null })).toMatchObject({ ok: false, raison: 'identique' });
  });
  it('finds the membership in force on a day (end exclusive)', () => {
    const l = [
      { ...A, fin: '2026-01-01' },
      { id: 'b', relaisId: 'R2', debut: '2026-01-01', fin: null },
    ];
    expect(adhesionDuJour(l, '2025-12-31')?.relaisId).toBe('R1');
    expect(adhesionDuJour(l, '2026-01-01')?.relaisId).toBe('R2');
    expect(adhesionDuJour(l, '2024-12-31')).toBeNull();
  });
});

describe('people, announcement, hours', () => {
  it('the last active admin can be neither deactivated nor demoted', () => {
    const c = [
      { id: '1', role: 'admin' as const, actif: true },
      { id: '2', role: 'admin' as const, actif: false },
      { id: '3', role: 'animatrice' as const, actif: true },
    ];
    expect(retireDernierAdmin(c, '1', { role: 'admin', actif: false })).toBe(true);
    expect(retireDernierAdmin(c, '1', { role: 'animatrice', actif: true })).toBe(true);
    expect(retireDernierAdmin(c, '3', { role: 'animatrice', actif: false })).toBe(false);
    expect(retireDernierAdmin([...c, { id: '4', role: 'admin', actif: true }], '1', { role: 'admin', actif: false })).toBe(false);
  });
  it('shows the announcement between its dates, inclusive', () => {
    const t = { annonce: 'Fermé', annonceDebut: '2026-12-20', annonceFin: '2026-12-31' };
    expect(annonceVisible(t, '2026-12-19')).toBe(false);
    expect(annonceVisible(t, '2026-12-20')).toBe(true);
    expect(annonceVisible(t, '2026-12-31')).toBe(true);
    expect(annonceVisible({ ...t, annonce: '  ' }, '2026-12-25')).toBe(false);
  });
  it('reads weekly hours and names the day of a wrong range', () => {
    expect(lireHoraires({ 'h1a-debut': '09:00', 'h1a-fin': '12:00', 'h1b-debut': '14:00', 'h1b-fin': '17:00' })).toEqual({
      ok: true,
      horaires: [
        { jour: 1, debut: '09:00', fin: '12:00' },
        { jour: 1, debut: '14:00', fin: '17:00' },
      ],
    });
    const r = lireHoraires({ 'h3a-debut': '14:00', 'h3a-fin': '09:00', 'h5a-debut': '9h' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.values(r.erreurs).join()).toMatch(/mercredi.*vendredi/);
  });
  it('knows French public holidays as Paris days', () => {
    expect(ferie('2026-05-25')).toBe('Lundi de Pentecôte');
    expect(ferie('2026-07-14')).toBe('Fête Nationale');
    expect(ferie('2026-07-15')).toBeNull();
  });
});

describe('files that are not what they claim', () => {
  it('refuses a GeoJSON that is not a FeatureCollection of polygons, whole', () => {
    expect(lireContours('{"type":"Feature"}', new Set(['62765']))).toMatchObject({ ok: false });
    expect(lireContours('<html>', new Set(['62765']))).toMatchObject({ ok: false, erreur: expect.stringMatching(/JSON/) });
    const pt = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '62765' }, geometry: { type: 'Point', coordinates: [2, 50] } }] };
    expect(lireContours(JSON.stringify(pt), new Set(['62765']))).toMatchObject({ ok: false, erreur: expect.stringMatching(/62765/) });
    const lambert = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { INSEE_COM: '62765' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [650000, 7000000],
                [651000, 7000000],
                [651000, 7001000],
                [650000, 7000000],
              ],
            ],
          },
        },
      ],
    };
    expect(lireContours(JSON.stringify(lambert), new Set(['62765']))).toMatchObject({ ok: false, erreur: expect.stringMatching(/WGS 84/) });
  });
  it('reads a places CSV with per-line errors and duplicates', () => {
    const communes = [{ code: '62765', nom: 'Saint-Omer', codesPostaux: ['62500'], centreLat: 50.75, centreLon: 2.25 }];
    const r = lireCsvLieux('type,nom,commune,capacite\ncrèche,A,62765,30\nmicro-crèche,B,Saint-Omer,10\ncrèche,a,62765,30\nbateau,C,00000,x\n', communes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lignes.map((l) => l.ok)).toEqual([true, true, false, false]);
    expect(r.lignes[2]).toMatchObject({ numero: 4, erreurs: [expect.stringMatching(/Doublon de la ligne 2/)] });
    expect((r.lignes[3] as { erreurs: string[] }).erreurs).toHaveLength(3);
    expect(lireCsvLieux('', communes)).toMatchObject({ ok: false });
    expect(lireCsvLieux('nom;ville\nA;B\n', communes)).toMatchObject({ ok: false, erreur: expect.stringMatching(/type, capacite/) });
  });
});

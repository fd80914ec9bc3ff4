import { describe, expect, it } from 'vitest';
import {
  affecter,
  bandeDeRang,
  generateur,
  pairesBloquantes,
  rangA,
  reattribuer,
  tirer,
  trancheDeAge,
  TRANCHES_CRECHE,
  type Candidat,
  type Places,
  type TrancheCreche,
} from '../../../src/domain/creches/affectation';

/** A small random market from a seed: families, crèches, places, points with many ties. */
function marche(graine: string, o: { familles: number; creches: number; maxPlaces: number; tranches?: number }): { candidats: Candidat[]; places: Places } {
  const r = generateur(graine);
  const n = (k: number) => Math.floor(r() * k);
  const creches = Array.from({ length: o.creches }, (_, i) => `c${i}`);
  const tranches = TRANCHES_CRECHE.slice(0, o.tranches ?? 1);
  const places: Record<string, Partial<Record<TrancheCreche, number>>> = {};
  for (const c of creches) {
    places[c] = {};
    for (const t of tranches) places[c][t] = n(o.maxPlaces + 1);
  }
  const candidats: Candidat[] = Array.from({ length: o.familles }, (_, i) => {
    const voeux = [...creches].sort(() => r() - 0.5).slice(0, 1 + n(creches.length));
    const points: Record<string, number> = {};
    for (const c of creches) points[c] = 10 * n(3); // few values: many ties, so the draw matters
    return { id: `f${i}`, voeux, tranche: tranches[n(tranches.length)]!, points };
  });
  return { candidats, places };
}

/** Every ordered list of distinct crèches (all possible reported wishes). */
function listes(creches: string[]): string[][] {
  const r: string[][] = [[]];
  const rec = (pref: string[], reste: string[]) => {
    for (const c of reste) {
      const l = [...pref, c];
      r.push(l);
      rec(
        l,
        reste.filter((x) => x !== c),
      );
    }
  };
  rec([], creches);
  return r;
}

/** Rank of a result in the true wishes (smaller is better; nothing = worst). */
const valeur = (vrais: readonly string[], obtenu: string | null) => (obtenu === null || !vrais.includes(obtenu) ? vrais.length : vrais.indexOf(obtenu));

describe('deferred acceptance for crèche places', () => {
  it('gives places by points, then by the draw, along the ranked wishes', () => {
    const candidats: Candidat[] = [
      { id: 'a', voeux: ['x'], tranche: 'bebe', points: { x: 90 } },
      { id: 'b', voeux: ['x', 'y'], tranche: 'bebe', points: { x: 60, y: 60 } },
      { id: 'c', voeux: ['x'], tranche: 'bebe', points: { x: 30 } },
    ];
    const a = affecter(candidats, { x: { bebe: 1 }, y: { bebe: 1 } }, 'seed');
    expect(a.resultat).toEqual({ a: 'x', b: 'y', c: null });
    expect(pairesBloquantes(candidats, { x: { bebe: 1 }, y: { bebe: 1 } }, a)).toEqual([]);
  });

  it('leaves no blocking pair and respects every capacity per age group (400 generated markets)', () => {
    for (let k = 0; k < 400; k++) {
      const { candidats, places } = marche(`stable-${k}`, { familles: 2 + (k % 12), creches: 1 + (k % 4), maxPlaces: 3, tranches: 1 + (k % 3) });
      const a = affecter(candidats, places, `g${k}`);
      expect(pairesBloquantes(candidats, places, a)).toEqual([]);
      for (const [creche, parTranche] of Object.entries(places)) {
        for (const t of TRANCHES_CRECHE) {
          const pris = candidats.filter((c) => a.resultat[c.id] === creche && c.tranche === t).length;
          expect(pris).toBeLessThanOrEqual(parTranche[t] ?? 0);
        }
      }
      // A family only gets a crèche it asked for, in its own age group.
      for (const c of candidats) {
        const o = a.resultat[c.id];
        if (o) {
          expect(c.voeux).toContain(o);
          expect(places[o]?.[c.tranche] ?? 0).toBeGreaterThan(0);
        }
      }
    }
  });

  it('detects a blocking pair in an assignment that has one', () => {
    const candidats: Candidat[] = [
      { id: 'a', voeux: ['x'], tranche: 'bebe', points: { x: 90 } },
      { id: 'b', voeux: ['x'], tranche: 'bebe', points: { x: 10 } },
    ];
    const places = { x: { bebe: 1 } };
    expect(pairesBloquantes(candidats, places, { graine: 's', resultat: { a: null, b: 'x' }, tirage: { a: 1, b: 2 } })).toEqual([
      { famille: 'a', creche: 'x' },
    ]);
    expect(pairesBloquantes(candidats, { x: { bebe: 2 } }, { graine: 's', resultat: { a: null, b: 'x' }, tirage: { a: 1, b: 2 } })).toEqual([
      { famille: 'a', creche: 'x' },
    ]);
  });

  it('is strategy-proof for families: no reported list does better than the true one (brute force on small markets)', () => {
    let essais = 0;
    for (let k = 0; k < 60; k++) {
      const { candidats, places } = marche(`sp-${k}`, { familles: 3 + (k % 3), creches: 3, maxPlaces: 1, tranches: 1 + (k % 2) });
      const graine = `t${k}`;
      const vrai = affecter(candidats, places, graine);
      for (const menteur of candidats) {
        const honnete = valeur(menteur.voeux, vrai.resultat[menteur.id] ?? null);
        for (const l of listes(Object.keys(places))) {
          const autres = candidats.map((c) => (c.id === menteur.id ? { ...c, voeux: l } : c));
          const obtenu = affecter(autres, places, graine).resultat[menteur.id] ?? null;
          expect(valeur(menteur.voeux, obtenu)).toBeGreaterThanOrEqual(honnete);
          essais++;
        }
      }
    }
    expect(essais).toBeGreaterThan(1000);
  });

  it('is deterministic for a seed, whatever the order of the input; the seed decides ties only', () => {
    const { candidats, places } = marche('det', { familles: 40, creches: 4, maxPlaces: 4, tranches: 2 });
    const a = affecter(candidats, places, 'session-2026-12');
    const b = affecter([...candidats].reverse(), places, 'session-2026-12');
    expect(b).toEqual(a);
    // Ties with equal points everywhere: different seeds give different draws.
    const egaux: Candidat[] = Array.from({ length: 10 }, (_, i) => ({ id: `e${i}`, voeux: ['x'], tranche: 'bebe', points: { x: 50 } }));
    const gagnants = new Set<string>();
    for (let s = 0; s < 30; s++) {
      const r = affecter(egaux, { x: { bebe: 1 } }, `graine-${s}`);
      gagnants.add(Object.entries(r.resultat).find(([, v]) => v === 'x')![0]);
      // The winner is the one drawn first.
      expect(r.resultat[Object.entries(r.tirage).find(([, v]) => v === 1)![0]]).toBe('x');
    }
    expect(gagnants.size).toBeGreaterThan(3);
    // Points beat the draw.
    const fort = [...egaux, { id: 'fort', voeux: ['x'], tranche: 'bebe' as const, points: { x: 51 } }];
    for (let s = 0; s < 10; s++) expect(affecter(fort, { x: { bebe: 1 } }, `g${s}`).resultat.fort).toBe('x');
  });

  it('draws each family a distinct rank from the seed alone', () => {
    const t = tirer(['b', 'a', 'c', 'a'], 'x');
    expect(Object.values(t).sort()).toEqual([1, 2, 3]);
    expect(tirer(['c', 'b', 'a'], 'x')).toEqual(t);
  });

  it('hands a freed place to the next family, and the place it held to the next one in turn', () => {
    const candidats: Candidat[] = [
      { id: 'a', voeux: ['x'], tranche: 'bebe', points: { x: 90 } },
      { id: 'b', voeux: ['x', 'y'], tranche: 'bebe', points: { x: 60, y: 60 } },
      { id: 'c', voeux: ['x'], tranche: 'bebe', points: { x: 30 } },
      { id: 'd', voeux: ['y'], tranche: 'bebe', points: { y: 10 } },
    ];
    const places = { x: { bebe: 1 }, y: { bebe: 1 } };
    const a = affecter(candidats, places, 's');
    expect(a.resultat).toEqual({ a: 'x', b: 'y', c: null, d: null });
    const r = reattribuer(candidats, a.tirage, a.resultat, new Set(['a']), { creche: 'x', tranche: 'bebe' });
    expect(r.mouvements).toEqual([
      { famille: 'b', de: 'y', vers: 'x' },
      { famille: 'd', de: null, vers: 'y' },
    ]);
    expect(r.vacantes).toEqual([]);
    // A family that accepted stays where it is.
    const r2 = reattribuer(candidats, a.tirage, a.resultat, new Set(['a', 'b']), { creche: 'x', tranche: 'bebe' });
    expect(r2.mouvements).toEqual([{ famille: 'c', de: null, vers: 'x' }]);
    // Nobody left: the place stays empty.
    const r3 = reattribuer(candidats, a.tirage, a.resultat, new Set(['a', 'b', 'c']), { creche: 'x', tranche: 'bebe' });
    expect(r3.vacantes).toEqual([{ creche: 'x', tranche: 'bebe' }]);
  });

  it('shows a rank band rather than an exact rank', () => {
    const candidats: Candidat[] = Array.from({ length: 12 }, (_, i) => ({ id: `f${i}`, voeux: ['x'], tranche: 'bebe' as const, points: { x: 100 - i } }));
    const t = tirer(
      candidats.map((c) => c.id),
      's',
    );
    expect(rangA(candidats, t, 'f0', 'x')).toBe(1);
    expect(rangA(candidats, t, 'f11', 'x')).toBe(12);
    expect(rangA(candidats, t, 'f11', 'y')).toBeNull();
    expect([bandeDeRang(1), bandeDeRang(6), bandeDeRang(12), bandeDeRang(50), bandeDeRang(51)]).toEqual(['1-5', '6-10', '11-25', '26-50', '51+']);
    expect([trancheDeAge(3), trancheDeAge(18), trancheDeAge(36)]).toEqual(['bebe', 'marcheur', 'grand']);
  });
});

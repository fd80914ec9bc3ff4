import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { codeActuel, indexerCog, planifierTerritoire, slugTerritoire, type CogCommune, type CogEpci } from '../../../src/domain/territoire/cog';

const require = createRequire(import.meta.url);
const COMMUNES = require('@etalab/decoupage-administratif/data/communes.json') as CogCommune[];
const EPCI = require('@etalab/decoupage-administratif/data/epci.json') as CogEpci[];
const cog = indexerCog(COMMUNES, EPCI);

describe('COG import (small fixture)', () => {
  const fixture: CogCommune[] = [
    { code: '99001', nom: 'Nouvelle-Ville', type: 'commune-actuelle', codesPostaux: ['99100'], population: 3000, anciensCodes: ['99002', '99003'] },
    { code: '99002', nom: 'Ancien-Bourg', type: 'commune-deleguee', chefLieu: '99001' },
    { code: '99004', nom: 'Homonyme', type: 'commune-actuelle', codesPostaux: ['99200', '99150'], population: 120 },
    { code: '99005', nom: 'Homonyme', type: 'commune-actuelle', codesPostaux: ['99300'], population: 80 },
  ];
  const idx = indexerCog(fixture, [{ code: '299999999', nom: 'CC des Essais', membres: [{ code: '99001' }, { code: '99004' }] }]);

  it('resolves a former code absorbed by a commune nouvelle to the current commune', () => {
    expect(codeActuel(idx, '99003')).toBe('99001');
    expect(codeActuel(idx, '99002')).toBe('99001');
    const r = planifierTerritoire(idx, { communes: ['99003', '99004'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.communes.map((c) => c.code)).toEqual(['99001', '99004']);
    expect(r.plan.remplacements).toEqual([{ demande: '99003', actuel: '99001', nomActuel: 'Nouvelle-Ville' }]);
    expect(r.plan.communes[1]).toEqual({ code: '99004', nom: 'Homonyme', codesPostaux: ['99150', '99200'], population: 120, epciSiren: '299999999' });
  });

  it('matches by code, never by name: two communes of the same name stay apart', () => {
    const r = planifierTerritoire(idx, { communes: ['99005'] });
    expect(r.ok && r.plan.communes.map((c) => [c.code, c.epciSiren])).toEqual([['99005', null]]);
  });

  it('counts a commune given twice (old and new code) once', () => {
    const r = planifierTerritoire(idx, { communes: ['99001', '99002', '99003'] });
    expect(r.ok && r.plan.communes.length).toBe(1);
  });

  it('refuses unknown and malformed codes with every reason, and needs exactly one of --epci or --communes', () => {
    const r = planifierTerritoire(idx, { communes: ['99999', 'Béthune', '62 119'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.erreurs).toHaveLength(3);
    expect(r.erreurs[0]).toContain('99999');
    expect(planifierTerritoire(idx, {}).ok).toBe(false);
    expect(planifierTerritoire(idx, { epci: '299999999', communes: ['99001'] }).ok).toBe(false);
    expect(planifierTerritoire(idx, { epci: '12' }).ok).toBe(false);
    expect(planifierTerritoire(idx, { epci: '123456789' }).ok).toBe(false);
  });
});

describe('COG import (real data from @etalab/decoupage-administratif)', () => {
  it('CA du Pays de Saint-Omer has 53 communes with names, postcodes and EPCI membership', () => {
    const r = planifierTerritoire(cog, { epci: '200069037' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.nom).toBe('CA du Pays de Saint-Omer');
    expect(r.plan.id).toBe('ca-du-pays-de-saint-omer');
    expect(r.plan.siren).toBe('200069037');
    expect(r.plan.communes).toHaveLength(53);
    const so = r.plan.communes.find((c) => c.code === '62765')!;
    expect(so.nom).toBe('Saint-Omer');
    expect(so.codesPostaux).toContain('62500');
    expect(r.plan.communes.every((c) => c.epciSiren === '200069037' && c.codesPostaux.length > 0)).toBe(true);
  });

  it('a commune merged into a commune nouvelle keeps working by its current INSEE code', () => {
    // Arboys en Bugey (01015) absorbed Saint-Bois (01340) in 2016.
    const r = planifierTerritoire(cog, { communes: ['01340'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.communes.map((c) => [c.code, c.nom])).toEqual([['01015', 'Arboys en Bugey']]);
    expect(r.plan.remplacements[0]).toMatchObject({ demande: '01340', actuel: '01015' });
    // A commune associée resolves to its commune too.
    expect(codeActuel(cog, '01120')).toBe('01262');
  });

  it('Mont-Bernanchon is found by its INSEE code whatever the spelling of a seed', () => {
    const r = planifierTerritoire(cog, { communes: ['62584'], nom: 'Essai' });
    expect(r.ok && r.plan.communes[0]).toMatchObject({ code: '62584', nom: 'Mont-Bernanchon', epciSiren: '200072460' });
  });

  it('builds a slug without accents', () => {
    expect(slugTerritoire('CA de Béthune-Bruay, Artois-Lys Romane')).toBe('ca-de-bethune-bruay-artois-lys-romane');
  });
});

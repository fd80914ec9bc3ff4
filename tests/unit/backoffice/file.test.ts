import { describe, expect, it } from 'vitest';
import { badges, decoderCurseur, encoderCurseur, lireFiltres, limitePremierContact, versRecherche, ageLisible } from '../../../src/domain/demande/file';

const MAINTENANT = new Date('2026-03-10T10:00:00Z');
const JOUR = 86_400_000;
const il_y_a = (j: number) => new Date(MAINTENANT.getTime() - j * JOUR);

describe('queue filters read from the URL', () => {
  it('keeps valid filters and ignores invalid ones instead of failing', () => {
    const f = lireFiltres(new URLSearchParams('etat=nouvelle&urgence=oui&commune=62498&ageMin=6&mode=mam&du=2026-01-01&tri=ancien'));
    expect(f).toMatchObject({ etat: 'nouvelle', urgence: true, commune: '62498', ageMin: 6, mode: 'mam', du: '2026-01-01', tri: 'ancien', handicap: false });
    const g = lireFiltres(new URLSearchParams("etat=bidon&commune=x'or1=1&ageMin=-3&mode=poney&du=hier&tri=n'importe&assignee=drop"));
    expect(g).toMatchObject({ etat: undefined, commune: undefined, ageMin: undefined, mode: undefined, du: undefined, tri: 'recent', assignee: undefined });
  });

  it('writes the filters back into a query string, replacing or removing one', () => {
    const f = lireFiltres(new URLSearchParams('etat=en-cours&urgence=oui'));
    expect(versRecherche(f)).toBe('?etat=en-cours&urgence=oui');
    expect(versRecherche(f, { etat: undefined })).toBe('?urgence=oui');
    expect(versRecherche(f, { urgence: false, etat: 'nouvelle' })).toBe('?etat=nouvelle');
    expect(versRecherche(lireFiltres(new URLSearchParams()))).toBe('');
  });
});

describe('keyset cursor', () => {
  it('round-trips and rejects tampered values', () => {
    const c = { creeLe: new Date('2026-02-01T08:30:00.123Z'), id: '6f1c1d7e-8a55-4c1e-9d3a-3b9b1b2f0a11' };
    expect(decoderCurseur(encoderCurseur(c))).toEqual(c);
    expect(decoderCurseur('2026-02-01T08:30:00Z_pas-un-uuid')).toBeNull();
    expect(decoderCurseur("x'); drop table demandes;--")).toBeNull();
    expect(decoderCurseur(undefined)).toBeNull();
  });
});

describe('first contact overdue', () => {
  const base = { etat: 'nouvelle' as const, premierContactLe: null, handicap: false, horairesAtypiques: false, suiviDu: false };
  it('an urgent demande is overdue after 7 days, others after the relais setting', () => {
    expect(badges({ ...base, urgence: true, creeLe: il_y_a(6) }, 15, MAINTENANT)[0]!.cle).toBe('nouvelle');
    expect(badges({ ...base, urgence: true, creeLe: il_y_a(8) }, 15, MAINTENANT)[0]!.cle).toBe('retard');
    expect(badges({ ...base, urgence: false, creeLe: il_y_a(8) }, 15, MAINTENANT)[0]!.cle).toBe('nouvelle');
    expect(badges({ ...base, urgence: false, creeLe: il_y_a(16) }, 15, MAINTENANT)[0]!.cle).toBe('retard');
    expect(badges({ ...base, urgence: false, creeLe: il_y_a(6) }, 5, MAINTENANT)[0]!.cle).toBe('retard');
  });
  it('a relais stricter than 7 days applies to urgent demandes too', () => {
    expect(limitePremierContact(true, 3, MAINTENANT)).toEqual(il_y_a(3));
    expect(limitePremierContact(true, 30, MAINTENANT)).toEqual(il_y_a(7));
  });
  it('a demande whose family was reached is never "new" nor overdue; flags and follow-up show as badges', () => {
    const b = badges(
      { etat: 'en-cours', premierContactLe: il_y_a(90), urgence: true, handicap: true, horairesAtypiques: true, suiviDu: true, creeLe: il_y_a(100) },
      15,
      MAINTENANT,
    ).map((x) => x.cle);
    expect(b).toEqual(['suivi', 'urgence', 'handicap', 'atypique']);
  });
  it('the clock follows the first contact that reached the family, not the state', () => {
    // Put in touch with an AM before anyone spoke with the family: still overdue.
    expect(badges({ ...base, etat: 'mise-en-relation', urgence: false, creeLe: il_y_a(16) }, 15, MAINTENANT)[0]!.cle).toBe('retard');
    expect(badges({ ...base, etat: 'mise-en-relation', urgence: false, creeLe: il_y_a(3) }, 15, MAINTENANT).map((x) => x.cle)).toEqual([]);
    // A closed demande is no longer waiting.
    expect(badges({ ...base, etat: 'abandonnee', urgence: false, creeLe: il_y_a(40) }, 15, MAINTENANT)).toEqual([]);
  });
});

it('shows ages the way staff say them', () => {
  expect(ageLisible(8)).toBe('8 mois');
  expect(ageLisible(27)).toBe('2 ans 3 mois');
  expect(ageLisible(36)).toBe('3 ans');
  expect(ageLisible(null)).toBe('—');
});

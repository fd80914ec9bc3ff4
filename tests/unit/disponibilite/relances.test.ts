import { describe, expect, it } from 'vitest';
import { fraicheurGlobale, fraicheurParCommune, motifRelance, peutRelancer } from '../../../src/domain/disponibilite/relances';

const jour = 86400_000;
const am = (o: Partial<Parameters<typeof motifRelance>[0]> = {}) => ({
  actif: true,
  email: 'am@exemple.fr',
  dispoConfirmeeLe: null,
  derniereRelanceLe: null,
  ...o,
});

describe('availability reminders', () => {
  const mars = new Date('2026-03-10T09:00:00Z');
  it('an AM whose availability is 45 days old gets a reminder, 44 days not yet', () => {
    expect(motifRelance(am({ dispoConfirmeeLe: new Date(mars.getTime() - 45 * jour) }), mars)).toBe('anciennete');
    expect(motifRelance(am({ dispoConfirmeeLe: new Date(mars.getTime() - 44 * jour) }), mars)).toBeNull();
  });
  it('in January everyone who has not confirmed since the 1st is asked', () => {
    const janvier = new Date('2027-01-04T09:00:00Z');
    expect(motifRelance(am({ dispoConfirmeeLe: new Date('2026-12-28T09:00:00Z') }), janvier)).toBe('campagne');
    expect(motifRelance(am({ dispoConfirmeeLe: new Date('2027-01-02T09:00:00Z') }), janvier)).toBeNull();
  });
  it('June is a campaign month too, the 1st counted in Paris time', () => {
    const juin = new Date('2026-06-01T05:00:00Z');
    // Paris is UTC+2 in June: 22:30 UTC on 31 May is already 00:30 on 1 June.
    expect(motifRelance(am({ dispoConfirmeeLe: new Date('2026-05-31T22:30:00Z') }), juin)).toBeNull();
    expect(motifRelance(am({ dispoConfirmeeLe: new Date('2026-05-31T21:30:00Z') }), juin)).toBe('campagne');
  });
  it('never more than one reminder per 30 days', () => {
    const vieille = new Date(mars.getTime() - 100 * jour);
    expect(motifRelance(am({ dispoConfirmeeLe: vieille, derniereRelanceLe: new Date(mars.getTime() - 29 * jour) }), mars)).toBeNull();
    expect(motifRelance(am({ dispoConfirmeeLe: vieille, derniereRelanceLe: new Date(mars.getTime() - 30 * jour) }), mars)).toBe('anciennete');
    expect(peutRelancer(am({ derniereRelanceLe: new Date(mars.getTime() - 3 * jour) }), mars)).toBe(false);
  });
  it('no reminder without an email or for an inactive AM', () => {
    expect(motifRelance(am({ email: null }), mars)).toBeNull();
    expect(motifRelance(am({ actif: false }), mars)).toBeNull();
    expect(motifRelance(am(), mars)).toBe('anciennete');
  });
});

describe('freshness indicator per commune', () => {
  const maintenant = new Date('2026-11-24T10:00:00Z');
  const l = (communeCode: string, jours: number | null, o: { actif?: boolean; type?: string } = {}) => ({
    communeCode,
    type: o.type ?? 'assistant-maternel',
    actif: o.actif ?? true,
    dispoConfirmeeLe: jours === null ? null : new Date(maintenant.getTime() - jours * jour),
  });
  it('counts active AM confirmed in the last 60 days only', () => {
    const r = fraicheurParCommune(
      [l('A', 10), l('A', 60), l('A', 61), l('A', null), l('A', 5, { actif: false }), l('A', 5, { type: 'creche' }), l('B', 100)],
      maintenant,
    );
    expect(r).toEqual([
      { communeCode: 'A', actives: 4, confirmees: 2, part: 0.5 },
      { communeCode: 'B', actives: 1, confirmees: 0, part: 0 },
    ]);
    expect(fraicheurGlobale([l('A', 10), l('B', 100)], maintenant)).toMatchObject({ actives: 2, confirmees: 1, part: 0.5 });
  });
});

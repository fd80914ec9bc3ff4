import { describe, expect, it } from 'vitest';
import { erreurDateContrat, instantContrat } from '../../../src/domain/creches/contrat';
import { jourParis } from '../../../src/domain/temps';

// 6 March 2027, 23:30 in Paris (22:30 UTC): the Paris day is the 6th.
const maintenant = new Date('2027-03-06T22:30:00Z');
const accepteeLe = new Date('2027-02-20T09:00:00Z');

describe('the day a contract was signed', () => {
  it('accepts today, a past day after the acceptance, and the day of the acceptance', () => {
    expect(erreurDateContrat('2027-03-06', { maintenant, accepteeLe })).toBeNull();
    expect(erreurDateContrat(' 2027-03-01 ', { maintenant, accepteeLe })).toBeNull();
    expect(erreurDateContrat('2027-02-20', { maintenant, accepteeLe })).toBeNull();
    expect(erreurDateContrat('2020-01-01', { maintenant, accepteeLe: null })).toBeNull();
  });

  it('refuses an empty field, a date that does not exist, the future and a day before the acceptance', () => {
    expect(erreurDateContrat('', { maintenant, accepteeLe })).toMatch(/^Indiquez le jour/);
    expect(erreurDateContrat('2027-02-30', { maintenant, accepteeLe })).toMatch(/^Date invalide/);
    expect(erreurDateContrat('06/03/2027', { maintenant, accepteeLe })).toMatch(/^Date invalide/);
    expect(erreurDateContrat('2027-03-07', { maintenant, accepteeLe })).toMatch(/futur/);
    expect(erreurDateContrat('2027-02-19', { maintenant, accepteeLe })).toMatch(/avant que la famille accepte/);
  });

  it('records now for today and noon of the day (in Paris) for an earlier day', () => {
    expect(instantContrat('2027-03-06', maintenant)).toBe(maintenant);
    const avant = instantContrat('2027-03-01', maintenant);
    expect(jourParis(avant)).toBe('2027-03-01');
    expect(avant.toISOString()).toBe('2027-03-01T11:00:00.000Z');
  });
});

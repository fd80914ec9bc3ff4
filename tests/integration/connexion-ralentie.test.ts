import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { connecter } from '../../src/server/auth/staff';
import { debloquer, delaiApresEchecs, ESSAIS_LIBRES_PAIRE, ESSAIS_LIBRES_ADRESSE } from '../../src/server/auth/throttle';

const MDP = 'mot-de-passe-de-test';
const T0 = new Date('2026-05-04T08:00:00Z');
const plus = (ms: number) => new Date(T0.getTime() + ms);

describe(`staff sign-in throttling (${DB_KIND})`, () => {
  let base: BaseDeTest;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
  });
  afterAll(async () => base?.detruire());
  const essai = (email: string, motDePasse: string, ip: string, maintenant: Date) =>
    connecter(base.db, { email, motDePasse, ip, dureeHeures: 8, maintenant, publicUrl: 'https://g.exemple.fr' });

  it('slows an attacker on one account more and more, never locks the owner out, and unlocks by email link', async () => {
    const email = 'animatrice.est@exemple.fr';
    for (let i = 0; i < ESSAIS_LIBRES_PAIRE; i++) expect(await essai(email, `faux-${i}`, '203.0.113.5', T0)).toEqual({ ok: false, raison: 'identifiants' });
    // Now every try from that address on that account must wait, even with the right password.
    const r1 = await essai(email, MDP, '203.0.113.5', plus(1000));
    expect(r1).toMatchObject({ ok: false, raison: 'trop-de-tentatives' });
    // After the wait, one more try; a failure makes the next wait longer.
    expect(await essai(email, 'faux', '203.0.113.5', plus(delaiApresEchecs(ESSAIS_LIBRES_PAIRE, ESSAIS_LIBRES_PAIRE) + 1000))).toEqual({
      ok: false,
      raison: 'identifiants',
    });
    const r2 = await essai(email, MDP, '203.0.113.5', plus(delaiApresEchecs(ESSAIS_LIBRES_PAIRE, ESSAIS_LIBRES_PAIRE) + 2000));
    expect(r2.ok).toBe(false);
    if (!r1.ok && !r2.ok) expect(r2.attenteMs!).toBeGreaterThan(delaiApresEchecs(ESSAIS_LIBRES_PAIRE, ESSAIS_LIBRES_PAIRE));
    // The owner at her own address signs in at once.
    expect((await essai(email, MDP, '198.51.100.20', plus(60_000))).ok).toBe(true);

    // She got one unlock link; it clears the attacker's address count too (she may share it, e.g. a town hall NAT).
    const mails = await base.db
      .select()
      .from(schema.courriels)
      .where(and(eq(schema.courriels.type, 'deblocage-connexion'), eq(schema.courriels.destinataire, email)));
    expect(mails).toHaveLength(1);
    const jeton = /deblocage=([A-Za-z0-9_-]+)/.exec(mails[0]!.texte)![1]!;
    expect(await debloquer(base.db, jeton, plus(61_000))).toBe(true);
    expect(await debloquer(base.db, jeton, plus(62_000))).toBe(false);
    const apres = await essai(email, MDP, '203.0.113.5', plus(63_000));
    expect(apres).toMatchObject({ ok: true });
  });

  it('answers alike for an unknown account and a wrong password, and sends no link for an unknown account', async () => {
    const inconnu = await essai('personne@exemple.fr', 'faux', '203.0.113.6', T0);
    const connu = await essai('admin@exemple.fr', 'faux', '203.0.113.6', T0);
    expect(inconnu).toEqual(connu);
    for (let i = 1; i < ESSAIS_LIBRES_PAIRE; i++) await essai('personne@exemple.fr', 'faux', '203.0.113.6', T0);
    const lent = await essai('personne@exemple.fr', 'faux', '203.0.113.6', plus(1000));
    expect(lent).toMatchObject({ ok: false, raison: 'trop-de-tentatives' });
    expect(await base.db.select().from(schema.courriels).where(eq(schema.courriels.destinataire, 'personne@exemple.fr'))).toHaveLength(0);
    // Accounts are never stored in clear in the failure table.
    const cles = await base.db.select({ cle: schema.tentativesConnexion.cle }).from(schema.tentativesConnexion);
    expect(cles.some((c) => c.cle.includes('@'))).toBe(false);
  });

  it('slows an address that sprays many accounts', async () => {
    for (let i = 0; i < ESSAIS_LIBRES_ADRESSE; i++) await essai(`inconnu${i}@exemple.fr`, 'faux', '203.0.113.7', T0);
    expect(await essai('commune@exemple.fr', MDP, '203.0.113.7', plus(1000))).toMatchObject({ ok: false, raison: 'trop-de-tentatives' });
    expect((await essai('commune@exemple.fr', MDP, '203.0.113.8', plus(1000))).ok).toBe(true);
  });
});

/** Staff second factor (TOTP): enrolment, sign-in code step, recovery codes, throttling, admin requirement and reset. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseDeTest, DB_KIND, type BaseDeTest } from '../helpers/db';
import { connecter, creerAdmin, sessionDepuisJeton, type Staff } from '../../src/server/auth/staff';
import { planifierTerritoire } from '../../src/domain/territoire/cog';
import { cogOfficiel, installerTerritoire } from '../../src/server/territoire/installer';
import {
  confirmerEnrolement,
  desactiverDoubleFacteur,
  etatDoubleFacteur,
  preparerEnrolement,
  regenererCodes,
  terminerConnexion,
} from '../../src/server/auth/totp';
import { exigerDoubleFacteur, retirerDoubleFacteur } from '../../src/server/territoire/personnes';
import { codeA, ESSAIS_CODE_MAX } from '../../src/domain/securite/totp';

const MDP = 'un-mot-de-passe-solide';
const T0 = new Date('2026-12-07T09:00:00Z');
const plus = (s: number) => new Date(T0.getTime() + s * 1000);

describe(`staff second factor (${DB_KIND})`, () => {
  let base: BaseDeTest;
  let admin: Staff;
  let anim: Staff;

  beforeAll(async () => {
    base = await creerBaseDeTest();
    const plan = planifierTerritoire(cogOfficiel(), { epci: '200069037' });
    if (!plan.ok) throw new Error(plan.erreurs.join());
    await installerTerritoire(base.db, plan.plan);
    const id = await creerAdmin(base.db, { email: 'admin@capso.test', nom: 'Ada Admin', motDePasse: MDP });
    admin = { id, email: 'admin@capso.test', nom: 'Ada Admin', role: 'admin', relaisId: null, secteurId: null, communeCode: null };
    const id2 = await creerAdmin(base.db, { email: 'anim@capso.test', nom: 'Anne Anim', motDePasse: MDP });
    await base.db.update(schema.utilisateurs).set({ role: 'commune', communeCode: '62765' }).where(eq(schema.utilisateurs.id, id2));
    anim = { id: id2, email: 'anim@capso.test', nom: 'Anne Anim', role: 'commune', relaisId: null, secteurId: null, communeCode: '62765' };
  });
  afterAll(async () => base?.detruire());

  const secretAttente = async (id: string) => (await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.id, id)))[0]!;

  it('enrols with a pending secret confirmed by a code, and gives ten one-time recovery codes stored hashed', async () => {
    const e = await preparerEnrolement(base.db, admin, 'CAPSO');
    expect(e.qrSvg).toContain('<svg');
    expect(e.uri).toMatch(/^otpauth:\/\/totp\/CAPSO:admin%40capso\.test\?/);
    const again = await preparerEnrolement(base.db, admin, 'CAPSO');
    expect(again.cle).toBe(e.cle); // same key on reload
    const secret = (await secretAttente(admin.id)).totpSecretAttente!;
    expect(await confirmerEnrolement(base.db, admin, '000000', T0)).toMatchObject({ ok: false });
    expect((await secretAttente(admin.id)).totpSecret).toBeNull();
    const r = await confirmerEnrolement(base.db, admin, codeA(secret, T0), T0);
    expect(r.ok).toBe(true);
    const codes = r.ok ? r.codes! : [];
    expect(codes).toHaveLength(10);
    const stockes = await base.db.select().from(schema.codesSecours).where(eq(schema.codesSecours.utilisateurId, admin.id));
    expect(stockes).toHaveLength(10);
    expect(stockes.map((s) => s.hash)).not.toContain(codes[0]!.replace(/-/g, ''));
    const u = await secretAttente(admin.id);
    expect(u.totpSecret).toBe(secret);
    expect(u.totpSecretAttente).toBeNull();
    expect(await etatDoubleFacteur(base.db, admin)).toEqual({ actif: true, exige: false, codesRestants: 10 });
    const journal = await base.db
      .select()
      .from(schema.journalAudit)
      .where(and(eq(schema.journalAudit.action, 'securite.totp-activer'), eq(schema.journalAudit.objetId, admin.id)));
    expect(journal).toHaveLength(1);
    (globalThis as Record<string, unknown>).codesAdmin = codes;
  });

  it('asks for the code after the password: no session until a valid code, a code never used twice', async () => {
    const secret = (await secretAttente(admin.id)).totpSecret!;
    const r = await connecter(base.db, { email: 'admin@capso.test', motDePasse: MDP, ip: '10.0.0.1', dureeHeures: 8, maintenant: plus(60) });
    expect(r).toMatchObject({ ok: false, raison: 'code-requis' });
    const etape = r.ok || r.raison !== 'code-requis' ? '' : r.etape;
    expect(await base.db.select().from(schema.sessions)).toHaveLength(0);
    expect(await terminerConnexion(base.db, etape, '123456', { dureeHeures: 8, maintenant: plus(61) })).toMatchObject({ ok: false });
    const ok = await terminerConnexion(base.db, etape, codeA(secret, plus(62)), { dureeHeures: 8, maintenant: plus(62) });
    expect(ok.ok).toBe(true);
    expect(await sessionDepuisJeton(base.db, ok.ok ? ok.jeton : '', plus(63))).toMatchObject({ utilisateur: { id: admin.id }, doubleFacteurManquant: false });
    // The step token is spent; a second sign-in with the same code (same step) is refused.
    expect(await terminerConnexion(base.db, etape, codeA(secret, plus(62)), { dureeHeures: 8, maintenant: plus(63) })).toMatchObject({
      ok: false,
      recommencer: true,
    });
    const r2 = await connecter(base.db, { email: 'admin@capso.test', motDePasse: MDP, ip: '10.0.0.1', dureeHeures: 8, maintenant: plus(64) });
    const etape2 = r2.ok || r2.raison !== 'code-requis' ? '' : r2.etape;
    expect(await terminerConnexion(base.db, etape2, codeA(secret, plus(62)), { dureeHeures: 8, maintenant: plus(64) })).toMatchObject({ ok: false });
    // A step token expires after 10 minutes.
    expect(await terminerConnexion(base.db, etape2, codeA(secret, plus(64 + 601)), { dureeHeures: 8, maintenant: plus(64 + 601) })).toMatchObject({
      ok: false,
      recommencer: true,
    });
  });

  it('accepts each recovery code once, and audits its use', async () => {
    const codes = (globalThis as Record<string, unknown>).codesAdmin as string[];
    const etape = async (s: number) => {
      const r = await connecter(base.db, { email: 'admin@capso.test', motDePasse: MDP, ip: '10.0.0.2', dureeHeures: 8, maintenant: plus(s) });
      return r.ok || r.raison !== 'code-requis' ? '' : r.etape;
    };
    const ok = await terminerConnexion(base.db, await etape(1000), codes[0]!.toLowerCase(), { dureeHeures: 8, maintenant: plus(1000) });
    expect(ok).toMatchObject({ ok: true, secours: true });
    expect(await terminerConnexion(base.db, await etape(1001), codes[0]!, { dureeHeures: 8, maintenant: plus(1001) })).toMatchObject({ ok: false });
    expect((await etatDoubleFacteur(base.db, admin)).codesRestants).toBe(9);
    expect(await base.db.select().from(schema.journalAudit).where(eq(schema.journalAudit.action, 'securite.code-secours-utilise'))).toHaveLength(1);
  });

  it(`refuses every code after ${ESSAIS_CODE_MAX} wrong ones in 15 minutes, even the right one`, async () => {
    const secret = (await secretAttente(admin.id)).totpSecret!;
    const t = 5000;
    const r = await connecter(base.db, { email: 'admin@capso.test', motDePasse: MDP, ip: '10.0.0.3', dureeHeures: 8, maintenant: plus(t) });
    const etape = r.ok || r.raison !== 'code-requis' ? '' : r.etape;
    for (let i = 0; i < ESSAIS_CODE_MAX; i++) await terminerConnexion(base.db, etape, '000000', { dureeHeures: 8, maintenant: plus(t + i) });
    const bloque = await terminerConnexion(base.db, etape, codeA(secret, plus(t + 10)), { dureeHeures: 8, maintenant: plus(t + 10) });
    expect(bloque).toMatchObject({ ok: false, erreur: expect.stringContaining('15 minutes') });
    const apres = plus(t + 16 * 60);
    const r2 = await connecter(base.db, { email: 'admin@capso.test', motDePasse: MDP, ip: '10.0.0.3', dureeHeures: 8, maintenant: apres });
    const etape2 = r2.ok || r2.raison !== 'code-requis' ? '' : r2.etape;
    expect(await terminerConnexion(base.db, etape2, codeA(secret, apres), { dureeHeures: 8, maintenant: apres })).toMatchObject({ ok: true });
  });

  it('new recovery codes replace the old ones; the factor can be removed with a code when not required', async () => {
    const secret = (await secretAttente(admin.id)).totpSecret!;
    const m = plus(10_000);
    expect(await regenererCodes(base.db, admin, 'ZZZZ-ZZZZ-ZZZZ', m)).toMatchObject({ ok: false });
    const r = await regenererCodes(base.db, admin, codeA(secret, m), m);
    expect(r.ok && r.codes).toHaveLength(10);
    expect((await etatDoubleFacteur(base.db, admin)).codesRestants).toBe(10);
    // Required for admins now: cannot be removed by the person.
    expect(await exigerDoubleFacteur(base.db, admin, { action: 'exiger-2fa', roles: ['admin', 'commune'] })).toMatchObject({ ok: true });
    const m2 = plus(10_100);
    expect(await desactiverDoubleFacteur(base.db, admin, codeA(secret, m2), m2)).toMatchObject({ ok: false, erreur: expect.stringContaining('exige') });
    expect(await exigerDoubleFacteur(base.db, admin, { action: 'exiger-2fa', roles: ['inconnu'] })).toMatchObject({
      ok: false,
      erreurs: { roles: 'Rôle inconnu' },
    });
  });

  it('a role that requires it marks the sessions of people without it, until they enrol', async () => {
    const r = await connecter(base.db, { email: 'anim@capso.test', motDePasse: MDP, ip: '10.0.0.4', dureeHeures: 8, maintenant: plus(20_000) });
    expect(r.ok).toBe(true);
    const jeton = r.ok ? r.jeton : '';
    expect(await sessionDepuisJeton(base.db, jeton, plus(20_001))).toMatchObject({ doubleFacteurManquant: true });
    await preparerEnrolement(base.db, anim, 'CAPSO');
    const secret = (await secretAttente(anim.id)).totpSecretAttente!;
    expect(await confirmerEnrolement(base.db, anim, codeA(secret, plus(20_002)), plus(20_002))).toMatchObject({ ok: true });
    expect(await sessionDepuisJeton(base.db, jeton, plus(20_003))).toMatchObject({ doubleFacteurManquant: false });
  });

  it('an admin removes a person’s factor (lost phone): sessions closed, codes gone, audited', async () => {
    await expect(retirerDoubleFacteur(base.db, anim, { utilisateurId: anim.id })).rejects.toThrow();
    expect(await retirerDoubleFacteur(base.db, admin, { utilisateurId: anim.id })).toMatchObject({ ok: true });
    const u = await secretAttente(anim.id);
    expect(u.totpSecret).toBeNull();
    expect(await base.db.select().from(schema.codesSecours).where(eq(schema.codesSecours.utilisateurId, anim.id))).toHaveLength(0);
    expect(await base.db.select().from(schema.sessions).where(eq(schema.sessions.utilisateurId, anim.id))).toHaveLength(0);
    expect(
      await base.db
        .select()
        .from(schema.journalAudit)
        .where(and(eq(schema.journalAudit.action, 'personne.totp-reinitialiser'), eq(schema.journalAudit.objetId, anim.id))),
    ).toHaveLength(1);
    expect(await retirerDoubleFacteur(base.db, admin, { utilisateurId: anim.id })).toMatchObject({ ok: false });
    // Back to password only at sign-in, the requirement sends her to enrol again.
    const r = await connecter(base.db, { email: 'anim@capso.test', motDePasse: MDP, ip: '10.0.0.5', dureeHeures: 8, maintenant: plus(30_000) });
    expect(r.ok).toBe(true);
    expect(await sessionDepuisJeton(base.db, r.ok ? r.jeton : '', plus(30_001))).toMatchObject({ doubleFacteurManquant: true });
  });

  it('a crèche manager of a territory requiring it for her role is sent to enrolment; a role not ticked is not', async () => {
    const [structure] = await base.db
      .insert(schema.structures)
      .values({ type: 'creche', nom: 'Crèche Les Lucioles', communeCode: '62765', lat: 50.75, lon: 2.25, latPublique: 50.75, lonPublique: 2.25, capacite: 20 })
      .returning({ id: schema.structures.id });
    const id = await creerAdmin(base.db, { email: 'creche@capso.test', nom: 'Gaëlle Gestion', motDePasse: MDP });
    await base.db.update(schema.utilisateurs).set({ role: 'gestionnaire-creche', structureId: structure!.id }).where(eq(schema.utilisateurs.id, id));
    const session = async (s: number) => {
      const r = await connecter(base.db, { email: 'creche@capso.test', motDePasse: MDP, ip: '10.0.0.6', dureeHeures: 8, maintenant: plus(s) });
      if (!r.ok) throw new Error('sign-in refused');
      return sessionDepuisJeton(base.db, r.jeton, plus(s + 1));
    };
    expect(await exigerDoubleFacteur(base.db, admin, { action: 'exiger-2fa', roles: ['commune'] })).toMatchObject({ ok: true });
    expect(await session(40_000)).toMatchObject({ doubleFacteurManquant: false });
    const r = await exigerDoubleFacteur(base.db, admin, { action: 'exiger-2fa', roles: ['commune', 'gestionnaire-creche'] });
    expect(r).toMatchObject({ ok: true, message: expect.stringContaining('Gestionnaire de crèche') });
    const [t] = await base.db.select({ r: schema.territoires.totpRoles }).from(schema.territoires);
    expect(t!.r).toEqual(['commune', 'gestionnaire-creche']);
    expect(await session(40_010)).toMatchObject({ doubleFacteurManquant: true });
    const gestionnaire: Staff = {
      id,
      email: 'creche@capso.test',
      nom: 'Gaëlle Gestion',
      role: 'gestionnaire-creche',
      relaisId: null,
      secteurId: null,
      communeCode: null,
    };
    expect(await etatDoubleFacteur(base.db, gestionnaire)).toMatchObject({ actif: false, exige: true });
  });

  it('the database refuses a role outside the list in the requirement', async () => {
    await expect(base.db.update(schema.territoires).set({ totpRoles: ['famille'] })).rejects.toThrow();
  });
});

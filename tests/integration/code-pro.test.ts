/**
 * The short code of an assistant maternel expires, can be renewed by the
 * relais (the old code and open sessions stop working), and is throttled for
 * all addresses together (rotating addresses do not help a guesser).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { entrerParCode, sessionPro } from '../../src/server/disponibilite/comptes';
import { CODE_PRO_MAX_GLOBAL, noterEchecCodePro } from '../../src/server/auth/throttle';
import { CODE_PRO_VALIDITE_JOURS } from '../../src/domain/disponibilite/code-pro';
import { agirPourPlace } from '../../src/server/staff/offre';
import { parseConfig } from '../../src/server/config';
import type { Staff } from '../../src/server/auth/staff';
import { etapes as etapesPro } from '../../db/seed/demo-pro';

const JOUR = 86_400_000;
const config = parseConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://guichet.exemple.fr' });

describe(`short code of the AMs on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let compte: typeof schema.comptesPro.$inferSelect;
  let admin: Staff;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ etapes: etapesPro });
    [compte] = await base.db
      .select()
      .from(schema.comptesPro)
      .innerJoin(schema.structures, eq(schema.structures.id, schema.comptesPro.structureId))
      .where(and(eq(schema.structures.type, 'assistant-maternel'), eq(schema.structures.actif, true)))
      .limit(1)
      .then((r) => r.map((x) => x.comptes_pro));
    const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, 'admin@exemple.fr'));
    admin = { id: u!.id, email: u!.email, nom: u!.nom, role: u!.role, relaisId: u!.relaisId, secteurId: u!.secteurId, communeCode: u!.communeCode };
  });
  afterAll(async () => base?.detruire());

  it(`works for ${CODE_PRO_VALIDITE_JOURS} days, then is refused as expired and counted as a failure`, async () => {
    const cree = compte.codeCourtCreeLe;
    expect(
      (await entrerParCode(base.db, { code: compte.codeCourt!, ip: '10.1.0.1', maintenant: new Date(cree.getTime() + (CODE_PRO_VALIDITE_JOURS - 1) * JOUR) }))
        .ok,
    ).toBe(true);
    const tard = new Date(cree.getTime() + (CODE_PRO_VALIDITE_JOURS + 1) * JOUR);
    expect(await entrerParCode(base.db, { code: compte.codeCourt!, ip: '10.1.0.2', maintenant: tard })).toEqual({ ok: false, raison: 'expire' });
    const echecs = await base.db.select().from(schema.tentativesConnexion).where(eq(schema.tentativesConnexion.cle, 'code-pro:10.1.0.2'));
    expect(echecs).toHaveLength(1);
  });

  it('the relais creates a new code: it works from today, the old one and open sessions stop working, the action is audited', async () => {
    const tard = new Date(compte.codeCourtCreeLe.getTime() + (CODE_PRO_VALIDITE_JOURS + 2) * JOUR);
    const ouverte = await entrerParCode(base.db, { code: compte.codeCourt!, ip: '10.1.0.3', maintenant: new Date(compte.codeCourtCreeLe.getTime() + JOUR) });
    if (!ouverte.ok) throw new Error('the fresh code should open a session');
    const r = await agirPourPlace(
      { db: base.db, staff: admin, config, secret: 'secret-de-test-code-pro-0123456789abcdef', maintenant: tard },
      compte.structureId,
      { action: 'code' },
    );
    expect(r.ok).toBe(true);
    const [apres] = await base.db.select().from(schema.comptesPro).where(eq(schema.comptesPro.id, compte.id));
    expect(apres!.codeCourt).not.toBe(compte.codeCourt);
    expect(apres!.codeCourtCreeLe.getTime()).toBe(tard.getTime());
    expect((await entrerParCode(base.db, { code: apres!.codeCourt!, ip: '10.1.0.4', maintenant: tard })).ok).toBe(true);
    expect(await entrerParCode(base.db, { code: compte.codeCourt!, ip: '10.1.0.5', maintenant: tard })).toEqual({ ok: false, raison: 'inconnu' });
    expect(await sessionPro(base.db, ouverte.jeton, tard)).toBeNull();
    const audit = await base.db
      .select()
      .from(schema.journalAudit)
      .where(and(eq(schema.journalAudit.action, 'code-pro-renouvele'), eq(schema.journalAudit.objetId, compte.structureId)));
    expect(audit).toHaveLength(1);
  });

  it('failures from rotating addresses add up: past the global ceiling even the right code from a new address is refused', async () => {
    const [c] = await base.db.select().from(schema.comptesPro).where(eq(schema.comptesPro.id, compte.id));
    const maintenant = new Date(c!.codeCourtCreeLe.getTime() + JOUR);
    for (let i = 0; i < CODE_PRO_MAX_GLOBAL; i++) await noterEchecCodePro(base.db, `172.16.${Math.floor(i / 250)}.${i % 250}`, maintenant);
    expect(await entrerParCode(base.db, { code: c!.codeCourt!, ip: '10.9.9.9', maintenant })).toEqual({ ok: false, raison: 'trop-de-tentatives' });
    expect((await entrerParCode(base.db, { code: c!.codeCourt!, ip: '10.9.9.9', maintenant: new Date(maintenant.getTime() + 16 * 60_000) })).ok).toBe(true);
  });
});

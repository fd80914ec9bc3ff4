import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import type { Staff } from '../../src/server/auth/staff';
import { AccesRefuse } from '../../src/server/auth/acces';
import { comparerDoublon, ecarterDoublon, fusionnerDoublon } from '../../src/server/backoffice/doublons';
import { listerFile } from '../../src/server/backoffice/file';
import { lireFiltres } from '../../src/domain/demande/file';

const MAINTENANT = new Date('2026-06-15T09:00:00Z');

describe(`possible duplicates (${DB_KIND})`, () => {
  let base: BaseDeTest;
  const staff: Record<string, Staff> = {};
  let n = 0;
  const demande = async (o: Partial<typeof schema.demandes.$inferInsert>) => {
    const est = staff['animatrice.est@exemple.fr']!;
    const [d] = await base.db
      .insert(schema.demandes)
      .values({
        reference: `D-DB-${++n}`,
        territoireId: 'ca-bethune-bruay',
        relaisId: est.relaisId,
        secteurId: est.secteurId,
        dateDebut: '2026-09-01',
        parents: [{ prenom: 'Inès', nom: 'Test' }],
        email: 'ines@exemple.fr',
        creeLe: new Date(MAINTENANT.getTime() - (10 - n) * 86_400_000),
        ...o,
      })
      .returning();
    return d!;
  };

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    for (const u of await base.db.select().from(schema.utilisateurs))
      staff[u.email] = { id: u.id, email: u.email, nom: u.nom, role: u.role, relaisId: u.relaisId, secteurId: u.secteurId, communeCode: u.communeCode };
  });
  afterAll(async () => base?.detruire());

  it('the queue flags it; staff compare, then merge: history kept, contacts moved, the duplicate closed', async () => {
    const est = staff['animatrice.est@exemple.fr']!;
    const premiere = await demande({ telephone: null });
    const seconde = await demande({ telephone: '0611223344', doublonPossibleDeId: premiere.id });
    await base.db
      .insert(schema.contacts)
      .values({ demandeId: seconde.id, canal: 'telephone', issue: 'joint', motif: 'recherche-mode-accueil', le: MAINTENANT });
    await base.db.insert(schema.notes).values({ demandeId: seconde.id, texte: 'Appel du père' });

    const ligne = (await listerFile(base.db, est, lireFiltres(new URLSearchParams()), MAINTENANT)).lignes.find((l) => l.id === seconde.id)!;
    expect(ligne.badges.map((b) => b.cle)).toContain('doublon');
    await expect(comparerDoublon(base.db, staff['animatrice.ouest@exemple.fr'], seconde.id)).rejects.toBeInstanceOf(AccesRefuse);
    const vue = await comparerDoublon(base.db, est, seconde.id);
    expect([vue!.nouvelle.reference, vue!.originale.reference]).toEqual([seconde.reference, premiere.reference]);

    const r = await fusionnerDoublon(base.db, est, seconde.id, MAINTENANT);
    expect(r).toMatchObject({ ok: true, garde: premiere.id });
    const [p] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, premiere.id));
    const [s] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, seconde.id));
    expect(p!.telephone).toBe('0611223344'); // completed from the duplicate
    expect(s!.etat).toBe('abandonnee');
    expect(await base.db.select().from(schema.contacts).where(eq(schema.contacts.demandeId, premiere.id))).toHaveLength(1);
    expect(await base.db.select().from(schema.notes).where(eq(schema.notes.demandeId, premiere.id))).toHaveLength(1);
    const histP = await base.db.select().from(schema.demandeHistorique).where(eq(schema.demandeHistorique.demandeId, premiere.id));
    expect(histP.map((h) => h.transition)).toContain('fusionDoublon');
    const histS = await base.db.select().from(schema.demandeHistorique).where(eq(schema.demandeHistorique.demandeId, seconde.id));
    expect(histS.find((h) => h.transition === 'abandonner')?.motif).toBe(`Doublon fusionné dans ${premiere.reference}`);
    expect((await fusionnerDoublon(base.db, est, seconde.id, MAINTENANT)).ok).toBe(false);
  });

  it('"not a duplicate" clears the flag and says so in the history', async () => {
    const est = staff['animatrice.est@exemple.fr']!;
    const a = await demande({ email: 'soeur@exemple.fr' });
    const b = await demande({ email: 'soeur@exemple.fr', doublonPossibleDeId: a.id });
    expect((await ecarterDoublon(base.db, est, b.id, MAINTENANT)).ok).toBe(true);
    const [apres] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, b.id));
    expect(apres!.doublonPossibleDeId).toBeNull();
    expect(apres!.etat).toBe('nouvelle');
    expect(await comparerDoublon(base.db, est, b.id)).toBeNull();
    const hist = await base.db.select().from(schema.demandeHistorique).where(eq(schema.demandeHistorique.demandeId, b.id));
    expect(hist.map((h) => h.transition)).toEqual(['doublonEcarte']);
  });
});

/**
 * Several tables' rows as one statement (src/server/insertions.ts), each
 * table's rows as one JSON parameter: every column type the app writes this
 * way comes back as written, a column left undefined keeps its default, and
 * the statement is all or nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { insererEnUneInstruction, insertion } from '../../src/server/insertions';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';

describe(`one statement for many rows on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
  });
  afterAll(async () => base?.detruire());

  it('writes json, arrays, timestamps, text with quotes and newlines; undefined keeps the default, null stays null', async () => {
    const le = new Date('2026-02-03T04:05:06.789Z');
    await insererEnUneInstruction(base.db, [
      insertion(schema.courriels, [
        {
          destinataire: 'a@exemple.fr',
          sujet: 'Objet « guillemets » "doubles"',
          texte: 'ligne 1\nligne 2\t\\ fin',
          html: '<p class="x">é</p>',
          type: 't',
          langue: 'ar',
        },
        {
          destinataire: 'b@exemple.fr',
          sujet: 'Deux',
          texte: 't',
          html: null,
          type: 't',
          langue: 'fr',
          piecesJointes: [{ filename: 'rdv.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }],
        },
      ]),
      insertion(schema.journalAudit, [
        { action: 'demande.creer', objetType: 'essai', objetId: 'x1', details: { liste: [1, 'deux', { trois: null }], texte: 'a"b' }, le },
        // Other columns given: a second group of the same table in the same statement.
        { action: 'demande.creer', objetType: 'essai', objetId: 'x2', details: null },
      ]),
    ]);
    const courriels = await base.db
      .select()
      .from(schema.courriels)
      .where(inArray(schema.courriels.destinataire, ['a@exemple.fr', 'b@exemple.fr']));
    const a = courriels.find((c) => c.destinataire === 'a@exemple.fr')!;
    expect(a).toMatchObject({
      sujet: 'Objet « guillemets » "doubles"',
      texte: 'ligne 1\nligne 2\t\\ fin',
      html: '<p class="x">é</p>',
      statut: 'a-envoyer',
      tentatives: 0,
    });
    expect(a.creeLe).toBeInstanceOf(Date);
    expect(courriels.find((c) => c.destinataire === 'b@exemple.fr')).toMatchObject({
      html: null,
      piecesJointes: [{ filename: 'rdv.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }],
    });
    const audit = await base.db.select().from(schema.journalAudit).where(eq(schema.journalAudit.objetType, 'essai'));
    expect(audit.find((x) => x.objetId === 'x1')).toMatchObject({ details: { liste: [1, 'deux', { trois: null }], texte: 'a"b' }, le });
    expect(audit.find((x) => x.objetId === 'x2')).toMatchObject({ details: null });
  });

  it('writes dates, text arrays and numbers, checks foreign keys at the end of the statement, and writes nothing when one row fails', async () => {
    const [a] = await base.db.select().from(schema.adhesions).limit(1);
    await expect(
      insererEnUneInstruction(base.db, [
        insertion(schema.journalAudit, [{ action: 'demande.creer', objetType: 'essai-rate', objetId: 'y' }]),
        insertion(schema.enfants, [{ demandeId: '00000000-0000-4000-8000-000000000000', ordre: 0, dateNaissance: '2025-01-01' }]),
      ]),
    ).rejects.toThrow();
    expect(await base.db.select().from(schema.journalAudit).where(eq(schema.journalAudit.objetType, 'essai-rate'))).toHaveLength(0);
    // A commune and its membership in the same statement: the foreign key is checked at the end of it.
    const contour = { type: 'Point' as const, coordinates: [2.5, 50.5] };
    await insererEnUneInstruction(base.db, [
      insertion(schema.adhesions, [{ communeCode: '99001', relaisId: a!.relaisId, secteurId: null, debut: '2040-02-29', fin: '2041-01-01' }]),
      insertion(schema.communes, [
        { code: '99001', territoireId: 'ca-bethune-bruay', nom: "L'Essai-sur-Mer", codesPostaux: ['99100', '99200'], centreLat: 50.5, contour },
      ]),
    ]);
    const [c] = await base.db.select().from(schema.communes).where(eq(schema.communes.code, '99001'));
    expect(c).toMatchObject({ nom: "L'Essai-sur-Mer", codesPostaux: ['99100', '99200'], centreLat: 50.5, centreLon: null, contour, population: null });
    const [e] = await base.db.select().from(schema.adhesions).where(eq(schema.adhesions.communeCode, '99001'));
    expect(e).toMatchObject({ relaisId: a!.relaisId, secteurId: null, debut: '2040-02-29', fin: '2041-01-01' });
  });
});

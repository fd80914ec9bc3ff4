import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like, sql } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import type { Staff } from '../../src/server/auth/staff';
import { importerListeAm, previsualiserImport } from '../../src/server/disponibilite/import';
import { communesGerees } from '../../src/server/disponibilite/perimetre';

const JOUR = '2026-03-02';

async function staff(base: BaseDeTest, email: string): Promise<Staff> {
  const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, email));
  return { id: u!.id, email: u!.email, nom: u!.nom, role: u!.role, relaisId: u!.relaisId, secteurId: u!.secteurId, communeCode: u!.communeCode };
}

describe(`RPE imports the AM list from a CSV file on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let admin: Staff, est: Staff;
  let csv: string;
  const mauvaises = [14, 51, 88, 120, 177]; // spreadsheet line numbers (header = 1)

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    admin = await staff(base, 'admin@exemple.fr');
    est = await staff(base, 'animatrice.est@exemple.fr');
    const communes = await communesGerees(base.db, est, JOUR);
    const lignes = ["\uFEFFNom;Prénom;Adresse;Code postal;Commune;N° d'agrément;Nombre de places agréées;Âges;Téléphone;Courriel"];
    for (let i = 0; i < 200; i++) {
      const numero = i + 2;
      const c = communes[i % communes.length]!;
      const cellules = [
        `Nomtest${i}`,
        `Prénom${i}`,
        `${i + 1} rue des Tests`,
        c.codesPostaux[0] ?? '',
        i % 3 === 0 ? c.code : c.nom,
        `PMI-62-${String(i).padStart(5, '0')}`,
        String(1 + (i % 4)),
        '0-3 ans',
        `06 00 00 ${String(i % 100).padStart(2, '0')} 00`,
        `am.import${i}@exemple.fr`,
      ];
      if (numero === 14) cellules[0] = '';
      if (numero === 51) cellules[4] = 'Ville-Inconnue';
      if (numero === 88) cellules[6] = '9';
      if (numero === 120) cellules[9] = 'pas-une-adresse';
      if (numero === 177) cellules[5] = 'PMI-62-00003'; // same agrément as line 5
      lignes.push(cellules.join(';'));
    }
    csv = lignes.join('\r\n') + '\r\n';
  });
  afterAll(async () => base?.detruire());

  it('the preview reports exactly the 5 bad lines and writes nothing', async () => {
    const p = await previsualiserImport(base.db, admin, csv, JOUR);
    if (!p.ok) throw new Error(JSON.stringify(p.erreur));
    expect(p.erreurs.map((e) => [e.numero, e.erreurs])).toEqual([
      [14, ['nom']],
      [51, ['commune']],
      [88, ['capacite']],
      [120, ['email']],
      [177, ['agrement-double']],
    ]);
    expect([p.creees, p.modifiees, p.inchangees]).toEqual([195, 0, 0]);
    const [n] = await base.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.structures)
      .where(like(schema.structures.agrement, 'PMI-62-%'));
    expect(n!.n).toBe(0);
  });

  it('imports the 195 good lines with a pro account each; a second import changes nothing', async () => {
    const r = await importerListeAm(base.db, admin, csv, JOUR);
    if (!r.ok) throw new Error('unreadable');
    expect(r.erreurs.map((e) => e.numero)).toEqual(mauvaises);
    expect(r.creees).toBe(195);
    const lire = () =>
      base.db
        .select({ id: schema.structures.id, modifieLe: schema.structures.modifieLe, agrement: schema.structures.agrement, compte: schema.comptesPro.id })
        .from(schema.structures)
        .leftJoin(schema.comptesPro, eq(schema.comptesPro.structureId, schema.structures.id))
        .where(like(schema.structures.agrement, 'PMI-62-%'))
        .orderBy(schema.structures.agrement);
    const avant = await lire();
    expect(avant).toHaveLength(195);
    expect(avant.every((a) => a.compte)).toBe(true);
    const [am] = await base.db.select().from(schema.structures).where(eq(schema.structures.agrement, 'PMI-62-00000'));
    expect(am).toMatchObject({
      type: 'assistant-maternel',
      prenom: 'Prénom0',
      nomFamille: 'Nomtest0',
      nom: 'Prénom0 N.',
      capacite: 1,
      ageMinMois: 0,
      ageMaxMois: 36,
      telephone: '06 00 00 00 00',
      email: 'am.import0@exemple.fr',
      positionPublique: 'commune',
      dispoStatut: 'inconnu',
    });

    const r2 = await importerListeAm(base.db, admin, csv, JOUR);
    if (!r2.ok) throw new Error('unreadable');
    expect([r2.creees, r2.modifiees, r2.inchangees]).toEqual([0, 0, 195]);
    expect(r2.erreurs.map((e) => e.numero)).toEqual(mauvaises);
    expect(await lire()).toEqual(avant);
    const [comptes] = await base.db.select({ n: sql<number>`count(*)::int` }).from(schema.comptesPro);
    expect(comptes!.n).toBe(195);
  });

  it('a changed phone number updates that AM only', async () => {
    const modifie = csv.replace('06 00 00 07 00', '07 11 22 33 44');
    const r = await importerListeAm(base.db, admin, modifie, JOUR);
    if (!r.ok) throw new Error('unreadable');
    expect([r.creees, r.modifiees, r.inchangees]).toEqual([0, 1, 194]);
    const [am] = await base.db.select().from(schema.structures).where(eq(schema.structures.agrement, 'PMI-62-00007'));
    expect(am!.telephone).toBe('07 11 22 33 44');
  });

  it('the Ouest animatrice cannot import AM of the Est sector', async () => {
    const ouest = await staff(base, 'animatrice.ouest@exemple.fr');
    const p = await previsualiserImport(base.db, ouest, csv, JOUR);
    if (!p.ok) throw new Error('unreadable');
    expect(p.creees + p.modifiees + p.inchangees).toBe(0);
    expect(p.erreurs.filter((e) => e.erreurs.includes('commune-hors-perimetre'))).toHaveLength(199); // every line but the unknown commune
  });
});

/**
 * A commune's account sees its commune's statistics under the open-data rule:
 * at least a month, counts from 1 to 4 hidden (and what is computed from
 * them); the relais' staff see the same scope with exact figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { chargerStatistiques, lignesExport } from '../../src/server/stats/page';
import type { Staff } from '../../src/server/auth/staff';
import { AccesRefuse } from '../../src/server/auth/acces';
import { demandeAvecJeton } from './rdv-outils';

const MAINTENANT = new Date('2026-03-02T09:00:00Z');

describe(`statistics of a commune's account on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let commune: Staff, admin: Staff;
  const staff = async (email: string): Promise<Staff> => {
    const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, email));
    return { id: u!.id, email: u!.email, nom: u!.nom, role: u!.role, relaisId: u!.relaisId, secteurId: u!.secteurId, communeCode: u!.communeCode };
  };
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    commune = await staff('commune@exemple.fr');
    admin = await staff('admin@exemple.fr');
    const [r] = await base.db.select().from(schema.relais).where(eq(schema.relais.slug, 'rpe-mutualise'));
    // Three demandes of the commune in a month nobody else filed in: a small count.
    for (let k = 0; k < 3; k++) {
      await demandeAvecJeton(base.db, r!.id, `jeton-stats-commune-${k}`, {
        communeCode: commune.communeCode,
        creeLe: new Date(`2025-07-1${k}T10:00:00Z`),
        urgence: k === 0,
      });
    }
  });
  afterAll(async () => base?.detruire());

  const params = (o: Record<string, string>) => new URLSearchParams({ perimetre: `commune:${commune.communeCode}`, ...o });

  it('a one-day period becomes the whole month, with a message saying why', async () => {
    const d = await chargerStatistiques(base.db, commune, params({ periode: 'personnalisee', du: '2025-07-11', au: '2025-07-11' }), {
      seuilFraicheurJours: 60,
      maintenant: MAINTENANT,
    });
    expect(d.periode).toMatchObject({ type: 'mois', debut: '2025-07-01', fin: '2025-08-01' });
    expect(d.erreur).toMatch(/la période la plus courte est le mois/);
    const staffJour = await chargerStatistiques(base.db, admin, params({ periode: 'personnalisee', du: '2025-07-11', au: '2025-07-11' }), {
      seuilFraicheurJours: 60,
      maintenant: MAINTENANT,
    });
    expect(staffJour.periode.type).toBe('personnalisee');
  });

  it('counts from 1 to 4 are hidden for the commune, exact for the relais; the CSV says "moins de 5"', async () => {
    const q = params({ periode: 'mois', annee: '2025', mois: '7' });
    const exact = await chargerStatistiques(base.db, admin, q, { seuilFraicheurJours: 60, maintenant: MAINTENANT });
    const vue = await chargerStatistiques(base.db, commune, q, { seuilFraicheurJours: 60, maintenant: MAINTENANT });
    expect(exact.indicateurs.demandes.total).toBe(3);
    expect(exact.indicateurs.demandes.urgence).toBe(1);
    expect(vue.masque).toBe(true);
    expect(vue.indicateurs.demandes.total).toBeNull();
    expect(vue.indicateurs.demandes.urgence).toBeNull();
    expect(vue.indicateurs.demandes.parMode.every((x) => x.n === null)).toBe(true);
    expect(vue.indicateurs.parMois.find((m) => m.mois === '2025-07')!.deposees).toBeNull();
    expect(vue.indicateurs.tauxContractualisation).toBeNull();
    expect(vue.indicateurs.demandes.handicap).toBe(0); // zero reveals no one
    const ligne = vue.communes.find((c) => c.code === commune.communeCode)!;
    expect(ligne.deposees).toBeNull();
    const csv = lignesExport(vue);
    expect(csv.find((l) => l[1] === 'demandes déposées')![2]).toBe('moins de 5');
    expect(JSON.stringify(csv)).not.toContain(',3]');
  });

  it('a commune cannot ask for another commune or the territory', async () => {
    await expect(
      chargerStatistiques(base.db, commune, new URLSearchParams({ perimetre: 'territoire' }), { seuilFraicheurJours: 60, maintenant: MAINTENANT }),
    ).rejects.toBeInstanceOf(AccesRefuse);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { chercherAssistantsMaternels } from '../../src/server/rdv/agenda';
import { reserverRdv } from '../../src/server/rdv/reservation';
import { instantParis, jourParis } from '../../src/domain/rdv/creneaux';
import type { Staff } from '../../src/server/auth/staff';
import { SECRET, URL_PUBLIQUE } from './rdv-outils';

const MAINTENANT = new Date('2026-10-19T08:00:00Z'); // Monday 19 October 2026
const JOUR = jourParis(MAINTENANT);

describe(`Professional RDV for an assistant maternel on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let relaisId: string;
  let staffEst: Staff;
  let motifAm: typeof schema.motifsRdv.$inferSelect;
  let amsParCommune: { id: string; agrement: string | null; nomFamille: string | null; communeCode: string; relaisId: string; secteur: string | null }[];

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    const [relais] = await base.db.select().from(schema.relais).where(eq(schema.relais.slug, 'rpe-mutualise'));
    relaisId = relais!.id;
    const [est] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, 'animatrice.est@exemple.fr'));
    staffEst = { id: est!.id, email: est!.email, nom: est!.nom, role: 'animatrice', relaisId, secteurId: est!.secteurId, communeCode: null };
    motifAm = (
      await base.db
        .insert(schema.motifsRdv)
        .values({
          relaisId,
          nom: 'Rendez-vous professionnel AM (test)',
          dureeMinutes: 60,
          modes: ['sur-place', 'telephone'],
          reservableEnLigne: false,
          public: 'am',
        })
        .returning()
    )[0]!;
    // A phone opening of the Est animatrice for professional RDVs, early morning.
    await base.db.insert(schema.plagesOuverture).values({
      relaisId,
      animatriceId: est!.id,
      lieuId: null,
      motifIds: [motifAm!.id],
      jours: [1, 2, 3, 4, 5],
      heureDebut: '07:00',
      heureFin: '09:00',
      valideDu: '2026-01-01',
      delaiMinimumHeures: 0,
      horizonJours: 365,
    });
    amsParCommune = await base.db
      .select({
        id: schema.structures.id,
        agrement: schema.structures.agrement,
        nomFamille: schema.structures.nomFamille,
        communeCode: schema.structures.communeCode,
        relaisId: schema.adhesions.relaisId,
        secteur: schema.secteurs.nom,
      })
      .from(schema.structures)
      .innerJoin(schema.adhesions, eq(schema.adhesions.communeCode, schema.structures.communeCode))
      .leftJoin(schema.secteurs, eq(schema.secteurs.id, schema.adhesions.secteurId))
      .where(
        and(
          eq(schema.structures.type, 'assistant-maternel'),
          eq(schema.structures.actif, true),
          lte(schema.adhesions.debut, JOUR),
          or(isNull(schema.adhesions.fin), gt(schema.adhesions.fin, JOUR)),
        ),
      );
  });
  afterAll(async () => base?.detruire());

  it('Est animatrice finds an AM of her sector by agrément and books a professional RDV for her', async () => {
    const am = amsParCommune.find((x) => x.relaisId === relaisId && x.secteur === 'Est' && x.agrement)!;
    expect(am, 'an active AM in the Est sector').toBeTruthy();
    const trouves = await chercherAssistantsMaternels(base.db, staffEst, relaisId, am.agrement!.toLowerCase(), JOUR);
    expect(trouves.map((x) => x.id)).toEqual([am.id]);
    const x = trouves[0]!;
    const debut = instantParis('2026-10-20', '07:00');
    const r = await reserverRdv(base.db, {
      relaisId,
      motifId: motifAm.id,
      mode: 'telephone',
      lieuId: null,
      debut,
      structureId: x.id,
      parFamille: false,
      staff: staffEst,
      langue: 'fr',
      email: x.email,
      telephone: x.telephone,
      nomContact: `${x.prenom} ${x.nomFamille}`,
      maintenant: MAINTENANT,
      secret: SECRET,
      publicUrl: URL_PUBLIQUE,
    });
    if (!r.ok) throw new Error(r.raison);
    const [row] = await base.db.select().from(schema.rdvs).where(eq(schema.rdvs.id, r.rdvId));
    expect(row!.structureId).toBe(am.id);
    expect(row!.demandeId).toBeNull();
    expect(row!.animatriceId).toBe(staffEst.id);
    expect(row!.email).toBe(x.email);
    expect(row!.debut.toISOString()).toBe(debut.toISOString());
  });

  it('finds no AM of another relais, nor of the Ouest sector, for the Est animatrice', async () => {
    const ailleurs = amsParCommune.find((x) => x.relaisId !== relaisId && x.agrement)!;
    expect(ailleurs, 'an AM of another relais').toBeTruthy();
    expect(await chercherAssistantsMaternels(base.db, staffEst, relaisId, ailleurs.agrement!, JOUR)).toEqual([]);
    const ouest = amsParCommune.find((x) => x.relaisId === relaisId && x.secteur === 'Ouest' && x.agrement)!;
    expect(await chercherAssistantsMaternels(base.db, staffEst, relaisId, ouest.agrement!, JOUR)).toEqual([]);
    // Nor by asking for the other relais' agenda.
    expect(await chercherAssistantsMaternels(base.db, staffEst, ailleurs.relaisId, ailleurs.agrement!, JOUR)).toEqual([]);
    // A broad search stays within her sector and is capped at 20.
    const tous = await chercherAssistantsMaternels(base.db, staffEst, relaisId, '@exemple.fr', JOUR);
    expect(tous.length).toBeGreaterThan(0);
    expect(tous.length).toBeLessThanOrEqual(20);
    const estCodes = new Set(amsParCommune.filter((x) => x.relaisId === relaisId && x.secteur === 'Est').map((x) => x.communeCode));
    expect(tous.every((x) => estCodes.has(x.communeCode))).toBe(true);
  });

  it('an admin finds the AM of any commune of the chosen relais, not of another relais', async () => {
    const [admin] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.role, 'admin'));
    const staffAdmin: Staff = { id: admin!.id, email: admin!.email, nom: admin!.nom, role: 'admin', relaisId: null, secteurId: null, communeCode: null };
    const ouest = amsParCommune.find((x) => x.relaisId === relaisId && x.secteur === 'Ouest' && x.agrement)!;
    expect((await chercherAssistantsMaternels(base.db, staffAdmin, relaisId, ouest.agrement!, JOUR)).map((x) => x.id)).toEqual([ouest.id]);
    const ailleurs = amsParCommune.find((x) => x.relaisId !== relaisId && x.agrement)!;
    expect(await chercherAssistantsMaternels(base.db, staffAdmin, relaisId, ailleurs.agrement!, JOUR)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { ETAPES_DEMO } from '../../db/seed/etapes';
import { reserverRdv } from '../../src/server/rdv/reservation';
import { envoyerRappels } from '../../src/server/rdv/rappels';
import { inscrire, reunionsAVenir } from '../../src/server/rdv/reunions';
import { creneauxDisponibles } from '../../src/server/rdv/reservation';
import { instantParis } from '../../src/domain/rdv/creneaux';
import { chaqueHeure } from '../../src/domain/temps';
import { rdvsAgenda, relaisAgenda } from '../../src/server/rdv/agenda';
import { AccesRefuse } from '../../src/server/auth/acces';
import type { Staff } from '../../src/server/auth/staff';
import { demandeAvecJeton, SECRET, URL_PUBLIQUE } from './rdv-outils';

const SEED = new Date('2026-03-02T09:00:00Z');

describe(`demo agenda, reminders and réunions on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let relaisId: string;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ etapes: ETAPES_DEMO, maintenant: SEED });
    const [r] = await base.db.select().from(schema.relais).where(eq(schema.relais.slug, 'rpe-mutualise'));
    relaisId = r!.id;
  });
  afterAll(async () => base?.detruire());

  it('seeds three motifs, plages at the three sites and by phone, booked RDVs and two réunions', async () => {
    const motifs = await base.db.select().from(schema.motifsRdv).where(eq(schema.motifsRdv.relaisId, relaisId));
    expect(motifs.map((m) => [m.cle, m.dureeMinutes, m.reservableEnLigne])).toEqual([
      ['premier-rdv', 45, true],
      ['employer-am', 30, true],
      ['pro-am', 60, false],
    ]);
    const plages = await base.db.select().from(schema.plagesOuverture).where(eq(schema.plagesOuverture.relaisId, relaisId));
    const lieux = await base.db.select().from(schema.lieux).where(eq(schema.lieux.relaisId, relaisId));
    expect(new Set(plages.map((p) => p.lieuId))).toEqual(new Set([...lieux.map((l) => l.id), null]));
    const rdvs = await base.db.select().from(schema.rdvs).where(eq(schema.rdvs.relaisId, relaisId));
    expect(rdvs.length).toBeGreaterThanOrEqual(3);
    expect((await reunionsAVenir(base.db, { maintenant: SEED, relaisId })).map((r) => r.titre)).toHaveLength(2);
    const { creneaux } = await creneauxDisponibles(base.db, { relaisId, motifId: motifs[0]!.id, maintenant: SEED });
    expect(creneaux.length).toBeGreaterThan(100);
    expect(creneaux.some((c) => rdvs.some((r) => r.debut.getTime() === c.debut.getTime() && r.animatriceId === c.animatriceId))).toBe(false);
  });

  it('sends the reminder 48 hours before, once, with an SMS-ready text, and skips RDVs booked within that window', async () => {
    const [motif] = await base.db
      .select()
      .from(schema.motifsRdv)
      .where(and(eq(schema.motifsRdv.relaisId, relaisId), eq(schema.motifsRdv.cle, 'premier-rdv')));
    const d1 = await demandeAvecJeton(base.db, relaisId, 'jeton-rappel-un-000000000000000000');
    const d2 = await demandeAvecJeton(base.db, relaisId, 'jeton-rappel-deux-0000000000000000');
    const debut = instantParis('2026-03-16', '14:00'); // Monday, phone plage of the Est animatrice
    const book = (demandeId: string, d: Date, maintenant: Date) =>
      reserverRdv(base.db, {
        relaisId,
        motifId: motif!.id,
        mode: 'telephone',
        lieuId: null,
        debut: d,
        demandeId,
        parFamille: true,
        langue: 'fr',
        email: 'famille@exemple.fr',
        telephone: '0611223344',
        maintenant,
        secret: SECRET,
        publicUrl: URL_PUBLIQUE,
      });
    const r1 = await book(d1.id, debut, new Date('2026-03-05T09:00:00Z'));
    const r2 = await book(d2.id, instantParis('2026-03-16', '14:45'), new Date('2026-03-15T09:00:00Z'));
    expect(r1.ok && r2.ok).toBe(true);
    const tot = new Date(debut.getTime() - 50 * 3600_000);
    expect((await envoyerRappels(base.db, { maintenant: tot, secret: SECRET, publicUrl: URL_PUBLIQUE })).rdv).toBe(0);
    const pile = new Date(debut.getTime() - 47 * 3600_000);
    expect((await envoyerRappels(base.db, { maintenant: pile, secret: SECRET, publicUrl: URL_PUBLIQUE })).rdv).toBe(1);
    expect((await envoyerRappels(base.db, { maintenant: new Date(pile.getTime() + 3600_000), secret: SECRET, publicUrl: URL_PUBLIQUE })).rdv).toBe(0);
    const mails = await base.db.select().from(schema.courriels).where(eq(schema.courriels.type, 'rdv-rappel'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.sujet).toBe('Rappel : rendez-vous le lundi 16 mars 2026 à 14:00');
    const [row] = await base.db
      .select()
      .from(schema.rdvs)
      .where(eq(schema.rdvs.id, r1.ok ? r1.rdvId : ''));
    expect(row!.smsTexte).toMatch(/^Rappel RPE : RDV 16\/03 a 14:00, par telephone\. Deplacer\/annuler : https:\/\/guichet\.exemple\.fr\/rdv\/gerer\//);
  });

  it('never lets concurrent sign-ups exceed the capacity of a réunion, and reminds those signed up', async () => {
    const [reunion] = await reunionsAVenir(base.db, { maintenant: SEED, relaisId });
    const maintenant = new Date(reunion!.debut.getTime() - 5 * 86400_000);
    const r = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        inscrire(base.db, {
          reunionId: reunion!.id,
          nom: `Parent ${i}`,
          email: `parent${i}@exemple.fr`,
          telephone: null,
          places: 2,
          profil: 'famille',
          langue: 'fr',
          secret: SECRET,
          publicUrl: URL_PUBLIQUE,
          maintenant,
        }),
      ),
    );
    expect(r.filter((x) => x.ok)).toHaveLength(10); // 20 seats, 2 each
    expect(r.filter((x) => !x.ok && x.raison === 'complet')).toHaveLength(2);
    const [{ n }] = (await base.db
      .select({ n: sql<number>`sum(places)::int` })
      .from(schema.inscriptionsReunion)
      .where(eq(schema.inscriptionsReunion.reunionId, reunion!.id))) as [{ n: number }];
    expect(n).toBe(20);
    const deja = await inscrire(base.db, {
      reunionId: reunion!.id,
      nom: 'Parent 0',
      email: 'parent0@exemple.fr',
      telephone: null,
      places: 1,
      profil: 'famille',
      langue: 'fr',
      secret: SECRET,
      publicUrl: URL_PUBLIQUE,
      maintenant,
    });
    expect(deja).toEqual({ ok: false, raison: 'deja' });
    const envoi = await envoyerRappels(base.db, { maintenant: new Date(reunion!.debut.getTime() - 24 * 3600_000), secret: SECRET, publicUrl: URL_PUBLIQUE });
    expect(envoi.reunions).toBe(10);
  });

  it('shows each animatrice her relais agenda only, with family names of her sector only', async () => {
    const staff = async (email: string): Promise<Staff> => {
      const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, email));
      return { id: u!.id, email: u!.email, nom: u!.nom, role: u!.role, relaisId: u!.relaisId, secteurId: u!.secteurId, communeCode: u!.communeCode };
    };
    const commune = await staff('commune@exemple.fr');
    await expect(relaisAgenda(base.db, commune, relaisId)).rejects.toBeInstanceOf(AccesRefuse);
    const autre = await staff('animatrice.relais2@exemple.fr');
    expect((await relaisAgenda(base.db, autre, relaisId)).id).not.toBe(relaisId);
    const [ouest] = await base.db
      .select()
      .from(schema.secteurs)
      .where(and(eq(schema.secteurs.relaisId, relaisId), eq(schema.secteurs.nom, 'Ouest')));
    const d = await demandeAvecJeton(base.db, relaisId, 'jeton-secteur-ouest-0000000000000', {
      secteurId: ouest!.id,
      parents: [{ prenom: 'Léa', nom: 'Ouestienne' }],
    });
    const [motif] = await base.db
      .select()
      .from(schema.motifsRdv)
      .where(and(eq(schema.motifsRdv.relaisId, relaisId), eq(schema.motifsRdv.cle, 'premier-rdv')));
    const r = await reserverRdv(base.db, {
      relaisId,
      motifId: motif!.id,
      mode: 'telephone',
      lieuId: null,
      debut: instantParis('2026-03-17', '14:00'),
      demandeId: d.id,
      parFamille: true,
      maintenant: SEED,
      secret: SECRET,
      publicUrl: URL_PUBLIQUE,
    });
    expect(r.ok).toBe(true);
    const fenetre = { relaisId, du: instantParis('2026-03-17', '00:00'), au: instantParis('2026-03-18', '00:00') };
    const vuEst = (await rdvsAgenda(base.db, await staff('animatrice.est@exemple.fr'), fenetre)).find((x) => x.demandeId === d.id)!;
    expect(vuEst.famille).toBe(d.reference);
    const vuOuest = (await rdvsAgenda(base.db, await staff('animatrice.ouest@exemple.fr'), fenetre)).find((x) => x.demandeId === d.id)!;
    expect(vuOuest.famille).toBe(`Léa Ouestienne (${d.reference})`);
  });

  it('runs the reminder task once per Paris hour', () => {
    expect(chaqueHeure(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02');
    expect(chaqueHeure(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02'); // the repeated hour of the October change: one run
  });
});

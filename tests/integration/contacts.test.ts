import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import type { Staff } from '../../src/server/auth/staff';
import { AccesRefuse } from '../../src/server/auth/acces';
import { ajouterContact, chargerDemande } from '../../src/server/backoffice/demande';
import { listerFile } from '../../src/server/backoffice/file';
import { lireFiltres } from '../../src/domain/demande/file';
import { ajouterContactPro, listerContactsPro } from '../../src/server/contacts/journal';
import { compterContacts } from '../../src/server/contacts/indicateurs';
import { amEnSousActivite } from '../../src/server/contacts/sous-activite';
import { communesDuRelais } from '../../src/server/donnees/perimetre';

const MAINTENANT = new Date('2026-06-15T09:00:00Z');
const JOUR = 86_400_000;

describe(`contacts that count right (${DB_KIND})`, () => {
  let base: BaseDeTest;
  const staff: Record<string, Staff> = {};
  let M: string;
  let B: string;
  let codeM: string;
  let codeB: string;

  const demande = async (o: Partial<typeof schema.demandes.$inferInsert> = {}) => {
    const [d] = await base.db
      .insert(schema.demandes)
      .values({
        reference: `D-CT-${Math.random().toString(36).slice(2, 8)}`,
        territoireId: 'ca-bethune-bruay',
        relaisId: M,
        secteurId: staff['animatrice.est@exemple.fr']!.secteurId,
        dateDebut: '2026-09-01',
        creeLe: new Date(MAINTENANT.getTime() - 20 * JOUR),
        parents: [{ prenom: 'Nadia', nom: 'Test' }],
        ...o,
      })
      .returning();
    return d!;
  };
  const am = async (code: string, nom: string, historique: { ilYaJours: number; statut: 'places' | 'complet' }[], creeIlYaJours = 400) => {
    const [c] = await base.db.select().from(schema.communes).where(eq(schema.communes.code, code));
    const dernier = historique[historique.length - 1];
    const [s] = await base.db
      .insert(schema.structures)
      .values({
        type: 'assistant-maternel',
        nom,
        communeCode: code,
        lat: c!.centreLat!,
        lon: c!.centreLon!,
        positionPublique: 'commune',
        latPublique: c!.centreLat!,
        lonPublique: c!.centreLon!,
        capacite: 4,
        dispoStatut: dernier?.statut ?? 'places',
        telephone: '0600000000',
        creeLe: new Date(MAINTENANT.getTime() - creeIlYaJours * JOUR),
      })
      .returning({ id: schema.structures.id });
    if (historique.length) {
      await base.db
        .insert(schema.dispoHistorique)
        .values(historique.map((h) => ({ structureId: s!.id, le: new Date(MAINTENANT.getTime() - h.ilYaJours * JOUR), statut: h.statut, source: 'am' })));
    }
    return s!.id;
  };

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    for (const u of await base.db.select().from(schema.utilisateurs)) {
      staff[u.email] = { id: u.id, email: u.email, nom: u.nom, role: u.role, relaisId: u.relaisId, secteurId: u.secteurId, communeCode: u.communeCode };
    }
    const relais = await base.db.select().from(schema.relais);
    M = relais.find((r) => r.slug === 'rpe-mutualise')!.id;
    B = relais.find((r) => r.slug === 'rpe-bethune-centre')!.id;
    expect(staff['animatrice.est@exemple.fr']!.relaisId).toBe(M);
    codeM = [...(await communesDuRelais(base.db, M, MAINTENANT))].sort()[0]!;
    codeB = [...(await communesDuRelais(base.db, B, MAINTENANT))].sort()[0]!;
  });
  afterAll(async () => base?.detruire());

  it('an "injoignable" contact leaves the first-contact clock running; reaching the family stops it', async () => {
    const est = staff['animatrice.est@exemple.fr']!;
    const d = await demande({ urgence: true });
    const retard = async () => (await listerFile(base.db, est, lireFiltres(new URLSearchParams({ signal: 'retard' })), MAINTENANT)).lignes.map((l) => l.id);
    expect(await retard()).toContain(d.id);

    expect((await ajouterContact(base.db, est, d.id, { canal: 'telephone', motif: 'recherche-mode-accueil', issue: 'injoignable' }, MAINTENANT)).ok).toBe(true);
    expect((await ajouterContact(base.db, est, d.id, { canal: 'sms', motif: 'recherche-mode-accueil', issue: 'message-laisse' }, MAINTENANT)).ok).toBe(true);
    let fiche = await chargerDemande(base.db, est, d.id, MAINTENANT);
    expect(fiche.demande.etat).toBe('nouvelle');
    expect(fiche.demande.premierContactLe).toBeNull();
    expect(fiche.contacts).toHaveLength(2);
    expect(fiche.badges.map((b) => b.cle)).toContain('retard');
    expect(await retard()).toContain(d.id);

    const plusTard = new Date(MAINTENANT.getTime() + 3600_000);
    expect((await ajouterContact(base.db, est, d.id, { canal: 'telephone', motif: 'recherche-mode-accueil', issue: 'joint' }, plusTard)).ok).toBe(true);
    fiche = await chargerDemande(base.db, est, d.id, plusTard);
    expect(fiche.demande.etat).toBe('en-cours');
    expect(fiche.demande.premierContactLe).toEqual(plusTard);
    expect(fiche.badges.map((b) => b.cle)).not.toContain('retard');
    expect(await retard()).not.toContain(d.id);
  });

  it('a demande put in touch before any contact still shows as overdue', async () => {
    const est = staff['animatrice.est@exemple.fr']!;
    const d = await demande({ etat: 'mise-en-relation' });
    expect((await listerFile(base.db, est, lireFiltres(new URLSearchParams({ signal: 'retard' })), MAINTENANT)).lignes.map((l) => l.id)).toContain(d.id);
  });

  it('logs contacts with professionals in the same table, within the relais, with their own motifs', async () => {
    const est = staff['animatrice.est@exemple.fr']!;
    const admin = Object.values(staff).find((u) => u.role === 'admin')!;
    const amM = await am(codeM, 'Aline M.', [{ ilYaJours: 10, statut: 'places' }]);
    const amB = await am(codeB, 'Berthe B.', [{ ilYaJours: 10, statut: 'places' }]);

    const sansMotif = await ajouterContactPro(base.db, est, { public: 'assistant-maternel', canal: 'telephone', issue: 'joint' }, MAINTENANT);
    expect(sansMotif).toEqual({ ok: false, erreurs: { motif: 'Choisissez le motif principal du contact' } });
    const motifFamille = await ajouterContactPro(
      base.db,
      est,
      { public: 'assistant-maternel', motif: 'parentalite', canal: 'telephone', issue: 'joint' },
      MAINTENANT,
    );
    expect(motifFamille.ok).toBe(false);
    const ailleurs = await ajouterContactPro(
      base.db,
      est,
      { public: 'assistant-maternel', motif: 'agrement', canal: 'telephone', issue: 'joint', structureId: amB },
      MAINTENANT,
    );
    expect(ailleurs).toEqual({ ok: false, erreurs: { structureId: 'Ce professionnel n’exerce pas dans une commune du relais' } });
    await expect(
      ajouterContactPro(base.db, est, { public: 'assistant-maternel', motif: 'agrement', canal: 'telephone', issue: 'joint', relaisId: B }, MAINTENANT),
    ).rejects.toBeInstanceOf(AccesRefuse);
    await expect(
      ajouterContactPro(base.db, staff['commune@exemple.fr'], { public: 'candidat', motif: 'autre', canal: 'telephone', issue: 'joint' }, MAINTENANT),
    ).rejects.toBeInstanceOf(AccesRefuse);

    const ok = await ajouterContactPro(
      base.db,
      est,
      {
        public: 'assistant-maternel',
        motif: 'sous-activite',
        canal: 'telephone',
        sens: 'sortant',
        issue: 'joint',
        structureId: amM,
        note: 'Pas de demande depuis l’été',
      },
      MAINTENANT,
    );
    expect(ok.ok).toBe(true);
    expect((await ajouterContactPro(base.db, est, { public: 'candidat', motif: 'agrement', canal: 'accueil-physique', issue: 'joint' }, MAINTENANT)).ok).toBe(
      true,
    );
    // The territory admin names the relais.
    expect(await ajouterContactPro(base.db, admin, { public: 'garde-a-domicile', motif: 'remuneration', canal: 'email', issue: 'joint' }, MAINTENANT)).toEqual({
      ok: false,
      erreurs: { relaisId: 'Choisissez le relais' },
    });
    expect(
      (await ajouterContactPro(base.db, admin, { public: 'garde-a-domicile', motif: 'remuneration', canal: 'email', issue: 'joint', relaisId: B }, MAINTENANT))
        .ok,
    ).toBe(true);

    const journal = await listerContactsPro(base.db, est);
    expect(journal.map((l) => [l.public, l.motif, l.structureNom])).toEqual(
      expect.arrayContaining([
        ['assistant-maternel', 'sous-activite', 'Aline M.'],
        ['candidat', 'agrement', null],
      ]),
    );
    expect(journal.some((l) => l.public === 'garde-a-domicile')).toBe(false); // relais B's
    expect((await listerContactsPro(base.db, admin)).some((l) => l.public === 'garde-a-domicile')).toBe(true);

    // The database refuses a family motif on a professional's contact and a family contact without demande.
    await expect(
      base.db.insert(schema.contacts).values({ relaisId: M, public: 'assistant-maternel', motif: 'parentalite', canal: 'telephone' }),
    ).rejects.toThrow();
    await expect(base.db.insert(schema.contacts).values({ relaisId: M, public: 'famille', motif: 'parentalite', canal: 'telephone' })).rejects.toThrow();
  });

  it('counts contacts by public and motif over a period and a relais (CAF report)', async () => {
    const tous = await compterContacts(base.db, { debut: '2026-06-01', fin: '2026-07-01', relaisId: M });
    expect(tous.parPublic).toEqual({ famille: 3, 'assistant-maternel': 1, 'garde-a-domicile': 0, candidat: 1 });
    expect(tous.lignes).toEqual(
      expect.arrayContaining([
        { public: 'famille', motif: 'recherche-mode-accueil', n: 3 },
        { public: 'assistant-maternel', motif: 'sous-activite', n: 1 },
        { public: 'candidat', motif: 'agrement', n: 1 },
      ]),
    );
    expect(tous.total).toBe(5);
    expect((await compterContacts(base.db, { debut: '2026-06-01', fin: '2026-07-01', relaisId: M, aboutisSeulement: true })).parPublic.famille).toBe(1);
    expect((await compterContacts(base.db, { debut: '2026-06-01', fin: '2026-07-01', relaisId: B })).parPublic).toMatchObject({
      famille: 0,
      'garde-a-domicile': 1,
    });
    expect((await compterContacts(base.db, { debut: '2026-06-01', fin: '2026-07-01' })).total).toBe(6);
    // Paris day boundaries: 15 June 09:00 UTC is outside 16 June – 1 July.
    expect((await compterContacts(base.db, { debut: '2026-06-16', fin: '2026-07-01' })).total).toBe(0);
  });

  it('lists the AM whose free places have stayed free for more than N months', async () => {
    const est = staff['animatrice.est@exemple.fr']!;
    const longue = await am(codeM, 'Zoé L.', [
      { ilYaJours: 300, statut: 'complet' },
      { ilYaJours: 200, statut: 'places' },
      { ilYaJours: 30, statut: 'places' },
    ]);
    const recente = await am(codeM, 'Yvette R.', [
      { ilYaJours: 200, statut: 'places' },
      { ilYaJours: 100, statut: 'complet' },
      { ilYaJours: 40, statut: 'places' },
    ]);
    const complete = await am(codeM, 'Xavière C.', [
      { ilYaJours: 200, statut: 'places' },
      { ilYaJours: 5, statut: 'complet' },
    ]);
    const importee = await am(codeM, 'Wanda I.', [], 150);
    const autreRelais = await am(codeB, 'Valérie A.', [{ ilYaJours: 300, statut: 'places' }]);
    const liste = await amEnSousActivite(base.db, est, { mois: 3, maintenant: MAINTENANT });
    const ids = liste.map((a) => a.id);
    expect(ids).toContain(longue);
    expect(ids).toContain(importee);
    expect(ids).not.toContain(recente);
    expect(ids).not.toContain(complete);
    expect(ids).not.toContain(autreRelais);
    const zoe = liste.find((a) => a.id === longue)!;
    expect(zoe.placesLibresDepuis).toEqual(new Date(MAINTENANT.getTime() - 200 * JOUR));
    expect(zoe.dernierContactLe).toBeNull();
    expect((await amEnSousActivite(base.db, est, { mois: 6, maintenant: MAINTENANT })).map((a) => a.id)).toContain(longue);
    expect((await amEnSousActivite(base.db, est, { mois: 7, maintenant: MAINTENANT })).map((a) => a.id)).not.toContain(longue);
  });
});

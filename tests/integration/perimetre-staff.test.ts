/**
 * Every staff handler that names a demande, a RDV, a réunion, a place or an
 * email refuses an animatrice of another relais (issue 16), whatever she
 * posts; and a staff member acting through a family's private link is
 * recorded as herself, never as the family.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { parseConfig } from '../../src/server/config';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { AccesRefuse } from '../../src/server/auth/acces';
import type { Staff } from '../../src/server/auth/staff';
import { exigerRessource } from '../../src/server/auth/garde';
import type { ContexteStaff } from '../../src/server/staff/contexte';
import { agirSurDemande } from '../../src/server/staff/fiche-demande';
import { agirSurRdv, lireRdvStaff } from '../../src/server/staff/rdv';
import { modifierParametresAgenda } from '../../src/server/staff/agenda-parametres';
import { creerReunion, lireReunion, noterPresences } from '../../src/server/staff/reunions';
import { agirPourPlace } from '../../src/server/staff/offre';
import { renvoyerCourriel } from '../../src/server/backoffice/courriels-non-distribues';
import { avecStaffSurLienFamille } from '../../src/server/auth/acteur';
import { demandeParJeton, retirerParFamille, vueSuivi } from '../../src/server/demande/suivi';
import { instantParis } from '../../src/domain/rdv/creneaux';
import { demandeAvecJeton } from './rdv-outils';

const MAINTENANT = new Date('2026-03-02T09:00:00Z');
const config = parseConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://guichet.exemple.fr' });

describe(`an animatrice of another relais is refused everywhere (${DB_KIND})`, () => {
  let base: BaseDeTest;
  const staff: Record<string, Staff> = {};
  const ctx = (email: string): ContexteStaff => ({
    db: base.db,
    staff: staff[email]!,
    config,
    secret: 'secret-de-test-perimetre-0123456789abcdef',
    maintenant: MAINTENANT,
  });
  const AUTRE = 'animatrice.relais2@exemple.fr';
  let relaisId: string, demande: string, rdv: string, reunion: string, am: string, courriel: string, plage: string, lieu: string;

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ maintenant: MAINTENANT });
    for (const u of await base.db.select().from(schema.utilisateurs))
      staff[u.email] = { id: u.id, email: u.email, nom: u.nom, role: u.role, relaisId: u.relaisId, secteurId: u.secteurId, communeCode: u.communeCode };
    const est = staff['animatrice.est@exemple.fr']!;
    relaisId = est.relaisId!;
    expect(staff[AUTRE]!.relaisId).not.toBe(relaisId);
    demande = (await demandeAvecJeton(base.db, relaisId, 'jeton-perimetre-staff-0000000000', { secteurId: est.secteurId, etat: 'en-cours' })).id;
    const [motif] = await base.db
      .insert(schema.motifsRdv)
      .values({ relaisId, nom: 'Premier rendez-vous (test périmètre)', dureeMinutes: 30, modes: ['telephone'] })
      .returning();
    [{ id: rdv }] = (await base.db
      .insert(schema.rdvs)
      .values({
        relaisId,
        animatriceId: est.id,
        motifId: motif!.id,
        mode: 'telephone',
        debut: instantParis('2026-03-10', '09:00'),
        fin: instantParis('2026-03-10', '09:30'),
        demandeId: demande,
        email: 'famille@exemple.fr',
        telephone: '0612345678',
      })
      .returning({ id: schema.rdvs.id })) as [{ id: string }];
    [{ id: reunion }] = (await base.db
      .insert(schema.reunionsInfo)
      .values({ relaisId, titre: 'Réunion du relais 1', debut: instantParis('2026-03-12', '18:00'), fin: instantParis('2026-03-12', '19:30'), capacite: 20 })
      .returning({ id: schema.reunionsInfo.id })) as [{ id: string }];
    [{ id: am }] = (await base.db
      .select({ id: schema.structures.id })
      .from(schema.structures)
      .innerJoin(schema.adhesions, eq(schema.adhesions.communeCode, schema.structures.communeCode))
      .where(and(eq(schema.structures.type, 'assistant-maternel'), eq(schema.adhesions.relaisId, relaisId)))
      .limit(1)) as [{ id: string }];
    [{ id: courriel }] = (await base.db
      .insert(schema.courriels)
      .values({
        destinataire: 'famille@exemple.fr',
        sujet: 'Votre demande',
        texte: 'x',
        type: 'demande-confirmation',
        objetType: 'demande',
        objetId: demande,
        statut: 'echec',
      })
      .returning({ id: schema.courriels.id })) as [{ id: string }];
    [{ id: plage }] = (await base.db
      .insert(schema.plagesOuverture)
      .values({
        relaisId,
        animatriceId: est.id,
        lieuId: null,
        motifIds: [motif!.id],
        jours: [1],
        heureDebut: '09:00',
        heureFin: '12:00',
        valideDu: '2026-01-01',
      })
      .returning({ id: schema.plagesOuverture.id })) as [{ id: string }];
    [{ id: lieu }] = (await base.db.select({ id: schema.lieux.id }).from(schema.lieux).where(eq(schema.lieux.relaisId, relaisId)).limit(1)) as [{ id: string }];
  });
  afterAll(async () => base?.detruire());

  it('the guard refuses every route naming a resource of relais 1', async () => {
    const u = staff[AUTRE]!;
    for (const [chemin, methode] of [
      [`/admin/demandes/${demande}`, 'GET'],
      [`/admin/agenda/rdv/${rdv}`, 'GET'],
      [`/admin/agenda/rdv/${rdv}`, 'POST'],
      [`/admin/agenda/reunions/${reunion}`, 'GET'],
      [`/admin/offre/${am}`, 'POST'],
      [`/admin/offre/${am}/fiche`, 'GET'],
    ] as const) {
      await expect(exigerRessource(base.db, u, chemin, methode), `${methode} ${chemin}`).rejects.toBeInstanceOf(AccesRefuse);
    }
  });

  it('the handlers refuse her too, and nothing of relais 1 changes', async () => {
    const c = ctx(AUTRE);
    await expect(agirSurDemande(c, demande, { action: 'note', texte: 'Intrusion' })).rejects.toBeInstanceOf(AccesRefuse);
    await expect(agirSurRdv(c, rdv, { action: 'annuler' })).rejects.toBeInstanceOf(AccesRefuse);
    await expect(lireRdvStaff(c, rdv, null)).rejects.toBeInstanceOf(AccesRefuse);
    await expect(noterPresences(c, reunion, {})).rejects.toBeInstanceOf(AccesRefuse);
    await expect(lireReunion(c, reunion)).rejects.toBeInstanceOf(AccesRefuse);
    await expect(agirPourPlace(c, am, { action: 'code' })).rejects.toBeInstanceOf(AccesRefuse);
    expect(await renvoyerCourriel(base.db, staff[AUTRE], { id: courriel })).toEqual({ ok: false, erreur: 'introuvable' });
    // Naming relais 1 in the form changes nothing: an animatrice always works in her own relais.
    await modifierParametresAgenda(c, relaisId, { formulaire: 'plage-fermer', id: plage });
    const r = await creerReunion(c, relaisId, {
      titre: 'Réunion pirate',
      public: 'famille',
      jour: '2026-04-02',
      debut: '18:00',
      fin: '19:00',
      capacite: '10',
      lieuId: lieu,
    });
    expect(r.ok).toBe(false);

    const [p] = await base.db.select().from(schema.plagesOuverture).where(eq(schema.plagesOuverture.id, plage));
    expect(p!.actif).toBe(true);
    const [rv] = await base.db.select().from(schema.rdvs).where(eq(schema.rdvs.id, rdv));
    expect(rv!.statut).not.toBe('annule');
    expect(await base.db.select().from(schema.notes).where(eq(schema.notes.demandeId, demande))).toHaveLength(0);
    const [m] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.id, courriel));
    expect(m!.statut).toBe('echec');
    expect(await base.db.select().from(schema.reunionsInfo).where(eq(schema.reunionsInfo.titre, 'Réunion pirate'))).toHaveLength(0);
  });

  it('a staff member opening and using a family’s private link is recorded as herself, not as the family', async () => {
    const est = staff['animatrice.est@exemple.fr']!;
    const d = (await demandeParJeton(base.db, 'jeton-perimetre-staff-0000000000'))!;
    await avecStaffSurLienFamille(est, async () => {
      await vueSuivi(base.db, d);
      await retirerParFamille(base.db, d.id, 'essai', MAINTENANT);
    });
    const lignes = await base.db.select().from(schema.journalAudit).where(eq(schema.journalAudit.objetId, d.id));
    const parLien = lignes.filter((l) => l.action === 'demande.suivi.consulter' || l.action === 'demande.suivi.retirer');
    expect(parLien.map((l) => l.action).sort()).toEqual(['demande.suivi.consulter', 'demande.suivi.retirer']);
    for (const l of parLien) {
      expect(l.utilisateurId).toBe(est.id);
      expect(l.details).toMatchObject({ viaLienFamille: true });
    }
    // Without a staff session, the family is the actor (no user).
    await vueSuivi(base.db, d);
    const [derniere] = (
      await base.db
        .select()
        .from(schema.journalAudit)
        .where(and(eq(schema.journalAudit.objetId, d.id), eq(schema.journalAudit.action, 'demande.suivi.consulter')))
    ).filter((l) => l.utilisateurId === null);
    expect(derniere).toBeDefined();
  });
});

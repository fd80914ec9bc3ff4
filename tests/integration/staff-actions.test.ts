/**
 * The staff handlers taken out of the back-office pages (src/server/staff/*)
 * and the guard's perimeter rules (src/server/auth/garde.ts): each is refused
 * to the wrong role or sector, answers field errors for bad input, and writes on success.
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
import { agirSurRdv } from '../../src/server/staff/rdv';
import { modifierParametresAgenda } from '../../src/server/staff/agenda-parametres';
import { creerReunion, noterPresences } from '../../src/server/staff/reunions';
import { saisirDemande } from '../../src/server/staff/demande-saisie';
import { agirPourPlace } from '../../src/server/staff/offre';
import { connecterStaff } from '../../src/server/staff/connexion';
import { instantParis } from '../../src/domain/rdv/creneaux';
import { demandeAvecJeton } from './rdv-outils';

const MAINTENANT = new Date('2026-03-02T09:00:00Z');
const config = parseConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://guichet.exemple.fr' });

describe(`staff handlers and guard: role, sector, validation, success (${DB_KIND})`, () => {
  let base: BaseDeTest;
  const staff: Record<string, Staff> = {};
  const ctx = (email: string): ContexteStaff => ({
    db: base.db,
    staff: staff[email]!,
    config,
    secret: 'secret-de-test-staff-0123456789abcdef',
    maintenant: MAINTENANT,
  });
  let relaisId: string;
  let demandeEst: string;
  let rdvEst: string;
  let amEst: string;

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ maintenant: MAINTENANT });
    for (const u of await base.db.select().from(schema.utilisateurs))
      staff[u.email] = { id: u.id, email: u.email, nom: u.nom, role: u.role, relaisId: u.relaisId, secteurId: u.secteurId, communeCode: u.communeCode };
    const est = staff['animatrice.est@exemple.fr']!;
    relaisId = est.relaisId!;
    demandeEst = (await demandeAvecJeton(base.db, relaisId, 'jeton-staff-actions-000000000000', { secteurId: est.secteurId, etat: 'en-cours' })).id;
    const [motif] = await base.db
      .insert(schema.motifsRdv)
      .values({ relaisId, nom: 'Premier rendez-vous (test staff)', dureeMinutes: 30, modes: ['telephone'] })
      .returning();
    const [r] = await base.db
      .insert(schema.rdvs)
      .values({
        relaisId,
        animatriceId: est.id,
        motifId: motif!.id,
        mode: 'telephone',
        debut: instantParis('2026-03-10', '09:00'),
        fin: instantParis('2026-03-10', '09:30'),
        demandeId: demandeEst,
        email: 'famille@exemple.fr',
        telephone: '0612345678',
      })
      .returning();
    rdvEst = r!.id;
    const [am] = await base.db
      .select({ id: schema.structures.id })
      .from(schema.structures)
      .innerJoin(schema.adhesions, eq(schema.adhesions.communeCode, schema.structures.communeCode))
      .where(and(eq(schema.structures.type, 'assistant-maternel'), eq(schema.adhesions.secteurId, est.secteurId!)))
      .limit(1);
    amEst = am!.id;
  });
  afterAll(async () => base?.detruire());

  it('the guard refuses an Est demande and acting on an Est RDV to the Ouest animatrice, and lets the Est one through', async () => {
    const ouest = staff['animatrice.ouest@exemple.fr']!;
    const est = staff['animatrice.est@exemple.fr']!;
    await expect(exigerRessource(base.db, ouest, `/admin/demandes/${demandeEst}`, 'GET')).rejects.toBeInstanceOf(AccesRefuse);
    await expect(exigerRessource(base.db, est, `/admin/demandes/${demandeEst}`, 'GET')).resolves.toBeUndefined();
    // Same relais: she sees the slot in the team agenda, but may not act on it.
    await expect(exigerRessource(base.db, ouest, `/admin/agenda/rdv/${rdvEst}`, 'GET')).resolves.toBeUndefined();
    await expect(exigerRessource(base.db, ouest, `/admin/agenda/rdv/${rdvEst}`, 'POST')).rejects.toBeInstanceOf(AccesRefuse);
    await expect(exigerRessource(base.db, est, `/admin/agenda/rdv/${rdvEst}`, 'POST')).resolves.toBeUndefined();
    await expect(exigerRessource(base.db, staff['animatrice.relais2@exemple.fr']!, `/admin/agenda/rdv/${rdvEst}`, 'GET')).rejects.toBeInstanceOf(AccesRefuse);
    await expect(exigerRessource(base.db, ouest, `/admin/offre/${amEst}`, 'GET')).rejects.toBeInstanceOf(AccesRefuse);
    await expect(exigerRessource(base.db, ouest, '/admin/offre/pas-un-identifiant', 'GET')).rejects.toBeInstanceOf(AccesRefuse);
  });

  it('demande actions: refused out of the sector, field errors, then the note is written', async () => {
    await expect(agirSurDemande(ctx('animatrice.ouest@exemple.fr'), demandeEst, { action: 'note', texte: 'Essai' })).rejects.toBeInstanceOf(AccesRefuse);
    await expect(agirSurDemande(ctx('commune@exemple.fr'), demandeEst, { action: 'note', texte: 'Essai' })).rejects.toBeInstanceOf(AccesRefuse);
    const inconnue = await agirSurDemande(ctx('animatrice.est@exemple.fr'), demandeEst, { action: 'supprimer' });
    expect(inconnue).toMatchObject({ ok: false, action: null, erreurs: { action: 'Action inconnue' } });
    const vide = await agirSurDemande(ctx('animatrice.est@exemple.fr'), demandeEst, { action: 'note', texte: '  ' });
    expect(vide).toMatchObject({ ok: false, action: 'note', erreurs: { texte: 'Écrivez la note' }, saisie: { texte: '  ' } });
    const contact = await agirSurDemande(ctx('animatrice.est@exemple.fr'), demandeEst, {
      action: 'contact',
      canal: 'pigeon',
      motif: 'role-employeur',
      issue: 'joint',
    });
    expect(contact.ok).toBe(false);
    if (!contact.ok) expect(Object.keys(contact.erreurs)).toEqual(['canal']);
    const r = await agirSurDemande(ctx('animatrice.est@exemple.fr'), demandeEst, { action: 'note', texte: 'Rappeler jeudi' });
    expect(r).toEqual({ ok: true, redirection: `/admin/demandes/${demandeEst}?fait=${encodeURIComponent('Note ajoutée.')}#message` });
    const notes = await base.db.select().from(schema.notes).where(eq(schema.notes.demandeId, demandeEst));
    expect(notes.map((n) => n.texte)).toContain('Rappeler jeudi');
  });

  it('RDV actions: the Ouest animatrice may not cancel an Est family’s RDV; a bad slot is a field error; the Est one cancels it', async () => {
    await expect(agirSurRdv(ctx('animatrice.ouest@exemple.fr'), rdvEst, { action: 'annuler' })).rejects.toBeInstanceOf(AccesRefuse);
    const mauvais = await agirSurRdv(ctx('animatrice.est@exemple.fr'), rdvEst, { action: 'deplacer', creneau: 'demain' });
    expect(mauvais).toMatchObject({ ok: false, erreurs: { creneau: 'Choisissez une nouvelle date et heure.' } });
    const inconnue = await agirSurRdv(ctx('animatrice.est@exemple.fr'), rdvEst, { action: 'effacer' });
    expect(inconnue).toMatchObject({ ok: false, erreurs: { action: 'Action inconnue.' } });
    const [avant] = await base.db.select().from(schema.rdvs).where(eq(schema.rdvs.id, rdvEst));
    expect(avant!.statut).toBe('reserve');
    const r = await agirSurRdv(ctx('animatrice.est@exemple.fr'), rdvEst, { action: 'annuler' });
    expect(r).toEqual({ ok: true, redirection: `/admin/agenda/rdv/${rdvEst}?fait=annule` });
    const [apres] = await base.db.select().from(schema.rdvs).where(eq(schema.rdvs.id, rdvEst));
    expect(apres!.statut).toBe('annule');
  });

  it('agenda settings: refused to a commune account, field errors, then a motif is added to her relais only', async () => {
    await expect(modifierParametresAgenda(ctx('commune@exemple.fr'), null, { formulaire: 'motif', nom: 'X' })).rejects.toBeInstanceOf(AccesRefuse);
    const r1 = await modifierParametresAgenda(ctx('animatrice.ouest@exemple.fr'), null, {
      formulaire: 'motif',
      nom: 'A',
      dureeMinutes: '2',
      public: 'famille',
    });
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.erreurs).toMatchObject({ nom: 'Indiquez le nom du motif', dureeMinutes: 'Au moins 5 minutes', modes: 'Cochez au moins un mode' });
    const r2 = await modifierParametresAgenda(ctx('animatrice.ouest@exemple.fr'), null, {
      formulaire: 'motif',
      nom: 'Atelier d’éveil (test)',
      dureeMinutes: '45',
      modes: ['sur-place', 'visio'],
      public: 'famille',
      reservableEnLigne: 'oui',
    });
    expect(r2).toEqual({ ok: true, redirection: '/admin/agenda/parametres' });
    const [m] = await base.db.select().from(schema.motifsRdv).where(eq(schema.motifsRdv.nom, 'Atelier d’éveil (test)'));
    expect(m).toMatchObject({ relaisId, dureeMinutes: 45, modes: ['sur-place', 'visio'], reservableEnLigne: true });
    // An absence that ends before it starts is refused next to "Au".
    const r3 = await modifierParametresAgenda(ctx('animatrice.ouest@exemple.fr'), null, {
      formulaire: 'exception',
      libelle: 'Formation',
      animatriceId: '',
      du: '2026-03-12',
      heureDu: '14:00',
      au: '2026-03-12',
      heureAu: '10:00',
    });
    expect(r3).toMatchObject({ ok: false, formulaire: 'exception', erreurs: { au: 'La fin doit être après le début' } });
  });

  it('réunions: field errors, creation, and attendance refused to another relais', async () => {
    const vide = await creerReunion(ctx('animatrice.est@exemple.fr'), null, {
      titre: '',
      public: 'famille',
      jour: '',
      debut: '18:00',
      fin: '17:00',
      lieuId: '',
      lienVisio: '',
      capacite: '0',
      description: '',
    });
    expect(vide.ok).toBe(false);
    if (!vide.ok) expect(Object.keys(vide.erreurs).sort()).toEqual(['capacite', 'fin', 'jour', 'lienVisio', 'titre']);
    const ok = await creerReunion(ctx('animatrice.est@exemple.fr'), null, {
      titre: 'Devenir parent employeur',
      public: 'famille',
      jour: '2026-03-20',
      debut: '18:00',
      fin: '19:30',
      lieuId: '',
      lienVisio: 'https://visio.exemple.fr/r',
      capacite: '12',
      description: '',
    });
    expect(ok.ok).toBe(true);
    const id = ok.ok ? ok.redirection.match(/reunions\/([0-9a-f-]{36})/)![1]! : '';
    await expect(noterPresences(ctx('animatrice.relais2@exemple.fr'), id, {})).rejects.toBeInstanceOf(AccesRefuse);
    await expect(exigerRessource(base.db, staff['animatrice.relais2@exemple.fr']!, `/admin/agenda/reunions/${id}`, 'GET')).rejects.toBeInstanceOf(AccesRefuse);
    expect(await noterPresences(ctx('animatrice.ouest@exemple.fr'), id, {})).toEqual({ ok: true, redirection: `/admin/agenda/reunions/${id}?fait=presences` });
  });

  it('a demande filed by staff: an unknown channel is an error next to "canal", what was typed comes back', async () => {
    const r = await saisirDemande(ctx('animatrice.est@exemple.fr'), { canal: 'pigeon', p1Prenom: 'Awa' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.erreurs.canal).toBe('demande.erreur.choix');
      expect(r.formulaire.p1Prenom).toBe('Awa');
      expect(r.canal).toBe('pigeon');
    }
  });

  it('a place updated after a call: refused out of the sector, an age group is required, then recorded', async () => {
    await expect(agirPourPlace(ctx('animatrice.ouest@exemple.fr'), amEst, { action: 'complet' })).rejects.toBeInstanceOf(AccesRefuse);
    const sans = await agirPourPlace(ctx('animatrice.est@exemple.fr'), amEst, { action: 'places' });
    expect(sans.ok).toBe(false);
    const r = await agirPourPlace(ctx('animatrice.est@exemple.fr'), amEst, { action: 'complet' });
    expect(r).toEqual({ ok: true, redirection: `/admin/offre/${amEst}?fait=dispo` });
    const [s] = await base.db.select({ statut: schema.structures.dispoStatut }).from(schema.structures).where(eq(schema.structures.id, amEst));
    expect(s!.statut).toBe('complet');
  });

  it('sign-in: missing fields, wrong password, then a session and only a back-office path to return to', async () => {
    expect(await connecterStaff(base.db, { email: '' }, { ip: '10.0.0.1', dureeHeures: 8, retour: null, publicUrl: 'http://localhost:4321' })).toMatchObject({
      ok: false,
      statut: 422,
    });
    expect(
      await connecterStaff(
        base.db,
        { email: 'admin@exemple.fr', motDePasse: 'faux' },
        { ip: '10.0.0.1', dureeHeures: 8, retour: null, publicUrl: 'http://localhost:4321' },
      ),
    ).toMatchObject({ ok: false, statut: 401, email: 'admin@exemple.fr' });
    const r = await connecterStaff(
      base.db,
      { email: 'admin@exemple.fr', motDePasse: 'mot-de-passe-de-test' },
      { ip: '10.0.0.1', dureeHeures: 8, retour: 'https://ailleurs.exemple/admin', publicUrl: 'http://localhost:4321' },
    );
    expect(r).toMatchObject({ ok: true, redirection: '/admin' });
  });
});

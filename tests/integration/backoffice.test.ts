import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { ETAPES_DEMO } from '../../db/seed/etapes';
import { AccesRefuse } from '../../src/server/auth/acces';
import type { Staff } from '../../src/server/auth/staff';
import { listerFile } from '../../src/server/backoffice/file';
import { ajouterContact, appliquerTransition, assigner, chargerDemande, mettreEnRelationAvec } from '../../src/server/backoffice/demande';
import { suggestionsPour } from '../../src/server/backoffice/suggestions';
import { listerCourriels } from '../../src/server/backoffice/courriels';
import { lireFiltres } from '../../src/domain/demande/file';

const MAINTENANT = new Date('2026-03-02T09:00:00Z');

describe(`back office: queue, detail and the lines nobody may cross (${DB_KIND})`, () => {
  let base: BaseDeTest;
  const staff: Record<string, Staff> = {};
  let demandeEst: string;
  let demandeOuest: string;

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ etapes: ETAPES_DEMO, maintenant: MAINTENANT });
    const us = await base.db.select().from(schema.utilisateurs);
    for (const u of us)
      staff[u.email] = { id: u.id, email: u.email, nom: u.nom, role: u.role, relaisId: u.relaisId, secteurId: u.secteurId, communeCode: u.communeCode };
    const est = staff['animatrice.est@exemple.fr']!;
    const ouest = staff['animatrice.ouest@exemple.fr']!;
    const [e] = await base.db
      .select({ id: schema.demandes.id })
      .from(schema.demandes)
      .where(
        and(
          eq(schema.demandes.secteurId, est.secteurId!),
          eq(schema.demandes.etat, 'nouvelle'),
          eq(schema.demandes.urgence, true),
          eq(schema.demandes.langue, 'fr'),
          // A need the offer can answer (a demande for a garde à domicile alone has no place to suggest).
          sql`${schema.demandes.modesSouhaites} && array['am', 'mam', 'collectif']::text[]`,
        ),
      )
      .orderBy(schema.demandes.reference)
      .limit(1);
    const [o] = await base.db.select({ id: schema.demandes.id }).from(schema.demandes).where(eq(schema.demandes.secteurId, ouest.secteurId!)).limit(1);
    demandeEst = e!.id;
    demandeOuest = o!.id;
  });
  afterAll(async () => base?.detruire());

  it('seeds about 150 demo demandes in every state, with history and contacts', async () => {
    const rows = await base.db
      .select({ etat: schema.demandes.etat, n: sql<number>`count(*)::int` })
      .from(schema.demandes)
      .groupBy(schema.demandes.etat);
    const par = Object.fromEntries(rows.map((r) => [r.etat, Number(r.n)]));
    expect(Object.values(par).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(150);
    for (const e of ['nouvelle', 'en-cours', 'mise-en-relation', 'solution-trouvee', 'sans-solution', 'abandonnee', 'hors-territoire'])
      expect(par[e], e).toBeGreaterThan(0);
    const [h] = await base.db.select({ n: sql<number>`count(*)::int` }).from(schema.demandeHistorique);
    const [c] = await base.db.select({ n: sql<number>`count(*)::int` }).from(schema.contacts);
    expect(Number(h!.n)).toBeGreaterThan(300);
    expect(Number(c!.n)).toBeGreaterThan(100);
  });

  it('animatrice Est filters her queue to urgent demandes and sees only her sector', async () => {
    const est = staff['animatrice.est@exemple.fr']!;
    const page = await listerFile(base.db, est, lireFiltres(new URLSearchParams('urgence=oui')), MAINTENANT);
    expect(page.lignes.length).toBeGreaterThan(0);
    const ids = page.lignes.map((l) => l.id);
    const rows = await base.db
      .select({ secteurId: schema.demandes.secteurId, urgence: schema.demandes.urgence })
      .from(schema.demandes)
      .where(
        sql`${schema.demandes.id} in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
      );
    expect(rows.every((r) => r.urgence && r.secteurId === est.secteurId)).toBe(true);
    expect(page.lignes.some((l) => l.badges.some((b) => b.cle === 'urgence'))).toBe(true);
  });

  it('pages through the queue by keyset without repeating a demande', async () => {
    const admin = staff['admin@exemple.fr']!;
    const vus = new Set<string>();
    let apres: string | null = null;
    let pages = 0;
    do {
      const p = await listerFile(base.db, admin, lireFiltres(new URLSearchParams(apres ? `apres=${apres}` : '')), MAINTENANT);
      for (const l of p.lignes) {
        expect(vus.has(l.id)).toBe(false);
        vus.add(l.id);
      }
      apres = p.suivant;
      pages++;
    } while (apres && pages < 20);
    const [n] = await base.db.select({ n: sql<number>`count(*)::int` }).from(schema.demandes);
    expect(vus.size).toBe(Number(n!.n));
  });

  it('flags a new demande whose first contact is overdue', async () => {
    const est = staff['animatrice.est@exemple.fr']!;
    const tard = new Date(MAINTENANT.getTime() + 30 * 86_400_000);
    const p = await listerFile(base.db, est, lireFiltres(new URLSearchParams('signal=retard')), tard);
    expect(p.lignes.length).toBeGreaterThan(0);
    expect(p.lignes.every((l) => l.etat === 'nouvelle' && l.badges[0]!.cle === 'retard')).toBe(true);
  });

  it('Ouest animatrice cannot open an Est demande', async () => {
    await expect(chargerDemande(base.db, staff['animatrice.ouest@exemple.fr'], demandeEst)).rejects.toBeInstanceOf(AccesRefuse);
  });

  it('commune viewer cannot open the queue, a demande, or the outbox', async () => {
    const commune = staff['commune@exemple.fr']!;
    await expect(listerFile(base.db, commune, lireFiltres(new URLSearchParams()), MAINTENANT)).rejects.toBeInstanceOf(AccesRefuse);
    await expect(chargerDemande(base.db, commune, demandeEst)).rejects.toBeInstanceOf(AccesRefuse);
    await expect(listerCourriels(base.db, commune)).rejects.toBeInstanceOf(AccesRefuse);
  });

  it('animatrice of another relais cannot post a transition, a contact or an assignment on this one', async () => {
    const autre = staff['animatrice.relais2@exemple.fr']!;
    await expect(appliquerTransition(base.db, autre, demandeOuest, { transition: 'abandonner' })).rejects.toBeInstanceOf(AccesRefuse);
    await expect(ajouterContact(base.db, autre, demandeOuest, { canal: 'telephone', issue: 'joint' })).rejects.toBeInstanceOf(AccesRefuse);
    await expect(assigner(base.db, autre, demandeOuest, { assignee: autre.id })).rejects.toBeInstanceOf(AccesRefuse);
    const [d] = await base.db.select({ etat: schema.demandes.etat }).from(schema.demandes).where(eq(schema.demandes.id, demandeOuest));
    expect(d!.etat).not.toBe('abandonnee');
  });

  it('every opening of a demande is written to the audit log', async () => {
    const est = staff['animatrice.est@exemple.fr']!;
    await chargerDemande(base.db, est, demandeEst, MAINTENANT);
    const rows = await base.db
      .select()
      .from(schema.journalAudit)
      .where(and(eq(schema.journalAudit.objetId, demandeEst), eq(schema.journalAudit.action, 'voir')));
    expect(rows.some((r) => r.utilisateurId === est.id)).toBe(true);
  });

  it('animatrice logs a phone contact, proposes a solution and records a mise en relation', async () => {
    const est = staff['animatrice.est@exemple.fr']!;
    const refus = await appliquerTransition(base.db, est, demandeEst, { transition: 'proposerSolution' }, MAINTENANT);
    expect(refus.ok).toBe(false); // not from "nouvelle": only allowed transitions pass
    const invalide = await ajouterContact(base.db, est, demandeEst, { canal: 'pigeon', issue: 'joint' }, MAINTENANT);
    expect(invalide.ok).toBe(false);
    // A call nobody answered is logged but leaves the first-contact clock running.
    expect((await ajouterContact(base.db, est, demandeEst, { canal: 'telephone', motif: 'recherche-mode-accueil', issue: 'injoignable' }, MAINTENANT)).ok).toBe(
      true,
    );
    const avant = await chargerDemande(base.db, est, demandeEst, MAINTENANT);
    expect(avant.demande.etat).toBe('nouvelle');
    expect(avant.demande.premierContactLe).toBeNull();
    expect(avant.contacts).toHaveLength(1);
    expect(avant.contacts[0]).toMatchObject({ issue: 'injoignable', motif: 'recherche-mode-accueil' });
    const sansMotif = await ajouterContact(base.db, est, demandeEst, { canal: 'telephone', issue: 'joint' }, MAINTENANT);
    expect(sansMotif).toEqual({ ok: false, erreurs: { motif: 'Choisissez le motif principal du contact' } });
    expect(
      (
        await ajouterContact(
          base.db,
          est,
          demandeEst,
          { canal: 'telephone', motif: 'recherche-mode-accueil', issue: 'joint', note: 'Besoin confirmé' },
          MAINTENANT,
        )
      ).ok,
    ).toBe(true);
    let detail = await chargerDemande(base.db, est, demandeEst, MAINTENANT);
    expect(detail.demande.etat).toBe('en-cours');
    expect(detail.demande.premierContactLe).not.toBeNull();
    expect(detail.contacts).toHaveLength(2);
    expect(detail.transitions).toContain('proposerSolution');
    expect(detail.transitions).not.toContain('rattacher');
    expect((await appliquerTransition(base.db, est, demandeEst, { transition: 'proposerSolution', motif: 'Deux AM proposées' }, MAINTENANT)).ok).toBe(true);
    const suggestions = await suggestionsPour(base.db, est, demandeEst, { maintenant: MAINTENANT, seuilFraicheurJours: 60 });
    expect(suggestions.length).toBeGreaterThan(0);
    for (let i = 1; i < suggestions.length; i++) expect(suggestions[i - 1]!.score).toBeGreaterThanOrEqual(suggestions[i]!.score);
    const r = await mettreEnRelationAvec(base.db, est, demandeEst, { structureId: suggestions[0]!.lieu.id }, MAINTENANT);
    expect(r.ok).toBe(true);
    detail = await chargerDemande(base.db, est, demandeEst, MAINTENANT);
    expect(detail.demande.etat).toBe('mise-en-relation');
    expect(detail.misesEnRelation[0]!.structureNom).toBe(suggestions[0]!.lieu.nom);
    expect(detail.historique.map((h) => h.transition).slice(0, 3)).toEqual(['mettreEnRelation', 'proposerSolution', 'prendreEnCharge']);
  });

  it('closing without a kind of solution is refused; "sans solution" sends the letter of alternatives', async () => {
    const est = staff['animatrice.est@exemple.fr']!;
    const sansType = await appliquerTransition(base.db, est, demandeEst, { transition: 'conclure' }, MAINTENANT);
    expect(sansType).toEqual({ ok: false, erreurs: { typeSolution: expect.any(String) } });
    const sansMotif = await appliquerTransition(base.db, est, demandeEst, { transition: 'classerSansSolution' }, MAINTENANT);
    expect(sansMotif.ok).toBe(false);
    expect((await appliquerTransition(base.db, est, demandeEst, { transition: 'classerSansSolution', motif: 'Aucune place le samedi' }, MAINTENANT)).ok).toBe(
      true,
    );
    const [m] = await base.db
      .select()
      .from(schema.courriels)
      .where(and(eq(schema.courriels.objetId, demandeEst), eq(schema.courriels.type, 'demande-sans-solution')));
    expect(m).toBeDefined();
    expect(m!.texte).toMatch(/crèche|place|communes voisines|liste d’attente|assistants maternels/i);
    // The animatrice sees it in her outbox; the Ouest one does not.
    expect((await listerCourriels(base.db, est)).lignes.some((x) => x.id === m!.id)).toBe(true);
    expect((await listerCourriels(base.db, staff['animatrice.ouest@exemple.fr'])).lignes.some((x) => x.id === m!.id)).toBe(false);
  });

  it('assignment only to someone of the relais team', async () => {
    const est = staff['animatrice.est@exemple.fr']!;
    expect((await assigner(base.db, est, demandeEst, { assignee: staff['animatrice.relais2@exemple.fr']!.id })).ok).toBe(false);
    expect((await assigner(base.db, est, demandeEst, { assignee: est.id })).ok).toBe(true);
    const p = await listerFile(base.db, est, lireFiltres(new URLSearchParams('assignee=moi')), MAINTENANT);
    expect(p.lignes.map((l) => l.id)).toContain(demandeEst);
  });
});

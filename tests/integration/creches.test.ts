import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { addDays, addMonths } from 'date-fns';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { GRILLE_DEMO } from '../../src/domain/creches/grille';
import { adopterGrille, crechesParticipantes } from '../../src/server/creches/donnees';
import { deposerCandidature, vueCandidature, confirmerCandidature } from '../../src/server/creches/candidature';
import {
  calculerProposition,
  champPlaces,
  cloreSession,
  creerSession,
  deroger,
  expirerOffres,
  repondreOffre,
  publierPv,
} from '../../src/server/creches/commission';
import { relancerConfirmations } from '../../src/server/creches/confirmations';
import { donneesOuvertesCreches, refusSuivisCreches, statistiquesCreches, statistiquesParCritereCreches } from '../../src/server/creches/statistiques';
import { familiesProposees, lirePvPublie, lireSession, listeSansSolution, noterContrat } from '../../src/server/creches/staff';
import { effacerDemande } from '../../src/server/donnees/effacement';
import { donneesDeLaFamille } from '../../src/server/donnees/famille';
import { adopterGrilleFormulaire, saisieDeGrille } from '../../src/server/creches/grille-admin';
import { grilleDuJour } from '../../src/server/creches/donnees';
import { AccesRefuse } from '../../src/server/auth/acces';
import { choisirMotDePasse, inviterPersonne, modifierPersonne } from '../../src/server/territoire/personnes';
import { connecter } from '../../src/server/auth/staff';
import type { Staff } from '../../src/server/auth/staff';

const T = 'ca-bethune-bruay';
const maintenant = new Date('2026-10-01T08:00:00Z');

describe(`crèche places, from applications to the sans-solution list, on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let x: { id: string; communeCode: string };
  let y: { id: string; communeCode: string };
  let admin: Staff;
  const demandes: Record<string, typeof schema.demandes.$inferSelect> = {};

  async function demande(nom: string, communeCode: string) {
    const [d] = await base.db
      .insert(schema.demandes)
      .values({
        reference: `D-2026-C${nom}`,
        territoireId: T,
        communeCode,
        dateDebut: '2027-01-04',
        email: `${nom.toLowerCase()}@exemple.fr`,
        parents: [{ prenom: nom, nom: 'Test' }],
        creeLe: maintenant,
      })
      .returning();
    await base.db.insert(schema.enfants).values({ demandeId: d!.id, dateNaissance: '2026-06-10' });
    demandes[nom] = d!;
    return d!;
  }
  const saisie = (o: Record<string, string | string[]>) => ({
    dateDebut: '2027-01-04',
    jours: ['1', '2', '4'],
    heureDebut: '08:00',
    heureFin: '17:00',
    activite: 'deux-actifs',
    quotient: '',
    ...o,
  });

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    const creches = (await crechesParticipantes(base.db, T)).filter((c) => c.type === 'creche');
    [x, y] = [creches[0]!, creches.find((c) => c.communeCode !== creches[0]!.communeCode)!];
    const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.role, 'admin'));
    admin = { ...u!, structureId: null };
    await adopterGrille(base.db, T, GRILLE_DEMO);
  });
  afterAll(async () => base?.detruire());

  it('takes one application per demande, checks the wishes, and computes the age group', async () => {
    const a = await demande('Alice', x.communeCode);
    const bad = await deposerCandidature(base.db, a, saisie({ voeu1: x.id, voeu2: x.id }), maintenant);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.erreurs.voeu1).toBe('creches.formulaire.erreurs.voeux');
    const none = await deposerCandidature(base.db, a, saisie({ jours: [], activite: 'rien', quotient: 'abc' }), maintenant);
    expect(none.ok ? {} : Object.keys(none.erreurs).sort()).toEqual(['activite', 'jours', 'quotient', 'voeu1']);
    // Alice: most points (same commune as X, social support, low QF); X only.
    expect((await deposerCandidature(base.db, a, saisie({ voeu1: x.id, quotient: '400', accompagnement: 'oui' }), maintenant)).ok).toBe(true);
    expect((await deposerCandidature(base.db, a, saisie({ voeu1: x.id }), maintenant)).ok).toBe(false);
    const [c] = await base.db.select().from(schema.candidaturesCreche).where(eq(schema.candidaturesCreche.demandeId, a.id));
    expect(c!.tranche).toBe('bebe');
    // Bruno: X then Y, fewer points; Chloé: X only, fewest points.
    expect(
      (await deposerCandidature(base.db, await demande('Bruno', y.communeCode), saisie({ voeu1: x.id, voeu2: y.id, quotient: '900' }), maintenant)).ok,
    ).toBe(true);
    expect(
      (await deposerCandidature(base.db, await demande('Chloe', y.communeCode), saisie({ voeu1: x.id, activite: 'un-actif', quotient: '2000' }), maintenant))
        .ok,
    ).toBe(true);
    const vue = await vueCandidature(base.db, demandes.Alice!, maintenant);
    expect(vue!.parCreche[0]!.note!.total).toBeGreaterThan(0);
    expect(vue!.parCreche[0]!.note!.motifs.find((m) => m.critere === 'commune')!.points).toBe(15);
    expect(vue!.parCreche[0]!.bande).toBe('1-5');
  });

  let sessionId = '';
  it('runs a session: stable proposal, overrides need a reason and a place, closing sends offers and the letter', async () => {
    const r = await creerSession(
      base.db,
      admin,
      T,
      { le: '2026-10-05', debutAccueil: '2027-01-04', [champPlaces(x.id, 'bebe')]: '1', [champPlaces(y.id, 'bebe')]: '1' },
      maintenant,
    );
    expect(r.ok).toBe(true);
    sessionId = r.ok ? r.redirection.split('/').pop()! : '';
    const vide = await creerSession(base.db, admin, T, { le: '2026-10-05', debutAccueil: '2027-01-04' }, maintenant);
    expect(vide.ok ? null : vide.erreurs.places).toMatch(/au moins une place/);
    await calculerProposition(base.db, admin, sessionId);
    const s1 = await lireSession(base.db, sessionId, { anonyme: false });
    const parRef = Object.fromEntries(s1!.lignes.map((l) => [l.reference, l.creche]));
    expect(parRef).toEqual({ 'D-2026-CAlice': x.id, 'D-2026-CBruno': y.id, 'D-2026-CChloe': null });
    // Same seed, same input: same result.
    await calculerProposition(base.db, admin, sessionId);
    const s2 = await lireSession(base.db, sessionId, { anonyme: false });
    expect(s2!.lignes.map((l) => [l.reference, l.creche, l.rangTirage])).toEqual(s1!.lignes.map((l) => [l.reference, l.creche, l.rangTirage]));
    const chloe = s2!.lignes.find((l) => l.reference === 'D-2026-CChloe')!;
    const sansMotif = await deroger(base.db, admin, sessionId, chloe.id, { structureId: x.id, motif: 'court' });
    expect(sansMotif.ok ? null : sansMotif.erreurs.motif).toMatch(/motif/);
    const plein = await deroger(base.db, admin, sessionId, chloe.id, { structureId: x.id, motif: 'Situation d’urgence signalée par la PMI' });
    expect(plein.ok ? null : plein.erreurs.structureId).toMatch(/Plus de place/);
    const clos = await cloreSession(base.db, admin, sessionId, maintenant);
    expect(clos).toEqual({ offres: 2, lettres: 1 });
    const courriels = await base.db.select().from(schema.courriels);
    expect(
      courriels
        .filter((c) => c.type === 'creche-offre')
        .map((c) => c.destinataire)
        .sort(),
    ).toEqual(['alice@exemple.fr', 'bruno@exemple.fr']);
    expect(courriels.filter((c) => c.type === 'creche-lettre').map((c) => c.destinataire)).toEqual(['chloe@exemple.fr']);
    await expect(calculerProposition(base.db, admin, sessionId)).rejects.toThrow(/close/);
    const sans = await listeSansSolution(base.db, admin);
    expect(sans.map((s) => s.reference)).toEqual(['D-2026-CChloe']);
  });

  it('leaves a family that has not answered an offer out of the next session', async () => {
    const r = await creerSession(base.db, admin, T, { le: '2026-10-20', debutAccueil: '2027-02-01', [champPlaces(x.id, 'bebe')]: '1' }, maintenant);
    const id = r.ok ? r.redirection.split('/').pop()! : '';
    await calculerProposition(base.db, admin, id);
    const s2 = await lireSession(base.db, id, { anonyme: false });
    expect(s2!.lignes.map((l) => l.reference)).toEqual(['D-2026-CChloe']);
    await base.db.delete(schema.sessionsCommission).where(eq(schema.sessionsCommission.id, id));
  });

  it('never changes a closed session when a new grid is adopted', async () => {
    const avant = await lireSession(base.db, sessionId, { anonyme: true });
    await adopterGrille(base.db, T, { ...GRILLE_DEMO, adopteeLe: '2026-10-02', commune: 100, activite: { ...GRILLE_DEMO.activite, 'un-actif': 200 } });
    const apres = await lireSession(base.db, sessionId, { anonyme: true });
    expect(apres!.lignes.map((l) => l.points)).toEqual(avant!.lignes.map((l) => l.points));
    expect(apres!.grilleVersion).toBe(1);
  });

  it('gives a refused place to the next family at once, then a lapsed one, and lets the crèche manager see only its families', async () => {
    expect(await repondreOffre(base.db, demandes.Alice!.id, false, maintenant)).toBe(true);
    let s = await lireSession(base.db, sessionId, { anonyme: false });
    const ligne = (ref: string) => s!.lignes.find((l) => l.reference === ref)!;
    expect(ligne('D-2026-CBruno')).toMatchObject({ creche: x.id, statut: 'offerte', origine: 'liste-attente' });
    expect(ligne('D-2026-CChloe').statut).toBe('sans-place');
    // Bruno does not answer: the offer lapses and X goes to Chloé.
    expect(await expirerOffres(base.db, addDays(maintenant, 9))).toBe(1);
    expect(await expirerOffres(base.db, addDays(maintenant, 9))).toBe(0);
    s = await lireSession(base.db, sessionId, { anonyme: false });
    expect(ligne('D-2026-CBruno').statut).toBe('expiree');
    expect(ligne('D-2026-CChloe')).toMatchObject({ creche: x.id, statut: 'offerte' });
    expect((await listeSansSolution(base.db, admin)).length).toBe(0);
    expect(await repondreOffre(base.db, demandes.Chloe!.id, true, addDays(maintenant, 10))).toBe(true);
    const vue = await vueCandidature(base.db, demandes.Chloe!, addDays(maintenant, 10));
    expect(vue!.acceptee).toBeTruthy();

    // The crèche manager of X sees Chloé only; the manager of Y sees nobody; an animatrice is refused.
    const [ux] = await base.db
      .insert(schema.utilisateurs)
      .values({ email: 'gx@exemple.fr', nom: 'Gestion X', role: 'gestionnaire-creche', structureId: x.id, motDePasseHash: 'x' })
      .returning();
    const gx: Staff = { ...ux!, structureId: x.id };
    const vx = await familiesProposees(base.db, gx);
    expect(vx.familles.map((f) => f.reference)).toEqual(['D-2026-CChloe']);
    expect((await familiesProposees(base.db, { ...gx, structureId: y.id })).familles).toEqual([]);
    await expect(familiesProposees(base.db, { ...admin, role: 'animatrice' })).rejects.toBeInstanceOf(AccesRefuse);
    expect(await noterContrat(base.db, { ...gx, structureId: y.id }, vx.familles[0]!.propositionId)).toBe(false);
    expect(await noterContrat(base.db, gx, vx.familles[0]!.propositionId)).toBe(true);
  });

  it('lets the admin invite a crèche manager tied to one participating crèche', async () => {
    const publicUrl = 'http://portail.test';
    const inviter = (o: Record<string, string>) =>
      inviterPersonne(base.db, admin, { email: 'gestion.y@exemple.fr', nom: 'Gestion Y', role: 'gestionnaire-creche', ...o }, { publicUrl, maintenant });
    expect(await inviter({})).toMatchObject({ ok: false, erreurs: { structureId: 'Choisissez la crèche du gestionnaire' } });
    const [mam] = await base.db.select().from(schema.structures).where(eq(schema.structures.type, 'mam')).limit(1);
    expect(await inviter({ structureId: mam!.id })).toMatchObject({ ok: false, erreurs: { structureId: expect.stringMatching(/ne participe pas/) } });
    expect(await inviter({ structureId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      erreurs: { structureId: expect.stringMatching(/ne participe pas/) },
    });
    const autre = await inviterPersonne(
      base.db,
      admin,
      { email: 'anim@exemple.fr', nom: 'Anim', role: 'commune', communeCode: x.communeCode, structureId: y.id },
      { publicUrl, maintenant },
    );
    expect(autre).toMatchObject({ ok: false, erreurs: { structureId: expect.stringMatching(/Seul un gestionnaire/) } });
    await expect(
      inviterPersonne(
        base.db,
        { ...admin, role: 'animatrice' },
        { email: 'z@exemple.fr', nom: 'Z', role: 'gestionnaire-creche', structureId: y.id },
        { publicUrl },
      ),
    ).rejects.toBeInstanceOf(AccesRefuse);
    const ok = await inviter({ structureId: y.id });
    expect(ok.ok).toBe(true);
    const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, 'gestion.y@exemple.fr'));
    expect(u).toMatchObject({ role: 'gestionnaire-creche', structureId: y.id, relaisId: null, communeCode: null });
    // The invitation flow: a link by email, a password chosen, then the manager signs in and sees only Y's families.
    const [mail] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.destinataire, 'gestion.y@exemple.fr'));
    const jeton = /\/invitation\/([\w-]+)/.exec(mail!.texte)![1]!;
    expect(
      await choisirMotDePasse(base.db, jeton, { motDePasse: 'une phrase assez longue', confirmation: 'une phrase assez longue' }, maintenant),
    ).toMatchObject({ ok: true });
    expect((await connecter(base.db, { email: 'gestion.y@exemple.fr', motDePasse: 'une phrase assez longue', ip: '1', dureeHeures: 1 })).ok).toBe(true);
    expect((await familiesProposees(base.db, { ...u!, structureId: u!.structureId })).familles).toEqual([]);
    // Moving the manager to crèche X, then to another role, keeps the link consistent.
    expect((await modifierPersonne(base.db, admin, { utilisateurId: u!.id, nom: 'Gestion Y', role: 'gestionnaire-creche', structureId: x.id })).ok).toBe(true);
    expect((await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.id, u!.id)))[0]!.structureId).toBe(x.id);
    expect((await modifierPersonne(base.db, admin, { utilisateurId: u!.id, nom: 'Gestion Y', role: 'commune', communeCode: x.communeCode })).ok).toBe(true);
    expect((await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.id, u!.id)))[0]).toMatchObject({
      role: 'commune',
      structureId: null,
    });
  });

  it('counts places, offers and acceptances by session, crèche and commune; open data masks small counts', async () => {
    const st = await statistiquesCreches(base.db, T);
    expect(st.parSession).toHaveLength(1);
    expect(st.parSession[0]).toMatchObject({ places: 2, candidatures: 3, offres: 3, acceptations: 1, refus: 2 });
    expect(st.parCreche.find((a) => a.cle === x.id)).toMatchObject({ places: 1, offres: 3, acceptations: 1 });
    const ouvert = await donneesOuvertesCreches(base.db, T);
    expect(ouvert.parSession[0]).toMatchObject({ places: 2, candidatures: null, offres: null, acceptations: null, partPlacees: null });
    expect(JSON.stringify(ouvert)).not.toContain('D-2026-C');
  });

  it('counts applications by criterion of the grid in force, and follows refused families to another solution', async () => {
    const pc = await statistiquesParCritereCreches(base.db, T, maintenant);
    expect(pc!.grilleVersion).toBe(1);
    const r = Object.fromEntries(pc!.criteres.map((c) => [c.critere, [c.candidatures, c.placees]]));
    // Alice (refused her offer), Bruno (lapsed), Chloé (placed): all work; Alice and Bruno have QF points;
    // Alice lives in X's commune, Bruno in Y's (his second wish), Chloé in Y's but wishes X only.
    expect(r).toMatchObject({ activite: [3, 1], quotient: [2, 0], accompagnement: [1, 0], commune: [2, 0], handicap: [0, 0], fratrie: [0, 0] });

    // Alice and Bruno left the session without a place; nothing solved their need yet.
    let rs = await refusSuivisCreches(base.db, T);
    expect(rs.total).toMatchObject({ familles: 2, suivies: 0, part: 0 });
    expect(rs.parSession).toHaveLength(1);
    // Bruno's demande concludes after the session; Alice said « contrat » before it (does not count), then after it.
    await base.db
      .update(schema.demandes)
      .set({ etat: 'solution-trouvee', typeSolution: 'am', etatDepuis: addDays(maintenant, 12), clotureLe: addDays(maintenant, 12) })
      .where(eq(schema.demandes.id, demandes.Bruno!.id));
    await base.db
      .insert(schema.relances)
      .values({ demandeId: demandes.Alice!.id, type: 'suivi', envoyeeLe: addDays(maintenant, -3), reponse: 'contrat', reponduLe: addDays(maintenant, -1) });
    rs = await refusSuivisCreches(base.db, T);
    expect(rs.total).toMatchObject({ familles: 2, suivies: 1, part: 0.5, parNature: { 'solution-trouvee': 1, 'contrat-creche': 0, 'contrat-declare': 0 } });
    await base.db
      .insert(schema.relances)
      .values({ demandeId: demandes.Alice!.id, type: 'suivi', envoyeeLe: addDays(maintenant, 20), reponse: 'contrat', reponduLe: addDays(maintenant, 21) });
    rs = await refusSuivisCreches(base.db, T);
    expect(rs.total).toMatchObject({ familles: 2, suivies: 2, parNature: { 'solution-trouvee': 1, 'contrat-declare': 1 } });
    expect(rs.parSession[0]).toMatchObject({ familles: 2, suivies: 2, libelle: '2026-10-05' });
  });

  it('publishes minutes that name nobody', async () => {
    expect(await lirePvPublie(base.db, sessionId)).toBeNull();
    expect(await publierPv(base.db, admin, sessionId, maintenant)).toBe(true);
    const pv = await lirePvPublie(base.db, sessionId);
    const json = JSON.stringify(pv);
    for (const n of ['Alice', 'Bruno', 'Chloe', 'D-2026-C', '@exemple.fr']) expect(json).not.toContain(n);
    expect(pv!.graine).toMatch(/^[0-9a-f]{16}$/);
  });

  it('asks every 3 months whether the application is still current, then lets it lapse', async () => {
    const d = await demande('Dina', x.communeCode);
    expect((await deposerCandidature(base.db, d, saisie({ voeu1: y.id }), maintenant)).ok).toBe(true);
    expect(await relancerConfirmations(base.db, addMonths(maintenant, 2))).toEqual({ rappels: 0, caduques: 0 });
    expect(await relancerConfirmations(base.db, addMonths(maintenant, 3))).toEqual({ rappels: 1, caduques: 0 });
    expect(await relancerConfirmations(base.db, addMonths(maintenant, 3))).toEqual({ rappels: 0, caduques: 0 });
    expect(
      (
        await base.db
          .select()
          .from(schema.courriels)
          .where(and(eq(schema.courriels.type, 'creche-rappel')))
      ).map((c) => c.destinataire),
    ).toEqual(['dina@exemple.fr']);
    // Confirming resets the clock.
    expect(await confirmerCandidature(base.db, d.id, addMonths(maintenant, 3))).toBe(true);
    expect(await relancerConfirmations(base.db, addDays(addMonths(maintenant, 3), 20))).toEqual({ rappels: 0, caduques: 0 });
    expect(await relancerConfirmations(base.db, addMonths(maintenant, 6))).toEqual({ rappels: 1, caduques: 0 });
    expect(await relancerConfirmations(base.db, addDays(addMonths(maintenant, 6), 16))).toEqual({ rappels: 0, caduques: 1 });
  });

  it('adopts a new grid version from the admin form, never on a past day, and only for the admin', async () => {
    const base0 = saisieDeGrille(GRILLE_DEMO);
    const passe = await adopterGrilleFormulaire(base.db, admin, T, { ...base0, adopteeLe: '2026-09-30', source: 'Délibération du conseil' }, maintenant);
    expect(passe.ok ? null : passe.erreurs.adopteeLe).toMatch(/passée/);
    const mauvais = await adopterGrilleFormulaire(
      base.db,
      admin,
      T,
      { ...base0, adopteeLe: '2026-11-01', source: 'Délibération du conseil', fratrie: '-3', 'qf1-jusqua': '100' },
      maintenant,
    );
    expect(mauvais.ok ? [] : Object.keys(mauvais.erreurs).sort()).toEqual(['fratrie', 'qf1-jusqua']);
    const ok = await adopterGrilleFormulaire(
      base.db,
      admin,
      T,
      { ...base0, adopteeLe: '2026-11-01', source: 'Délibération du 30 octobre 2026', fratrie: '40' },
      maintenant,
    );
    expect(ok.ok).toBe(true);
    expect((await grilleDuJour(base.db, T, '2026-11-01'))!.criteres.fratrie).toBe(40);
    expect((await grilleDuJour(base.db, T, '2026-10-31'))!.criteres.fratrie).toBe(25);
    await expect(adopterGrilleFormulaire(base.db, { ...admin, role: 'animatrice' }, T, { ...base0 }, maintenant)).rejects.toBeInstanceOf(AccesRefuse);
  });

  it('gives the family its application and the decisions in its data download', async () => {
    const x1 = await donneesDeLaFamille(base.db, demandes.Chloe!);
    expect(x1.candidatureCreche).toMatchObject({ statut: 'placee', tranche: 'bebe' });
    expect(x1.decisionsCreche.map((d) => d.statut)).toEqual(['acceptee']);
    // The printable page names the crèches the application and the decisions refer to.
    expect(x1.candidatureCreche!.voeux.map((id) => x1.nomsCreches[id])).toEqual([(await crechesParticipantes(base.db, T)).find((c) => c.id === x.id)!.nom]);
    expect(Object.keys(x1.decisionsCreche[0]!.points).every((id) => x1.nomsCreches[id])).toBe(true);
  });

  it('erases the application with the demande (situation and written reasons)', async () => {
    await effacerDemande(base.db, demandes.Alice!.id, { origine: 'famille', maintenant });
    const [c] = await base.db.select().from(schema.candidaturesCreche).where(eq(schema.candidaturesCreche.demandeId, demandes.Alice!.id));
    expect(c!.situation).toEqual({});
    expect(['retiree', 'refus-offre']).toContain(c!.statut);
  });
});

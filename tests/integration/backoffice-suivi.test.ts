import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import type { Staff } from '../../src/server/auth/staff';
import { changerEtat } from '../../src/server/demande/transitions';
import { relayerOffre, lireInteret, repondreInteret } from '../../src/server/backoffice/offres';
import { chargerDemande } from '../../src/server/backoffice/demande';
import { lireRelance, repondreRelance } from '../../src/server/backoffice/relances';
import { envoyerSuivis, anonymiserAnciennes } from '../../src/server/jobs/taches-suivi';
import { listerFile } from '../../src/server/backoffice/file';
import { lireFiltres } from '../../src/domain/demande/file';

const T0 = new Date('2026-03-02T09:00:00Z');
const JOUR = 86_400_000;
const BASE_URL = 'http://portail.test';

describe(`back office: relayed offers, follow-up emails and retention (${DB_KIND})`, () => {
  let base: BaseDeTest;
  let est: Staff;
  let relaisId: string;
  let secteurEst: string;
  let communeEst: string;
  let n = 0;

  async function demande(o: Partial<typeof schema.demandes.$inferInsert> = {}): Promise<string> {
    const [d] = await base.db
      .insert(schema.demandes)
      .values({
        reference: `D-2026-9${String(++n).padStart(4, '0')}`,
        territoireId: 'ca-bethune-bruay',
        relaisId,
        secteurId: secteurEst,
        communeCode: communeEst,
        parents: [{ prenom: 'Inès', nom: 'Berlingot' }],
        email: `famille${n}@exemple.fr`,
        telephone: '0600000000',
        langue: 'fr',
        dateDebut: '2026-05-04',
        planning: [1, 2, 4, 5].map((jour) => ({ jour, debut: '08:00', fin: '17:30' })),
        modesSouhaites: ['assistant-maternel'],
        ageMoisAuDebut: 10,
        consentementContact: true,
        consentementPartage: true,
        creeLe: new Date(T0.getTime() - 200 * JOUR),
        ...o,
      })
      .returning({ id: schema.demandes.id });
    await base.db.insert(schema.enfants).values({ demandeId: d!.id, prenom: 'Léa', dateNaissance: '2025-07-01' });
    return d!.id;
  }
  const dernierCourriel = async (a: string) =>
    (await base.db.select().from(schema.courriels).where(eq(schema.courriels.destinataire, a)).orderBy(desc(schema.courriels.creeLe)).limit(1))[0];
  const jetonDe = (texte: string) => /\/relance\/([\w-]+)\?reponse=/.exec(texte)![1]!;

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ maintenant: T0 });
    const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, 'animatrice.est@exemple.fr'));
    est = { id: u!.id, email: u!.email, nom: u!.nom, role: u!.role, relaisId: u!.relaisId, secteurId: u!.secteurId, communeCode: null };
    relaisId = u!.relaisId!;
    secteurEst = u!.secteurId!;
    const [a] = await base.db
      .select({ code: schema.adhesions.communeCode })
      .from(schema.adhesions)
      .innerJoin(schema.structures, eq(schema.structures.communeCode, schema.adhesions.communeCode))
      .where(and(eq(schema.adhesions.secteurId, secteurEst), eq(schema.structures.type, 'assistant-maternel')))
      .limit(1);
    communeEst = a!.code;
  });
  afterAll(async () => base?.detruire());

  it('relays an anonymised offer to the AM of a commune; an AM answers "intéressée" once', async () => {
    const id = await demande({ commentaire: 'Notre adresse : 3 rue secrète' });
    const r = await relayerOffre(base.db, est, id, { communes: [communeEst] }, { baseUrl: BASE_URL, maintenant: T0 });
    expect(r.ok).toBe(true);
    const [offre] = await base.db.select().from(schema.offresRelayees).where(eq(schema.offresRelayees.demandeId, id));
    expect(offre!.texte).not.toMatch(/Berlingot|Inès|famille\d|0600000000|secrète|Léa/);
    expect(offre!.texte).toMatch(/lundi de 08h00 à 17h30/);
    const mails = await base.db
      .select()
      .from(schema.courriels)
      .where(and(eq(schema.courriels.type, 'offre-relayee'), eq(schema.courriels.objetId, offre!.id)));
    expect(mails.length).toBe(r.ok ? (r as { destinataires: number }).destinataires : 0);
    const jeton = /\/relance\/offre\/([\w-]+)/.exec(mails[0]!.texte)![1]!;
    expect((await lireInteret(base.db, jeton, T0)).ok).toBe(true);
    // Opening the link changes nothing; only the POST records the answer.
    expect((await chargerDemande(base.db, est, id)).offres[0]!.reponses.filter((x) => x.reponse)).toHaveLength(0);
    expect(await repondreInteret(base.db, jeton, T0)).toBe(true);
    expect(await repondreInteret(base.db, jeton, T0)).toBe(false);
    const detail = await chargerDemande(base.db, est, id);
    expect(detail.offres[0]!.reponses.filter((x) => x.reponse === 'interessee')).toHaveLength(1);
  });

  it('refuses to relay an offer for another relais’s demande', async () => {
    const id = await demande();
    const [autre] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, 'animatrice.ouest@exemple.fr'));
    await expect(
      relayerOffre(base.db, { ...est, id: autre!.id, secteurId: autre!.secteurId }, id, { communes: [communeEst] }, { baseUrl: BASE_URL }),
    ).rejects.toThrow('Accès refusé');
  });

  it('follow-up 3 months after a mise en relation: family answers "contract signed" and the demande is closed', async () => {
    const id = await demande({ etat: 'en-cours' });
    const [am] = await base.db.select({ id: schema.structures.id }).from(schema.structures).where(eq(schema.structures.type, 'mam')).limit(1);
    const quand = new Date(T0.getTime() - 100 * JOUR);
    await base.db.insert(schema.misesEnRelation).values({ demandeId: id, structureId: am!.id, le: quand });
    await changerEtat(base.db, id, 'mettreEnRelation', { acteur: 'staff', utilisateurId: est.id }, { maintenant: quand });
    const bilan = await envoyerSuivis(base.db, { maintenant: T0, delaiMois: 3, baseUrl: BASE_URL });
    expect(bilan.suivis).toBeGreaterThanOrEqual(1);
    const m = await dernierCourriel(`famille${n}@exemple.fr`);
    expect(m!.type).toBe('relance-suivi');
    expect(m!.texte).toContain('?reponse=contrat');
    // Running the job again sends nothing new.
    expect((await envoyerSuivis(base.db, { maintenant: T0, delaiMois: 3, baseUrl: BASE_URL })).suivis).toBe(0);
    const jeton = jetonDe(m!.texte);
    const lu = await lireRelance(base.db, jeton, T0);
    expect(lu.ok && lu.type).toBe('suivi');
    expect((await repondreRelance(base.db, jeton, 'peut-etre', T0)).ok).toBe(false);
    expect(await repondreRelance(base.db, jeton, 'contrat', T0)).toMatchObject({ ok: true, reponse: 'contrat' });
    const [d] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, id));
    expect(d!.etat).toBe('solution-trouvee');
    expect(d!.typeSolution).toBe('mam');
    expect((await repondreRelance(base.db, jeton, 'contrat', T0)).ok).toBe(false);
  });

  it('no answer: one reminder, then the demande appears in the staff follow-up list', async () => {
    const id = await demande({
      etat: 'solution-trouvee',
      typeSolution: 'am',
      solutionLe: new Date(T0.getTime() - 95 * JOUR),
      etatDepuis: new Date(T0.getTime() - 95 * JOUR),
      clotureLe: new Date(T0.getTime() - 95 * JOUR),
    });
    await envoyerSuivis(base.db, { maintenant: T0, delaiMois: 3, baseUrl: BASE_URL });
    const t1 = new Date(T0.getTime() + 15 * JOUR);
    expect((await envoyerSuivis(base.db, { maintenant: t1, delaiMois: 3, baseUrl: BASE_URL })).rappels).toBeGreaterThanOrEqual(1);
    expect((await dernierCourriel(`famille${n}@exemple.fr`))!.type).toBe('relance-suivi-rappel');
    const avant = await listerFile(base.db, est, lireFiltres(new URLSearchParams('signal=suivi')), t1);
    expect(avant.lignes.map((l) => l.id)).not.toContain(id);
    const t2 = new Date(t1.getTime() + 15 * JOUR);
    expect((await envoyerSuivis(base.db, { maintenant: t2, delaiMois: 3, baseUrl: BASE_URL })).aTraiter).toBeGreaterThanOrEqual(1);
    const apres = await listerFile(base.db, est, lireFiltres(new URLSearchParams('signal=suivi')), t2);
    expect(apres.lignes.find((l) => l.id === id)?.badges.map((b) => b.cle)).toContain('suivi');
  });

  it('"still looking" reopens a closed demande and puts it on the staff list', async () => {
    const id = await demande({
      etat: 'solution-trouvee',
      typeSolution: 'am',
      solutionLe: new Date(T0.getTime() - 120 * JOUR),
      clotureLe: new Date(T0.getTime() - 120 * JOUR),
      etatDepuis: new Date(T0.getTime() - 120 * JOUR),
    });
    await envoyerSuivis(base.db, { maintenant: T0, delaiMois: 3, baseUrl: BASE_URL });
    const jeton = jetonDe((await dernierCourriel(`famille${n}@exemple.fr`))!.texte);
    expect((await repondreRelance(base.db, jeton, 'recherche', T0)).ok).toBe(true);
    const [d] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, id));
    expect(d!.etat).toBe('en-cours');
    const [h] = await base.db
      .select()
      .from(schema.demandeHistorique)
      .where(eq(schema.demandeHistorique.demandeId, id))
      .orderBy(desc(schema.demandeHistorique.le))
      .limit(1);
    expect(h).toMatchObject({ transition: 'reprendre', parFamille: true });
    const page = await listerFile(base.db, est, lireFiltres(new URLSearchParams('signal=suivi')), T0);
    expect(page.lignes.map((l) => l.id)).toContain(id);
  });

  it('monthly "still current?" email in the family’s language; "no" closes the demande', async () => {
    const id = await demande({ etat: 'en-cours', langue: 'ar', creeLe: new Date(T0.getTime() - 40 * JOUR) });
    await envoyerSuivis(base.db, { maintenant: T0, delaiMois: 3, baseUrl: BASE_URL });
    const m = await dernierCourriel(`famille${n}@exemple.fr`);
    expect(m!.type).toBe('relance-actualite');
    expect(m!.langue).toBe('ar');
    expect(m!.html).toContain('dir="rtl"');
    // Not again within the month.
    await envoyerSuivis(base.db, { maintenant: new Date(T0.getTime() + 10 * JOUR), delaiMois: 3, baseUrl: BASE_URL });
    const tous = await base.db.select().from(schema.relances).where(eq(schema.relances.demandeId, id));
    expect(tous).toHaveLength(1);
    const jeton = jetonDe(m!.texte);
    expect((await lireRelance(base.db, jeton, T0)).lang).toBe('ar');
    expect((await repondreRelance(base.db, jeton, 'non', T0)).ok).toBe(true);
    const [d] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, id));
    expect(d!.etat).toBe('abandonnee');
  });

  it('retention anonymises demandes closed more than 24 months ago and keeps the counts', async () => {
    const vieille = await demande({
      etat: 'abandonnee',
      clotureLe: new Date(T0.getTime() - 800 * JOUR),
      etatDepuis: new Date(T0.getTime() - 800 * JOUR),
      creeLe: new Date(T0.getTime() - 900 * JOUR),
      commentaire: 'privé',
    });
    await base.db.insert(schema.contacts).values({ demandeId: vieille, canal: 'telephone', note: 'appel personnel' });
    await base.db.insert(schema.notes).values({ demandeId: vieille, texte: 'note interne' });
    const recente = await demande({ etat: 'abandonnee', clotureLe: new Date(T0.getTime() - 100 * JOUR) });
    const ouverte = await demande({ etat: 'en-cours', creeLe: new Date(T0.getTime() - 900 * JOUR) });
    const [avant] = await base.db.select({ n: sql<number>`count(*)::int` }).from(schema.demandes);
    expect(await anonymiserAnciennes(base.db, { maintenant: T0, retentionMois: 24 })).toBeGreaterThanOrEqual(1);
    const [v] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, vieille));
    expect(v).toMatchObject({ parents: [], email: null, telephone: null, commentaire: null, communeCode: communeEst, etat: 'abandonnee' });
    expect(v!.anonymiseeLe).not.toBeNull();
    const [e] = await base.db.select().from(schema.enfants).where(eq(schema.enfants.demandeId, vieille));
    expect(e).toMatchObject({ prenom: null, dateNaissance: '2025-07-01' });
    const [c] = await base.db.select().from(schema.contacts).where(eq(schema.contacts.demandeId, vieille));
    expect(c).toMatchObject({ canal: 'telephone', note: null });
    expect(await base.db.select().from(schema.notes).where(eq(schema.notes.demandeId, vieille))).toHaveLength(0);
    for (const id of [recente, ouverte]) {
      const [x] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, id));
      expect(x!.email).not.toBeNull();
    }
    const [apres] = await base.db.select({ n: sql<number>`count(*)::int` }).from(schema.demandes);
    expect(apres!.n).toBe(avant!.n);
    expect(await anonymiserAnciennes(base.db, { maintenant: T0, retentionMois: 24 })).toBe(0);
  });
});

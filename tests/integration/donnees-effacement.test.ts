/**
 * A family files a demande (two children, a handicap), books a RDV, signs up
 * to a réunion, its need is relayed, it answers a relance; then its data are
 * erased (by the family, or by the retention job with the clock moved
 * forward): nothing in any table nor under DATA_DIR names it any more, the
 * slot is bookable again and the statistics still count the demande.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, desc, eq, sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { schema, rowsOf } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { preparerAgenda, SECRET, URL_PUBLIQUE } from './rdv-outils';
import { creerDemande } from '../../src/server/demande/creer';
import { validerDemande, type FormulaireDemande } from '../../src/domain/demande/schema';
import { creneauxDisponibles, reserverRdv } from '../../src/server/rdv/reservation';
import { inscrire } from '../../src/server/rdv/reunions';
import { relayerOffre } from '../../src/server/backoffice/offres';
import { envoyerRelance } from '../../src/server/backoffice/courriers';
import { repondreRelance } from '../../src/server/backoffice/relances';
import { changerEtat, enregistrerContact } from '../../src/server/demande/transitions';
import { supprimerDonneesFamille, retirerParFamille } from '../../src/server/demande/suivi';
import { effacerDemande } from '../../src/server/donnees/effacement';
import { anonymiserAnciennes } from '../../src/server/jobs/taches-suivi';
import { envoyerEnAttente } from '../../src/server/mail/outbox';
import { creerTransport } from '../../src/server/mail/transport';
import { calculerIndicateurs } from '../../src/server/stats/indicateurs';
import { periodeAnnee } from '../../src/domain/stats/periode';
import type { Staff } from '../../src/server/auth/staff';

const T0 = new Date('2026-03-02T09:00:00Z');
const JOUR = 86_400_000;

type Famille = { prenom: string; nom: string; email: string; telephone: string; enfants: [string, string]; handicap: string };
const FAMILLES: Famille[] = [
  {
    prenom: 'Perpetue',
    nom: 'Zorglubienne',
    email: 'perpetue.zorglub@exemple.fr',
    telephone: '0698765432',
    enfants: ['Cunegonde', 'Anatolius'],
    handicap: 'Trisomie vingt-et-un suivie au CAMSP de Béthune',
  },
  {
    prenom: 'Hermenegilde',
    nom: 'Quasimodiere',
    email: 'hermenegilde.q@exemple.fr',
    telephone: '0687654321',
    enfants: ['Theodebert', 'Radegonde'],
    handicap: 'Epilepsie sévère sous traitement quotidien',
  },
];

function formulaire(f: Famille): FormulaireDemande {
  return {
    p1Prenom: f.prenom,
    p1Nom: f.nom,
    email: f.email,
    telephone: f.telephone,
    canalPrefere: 'email',
    langueContact: 'fr',
    adresse: `12 rue ${f.nom}`,
    commune: '62034',
    nbEnfants: '2',
    e0Prenom: f.enfants[0],
    e0Statut: 'ne',
    e0Naissance: '2025-06-10',
    e1Prenom: f.enfants[1],
    e1Statut: 'ne',
    e1Naissance: '2024-02-11',
    dateDebut: '2026-09-01',
    j1: 'oui',
    j1De: '08:00',
    j1A: '17:30',
    j2: 'oui',
    j2De: '08:00',
    j2A: '17:30',
    handicap: 'oui',
    handicapPrecisions: f.handicap,
    consentementSante: 'oui',
    commentaire: `Appelez ${f.prenom} après 18 h`,
    mode1: 'assistant-maternel',
    consentementContact: 'oui',
    consentementPartage: 'oui',
  };
}

/** Every text-like value of every table of the public schema, with where it is. */
async function chercherPartout(base: BaseDeTest, aiguilles: string[]): Promise<string[]> {
  const cols = rowsOf<{ table_name: string; column_name: string }>(
    await base.db.execute(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`),
  );
  const trouves: string[] = [];
  for (const c of cols) {
    const motifs = aiguilles.map((a) => `%${a.toLowerCase()}%`);
    const r = rowsOf<{ n: number }>(
      await base.db.execute(sql`
      select count(*)::int as n from ${sql.identifier(c.table_name)} where lower(${sql.identifier(c.column_name)}::text) like any(${sql.raw(`array[${motifs.map((m) => `'${m.replace(/'/g, "''")}'`).join(',')}]`)})`),
    );
    if (Number(r[0]!.n) > 0) trouves.push(`${c.table_name}.${c.column_name}`);
  }
  return trouves;
}

/** Every file under `dir`, decoded when it is an email, that mentions one of the needles. */
async function chercherFichiers(dir: string, aiguilles: string[]): Promise<string[]> {
  const trouves: string[] = [];
  const marcher = async (d: string) => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) {
        await marcher(p);
        continue;
      }
      const brut = readFileSync(p);
      let texte = brut.toString('utf8');
      if (n.endsWith('.eml')) {
        const m = await simpleParser(brut);
        texte += `\n${m.text ?? ''}\n${m.html || ''}\n${m.subject ?? ''}\n${(m.attachments ?? []).map((a) => a.content.toString('utf8')).join('\n')}`;
      }
      const bas = texte.toLowerCase();
      if (aiguilles.some((a) => bas.includes(a.toLowerCase()))) trouves.push(p);
    }
  };
  await marcher(dir);
  return trouves;
}

const aiguilles = (f: Famille) => [
  f.email,
  f.telephone,
  f.telephone.replace(/(\d\d)(?=\d)/g, '$1 '),
  `+33${f.telephone.slice(1)}`,
  f.nom,
  f.prenom,
  ...f.enfants,
  f.handicap.split(' ')[0]!,
];

describe(`erasing a family's personal data (${DB_KIND})`, () => {
  let base: BaseDeTest;
  let dataDir: string;
  let agenda: Awaited<ReturnType<typeof preparerAgenda>>;
  let est: Staff;
  let communeAm: string;

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ maintenant: T0 });
    dataDir = mkdtempSync(path.join(tmpdir(), 'gpe-effacement-'));
    agenda = await preparerAgenda(base.db);
    const u = agenda.est;
    est = { id: u.id, email: u.email, nom: u.nom, role: u.role, relaisId: u.relaisId, secteurId: u.secteurId, communeCode: null };
    const [a] = await base.db
      .select({ code: schema.adhesions.communeCode })
      .from(schema.adhesions)
      .innerJoin(schema.structures, eq(schema.structures.communeCode, schema.adhesions.communeCode))
      .where(
        and(eq(schema.adhesions.relaisId, agenda.relais.id), eq(schema.structures.type, 'assistant-maternel'), sql`${schema.structures.email} is not null`),
      )
      .limit(1);
    communeAm = a!.code;
  });
  afterAll(async () => {
    await base?.detruire();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  // Rows are queued with the real clock: send them as if much later.
  const envoyerTout = async (_maintenant: Date) => {
    const transport = creerTransport({ DATA_DIR: dataDir });
    for (let i = 0; i < 20; i++) if ((await envoyerEnAttente(base.db, transport, 'rpe@exemple.fr', 50, new Date('2099-01-01'))).envoyes === 0) break;
  };
  const compterDemandes = async () =>
    (await calculerIndicateurs(base.db, { periode: periodeAnnee(2026), perimetre: { type: 'relais', relaisId: agenda.relais.id }, maintenant: T0 })).demandes
      .total;

  /** Everything a family does before its data are erased; returns what the checks need. */
  async function vieDeFamille(f: Famille, maintenant: Date) {
    const r = validerDemande(formulaire(f), { aujourdhui: '2026-03-02' });
    if (!r.ok) throw new Error(JSON.stringify(r.erreurs));
    const d = await creerDemande(base.db, r.donnees, { canal: 'en-ligne', langue: 'fr', maintenant, publicUrl: URL_PUBLIQUE });
    expect(d.relaisId).toBe(agenda.relais.id);
    const [row] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, d.id));
    expect(row!.handicapPrecisions).toBe(f.handicap);
    // A phone RDV.
    const { creneaux } = await creneauxDisponibles(base.db, {
      relaisId: agenda.relais.id,
      motifId: agenda.premier.id,
      lieuId: null,
      maintenant,
      du: maintenant,
      au: new Date(maintenant.getTime() + 14 * JOUR),
    });
    const debut = creneaux[0]!.debut;
    const rdv = await reserverRdv(base.db, {
      relaisId: agenda.relais.id,
      motifId: agenda.premier.id,
      mode: 'telephone',
      lieuId: null,
      debut,
      demandeId: d.id,
      parFamille: true,
      langue: 'fr',
      email: f.email,
      telephone: f.telephone,
      nomContact: f.prenom,
      note: `${f.prenom} préfère le matin`,
      maintenant,
      secret: SECRET,
      publicUrl: URL_PUBLIQUE,
    });
    expect(rdv.ok).toBe(true);
    // A réunion d'information in ten days.
    const [reunion] = await base.db
      .insert(schema.reunionsInfo)
      .values({
        relaisId: agenda.relais.id,
        titre: 'Choisir un mode d’accueil',
        debut: new Date(maintenant.getTime() + 10 * JOUR),
        fin: new Date(maintenant.getTime() + 10 * JOUR + 7200_000),
        capacite: 10,
        lienVisio: 'https://visio.exemple.fr/r',
      })
      .returning();
    const ins = await inscrire(base.db, {
      reunionId: reunion!.id,
      nom: `${f.prenom} ${f.nom}`,
      email: f.email,
      telephone: f.telephone,
      places: 2,
      profil: 'famille',
      langue: 'fr',
      secret: SECRET,
      publicUrl: URL_PUBLIQUE,
      maintenant,
    });
    expect(ins.ok).toBe(true);
    // Staff: a contact with a note, a note, the need relayed to AMs.
    await base.db.transaction((tx) =>
      enregistrerContact(
        tx,
        d.id,
        { canal: 'telephone', note: `Parlé à ${f.prenom} ${f.nom} au ${f.telephone}`, le: maintenant },
        { acteur: 'staff', utilisateurId: est.id },
      ),
    );
    await base.db.insert(schema.notes).values({ demandeId: d.id, parUtilisateurId: est.id, texte: `${f.nom} : ${f.handicap}` });
    const relai = await relayerOffre(base.db, est, d.id, { communes: [communeAm] }, { baseUrl: URL_PUBLIQUE, maintenant });
    expect(relai.ok).toBe(true);
    // A relance, answered.
    await base.db.transaction((tx) => envoyerRelance(tx, { demandeId: d.id, type: 'actualite', baseUrl: URL_PUBLIQUE, maintenant }));
    const [mail] = await base.db
      .select()
      .from(schema.courriels)
      .where(and(eq(schema.courriels.destinataire, f.email), sql`${schema.courriels.type} like 'relance-%'`))
      .orderBy(desc(schema.courriels.creeLe))
      .limit(1);
    const jeton = /\/relance\/([\w-]+)\?reponse=/.exec(mail!.texte)![1]!;
    expect((await repondreRelance(base.db, jeton, 'oui', maintenant)).ok).toBe(true);
    await envoyerTout(maintenant);
    // Before: the family is everywhere (the search works).
    expect(await chercherPartout(base, [f.email])).toEqual(
      expect.arrayContaining(['demandes.email', 'rdvs.email', 'inscriptions_reunion.email', 'courriels.destinataire']),
    );
    expect((await chercherFichiers(dataDir, [f.email])).length).toBeGreaterThanOrEqual(3);
    return { id: d.id, debut, rdvId: rdv.ok ? rdv.rdvId : '', reunionId: reunion!.id };
  }

  async function verifierEfface(f: Famille, x: { id: string; debut: Date; rdvId: string; reunionId: string }, maintenant: Date, avant: number) {
    await envoyerTout(maintenant);
    expect(await chercherPartout(base, aiguilles(f))).toEqual([]);
    expect(await chercherFichiers(dataDir, aiguilles(f))).toEqual([]);
    const [d] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, x.id));
    expect(d!.anonymiseeLe).not.toBeNull();
    expect(d!.etat).toBe('abandonnee');
    expect(d!.handicap).toBe(true); // the CAF flag stays, the details are gone
    expect(await compterDemandes()).toBe(avant);
    const [r] = await base.db.select().from(schema.rdvs).where(eq(schema.rdvs.id, x.rdvId));
    expect(r!.statut).toBe('annule');
    const [ins] = await base.db.select().from(schema.inscriptionsReunion).where(eq(schema.inscriptionsReunion.reunionId, x.reunionId));
    expect(ins!.annuleeLe).not.toBeNull();
  }

  it('the family deletes everything from /suivi: no table, no file names it; slot free again; still counted', async () => {
    const f = FAMILLES[0]!;
    const x = await vieDeFamille(f, T0);
    const avant = await compterDemandes();
    const libresAvant = await creneauxDisponibles(base.db, {
      relaisId: agenda.relais.id,
      motifId: agenda.premier.id,
      lieuId: null,
      maintenant: T0,
      du: x.debut,
      au: new Date(x.debut.getTime() + 1),
    });
    expect(libresAvant.creneaux.filter((c) => c.animatriceId === agenda.est.id)).toHaveLength(0);
    await supprimerDonneesFamille(base.db, x.id, new Date(T0.getTime() + 3600_000), dataDir);
    expect(await effacerDemande(base.db, x.id, { origine: 'famille', dataDir })).toBeNull(); // idempotent
    await verifierEfface(f, x, new Date(T0.getTime() + 3600_000), avant);
    const libres = await creneauxDisponibles(base.db, {
      relaisId: agenda.relais.id,
      motifId: agenda.premier.id,
      lieuId: null,
      maintenant: T0,
      du: x.debut,
      au: new Date(x.debut.getTime() + 1),
    });
    expect(libres.creneaux.map((c) => c.animatriceId)).toContain(agenda.est.id);
    // The animatrice was told, without the family's name.
    const dit = await base.db
      .select()
      .from(schema.courriels)
      .where(and(eq(schema.courriels.destinataire, agenda.est.email), eq(schema.courriels.type, 'rdv-annulation-animatrice')));
    expect(dit).toHaveLength(1);
  });

  it('the retention job erases a withdrawn demande once RETENTION_MOIS months have passed', async () => {
    const f = FAMILLES[1]!;
    const T1 = new Date(T0.getTime() + 2 * JOUR);
    const x = await vieDeFamille(f, T1);
    const avant = await compterDemandes();
    await retirerParFamille(base.db, x.id, `${f.prenom} a trouvé chez sa mère`, new Date(T1.getTime() + 3600_000));
    // Withdrawal alone cancels the RDV and the sign-up, and tells the family.
    const [r] = await base.db.select().from(schema.rdvs).where(eq(schema.rdvs.id, x.rdvId));
    expect(r!.statut).toBe('annule');
    expect(
      await base.db
        .select()
        .from(schema.courriels)
        .where(and(eq(schema.courriels.destinataire, f.email), eq(schema.courriels.type, 'rdv-annulation'))),
    ).toHaveLength(1);
    // Twenty-three months later: nothing yet.
    expect(await anonymiserAnciennes(base.db, { maintenant: new Date(T1.getTime() + 700 * JOUR), retentionMois: 24, dataDir })).toBe(0);
    expect(await chercherPartout(base, [f.email])).not.toEqual([]);
    const plusTard = new Date(T1.getTime() + 740 * JOUR);
    expect(await anonymiserAnciennes(base.db, { maintenant: plusTard, retentionMois: 24, dataDir })).toBe(1);
    await verifierEfface(f, x, plusTard, avant);
  });

  it('a need without the sharing consent is never relayed; beyond the relais only with a reason', async () => {
    const [t] = await base.db.select().from(schema.territoires);
    const cree = async (o: Partial<typeof schema.demandes.$inferInsert>) =>
      (
        await base.db
          .insert(schema.demandes)
          .values({
            reference: `D-2026-C${Math.random().toString(36).slice(2, 8)}`,
            territoireId: t!.id,
            relaisId: agenda.relais.id,
            secteurId: agenda.est.secteurId,
            communeCode: communeAm,
            dateDebut: '2026-09-01',
            parents: [{ prenom: 'A', nom: 'B' }],
            email: 'a.b@exemple.fr',
            consentementContact: true,
            ...o,
          })
          .returning()
      )[0]!;
    const refusee = await cree({ consentementPartage: false });
    const r = await relayerOffre(base.db, est, refusee.id, { communes: [communeAm] }, { baseUrl: URL_PUBLIQUE, maintenant: T0 });
    expect(r).toMatchObject({ ok: false, erreurs: { consentement: expect.stringMatching(/pas accepté/) } });
    expect(await base.db.select().from(schema.offresRelayees).where(eq(schema.offresRelayees.demandeId, refusee.id))).toHaveLength(0);

    const d = await cree({ consentementPartage: true });
    const [dehors] = await base.db
      .select({ code: schema.adhesions.communeCode })
      .from(schema.adhesions)
      .innerJoin(schema.structures, eq(schema.structures.communeCode, schema.adhesions.communeCode))
      .where(
        and(
          sql`${schema.adhesions.relaisId} <> ${agenda.relais.id}`,
          sql`${schema.adhesions.fin} is null`,
          eq(schema.structures.type, 'assistant-maternel'),
          sql`${schema.structures.email} is not null`,
        ),
      )
      .limit(1);
    const sansCase = await relayerOffre(base.db, est, d.id, { communes: [communeAm, dehors!.code] }, { baseUrl: URL_PUBLIQUE, maintenant: T0 });
    expect(sansCase).toMatchObject({ ok: false, erreurs: { communes: expect.stringContaining(dehors!.code) } });
    const sansMotif = await relayerOffre(
      base.db,
      est,
      d.id,
      { communes: [dehors!.code], horsRelais: 'oui', motifHorsRelais: '' },
      { baseUrl: URL_PUBLIQUE, maintenant: T0 },
    );
    expect(sansMotif).toMatchObject({ ok: false, erreurs: { motifHorsRelais: expect.any(String) } });
    const ok = await relayerOffre(
      base.db,
      est,
      d.id,
      { communes: [dehors!.code], horsRelais: 'oui', motifHorsRelais: 'La mère travaille dans cette commune' },
      { baseUrl: URL_PUBLIQUE, maintenant: T0 },
    );
    expect(ok.ok).toBe(true);
    const [offre] = await base.db.select().from(schema.offresRelayees).where(eq(schema.offresRelayees.demandeId, d.id));
    expect(offre!.motifHorsRelais).toBe('La mère travaille dans cette commune');
  });

  it('"solution trouvée" and "sans solution" cancel the future RDV (slot free again) and erase the health details', async () => {
    const [t] = await base.db.select().from(schema.territoires);
    for (const [i, transition] of (['conclure', 'classerSansSolution'] as const).entries()) {
      const [d] = await base.db
        .insert(schema.demandes)
        .values({
          reference: `D-2026-S${i}`,
          territoireId: t!.id,
          relaisId: agenda.relais.id,
          etat: 'en-cours',
          dateDebut: '2026-09-01',
          handicap: true,
          handicapPrecisions: 'Suivi orthophonique',
          consentementSante: true,
          email: `s${i}@exemple.fr`,
        })
        .returning();
      const maintenant = new Date(T0.getTime() + (20 + i) * JOUR);
      const { creneaux } = await creneauxDisponibles(base.db, {
        relaisId: agenda.relais.id,
        motifId: agenda.premier.id,
        lieuId: null,
        maintenant,
        du: maintenant,
        au: new Date(maintenant.getTime() + 14 * JOUR),
      });
      const rdv = await reserverRdv(base.db, {
        relaisId: agenda.relais.id,
        motifId: agenda.premier.id,
        mode: 'telephone',
        lieuId: null,
        debut: creneaux[0]!.debut,
        demandeId: d!.id,
        parFamille: true,
        email: `s${i}@exemple.fr`,
        telephone: '0611111111',
        maintenant,
        secret: SECRET,
        publicUrl: URL_PUBLIQUE,
      });
      expect(rdv.ok).toBe(true);
      await base.db.transaction((tx) =>
        changerEtat(tx, d!.id, transition, { acteur: 'staff', utilisateurId: est.id }, { maintenant, typeSolution: transition === 'conclure' ? 'am' : null }),
      );
      const [r] = await base.db
        .select()
        .from(schema.rdvs)
        .where(eq(schema.rdvs.id, rdv.ok ? rdv.rdvId : ''));
      expect(r!.statut).toBe('annule');
      const libres = await creneauxDisponibles(base.db, {
        relaisId: agenda.relais.id,
        motifId: agenda.premier.id,
        lieuId: null,
        maintenant,
        du: creneaux[0]!.debut,
        au: new Date(creneaux[0]!.debut.getTime() + 1),
      });
      expect(libres.creneaux.map((c) => c.animatriceId)).toContain(r!.animatriceId);
      const [apres] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, d!.id));
      expect(apres!.handicapPrecisions).toBeNull();
      expect(apres!.handicap).toBe(true);
    }
  });

  it('the daily housekeeping purges what expired and old sent emails, keeps the rest, and strips the audit details of erased families', async () => {
    const m = new Date('2026-12-01T04:00:00Z');
    const ancien = new Date('2026-08-01T10:00:00Z');
    await base.db.insert(schema.sessions).values([
      { idHash: 'expiree', utilisateurId: agenda.est.id, csrf: 'x', expireLe: new Date(m.getTime() - 1000) },
      { idHash: 'valide', utilisateurId: agenda.est.id, csrf: 'x', expireLe: new Date(m.getTime() + 3600_000) },
    ]);
    await base.db.insert(schema.jetons).values([
      { hash: 'j-expire', usage: 'test', sujetId: 'x', expireLe: new Date(m.getTime() - 1000) },
      { hash: 'j-valide', usage: 'test', sujetId: 'x', expireLe: new Date(m.getTime() + 1000) },
    ]);
    await base.db.insert(schema.tentativesConnexion).values([
      { cle: 'vieux@exemple.fr', le: ancien },
      { cle: 'recent@exemple.fr', le: m },
    ]);
    await base.db.insert(schema.courriels).values([
      { destinataire: 'vieux@exemple.fr', sujet: 's', texte: 't', type: 'test', statut: 'envoye', creeLe: ancien },
      { destinataire: 'recent@exemple.fr', sujet: 's', texte: 't', type: 'test', statut: 'envoye', creeLe: new Date('2026-11-20T10:00:00Z') },
      { destinataire: 'attente@exemple.fr', sujet: 's', texte: 't', type: 'test', statut: 'a-envoyer', creeLe: ancien },
    ]);
    const { mkdirSync, writeFileSync, existsSync } = await import('node:fs');
    mkdirSync(path.join(dataDir, 'outbox'), { recursive: true });
    writeFileSync(path.join(dataDir, 'outbox', '2026-08-01T10-00-00-000Z-ancien.eml'), 'To: vieux@exemple.fr');
    writeFileSync(path.join(dataDir, 'outbox', '2026-11-20T10-00-00-000Z-recent.eml'), 'To: recent@exemple.fr');
    const [efface] = await base.db
      .select({ id: schema.demandes.id })
      .from(schema.demandes)
      .where(sql`${schema.demandes.anonymiseeLe} is not null`)
      .limit(1);
    await base.db
      .insert(schema.journalAudit)
      .values({ utilisateurId: est.id, action: 'voir', objetType: 'demande', objetId: efface!.id, details: { nom: 'Quelqu’un' } });
    const { menageDonnees } = await import('../../src/server/donnees/menage');
    const b = await menageDonnees(base.db, { maintenant: m, courrielsMois: 3, dataDir });
    expect(b).toMatchObject({ sessions: 1, tentatives: 1, fichiers: 1 });
    expect(b.jetons).toBeGreaterThanOrEqual(1);
    expect((await base.db.select().from(schema.sessions)).map((x) => x.idHash)).toEqual(['valide']);
    expect(await base.db.select().from(schema.jetons).where(eq(schema.jetons.hash, 'j-valide'))).toHaveLength(1);
    const restants = (await base.db.select({ d: schema.courriels.destinataire }).from(schema.courriels).where(eq(schema.courriels.type, 'test')))
      .map((x) => x.d)
      .sort();
    expect(restants).toEqual(['attente@exemple.fr', 'recent@exemple.fr']);
    expect(existsSync(path.join(dataDir, 'outbox', '2026-08-01T10-00-00-000Z-ancien.eml'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'outbox', '2026-11-20T10-00-00-000Z-recent.eml'))).toBe(true);
    const audit = await base.db
      .select()
      .from(schema.journalAudit)
      .where(and(eq(schema.journalAudit.objetId, efface!.id), eq(schema.journalAudit.action, 'voir')));
    expect(audit.map((a) => [a.utilisateurId, a.details])).toEqual([[est.id, null]]);
  });

  it('staff erase a family on request: confirmation required, another relais refused, then the same erasure', async () => {
    const { effacerParStaff } = await import('../../src/server/donnees/effacement-staff');
    const [t] = await base.db.select().from(schema.territoires);
    const [d] = await base.db
      .insert(schema.demandes)
      .values({
        reference: 'D-2026-STAFF',
        territoireId: t!.id,
        relaisId: agenda.relais.id,
        secteurId: agenda.est.secteurId,
        dateDebut: '2026-09-01',
        parents: [{ prenom: 'Gertrude', nom: 'Pimprenelle' }],
        email: 'gertrude.p@exemple.fr',
      })
      .returning();
    expect(await effacerParStaff(base.db, est, d!.id, {}, { dataDir })).toMatchObject({ ok: false, erreurs: { confirmer: expect.any(String) } });
    const [autre] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, 'animatrice.relais2@exemple.fr'));
    await expect(
      effacerParStaff(base.db, { ...est, id: autre!.id, relaisId: autre!.relaisId, secteurId: null }, d!.id, { confirmer: 'oui' }, { dataDir }),
    ).rejects.toThrow();
    expect(await effacerParStaff(base.db, est, d!.id, { confirmer: 'oui' }, { dataDir })).toMatchObject({ ok: true });
    expect(await chercherPartout(base, ['Pimprenelle', 'gertrude.p@exemple.fr'])).toEqual([]);
    const [audit] = await base.db
      .select()
      .from(schema.journalAudit)
      .where(and(eq(schema.journalAudit.objetId, d!.id), eq(schema.journalAudit.action, 'donnees.effacer')));
    expect(audit!.utilisateurId).toBe(est.id);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import type { Staff } from '../../src/server/auth/staff';
import type { ContexteStaff } from '../../src/server/staff/contexte';
import { AccesRefuse } from '../../src/server/auth/acces';
import { creerFormation, creerGroupe, enregistrerDeparts, exprimerVoeu, formationsPourAm, lireFormation } from '../../src/server/formation/catalogue';
import { departsEnFormation, formationParRelais } from '../../src/server/formation/indicateurs';
import { creerEvenement, effacerInscriptionsPassees, inscrireEvenement, lireEvenement } from '../../src/server/evenements/evenements';
import { evenementsMetier } from '../../src/server/evenements/indicateurs';
import { communesDuRelaisLe } from '../../src/server/requetes/adhesions';
import { traiterInscriptionEvenement } from '../../src/server/formulaires/evenements';

const MAINTENANT = new Date('2026-03-02T09:00:00Z');

describe(`Formation continue and events of the métier on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let relaisId: string;
  let autreRelaisId: string;
  let c: ContexteStaff;
  let autre: ContexteStaff;
  let ams: { id: string; communeCode: string }[];
  let amAilleurs: { id: string; communeCode: string };

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    const relais = await base.db.select().from(schema.relais).orderBy(asc(schema.relais.creeLe), asc(schema.relais.nom));
    relaisId = relais.find((r) => r.slug === 'rpe-mutualise')!.id;
    autreRelaisId = relais.find((r) => r.id !== relaisId)!.id;
    const [est] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, 'animatrice.est@exemple.fr'));
    const staff: Staff = { id: est!.id, email: est!.email, nom: est!.nom, role: 'animatrice', relaisId, secteurId: est!.secteurId, communeCode: null };
    c = { db: base.db, staff, config: {} as ContexteStaff['config'], secret: 's', maintenant: MAINTENANT };
    autre = { ...c, staff: { ...staff, id: crypto.randomUUID(), relaisId: autreRelaisId } };
    const sel = (r: string) =>
      base.db
        .select({ id: schema.structures.id, communeCode: schema.structures.communeCode })
        .from(schema.structures)
        .where(and(eq(schema.structures.type, 'assistant-maternel'), sql`${schema.structures.communeCode} in ${communesDuRelaisLe('2026-03-02', r)}`))
        .orderBy(asc(schema.structures.id))
        .limit(3);
    ams = await sel(relaisId);
    amAilleurs = (await sel(autreRelaisId))[0]!;
    expect(ams).toHaveLength(3);
    expect(amAilleurs).toBeTruthy();
  });
  afterAll(async () => base?.detruire());

  it('staff publish a session, AM of the relais wish it, a group is built, departures counted once per AM', async () => {
    const bad = await creerFormation(c, null, {
      titre: 'x',
      organisme: '',
      debut: '2026-04-10',
      fin: '2026-04-09',
      lieu: 'Lillers',
      financement: 'gratuit',
      places: '0',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.erreurs).sort()).toEqual(['financement', 'organisme', 'places', 'titre']);
    const r = await creerFormation(c, null, {
      titre: 'Premiers secours enfants',
      organisme: 'Ipéria',
      debut: '2026-04-10',
      fin: '2026-04-11',
      lieu: 'Lillers',
      financement: 'plan-developpement-competences',
      places: '2',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.erreurs));
    const id = r.redirection.split('/')[3]!.split('?')[0]!;

    // The AM of the relais sees it and wishes it (twice: one wish); the AM of another relais does not see it.
    expect((await formationsPourAm(base.db, ams[0]!, MAINTENANT)).map((f) => f.id)).toContain(id);
    expect((await formationsPourAm(base.db, amAilleurs, MAINTENANT)).map((f) => f.id)).not.toContain(id);
    for (const am of ams) expect(await exprimerVoeu(base.db, { structure: am, formationId: id, maintenant: MAINTENANT })).toEqual({ ok: true });
    expect(await exprimerVoeu(base.db, { structure: ams[0]!, formationId: id, maintenant: MAINTENANT })).toEqual({ ok: true });
    expect(await exprimerVoeu(base.db, { structure: amAilleurs, formationId: id, maintenant: MAINTENANT })).toEqual({ ok: false, raison: 'introuvable' });
    expect(await exprimerVoeu(base.db, { structure: ams[0]!, formationId: id, maintenant: new Date('2026-04-10T08:00:00Z') })).toEqual({
      ok: false,
      raison: 'passee',
    });
    expect((await formationsPourAm(base.db, ams[0]!, MAINTENANT)).find((f) => f.id === id)!.statut).toBe('souhait');

    // Another relais' animatrice cannot open it.
    await expect(lireFormation(autre, id)).rejects.toBeInstanceOf(AccesRefuse);
    const vue = (await lireFormation(c, id))!;
    expect(vue.voeux).toHaveLength(3);
    // A group larger than the seats is refused; then a group of two.
    const trop = await creerGroupe(c, id, { nom: 'Groupe 1', voeux: vue.voeux.map((v) => v.id) });
    expect(trop.ok).toBe(false);
    const g = await creerGroupe(c, id, { nom: 'Groupe du samedi', voeux: vue.voeux.slice(0, 2).map((v) => v.id) });
    expect(g.ok).toBe(true);
    const apres = (await lireFormation(c, id))!;
    expect(apres.groupes.map((x) => x.nom)).toEqual(['Groupe du samedi']);
    expect(apres.voeux.filter((v) => v.statut === 'inscrit')).toHaveLength(2);

    // Departures: the two of the group left on 10 April.
    const d = await enregistrerDeparts(c, id, { voeux: apres.voeux.filter((v) => v.statut === 'inscrit').map((v) => v.id), partiLe: '' });
    expect(d.ok).toBe(true);
    // One of them also left for a second session: still one AM.
    const r2 = await creerFormation(c, null, {
      titre: 'Éveil musical',
      organisme: 'Ipéria',
      debut: '2026-05-05',
      fin: '2026-05-05',
      lieu: 'Isbergues',
      financement: 'cpf',
      places: '',
    });
    const id2 = (r2 as { redirection: string }).redirection.split('/')[3]!.split('?')[0]!;
    await exprimerVoeu(base.db, { structure: ams[0]!, formationId: id2, maintenant: MAINTENANT });
    const v2 = (await lireFormation(c, id2))!.voeux;
    expect((await enregistrerDeparts(c, id2, { voeux: v2.map((v) => v.id), partiLe: '2026-05-05' })).ok).toBe(true);

    const annee = { debut: '2026-01-01', fin: '2027-01-01', relaisIds: [relaisId] };
    expect(await departsEnFormation(base.db, annee)).toBe(2);
    expect(await departsEnFormation(base.db, { ...annee, fin: '2026-05-01' })).toBe(2);
    // `fin` is the first day not counted: departures on 10 April are out of a period ending on the 10th, in one ending on the 11th.
    expect(await departsEnFormation(base.db, { ...annee, fin: '2026-04-10' })).toBe(0);
    expect(await departsEnFormation(base.db, { ...annee, fin: '2026-04-11' })).toBe(2);
    expect(await departsEnFormation(base.db, { ...annee, debut: '2026-05-05', fin: '2026-05-06' })).toBe(1);
    expect(await departsEnFormation(base.db, { ...annee, debut: '2026-05-01' })).toBe(1);
    expect(await departsEnFormation(base.db, { ...annee, relaisIds: [autreRelaisId] })).toBe(0);
    expect(await departsEnFormation(base.db, { ...annee, relaisIds: [] })).toBe(0);
    expect(await formationParRelais(base.db, annee)).toEqual([{ relaisId, sessions: 2, souhaits: 3, departs: 2 }]);
    // The database refuses a departure without its day.
    await expect(base.db.update(schema.voeuxFormation).set({ partiLe: null }).where(eq(schema.voeuxFormation.formationId, id2))).rejects.toThrow();
  });

  it('public sign-up to an event: consent, never over capacity under concurrent sign-ups, counts, housekeeping', async () => {
    const lieux = await base.db.select().from(schema.lieux).where(eq(schema.lieux.relaisId, relaisId));
    const r = await creerEvenement(c, null, {
      type: 'job-dating',
      titre: 'Assmat dating de printemps',
      description: '',
      jour: '2026-03-20',
      debut: '14:00',
      fin: '17:00',
      lieuId: lieux[0]!.id,
      adresse: '',
      capacite: '3',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.erreurs));
    const id = r.redirection.split('/')[3]!.split('?')[0]!;
    const passe = await creerEvenement(c, null, {
      type: 'journee',
      titre: 'Journée passée',
      description: '',
      jour: '2026-02-01',
      debut: '14:00',
      fin: '17:00',
      lieuId: '',
      adresse: 'Salle des fêtes',
      capacite: '3',
    });
    expect(passe.ok).toBe(false);

    // Eight people at once for three places: exactly three are in.
    const res = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        inscrireEvenement(base.db, {
          evenementId: id,
          nom: `Candidate ${i}`,
          email: `candidate${i}@exemple.fr`,
          telephone: null,
          consentement: 'oui',
          langue: 'fr',
          maintenant: MAINTENANT,
        }),
      ),
    );
    expect(res.filter((x) => x.ok)).toHaveLength(3);
    expect(res.filter((x) => !x.ok && x.raison === 'complet')).toHaveLength(5);
    const n = await base.db.select().from(schema.inscriptionsEvenement).where(eq(schema.inscriptionsEvenement.evenementId, id));
    expect(n).toHaveLength(3);
    expect(n.every((x) => x.consentementLe.getTime() === MAINTENANT.getTime())).toBe(true);
    // The same email twice: refused as already signed up (another event with places).
    const r3 = await creerEvenement(c, null, {
      type: 'reunion-information',
      titre: 'Devenir assistant maternel',
      description: '',
      jour: '2026-03-25',
      debut: '18:00',
      fin: '19:30',
      lieuId: '',
      adresse: 'Mairie de Lillers',
      capacite: '20',
    });
    const id3 = (r3 as { redirection: string }).redirection.split('/')[3]!.split('?')[0]!;
    const o = {
      evenementId: id3,
      nom: 'Lina',
      email: 'lina@exemple.fr',
      telephone: '06 12 34 56 78',
      consentement: 'oui' as const,
      langue: 'ar',
      maintenant: MAINTENANT,
    };
    expect((await inscrireEvenement(base.db, o)).ok).toBe(true);
    expect(await inscrireEvenement(base.db, o)).toEqual({ ok: false, raison: 'deja' });
    // After the event started: gone.
    expect(await inscrireEvenement(base.db, { ...o, email: 'tard@exemple.fr', maintenant: new Date('2026-03-26T09:00:00Z') })).toEqual({
      ok: false,
      raison: 'introuvable',
    });

    await expect(lireEvenement(autre, id)).rejects.toBeInstanceOf(AccesRefuse);
    expect((await lireEvenement(c, id))!.inscriptions).toHaveLength(3);

    const compte = await evenementsMetier(base.db, { debut: '2026-03-01', fin: '2026-04-01', relaisIds: [relaisId] });
    expect(compte).toEqual({
      evenements: 2,
      inscrits: 4,
      parType: { 'job-dating': { evenements: 1, inscrits: 3 }, 'reunion-information': { evenements: 1, inscrits: 1 } },
    });
    expect((await evenementsMetier(base.db, { debut: '2026-03-21', fin: '2026-03-26', relaisIds: [relaisId] })).evenements).toBe(1);
    // The event of 25 March is out of a period whose first day not counted is the 25th.
    expect((await evenementsMetier(base.db, { debut: '2026-03-21', fin: '2026-03-25', relaisIds: [relaisId] })).evenements).toBe(0);
    expect((await evenementsMetier(base.db, { debut: '2026-03-01', fin: '2026-04-01', relaisIds: [autreRelaisId] })).evenements).toBe(0);

    // Housekeeping: nothing before the retention ends, then names, emails and phones go; counts stay.
    expect(await effacerInscriptionsPassees(base.db, new Date('2026-05-01T00:00:00Z'))).toBe(0);
    expect(await effacerInscriptionsPassees(base.db, new Date('2026-07-01T00:00:00Z'))).toBe(4);
    const restes = await base.db.select().from(schema.inscriptionsEvenement);
    expect(restes.some((x) => x.email.includes('exemple.fr') || x.telephone !== null || x.nom.startsWith('Candidate') || x.nom === 'Lina')).toBe(false);
    expect((await evenementsMetier(base.db, { debut: '2026-03-01', fin: '2026-04-01', relaisIds: [relaisId] })).inscrits).toBe(4);
    expect(await effacerInscriptionsPassees(base.db, new Date('2026-07-02T00:00:00Z'))).toBe(0);
  });

  it('the public sign-up form: errors in the reader’s language keys, typed values kept, redirect on success, 409 when full, 404 when over', async () => {
    const lieux = await base.db.select().from(schema.lieux).where(eq(schema.lieux.relaisId, relaisId));
    const maintenant = new Date('2026-04-01T08:00:00Z');
    const r = await creerEvenement({ ...c, maintenant }, null, {
      type: 'journee',
      titre: 'Journée découverte',
      description: '',
      jour: '2026-04-20',
      debut: '10:00',
      fin: '12:00',
      lieuId: lieux[0]!.id,
      adresse: '',
      capacite: '1',
    });
    const id = (r as { redirection: string }).redirection.split('/')[3]!.split('?')[0]!;
    const ctx = (corps: Record<string, string> | null) => ({
      request: new Request(
        `https://guichet.exemple.fr/ar/evenements/${id}`,
        corps ? { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(corps) } : {},
      ),
      url: new URL(`https://guichet.exemple.fr/ar/evenements/${id}`),
      locals: { db: base.db, lang: 'ar' } as unknown as App.Locals,
    });
    const vide = await traiterInscriptionEvenement(ctx(null), id, maintenant);
    expect(vide?.type === 'vue' && vide.statut).toBe(200);
    const mauvais = await traiterInscriptionEvenement(ctx({ nom: 'A', email: 'pas-un-courriel', telephone: '12', consentement: '' }), id, maintenant);
    if (mauvais?.type !== 'vue') throw new Error('expected a view');
    expect(mauvais.statut).toBe(422);
    expect(mauvais.vue.erreurs).toEqual({
      nom: 'metier.evenements.erreurs.nom',
      email: 'metier.evenements.erreurs.email',
      telephone: 'metier.evenements.erreurs.telephone',
      consentement: 'metier.evenements.erreurs.consentement',
    });
    expect(mauvais.vue.valeurs.email).toBe('pas-un-courriel');
    const bon = await traiterInscriptionEvenement(ctx({ nom: 'Amina K.', email: 'amina@exemple.fr', telephone: '', consentement: 'oui' }), id, maintenant);
    expect(bon).toEqual({ type: 'redirection', url: `/ar/evenements/${id}?ok=1` });
    const [ligne] = await base.db.select().from(schema.inscriptionsEvenement).where(eq(schema.inscriptionsEvenement.email, 'amina@exemple.fr'));
    expect(ligne!.langue).toBe('ar');
    const plein = await traiterInscriptionEvenement(ctx({ nom: 'Zoé L.', email: 'zoe@exemple.fr', telephone: '', consentement: 'oui' }), id, maintenant);
    expect(plein?.type === 'vue' && [plein.statut, plein.vue.refus]).toEqual([409, 'metier.evenements.plusDePlace']);
    expect(await traiterInscriptionEvenement(ctx(null), id, new Date('2026-04-21T08:00:00Z'))).toBeNull();
    expect(await traiterInscriptionEvenement(ctx(null), 'pas-un-id', maintenant)).toBeNull();
  });
});

/**
 * The loaders and the one dispatching handler of the agenda, ateliers and
 * analyse-pratique staff pages (src/server/staff/*-vue.ts,
 * src/server/ateliers/*-vue.ts): what each page shows for given query and
 * failed post, on a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { parseConfig } from '../../src/server/config';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import type { Staff } from '../../src/server/auth/staff';
import type { ContexteStaff, Resultat } from '../../src/server/staff/contexte';
import { lireAgenda } from '../../src/server/staff/agenda-vue';
import { chargerParametres } from '../../src/server/staff/agenda-parametres-vue';
import { modifierParametresAgenda } from '../../src/server/staff/agenda-parametres';
import { chargerReunions } from '../../src/server/staff/reunions-vue';
import { creerReunion } from '../../src/server/staff/reunions';
import { chargerProgramme } from '../../src/server/ateliers/programme-vue';
import { agirSurGroupe, chargerGroupe } from '../../src/server/ateliers/analyse-pratique-vue';
import { creerGroupe } from '../../src/server/ateliers/analyse-pratique';
import type { Echec } from '../../src/server/staff/page-post';
import { instantParis } from '../../src/domain/rdv/creneaux';

const MAINTENANT = new Date('2026-03-04T09:00:00Z'); // a Wednesday
const config = parseConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://guichet.exemple.fr', VISIO_URL_TEMPLATE: 'https://visio.exemple.fr/{salle}' });
const echecDe = <R extends Resultat>(r: R): Echec<R> => {
  if (r.ok) throw new Error(`expected a failure, got ${r.redirection}`);
  return r as Echec<R>;
};

describe(`agenda, ateliers and analyse-pratique page loaders (${DB_KIND})`, () => {
  let base: BaseDeTest;
  const staff: Record<string, Staff> = {};
  const ctx = (email: string): ContexteStaff => ({
    db: base.db,
    staff: staff[email]!,
    config,
    secret: 'secret-de-test-pages-agenda-0123456789',
    maintenant: MAINTENANT,
  });
  const EST = 'animatrice.est@exemple.fr';
  let nomAm = '';

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ maintenant: MAINTENANT });
    for (const u of await base.db.select().from(schema.utilisateurs))
      staff[u.email] = { id: u.id, email: u.email, nom: u.nom, role: u.role, relaisId: u.relaisId, secteurId: u.secteurId, communeCode: u.communeCode };
    const est = staff[EST]!;
    const [motif] = await base.db
      .insert(schema.motifsRdv)
      .values({ relaisId: est.relaisId!, nom: 'Motif des pages (test)', dureeMinutes: 30, modes: ['telephone', 'visio'] })
      .returning();
    // RDVs for an assistant maternel of the sector (the agenda names her).
    const [am] = await base.db
      .select({ id: schema.structures.id, nom: schema.structures.nom })
      .from(schema.structures)
      .innerJoin(schema.adhesions, eq(schema.adhesions.communeCode, schema.structures.communeCode))
      .where(and(eq(schema.structures.type, 'assistant-maternel'), eq(schema.adhesions.secteurId, est.secteurId!)))
      .limit(1);
    nomAm = am!.nom;
    const rdv = (jour: string, heure: string, o: { mode: 'telephone' | 'visio'; statut?: 'annule'; nomContact: string }) => ({
      relaisId: est.relaisId!,
      structureId: am!.id,
      animatriceId: est.id,
      motifId: motif!.id,
      mode: o.mode,
      statut: o.statut ?? ('reserve' as const),
      debut: instantParis(jour, heure),
      fin: instantParis(jour, heure.replace(':00', ':30')),
      nomContact: o.nomContact,
    });
    await base.db
      .insert(schema.rdvs)
      .values([
        rdv('2026-03-03', '10:00', { mode: 'visio', nomContact: 'Contact visio' }),
        rdv('2026-03-05', '14:00', { mode: 'telephone', nomContact: 'Contact annulé', statut: 'annule' }),
        rdv('2026-03-12', '09:00', { mode: 'telephone', nomContact: 'Contact semaine suivante' }),
      ]);
  });
  afterAll(async () => base?.detruire());

  it('agenda: the week of the date, RDVs under their day with the video room, cancelled ones on request only', async () => {
    const a = await lireAgenda(ctx(EST), new URLSearchParams('date=2026-03-04'));
    expect(a.titre).toBe('Agenda de la semaine du lundi 2 mars 2026');
    expect(a.jours.map((j) => j.jour)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    const mardi = a.jours[1]!.rdvs;
    expect(mardi).toHaveLength(1);
    expect(mardi[0]).toMatchObject({ famille: nomAm, debut: '10:00', fin: '10:30', ou: 'Visio', statut: { texte: 'Réservé' } });
    expect(mardi[0]!.salle).toMatch(/^https:\/\/visio\.exemple\.fr\/rpe-[0-9a-f]{20}$/);
    // The cancelled Thursday RDV and the next week's are not shown.
    expect(a.jours.flatMap((j) => j.rdvs)).toHaveLength(1);
    expect(a.tousRelais).toEqual([]);
    expect(a.suffixeRelais).toBe('');

    const avec = await lireAgenda(ctx(EST), new URLSearchParams('date=2026-03-04&annules=oui&vue=jour'));
    expect(avec.titre).toBe('Agenda du mercredi 4 mars 2026');
    expect(avec.jours).toHaveLength(1);
    const jeudi = await lireAgenda(ctx(EST), new URLSearchParams('date=2026-03-05&annules=oui&vue=jour'));
    expect(jeudi.jours[0]!.rdvs).toHaveLength(1);
    expect(jeudi.jours[0]!.rdvs[0]).toMatchObject({ debut: '14:00', ou: 'Téléphone', statut: { texte: 'Annulé' }, salle: null });
    expect(jeudi.periode.map((p) => p.texte)).toEqual(['Jour précédent', 'Aujourd’hui', 'Jour suivant']);
    expect(jeudi.periode[2]!.href).toBe('/admin/agenda?vue=jour&date=2026-03-06');
  });

  it('agenda: a date that does not exist is today; a site of another relais is ignored; the admin chooses the relais', async () => {
    const a = await lireAgenda(ctx(EST), new URLSearchParams('date=2026-02-30&lieu=00000000-0000-4000-8000-000000000000'));
    expect(a.filtres).toMatchObject({ date: '2026-03-04', lieuId: '' });
    const admin = await lireAgenda(ctx('admin@exemple.fr'), new URLSearchParams(`relais=${staff[EST]!.relaisId}`));
    expect(admin.relais.id).toBe(staff[EST]!.relaisId);
    expect(admin.tousRelais.length).toBeGreaterThan(1);
    expect(admin.suffixeRelais).toBe(`?relais=${staff[EST]!.relaisId}`);
    expect(admin.periode[0]!.href).toContain(`relais=${staff[EST]!.relaisId}`);
  });

  it('agenda settings: a failed slot comes back in its own form only, an absence error links to its own "Qui"', async () => {
    const c = ctx(EST);
    const plage = echecDe(
      await modifierParametresAgenda(c, null, { formulaire: 'plage', animatriceId: '', heureDebut: '10:00', heureFin: '09:00', jours: ['2', '4'], nom: 'x' }),
    );
    const p = await chargerParametres(c, null, plage);
    expect(p.formulaire).toBe('plage');
    expect(p.plage.v('heureDebut', '09:00')).toBe('10:00');
    expect(p.plage.coches('jours')).toEqual(['2', '4']);
    expect(Object.keys(p.erreurs).length).toBeGreaterThan(0);
    expect(p.motif.v('nom')).toBe('');
    expect(p.motif.err('nom')).toBeUndefined();
    expect(p.cibles).toEqual({ formulaire: 'contenu' });
    expect(p.plages.every((x) => /^\d{2}:\d{2}–\d{2}:\d{2}$/.test(x.heures))).toBe(true);

    const absence = echecDe(
      await modifierParametresAgenda(c, null, {
        formulaire: 'exception',
        libelle: 'Formation',
        animatriceId: '00000000-0000-4000-8000-000000000000',
        du: '2026-03-10',
        heureDu: '',
        au: '2026-03-10',
        heureAu: '',
      }),
    );
    const q = await chargerParametres(c, null, absence);
    expect(q.exception.err('animatriceId')).toBe('Animatrice inconnue');
    expect(q.cibles).toEqual({ formulaire: 'contenu', animatriceId: 'f-animatriceId-abs' });
    expect(q.exception.v('libelle')).toBe('Formation');
  });

  it('réunions: the defaults of a new réunion, or exactly what was typed', async () => {
    const c = ctx(EST);
    const vide = await chargerReunions(c, null, null);
    expect([vide.v('public'), vide.v('capacite'), vide.v('debut'), vide.v('fin'), vide.v('titre')]).toEqual(['famille', '20', '18:00', '19:30', '']);
    const echec = echecDe(
      await creerReunion(c, null, {
        titre: 'Soirée',
        description: '',
        public: 'am',
        jour: '',
        debut: '18:00',
        fin: '19:30',
        lieuId: '',
        lienVisio: '',
        capacite: '',
      }),
    );
    const r = await chargerReunions(c, null, echec);
    expect(r.v('titre')).toBe('Soirée');
    expect(r.v('public')).toBe('am');
    expect(r.v('capacite')).toBe('');
    expect(Object.keys(r.erreurs).sort()).toEqual(['capacite', 'jour', 'lienVisio']);
  });

  it('ateliers: sessions split around now, the publishing message counted in words', async () => {
    const p = await chargerProgramme(ctx(EST), new URLSearchParams('fait=cree&seances=1'), null);
    expect(p.message).toBe('Atelier publié : 1 séance au programme.');
    expect(p.aVenir.every((s) => s.debut > MAINTENANT)).toBe(true);
    expect(p.passees.every((s) => s.debut <= MAINTENANT)).toBe(true);
    expect(p.v('placesPro')).toBe('8');
    expect(p.action).toBe('/admin/ateliers');
    expect((await chargerProgramme(ctx(EST), new URLSearchParams('fait=cree&seances=5'), null)).message).toBe('Atelier publié : 5 séances au programme.');
  });

  it('analyse-pratique group: each form goes to its handler and comes back alone; unknown group is null', async () => {
    const c = ctx(EST);
    const cree = await creerGroupe(c, null, { nom: 'Groupe des pages', intervenantNom: 'Mme Durand', intervenantQualite: 'Psychologue', lieuId: '' });
    if (!cree.ok) throw new Error('group not created');
    const id = /analyse-pratique\/([0-9a-f-]{36})/.exec(cree.redirection)![1]!;

    const seance = echecDe(await agirSurGroupe(c, id, { formulaire: 'seance', jour: '2026-03-20', debut: '20:30', fin: '18:30' }));
    expect(seance.erreurs).toEqual({ fin: 'La fin doit être après le début' });
    const g = (await chargerGroupe(c, id, new URLSearchParams(), seance))!;
    expect(g.seance.v('jour')).toBe('2026-03-20');
    expect(g.seance.err('fin')).toBe('La fin doit être après le début');
    expect(g.placer.err('fin')).toBeUndefined();
    expect(g.placer.v('structureId')).toBe('');

    const placer = echecDe(await agirSurGroupe(c, id, { formulaire: 'placer', structureId: '' }));
    expect(placer.erreurs).toEqual({ structureId: 'Choisissez un professionnel' });
    const presences = echecDe(await agirSurGroupe(c, id, { formulaire: 'presences', seanceId: 'x' }));
    expect(presences.erreurs).toEqual({ formulaire: 'Séance introuvable' });
    expect((await chargerGroupe(c, id, new URLSearchParams(), presences))!.cibles).toEqual({ formulaire: 'contenu' });

    const ok = await agirSurGroupe(c, id, { formulaire: 'seance', jour: '2026-03-20', debut: '18:30', fin: '20:30' });
    expect(ok).toEqual({ ok: true, redirection: `/admin/analyse-pratique/${id}?fait=seance` });
    const apres = (await chargerGroupe(c, id, new URLSearchParams('fait=seance'), null))!;
    expect(apres.message).toBe('Séance planifiée.');
    expect(apres.seances.map((s) => s.texte)).toEqual(['vendredi 20 mars 2026, 18:30–20:30 — présents : 0']);
    expect(apres.seance.v('debut', '18:30')).toBe('18:30');
    expect(await chargerGroupe(c, '00000000-0000-4000-8000-000000000000', new URLSearchParams(), null)).toBeNull();
  });
});

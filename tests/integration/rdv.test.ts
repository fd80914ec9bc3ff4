import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import {
  annulerRdv,
  creneauxDisponibles,
  deplacerRdv,
  marquerRdv,
  MAX_RDV_FUTURS_PAR_DEMANDE,
  rdvParJeton,
  rdvsDeDemande,
  reserverRdv,
} from '../../src/server/rdv/reservation';
import { heureParis, instantParis, jourParis } from '../../src/domain/rdv/creneaux';
import type { Staff } from '../../src/server/auth/staff';
import { demandeAvecJeton, preparerAgenda, SECRET, URL_PUBLIQUE } from './rdv-outils';

const MAINTENANT = new Date('2026-10-19T08:00:00Z'); // Monday 19 October 2026, 10:00 in Paris

describe(`RDV booking on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let a: Awaited<ReturnType<typeof preparerAgenda>>;
  let staffEst: Staff;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    a = await preparerAgenda(base.db);
    staffEst = { id: a.est.id, email: a.est.email, nom: a.est.nom, role: 'animatrice', relaisId: a.relais.id, secteurId: a.est.secteurId, communeCode: null };
  });
  afterAll(async () => base?.detruire());

  const reservation = (demandeId: string, debut: Date, o: Partial<Parameters<typeof reserverRdv>[1]> = {}) =>
    reserverRdv(base.db, {
      relaisId: a.relais.id,
      motifId: a.premier.id,
      mode: 'telephone',
      lieuId: null,
      debut,
      demandeId,
      parFamille: true,
      langue: 'fr',
      email: 'samira@exemple.fr',
      telephone: '06 12 34 56 78',
      nomContact: 'Samira',
      maintenant: MAINTENANT,
      secret: SECRET,
      publicUrl: URL_PUBLIQUE,
      ...o,
    });

  it('forbids two overlapping RDVs of one animatrice in the database itself, cancelled ones aside', async () => {
    const d = await demandeAvecJeton(base.db, a.relais.id, 'jeton-contrainte-0000000000000000');
    const ligne = (debut: string, fin: string, animatriceId = a.est.id, statut: 'reserve' | 'annule' = 'reserve') => ({
      relaisId: a.relais.id,
      animatriceId,
      motifId: a.interne.id,
      mode: 'telephone' as const,
      debut: new Date(debut),
      fin: new Date(fin),
      demandeId: d.id,
      statut,
    });
    await base.db.insert(schema.rdvs).values(ligne('2027-01-04T08:00:00Z', '2027-01-04T08:30:00Z'));
    await expect(base.db.insert(schema.rdvs).values(ligne('2027-01-04T08:15:00Z', '2027-01-04T08:45:00Z'))).rejects.toThrow();
    // Back to back is fine ([) ranges), another animatrice is fine, a cancelled RDV does not count.
    await base.db.insert(schema.rdvs).values(ligne('2027-01-04T08:30:00Z', '2027-01-04T09:00:00Z'));
    await base.db.insert(schema.rdvs).values(ligne('2027-01-04T08:00:00Z', '2027-01-04T08:30:00Z', a.ouest.id));
    await base.db.insert(schema.rdvs).values(ligne('2027-01-04T08:10:00Z', '2027-01-04T08:20:00Z', a.est.id, 'annule'));
    await expect(base.db.update(schema.rdvs).set({ statut: 'reserve' }).where(eq(schema.rdvs.statut, 'annule'))).rejects.toThrow();
    await base.db.delete(schema.rdvs).where(eq(schema.rdvs.demandeId, d.id));
  });

  it('lets exactly one of 50 concurrent bookings of one slot succeed', async () => {
    const demandes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => demandeAvecJeton(base.db, a.relais.id, `jeton-course-${String(i).padStart(30, '0')}`)),
    );
    const debut = instantParis('2026-10-27', '10:30');
    const r = await Promise.all(demandes.map((d) => reservation(d.id, debut)));
    expect(r.filter((x) => x.ok)).toHaveLength(1);
    expect(r.filter((x) => !x.ok).every((x) => !x.ok && x.raison === 'indisponible')).toBe(true);
    const [c] = await base.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.rdvs)
      .where(and(eq(schema.rdvs.debut, debut), eq(schema.rdvs.animatriceId, a.est.id)));
    expect(c!.n).toBe(1);
    // Exactly one confirmation queued: the losers rolled back with their email.
    const [m] = await base.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.courriels)
      .where(eq(schema.courriels.type, 'rdv-confirmation'));
    expect(m!.n).toBe(1);
  });

  it('parent books a phone RDV: confirmation email with a valid ICS and the move/cancel link', async () => {
    const d = await demandeAvecJeton(base.db, a.relais.id, 'jeton-samira-000000000000000000');
    const debut = instantParis('2026-10-28', '09:45');
    const r = await reservation(d.id, debut);
    if (!r.ok) throw new Error(r.raison);
    const [mail] = await base.db
      .select()
      .from(schema.courriels)
      .where(and(eq(schema.courriels.objetId, r.rdvId), eq(schema.courriels.type, 'rdv-confirmation')));
    expect(mail!.destinataire).toBe('samira@exemple.fr');
    expect(mail!.texte).toContain('mercredi 28 octobre 2026 à 09:45');
    expect(mail!.texte).toContain(`${URL_PUBLIQUE}/rdv/gerer/${r.jeton}`);
    expect(mail!.texte).toContain('06 12 34 56 78');
    const ics = mail!.piecesJointes![0]!;
    expect(ics.filename).toBe('rendez-vous.ics');
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(ics.content)).getFirstSubcomponent('vevent')!);
    expect(ev.startDate.toJSDate().toISOString()).toBe(debut.toISOString());
    expect((ev.endDate.toJSDate().getTime() - debut.getTime()) / 60000).toBe(45);
    expect(ev.uid).toBe(`rdv-${r.rdvId}@guichet-petite-enfance`);
    const [row] = await base.db.select().from(schema.rdvs).where(eq(schema.rdvs.id, r.rdvId));
    expect(row!.smsTexte).toContain('28/10 a 09:45');
    expect((await rdvParJeton(base.db, r.jeton))?.rdv.id).toBe(r.rdvId);
    expect((await rdvsDeDemande(base.db, d.id)).map((x) => x.id)).toEqual([r.rdvId]);
  });

  it('gives the address and access of the site for an on-site RDV', async () => {
    // The family chose English in its demande; it books from the French pages: the email follows the demande.
    const d = await demandeAvecJeton(base.db, a.relais.id, 'jeton-surplace-0000000000000000', { langue: 'en' });
    const r = await reservation(d.id, instantParis('2026-10-30', '09:00'), { mode: 'sur-place', lieuId: a.lillers.id, langue: 'fr' });
    if (!r.ok) throw new Error(r.raison);
    const [mail] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.objetId, r.rdvId));
    expect(mail!.texte).toContain('7 rue de la Haye, 62190');
    expect(mail!.texte).toContain(a.lillers.acces!);
    expect(mail!.langue).toBe('en');
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(mail!.piecesJointes![0]!.content)).getFirstSubcomponent('vevent')!);
    expect(ev.location).toContain('7 rue de la Haye');
  });

  it('refuses what families may not book: internal motif, wrong mode, no site for an on-site RDV, a taken slot', async () => {
    const d = await demandeAvecJeton(base.db, a.relais.id, 'jeton-refus-00000000000000000000');
    const debut = instantParis('2026-10-29', '11:15');
    expect(await reservation(d.id, debut, { motifId: a.interne.id })).toEqual({ ok: false, raison: 'motif' });
    expect(await reservation(d.id, debut, { mode: 'sur-place' })).toEqual({ ok: false, raison: 'motif' });
    expect(await reservation(d.id, instantParis('2026-10-29', '11:20'))).toEqual({ ok: false, raison: 'indisponible' }); // not a slot start
    expect(await reservation(d.id, instantParis('2026-10-19', '11:15'))).toEqual({ ok: false, raison: 'indisponible' }); // within the notice
    // Staff may book the internal motif inside the notice.
    const staff = await reservation(d.id, instantParis('2026-10-19', '11:00'), { motifId: a.interne.id, parFamille: false, staff: staffEst });
    expect(staff.ok).toBe(true);
  });

  it('moves a RDV, then cancels it: the slot is free again at once', async () => {
    const d = await demandeAvecJeton(base.db, a.relais.id, 'jeton-deplacer-00000000000000000');
    const avant = instantParis('2026-11-02', '09:00');
    const apres = instantParis('2026-11-03', '10:30');
    const r = await reservation(d.id, avant);
    if (!r.ok) throw new Error(r.raison);
    expect(
      await deplacerRdv(base.db, { rdvId: r.rdvId, debut: apres, parFamille: true, maintenant: MAINTENANT, secret: SECRET, publicUrl: URL_PUBLIQUE }),
    ).toEqual({ ok: true });
    const libres = async (jour: string) =>
      (
        await creneauxDisponibles(base.db, {
          relaisId: a.relais.id,
          motifId: a.premier.id,
          lieuId: null,
          maintenant: MAINTENANT,
          du: instantParis(jour, '00:00'),
          au: instantParis(jour, '23:59'),
        })
      ).creneaux.map((c) => heureParis(c.debut));
    expect(await libres('2026-11-02')).toContain('09:00');
    expect(await libres('2026-11-03')).not.toContain('10:30');
    const mails = await base.db.select().from(schema.courriels).where(eq(schema.courriels.objetId, r.rdvId));
    const dep = mails.find((m) => m.type === 'rdv-deplacement')!;
    expect(dep.texte).toContain('mardi 3 novembre 2026 à 10:30');
    expect(new ICAL.Event(new ICAL.Component(ICAL.parse(dep.piecesJointes![0]!.content)).getFirstSubcomponent('vevent')!).sequence).toBe(1);

    expect(await annulerRdv(base.db, { rdvId: r.rdvId, parFamille: true, maintenant: MAINTENANT, secret: SECRET, publicUrl: URL_PUBLIQUE })).toEqual({
      ok: true,
    });
    expect(await libres('2026-11-03')).toContain('10:30');
    const autre = await demandeAvecJeton(base.db, a.relais.id, 'jeton-suivante-00000000000000000');
    expect((await reservation(autre.id, apres)).ok).toBe(true);
    expect(await annulerRdv(base.db, { rdvId: r.rdvId, parFamille: true, maintenant: MAINTENANT, secret: SECRET, publicUrl: URL_PUBLIQUE })).toEqual({
      ok: false,
      raison: 'introuvable',
    });
  });

  it('stops families from changing a RDV online within the cut-off', async () => {
    const d = await demandeAvecJeton(base.db, a.relais.id, 'jeton-tardif-0000000000000000000');
    const r = await reservation(d.id, instantParis('2026-11-04', '09:00'));
    if (!r.ok) throw new Error(r.raison);
    const tard = new Date(instantParis('2026-11-04', '09:00').getTime() - 3 * 3600_000);
    expect(await annulerRdv(base.db, { rdvId: r.rdvId, parFamille: true, maintenant: tard, secret: SECRET, publicUrl: URL_PUBLIQUE, heuresLimite: 4 })).toEqual(
      { ok: false, raison: 'trop-tard' },
    );
    expect(
      await annulerRdv(base.db, { rdvId: r.rdvId, parFamille: false, staff: staffEst, maintenant: tard, secret: SECRET, publicUrl: URL_PUBLIQUE }),
    ).toEqual({ ok: true });
  });

  it('counts the first honoured RDV as the first contact and takes the demande in charge', async () => {
    const d = await demandeAvecJeton(base.db, a.relais.id, 'jeton-honore-0000000000000000000');
    const debut = instantParis('2026-11-05', '09:00');
    const r = await reservation(d.id, debut);
    if (!r.ok) throw new Error(r.raison);
    expect(await marquerRdv(base.db, { rdvId: r.rdvId, statut: 'honore', staff: staffEst, maintenant: MAINTENANT })).toBe(false); // not started yet
    expect(await marquerRdv(base.db, { rdvId: r.rdvId, statut: 'honore', staff: staffEst, maintenant: new Date(debut.getTime() + 3600_000) })).toBe(true);
    const [dem] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, d.id));
    expect(dem!.etat).toBe('en-cours');
    expect(dem!.premierContactLe?.toISOString()).toBe(debut.toISOString());
    const contacts = await base.db.select().from(schema.contacts).where(eq(schema.contacts.demandeId, d.id));
    expect(contacts.map((c) => c.canal)).toEqual(['rdv']);
    const hist = await base.db.select().from(schema.demandeHistorique).where(eq(schema.demandeHistorique.demandeId, d.id));
    expect(hist.map((h) => h.transition)).toEqual(['prendreEnCharge']);
  });

  it('stores the right instant for a slot after the October daylight-saving change', async () => {
    const d = await demandeAvecJeton(base.db, a.relais.id, 'jeton-heure-hiver-00000000000000');
    const { creneaux } = await creneauxDisponibles(base.db, {
      relaisId: a.relais.id,
      motifId: a.premier.id,
      lieuId: a.lillers.id,
      maintenant: MAINTENANT,
      du: new Date('2026-10-23T00:00:00Z'),
      au: new Date('2026-10-27T00:00:00Z'),
    });
    const premiers = creneaux.filter((c) => heureParis(c.debut) === '09:00').map((c) => [jourParis(c.debut), c.debut.toISOString()]);
    expect(premiers).toEqual([
      ['2026-10-23', '2026-10-23T07:00:00.000Z'],
      ['2026-10-26', '2026-10-26T08:00:00.000Z'],
    ]);
    const r = await reservation(d.id, new Date('2026-10-26T08:00:00Z'), { mode: 'sur-place', lieuId: a.lillers.id });
    expect(r.ok).toBe(true);
  });

  it('one demande books at most a few future RDVs online; staff are not limited', async () => {
    const d = await demandeAvecJeton(base.db, a.relais.id, 'jeton-gourmand-000000000000000000');
    const { creneaux } = await creneauxDisponibles(base.db, {
      relaisId: a.relais.id,
      motifId: a.premier.id,
      lieuId: null,
      maintenant: MAINTENANT,
      du: MAINTENANT,
      au: new Date(MAINTENANT.getTime() + 28 * 86_400_000),
    });
    const debuts = [...new Set(creneaux.map((c) => c.debut.getTime()))].slice(-(MAX_RDV_FUTURS_PAR_DEMANDE + 2)).map((t) => new Date(t));
    for (let i = 0; i < MAX_RDV_FUTURS_PAR_DEMANDE; i++) expect((await reservation(d.id, debuts[i]!)).ok).toBe(true);
    expect(await reservation(d.id, debuts[MAX_RDV_FUTURS_PAR_DEMANDE]!)).toEqual({ ok: false, raison: 'trop-de-rdv' });
    const parStaff = await reservation(d.id, debuts[MAX_RDV_FUTURS_PAR_DEMANDE]!, { parFamille: false, staff: staffEst });
    expect(parStaff.ok).toBe(true);
  });
});

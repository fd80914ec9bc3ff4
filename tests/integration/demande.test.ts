import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { relaisPourCommune } from '../../src/server/demande/routage';
import { creerDemande } from '../../src/server/demande/creer';
import { demandeParJeton, modifierParFamille, renvoyerLiens, retirerParFamille, supprimerDonneesFamille, vueSuivi } from '../../src/server/demande/suivi';
import { validerDemande, type DemandeValidee, type FormulaireDemande } from '../../src/domain/demande/schema';
import { sha256 } from '../../src/server/auth/tokens';

const URL_PUBLIQUE = 'https://guichet.exemple.fr';
const AUJOURDHUI = '2025-12-15';

function formulaire(o: FormulaireDemande = {}): FormulaireDemande {
  return {
    p1Prenom: 'Nadia',
    p1Nom: 'Benali',
    email: 'nadia.benali@exemple.fr',
    telephone: '06 12 34 56 78',
    canalPrefere: 'email',
    langueContact: 'fr',
    commune: '62034',
    nbEnfants: '1',
    e0Prenom: 'Lina',
    e0Statut: 'ne',
    e0Naissance: '2025-06-10',
    dateDebut: '2026-03-02',
    j1: 'oui',
    j1De: '08:00',
    j1A: '17:30',
    j2: 'oui',
    j2De: '08:00',
    j2A: '17:30',
    mode1: 'assistant-maternel',
    mode2: 'collectif',
    consentementContact: 'oui',
    consentementPartage: 'oui',
    ...o,
  };
}
function valide(o: FormulaireDemande = {}): DemandeValidee {
  const r = validerDemande(formulaire(o), { aujourdhui: AUJOURDHUI });
  if (!r.ok) throw new Error(JSON.stringify(r.erreurs));
  return r.donnees;
}
const slugDe = async (base: BaseDeTest, relaisId: string | null) =>
  relaisId ? (await base.db.select({ slug: schema.relais.slug }).from(schema.relais).where(eq(schema.relais.id, relaisId)))[0]?.slug : null;

describe(`demande on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
  });
  afterAll(async () => base?.detruire());

  it('routes Annequin to Béthune centre on 31 December 2025 and to the mutualised relais, sector Est, from 1 January 2026', async () => {
    const avant = await relaisPourCommune(base.db, '62034', '2025-12-31');
    const apres = await relaisPourCommune(base.db, '62034', '2026-01-01');
    expect(await slugDe(base, avant!.relaisId)).toBe('rpe-bethune-centre');
    expect(await slugDe(base, apres!.relaisId)).toBe('rpe-mutualise');
    const [secteur] = await base.db.select({ nom: schema.secteurs.nom }).from(schema.secteurs).where(eq(schema.secteurs.id, apres!.secteurId!));
    expect(secteur!.nom).toBe('Est');
    expect(await relaisPourCommune(base.db, '99999', '2026-01-01')).toBeNull();
  });

  it('files a demande on the Paris day: 23:30 UTC on 31 December is already 2026 in Annequin', async () => {
    const veille = await creerDemande(base.db, valide({ idempotencyKey: 'k-veille' }), {
      canal: 'en-ligne',
      langue: 'fr',
      maintenant: new Date('2025-12-31T12:00:00Z'),
      publicUrl: URL_PUBLIQUE,
    });
    const nouvelAn = await creerDemande(base.db, valide({ idempotencyKey: 'k-nouvel-an', email: 'autre@exemple.fr', telephone: '' }), {
      canal: 'en-ligne',
      langue: 'fr',
      maintenant: new Date('2025-12-31T23:30:00Z'),
      publicUrl: URL_PUBLIQUE,
    });
    expect(await slugDe(base, veille.relaisId)).toBe('rpe-bethune-centre');
    expect(await slugDe(base, nouvelAn.relaisId)).toBe('rpe-mutualise');
    expect(veille.reference).toMatch(/^D-2025-\d{5}$/);
    expect(nouvelAn.reference).toMatch(/^D-2026-\d{5}$/);
  });

  it('stores the children, a history row, a hashed token and queues the confirmation email in the same transaction', async () => {
    const r = await creerDemande(
      base.db,
      valide({ idempotencyKey: 'k-complet', nbEnfants: '2', e1Statut: 'attendu', e1Naissance: '2026-02-01', email: 'famille.complete@exemple.fr' }),
      { canal: 'en-ligne', langue: 'fr', maintenant: new Date('2026-01-05T10:00:00Z'), publicUrl: URL_PUBLIQUE },
    );
    expect(r.creee).toBe(true);
    expect(r.etat).toBe('nouvelle');
    const [d] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, r.id));
    expect(d!.suiviTokenHash).toBe(sha256(r.jetonSuivi!));
    expect(JSON.stringify(d)).not.toContain(r.jetonSuivi!);
    expect(d!.ageMoisAuDebut).toBe(1); // the expected baby, born 1 February, on 2 March
    const enfants = await base.db.select().from(schema.enfants).where(eq(schema.enfants.demandeId, r.id));
    expect(enfants).toHaveLength(2);
    const hist = await base.db.select().from(schema.demandeHistorique).where(eq(schema.demandeHistorique.demandeId, r.id));
    expect(hist.map((h) => [h.transition, h.de, h.vers, h.parFamille])).toEqual([['deposer', null, 'nouvelle', true]]);
    const [mail] = await base.db
      .select()
      .from(schema.courriels)
      .where(and(eq(schema.courriels.objetId, r.id), eq(schema.courriels.type, 'demande-confirmation')));
    expect(mail!.destinataire).toBe('famille.complete@exemple.fr');
    expect(mail!.sujet).toContain(r.reference);
    expect(mail!.texte).toContain(`${URL_PUBLIQUE}/suivi/${r.jetonSuivi}`);
    expect(mail!.html).toContain('lang="fr"');
    expect(await demandeParJeton(base.db, r.jetonSuivi!)).toMatchObject({ id: r.id });
  });

  it('writes the Arabic confirmation right-to-left with an Arabic link', async () => {
    const r = await creerDemande(base.db, valide({ idempotencyKey: 'k-ar', langueContact: 'ar', email: 'amal@exemple.fr' }), {
      canal: 'en-ligne',
      langue: 'ar',
      maintenant: new Date('2026-01-05T10:00:00Z'),
      publicUrl: URL_PUBLIQUE,
    });
    const [mail] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.objetId, r.id));
    expect(mail!.langue).toBe('ar');
    expect(mail!.html).toContain('dir="rtl"');
    expect(mail!.texte).toContain(`${URL_PUBLIQUE}/ar/suivi/`);
  });

  it('keeps an out-of-territory demande as hors-territoire, with no relais', async () => {
    const r = await creerDemande(base.db, valide({ idempotencyKey: 'k-hors', commune: 'autre', communeAutre: 'Arras 62000', email: 'loin@exemple.fr' }), {
      canal: 'en-ligne',
      langue: 'fr',
      maintenant: new Date('2026-01-05T10:00:00Z'),
      publicUrl: URL_PUBLIQUE,
    });
    expect(r.etat).toBe('hors-territoire');
    expect(r.relaisId).toBeNull();
    const [d] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, r.id));
    expect(d!.communeCode).toBeNull();
    expect(d!.communeHorsTerritoire).toBe('Arras 62000');
    const [mail] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.objetId, r.id));
    expect(mail!.texte).toContain('monenfant.fr');
  });

  it('creates exactly one demande under 20 concurrent identical posts', async () => {
    const donnees = valide({ idempotencyKey: 'k-concurrent', email: 'vite@exemple.fr' });
    const res = await Promise.all(
      Array.from({ length: 20 }, () =>
        creerDemande(base.db, donnees, { canal: 'en-ligne', langue: 'fr', maintenant: new Date('2026-01-06T10:00:00Z'), publicUrl: URL_PUBLIQUE }),
      ),
    );
    expect(new Set(res.map((r) => r.id)).size).toBe(1);
    expect(res.filter((r) => r.creee)).toHaveLength(1);
    const [n] = await base.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.demandes)
      .where(eq(schema.demandes.email, 'vite@exemple.fr'));
    expect(n!.n).toBe(1);
    const [m] = await base.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.courriels)
      .where(eq(schema.courriels.destinataire, 'vite@exemple.fr'));
    expect(m!.n).toBe(1);
  });

  it('files demandes posted at the same moment together (batched statements): each its own reference, children, history and email; a key posted twice in the burst filed once', async () => {
    const maintenant = new Date('2026-01-06T11:00:00Z');
    const o = { canal: 'en-ligne' as const, langue: 'fr', maintenant, publicUrl: URL_PUBLIQUE };
    const donnees = Array.from({ length: 24 }, (_, i) =>
      valide({
        idempotencyKey: `k-lot-${i}`,
        email: `lot${i}@exemple.fr`,
        telephone: `07 11 22 33 ${String(10 + i)}`,
        nbEnfants: i % 3 === 0 ? '2' : '1',
        e1Prenom: 'Sami',
        e1Statut: 'attendu',
        e1Naissance: '2026-04-01',
        canalPrefere: i % 4 === 0 ? 'sms' : 'email',
      }),
    );
    const double = valide({ idempotencyKey: 'k-lot-double', email: 'lot-double@exemple.fr', telephone: '07 11 22 99 99' });
    const res = await Promise.all([...donnees.map((d) => creerDemande(base.db, d, o)), ...[1, 2, 3].map(() => creerDemande(base.db, double, o))]);
    const [premiers, doubles] = [res.slice(0, 24), res.slice(24)];
    expect(new Set(premiers.map((r) => r.reference)).size).toBe(24);
    expect(premiers.every((r) => r.creee && r.jetonSuivi)).toBe(true);
    expect(new Set(doubles.map((r) => r.id)).size).toBe(1);
    expect(doubles.filter((r) => r.creee)).toHaveLength(1);
    for (const [i, r] of premiers.entries()) {
      const [d] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, r.id));
      expect(d).toMatchObject({
        reference: r.reference,
        email: `lot${i}@exemple.fr`,
        idempotencyKey: `k-lot-${i}`,
        suiviTokenHash: sha256(r.jetonSuivi!),
        modesSouhaites: ['assistant-maternel', 'collectif'],
      });
      const enfants = await base.db.select().from(schema.enfants).where(eq(schema.enfants.demandeId, r.id));
      expect(enfants).toHaveLength(i % 3 === 0 ? 2 : 1);
      expect(await base.db.select().from(schema.demandeHistorique).where(eq(schema.demandeHistorique.demandeId, r.id))).toHaveLength(1);
      const [courriel] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.objetId, r.id));
      expect(courriel).toMatchObject({ destinataire: `lot${i}@exemple.fr`, statut: 'a-envoyer', tentatives: 0 });
      expect(courriel!.sujet).toContain(r.reference);
      expect(await base.db.select().from(schema.sms).where(eq(schema.sms.objetId, r.id))).toHaveLength(i % 4 === 0 ? 1 : 0);
    }
    const [n] = await base.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.demandes)
      .where(eq(schema.demandes.email, 'lot-double@exemple.fr'));
    expect(n!.n).toBe(1);
  });

  it('flags a second demande for the same child and phone as a likely duplicate, without refusing it', async () => {
    const premiere = await creerDemande(
      base.db,
      valide({ idempotencyKey: 'k-d1', email: 'double@exemple.fr', telephone: '07 00 00 00 01', e0Naissance: '2025-04-04' }),
      { canal: 'en-ligne', langue: 'fr', publicUrl: URL_PUBLIQUE, maintenant: new Date('2026-01-07T10:00:00Z') },
    );
    const seconde = await creerDemande(
      base.db,
      valide({ idempotencyKey: 'k-d2', email: 'autre.adresse@exemple.fr', telephone: '0700000001', e0Naissance: '2025-04-04' }),
      { canal: 'telephone', langue: 'fr', publicUrl: URL_PUBLIQUE, maintenant: new Date('2026-01-08T10:00:00Z') },
    );
    expect(seconde.creee).toBe(true);
    expect(seconde.doublonPossibleDeId).toBe(premiere.id);
    const autreEnfant = await creerDemande(base.db, valide({ idempotencyKey: 'k-d3', email: 'double@exemple.fr', telephone: '', e0Naissance: '2024-01-01' }), {
      canal: 'en-ligne',
      langue: 'fr',
      publicUrl: URL_PUBLIQUE,
      maintenant: new Date('2026-01-08T10:00:00Z'),
    });
    expect(autreEnfant.doublonPossibleDeId).toBeNull();
  });

  it('lets the family follow, update and withdraw its demande', async () => {
    const r = await creerDemande(base.db, valide({ idempotencyKey: 'k-suivi', email: 'suivi@exemple.fr' }), {
      canal: 'en-ligne',
      langue: 'fr',
      publicUrl: URL_PUBLIQUE,
      maintenant: new Date('2026-01-09T10:00:00Z'),
    });
    const d = (await demandeParJeton(base.db, r.jetonSuivi!))!;
    await modifierParFamille(base.db, d.id, 'contact', valide({ email: 'nouvelle.adresse@exemple.fr', telephone: '0611223344' }));
    const vue = await vueSuivi(base.db, (await demandeParJeton(base.db, r.jetonSuivi!))!);
    expect(vue.historique.map((h) => h.transition)).toEqual(['deposer', 'miseAJourFamille']);
    expect(vue.relais?.slug).toBe('rpe-mutualise');
    expect((await demandeParJeton(base.db, r.jetonSuivi!))!.email).toBe('nouvelle.adresse@exemple.fr');
    expect(await retirerParFamille(base.db, d.id, null)).toBe('abandonnee');
    const [h] = await base.db
      .select()
      .from(schema.demandeHistorique)
      .where(and(eq(schema.demandeHistorique.demandeId, d.id), eq(schema.demandeHistorique.transition, 'abandonner')));
    expect(h!.parFamille).toBe(true);
    await expect(retirerParFamille(base.db, d.id, null)).rejects.toThrow(/impossible/);
  });

  it('deletes all personal data at once and keeps an anonymous row for the counts', async () => {
    const r = await creerDemande(base.db, valide({ idempotencyKey: 'k-rgpd', email: 'effacer@exemple.fr', commentaire: 'Mon fils a des allergies' }), {
      canal: 'en-ligne',
      langue: 'fr',
      publicUrl: URL_PUBLIQUE,
      maintenant: new Date('2026-01-09T10:00:00Z'),
    });
    await supprimerDonneesFamille(base.db, r.id, new Date(), '');
    const [d] = await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, r.id));
    expect(d).toMatchObject({ email: null, telephone: null, commentaire: null, parents: [], suiviTokenHash: null, etat: 'abandonnee', communeCode: '62034' });
    expect(d!.anonymiseeLe).not.toBeNull();
    // Children stay as anonymous rows (no first name, birth month only) for the counts.
    expect((await base.db.select().from(schema.enfants).where(eq(schema.enfants.demandeId, r.id))).map((e) => e.prenom)).toEqual([null]);
    expect(await base.db.select().from(schema.courriels).where(eq(schema.courriels.objetId, r.id))).toEqual([]);
    expect(await demandeParJeton(base.db, r.jetonSuivi!)).toBeNull();
  });

  it('sends a new link to a known email, nothing to an unknown one, and not twice in ten minutes', async () => {
    const r = await creerDemande(base.db, valide({ idempotencyKey: 'k-lien', email: 'perdu@exemple.fr' }), {
      canal: 'en-ligne',
      langue: 'es',
      publicUrl: URL_PUBLIQUE,
      maintenant: new Date('2026-01-10T10:00:00Z'),
    });
    expect(await renvoyerLiens(base.db, 'inconnu@exemple.fr', { publicUrl: URL_PUBLIQUE })).toBe(0);
    expect(await renvoyerLiens(base.db, ' Perdu@Exemple.fr ', { publicUrl: URL_PUBLIQUE })).toBe(1);
    expect(await demandeParJeton(base.db, r.jetonSuivi!)).toBeNull(); // the old link no longer works
    const [mail] = await base.db
      .select()
      .from(schema.courriels)
      .where(and(eq(schema.courriels.objetId, r.id), eq(schema.courriels.type, 'demande-lien')));
    const jeton = /\/suivi\/([A-Za-z0-9_-]+)/.exec(mail!.texte)![1]!;
    expect((await demandeParJeton(base.db, jeton))!.id).toBe(r.id);
    expect(await renvoyerLiens(base.db, 'perdu@exemple.fr', { publicUrl: URL_PUBLIQUE })).toBe(0);
    expect(await renvoyerLiens(base.db, 'perdu@exemple.fr', { publicUrl: URL_PUBLIQUE, maintenant: new Date(Date.now() + 11 * 60_000) })).toBe(1);
  });
});

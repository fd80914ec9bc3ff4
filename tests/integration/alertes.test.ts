import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { alerterUrgences, envoyerResumes } from '../../src/server/staff/alertes';
import { enregistrerPreferences, lirePreferences } from '../../src/server/staff/preferences';
import type { Staff } from '../../src/server/auth/staff';
import { executerTachesDues } from '../../src/server/jobs';
import { taches } from '../../src/server/jobs/taches-alertes';

const MAINTENANT = new Date('2026-06-15T09:00:00Z');

describe(`staff alerts (${DB_KIND})`, () => {
  let base: BaseDeTest;
  let relais: typeof schema.relais.$inferSelect;

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    [relais] = (await base.db.select().from(schema.relais).where(eq(schema.relais.slug, 'rpe-mutualise'))) as [typeof schema.relais.$inferSelect];
    await base.db.update(schema.relais).set({ email: 'rpe.test@exemple.fr' }).where(eq(schema.relais.id, relais.id));
  });
  afterAll(async () => base?.detruire());

  const demande = async (o: Partial<typeof schema.demandes.$inferInsert>) => {
    const [d] = await base.db
      .insert(schema.demandes)
      .values({
        reference: `D-AL-${Math.random().toString(36).slice(2, 8)}`,
        territoireId: 'ca-bethune-bruay',
        relaisId: relais.id,
        dateDebut: '2026-09-01',
        creeLe: new Date(MAINTENANT.getTime() - 2 * 60_000),
        urgence: true,
        urgenceMotif: 'Reprise d’emploi',
        ...o,
      })
      .returning();
    return d!;
  };
  const alertes = () => base.db.select().from(schema.courriels).where(eq(schema.courriels.type, 'alerte-urgence'));

  it('an urgent demande triggers one email to the relais, not one per instance', async () => {
    const urgente = await demande({});
    await demande({ urgence: false });
    await demande({ creeLe: new Date(MAINTENANT.getTime() - 3 * 86_400_000) }); // filed before the alerts window

    // Two instances run the task at the same moment…
    const [a, b] = await Promise.all([
      alerterUrgences(base.db, { maintenant: MAINTENANT, publicUrl: 'https://g.fr' }),
      alerterUrgences(base.db, { maintenant: MAINTENANT, publicUrl: 'https://g.fr' }),
    ]);
    expect(a + b).toBe(1);
    // … and the scheduler, minute after minute, on two instances.
    const ctx = { db: base.db, config: { publicUrl: 'https://g.fr' } } as Parameters<typeof executerTachesDues>[0];
    await Promise.all([
      executerTachesDues(ctx, new Date(MAINTENANT.getTime() + 60_000), taches),
      executerTachesDues(ctx, new Date(MAINTENANT.getTime() + 60_000), taches),
    ]);
    await executerTachesDues(ctx, new Date(MAINTENANT.getTime() + 120_000), taches);

    const envoyes = await alertes();
    expect(envoyes).toHaveLength(1);
    expect(envoyes[0]).toMatchObject({ destinataire: 'rpe.test@exemple.fr', sujet: `Demande urgente ${urgente.reference}`, objetId: urgente.id });
    expect(envoyes[0]!.texte).toContain('Reprise d’emploi');
    expect(envoyes[0]!.texte).toContain(`https://g.fr/admin/demandes/${urgente.id}`);
  });

  it('each staff member chooses: a copy of urgent alerts, and the morning summary once a day', async () => {
    const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, 'animatrice.est@exemple.fr'));
    const est: Staff = { id: u!.id, email: u!.email, nom: u!.nom, role: u!.role, relaisId: u!.relaisId, secteurId: u!.secteurId, communeCode: u!.communeCode };
    expect(await lirePreferences(base.db, est.id)).toEqual({ resumeQuotidien: true, copieUrgences: false });
    await enregistrerPreferences(base.db, est, { copieUrgences: 'oui' }, MAINTENANT);
    expect(await lirePreferences(base.db, est.id)).toEqual({ resumeQuotidien: false, copieUrgences: true });
    const urgente = await demande({ reference: 'D-AL-COPIE' });
    await Promise.all([
      alerterUrgences(base.db, { maintenant: MAINTENANT, publicUrl: 'https://g.fr' }),
      alerterUrgences(base.db, { maintenant: MAINTENANT, publicUrl: 'https://g.fr' }),
    ]);
    const copies = await base.db.select().from(schema.courriels).where(eq(schema.courriels.type, 'alerte-urgence-copie'));
    expect(copies.map((c) => [c.destinataire, c.objetId])).toEqual([[est.email, urgente.id]]);

    // The summary: not for her (she unticked it), once for a colleague who keeps the default.
    const matin = new Date('2026-06-16T05:30:00Z');
    const n1 = await envoyerResumes(base.db, { maintenant: matin, publicUrl: 'https://g.fr' });
    const n2 = await envoyerResumes(base.db, { maintenant: matin, publicUrl: 'https://g.fr' });
    expect(n1).toBeGreaterThan(0);
    expect(n2).toBe(0);
    // (The scheduler runs of the first test already sent the summaries of 15 June.)
    const resumes = (await base.db.select().from(schema.courriels).where(eq(schema.courriels.type, 'resume-quotidien'))).filter((r) =>
      r.sujet.endsWith('16/06/2026'),
    );
    expect(resumes).toHaveLength(n1);
    expect(resumes.map((r) => r.destinataire)).not.toContain(est.email);
    expect(resumes[0]!.sujet).toBe('Votre journée du 16/06/2026');
    expect(resumes[0]!.texte).toMatch(/premiers? contacts? en retard/);
  });

  it('a demande already taken in charge raises no alert', async () => {
    await demande({ etat: 'en-cours' });
    expect(await alerterUrgences(base.db, { maintenant: MAINTENANT, publicUrl: 'https://g.fr' })).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { annulerRdv, reserverRdv } from '../../src/server/rdv/reservation';
import { envoyerRappels } from '../../src/server/rdv/rappels';
import { instantParis } from '../../src/domain/rdv/creneaux';
import { demandeAvecJeton, preparerAgenda, SECRET, URL_PUBLIQUE } from './rdv-outils';

const MAINTENANT = new Date('2026-10-19T08:00:00Z'); // Monday 19 October 2026, 10:00 in Paris

describe(`every message to a family in the language of its demande (${DB_KIND})`, () => {
  let base: BaseDeTest;
  let a: Awaited<ReturnType<typeof preparerAgenda>>;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    a = await preparerAgenda(base.db);
  });
  afterAll(async () => base?.detruire());

  it('a RDV booked from the French pages by a family who chose Turkish: confirmation, reminder, cancellation and SMS text in Turkish', async () => {
    const d = await demandeAvecJeton(base.db, a.relais.id, 'jeton-turc-00000000000000000000', { langue: 'tr' });
    const debut = instantParis('2026-10-27', '10:30');
    const r = await reserverRdv(base.db, {
      relaisId: a.relais.id,
      motifId: a.premier.id,
      mode: 'telephone',
      lieuId: null,
      debut,
      demandeId: d.id,
      parFamille: true,
      langue: 'fr',
      email: 'aylin@exemple.fr',
      telephone: '06 12 34 56 78',
      nomContact: 'Aylin',
      maintenant: MAINTENANT,
      secret: SECRET,
      publicUrl: URL_PUBLIQUE,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [rdv] = await base.db.select().from(schema.rdvs).where(eq(schema.rdvs.id, r.rdvId));
    expect(rdv!.langue).toBe('tr');
    expect(rdv!.smsTexte).toContain('/tr/rdv/gerer/');

    // The family later reads the French pages: the demande still says Turkish, the reminder follows it.
    expect((await envoyerRappels(base.db, { maintenant: new Date(debut.getTime() - 47 * 3_600_000), secret: SECRET, publicUrl: URL_PUBLIQUE })).rdv).toBe(1);
    expect((await annulerRdv(base.db, { rdvId: r.rdvId, parFamille: true, maintenant: MAINTENANT, secret: SECRET, publicUrl: URL_PUBLIQUE })).ok).toBe(true);
    const courriels = await base.db
      .select()
      .from(schema.courriels)
      .where(eq(schema.courriels.destinataire, 'aylin@exemple.fr'))
      .orderBy(asc(schema.courriels.creeLe));
    expect(courriels.map((c) => c.type).sort()).toEqual(['rdv-annulation', 'rdv-confirmation', 'rdv-rappel']);
    for (const c of courriels) expect(c.langue).toBe('tr');
    expect(courriels.find((c) => c.type === 'rdv-confirmation')!.sujet).toMatch(/^Randevu onaylandı/);
    expect(courriels.find((c) => c.type === 'rdv-rappel')!.sujet).toMatch(/^Hatırlatma/);
  });

  it('a RDV of a demande whose family switched language after booking follows the new choice', async () => {
    const d = await demandeAvecJeton(base.db, a.relais.id, 'jeton-change-0000000000000000000', { langue: 'fr' });
    const debut = instantParis('2026-10-28', '10:30');
    const r = await reserverRdv(base.db, {
      relaisId: a.relais.id,
      motifId: a.premier.id,
      mode: 'telephone',
      lieuId: null,
      debut,
      demandeId: d.id,
      parFamille: true,
      langue: 'fr',
      email: 'olena@exemple.fr',
      nomContact: 'Olena',
      maintenant: MAINTENANT,
      secret: SECRET,
      publicUrl: URL_PUBLIQUE,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    await base.db.update(schema.demandes).set({ langue: 'uk' }).where(eq(schema.demandes.id, d.id));
    expect((await annulerRdv(base.db, { rdvId: r.rdvId, parFamille: true, maintenant: MAINTENANT, secret: SECRET, publicUrl: URL_PUBLIQUE })).ok).toBe(true);
    const [annulation] = await base.db
      .select()
      .from(schema.courriels)
      .where(eq(schema.courriels.type, 'rdv-annulation'))
      .then((rows) => rows.filter((c) => c.destinataire === 'olena@exemple.fr'));
    expect(annulation!.langue).toBe('uk');
  });
});

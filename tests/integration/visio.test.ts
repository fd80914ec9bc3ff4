import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { reserverRdv } from '../../src/server/rdv/reservation';
import { envoyerRappels } from '../../src/server/rdv/rappels';
import { lienVisioRdv, salleVisio } from '../../src/server/rdv/visio';
import { instantParis } from '../../src/domain/rdv/creneaux';
import { demandeAvecJeton, preparerAgenda, SECRET, URL_PUBLIQUE } from './rdv-outils';

// Read once by config() on its first use in this file.
process.env.VISIO_URL_TEMPLATE = 'https://visio.exemple.fr/{salle}';
const MAINTENANT = new Date('2026-10-19T08:00:00Z');

describe(`visio RDV rooms (${DB_KIND})`, () => {
  let base: BaseDeTest;
  let a: Awaited<ReturnType<typeof preparerAgenda>>;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    a = await preparerAgenda(base.db);
  });
  afterAll(async () => base?.detruire());

  it('a visio RDV gets its own room link, the same in the confirmation, the reminder, the .ics and the agenda', async () => {
    const d = await demandeAvecJeton(base.db, a.relais.id, 'jeton-visio-000000000000000000000');
    const debut = instantParis('2026-10-27', '10:30');
    const r = await reserverRdv(base.db, {
      relaisId: a.relais.id,
      motifId: a.premier.id,
      mode: 'visio',
      lieuId: null,
      debut,
      demandeId: d.id,
      parFamille: true,
      langue: 'fr',
      email: 'visio@exemple.fr',
      nomContact: 'Léa',
      maintenant: MAINTENANT,
      secret: SECRET,
      publicUrl: URL_PUBLIQUE,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const lien = lienVisioRdv('https://visio.exemple.fr/{salle}', SECRET, { id: r.rdvId, mode: 'visio' });
    expect(lien).toMatch(/^https:\/\/visio\.exemple\.fr\/rpe-[0-9a-f]{20}$/);
    expect(lien).not.toContain(r.rdvId);
    expect(lienVisioRdv('https://visio.exemple.fr/{salle}', SECRET, { id: r.rdvId, mode: 'telephone' })).toBeNull();
    expect(lienVisioRdv(undefined, SECRET, { id: r.rdvId, mode: 'visio' })).toBeNull();
    expect(salleVisio('a')).not.toBe(salleVisio('b'));

    await envoyerRappels(base.db, { maintenant: new Date(debut.getTime() - 47 * 3_600_000), secret: SECRET, publicUrl: URL_PUBLIQUE });
    const courriels = await base.db.select().from(schema.courriels).where(eq(schema.courriels.destinataire, 'visio@exemple.fr'));
    expect(courriels.map((c) => c.type).sort()).toEqual(['rdv-confirmation', 'rdv-rappel']);
    for (const c of courriels) {
      expect(c.texte).toContain(lien!);
      expect(c.texte).toContain('Rejoindre l’appel vidéo');
      const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(c.piecesJointes![0]!.content)).getFirstSubcomponent('vevent')!);
      expect(ev.location).toBe(lien);
    }
  });
});

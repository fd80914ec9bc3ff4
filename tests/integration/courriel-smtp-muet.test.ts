import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { eq } from 'drizzle-orm';
import { schema, ping } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { creerDemande } from '../../src/server/demande/creer';
import { validerDemande } from '../../src/domain/demande/schema';
import { creerTransport, type Transport } from '../../src/server/mail/transport';
import { delaiAvantNouvelEssai, envoyerEnAttente, MAX_TENTATIVES } from '../../src/server/mail/outbox';
import { listerCourriels } from '../../src/server/backoffice/courriels';
import { compterNonDistribues, renvoyerCourriel } from '../../src/server/backoffice/courriels-non-distribues';
import type { Staff } from '../../src/server/auth/staff';

/** An SMTP server that accepts the connection and never says a word. */
function serveurMuet(): Promise<{ port: number; fermer: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const s = net.createServer((c) => {
    sockets.add(c);
    c.on('error', () => {});
  });
  return new Promise((resolve) =>
    s.listen(0, '127.0.0.1', () => {
      const a = s.address() as net.AddressInfo;
      resolve({
        port: a.port,
        fermer: () =>
          new Promise((r) => {
            for (const c of sockets) c.destroy();
            s.close(() => r());
          }),
      });
    }),
  );
}

let n = 0;
function demande(email: string) {
  const r = validerDemande(
    {
      p1Prenom: 'Maëlys',
      p1Nom: 'Muet',
      email,
      canalPrefere: 'email',
      langueContact: 'fr',
      commune: '62119',
      nbEnfants: '1',
      e0Statut: 'attendu',
      e0Naissance: '2026-04-01',
      dateDebut: '2026-09-01',
      j3: 'oui',
      j3De: '09:00',
      j3A: '12:00',
      mode1: 'collectif',
      consentementContact: 'oui',
      idempotencyKey: `muet-${++n}-${Date.now()}`,
    },
    { aujourdhui: '2026-01-10' },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.erreurs));
  return r.donnees;
}

describe(`outbox with a mail server that never answers (${DB_KIND})`, () => {
  let base: BaseDeTest;
  let muet: Awaited<ReturnType<typeof serveurMuet>>;
  const staff: Record<string, Staff> = {};
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    muet = await serveurMuet();
    for (const u of await base.db.select().from(schema.utilisateurs)) {
      staff[u.email] = { id: u.id, email: u.email, nom: u.nom, role: u.role, relaisId: u.relaisId, secteurId: u.secteurId, communeCode: u.communeCode };
    }
  });
  afterAll(async () => {
    await muet?.fermer();
    await base?.detruire();
  });

  it('keeps the database free while the send hangs, then gives up on that try by its timeout', async () => {
    const d = await creerDemande(base.db, demande('maelys@exemple.fr'), {
      canal: 'en-ligne',
      langue: 'fr',
      publicUrl: 'https://g.exemple.fr',
      maintenant: new Date(),
    });
    const transport = creerTransport({ SMTP_URL: `smtp://127.0.0.1:${muet.port}`, DATA_DIR: '/tmp', SMTP_TIMEOUT_MS: 1500 });
    const debut = Date.now();
    const envoi = envoyerEnAttente(base.db, transport, 'guichet@exemple.fr', 1);
    // While the worker waits for the greeting, a health check and a new demande are fast.
    await new Promise((r) => setTimeout(r, 200));
    const t1 = Date.now();
    expect(await ping(base.db)).toBe(true);
    await creerDemande(base.db, demande('autre@exemple.fr'), { canal: 'en-ligne', langue: 'fr', publicUrl: 'https://g.exemple.fr', maintenant: new Date() });
    expect(Date.now() - t1).toBeLessThan(1000);
    expect(await envoi).toEqual({ envoyes: 0, echecs: 1 });
    expect(Date.now() - debut).toBeLessThan(10_000);
    const lignes = await base.db.select().from(schema.courriels).where(eq(schema.courriels.objetId, d.id));
    const tentee = lignes.find((l) => l.tentatives === 1)!;
    expect(tentee).toMatchObject({ statut: 'a-envoyer' });
    expect(tentee.derniereErreur).not.toContain('maelys');
  });

  it('backs off longer each time, never drops an email, and tells the relais after the last try', async () => {
    const d = await creerDemande(base.db, demande('perdu@exemple.fr'), {
      canal: 'en-ligne',
      langue: 'fr',
      publicUrl: 'https://g.exemple.fr',
      maintenant: new Date(),
    });
    await base.db
      .update(schema.courriels)
      .set({ prochaineTentativeLe: new Date('2100-01-01') })
      .where(eq(schema.courriels.statut, 'a-envoyer'));
    const [c] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.objetId, d.id));
    await base.db
      .update(schema.courriels)
      .set({ prochaineTentativeLe: new Date('2026-01-01') })
      .where(eq(schema.courriels.id, c!.id));
    // A transport that fails slowly: the back-off must be counted from the end of the try.
    const enPanne: Transport = {
      envoyer: () =>
        new Promise((_r, rej) => setTimeout(() => rej(Object.assign(new Error('refus pour perdu@exemple.fr'), { code: 'EENVELOPE', responseCode: 550 })), 5)),
    };
    let quand = new Date('2026-01-01T00:00:00Z');
    let delaiPrecedent = 0;
    for (let i = 1; i <= MAX_TENTATIVES; i++) {
      expect(await envoyerEnAttente(base.db, enPanne, 'guichet@exemple.fr', 1, quand)).toEqual({ envoyes: 0, echecs: 1 });
      const [l] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.id, c!.id));
      expect(l!.tentatives).toBe(i);
      const ecart = l!.prochaineTentativeLe.getTime() - quand.getTime();
      expect(ecart).toBeGreaterThanOrEqual(delaiAvantNouvelEssai(i));
      expect(ecart).toBeLessThan(delaiAvantNouvelEssai(i) + 5000);
      expect(delaiAvantNouvelEssai(i)).toBeGreaterThanOrEqual(delaiPrecedent);
      delaiPrecedent = delaiAvantNouvelEssai(i);
      expect(l!.derniereErreur).toBe('EENVELOPE 550');
      if (i < MAX_TENTATIVES) expect(l!.statut).toBe('a-envoyer');
      quand = new Date(l!.prochaineTentativeLe.getTime() + 1);
    }
    const [fin] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.id, c!.id));
    expect(fin!.statut).toBe('echec');
    // The relais is told, in a separate email that stays in the outbox.
    const avis = await base.db.select().from(schema.courriels).where(eq(schema.courriels.type, 'courriel-non-distribue'));
    expect(avis).toHaveLength(1);
    expect(avis[0]!.sujet).toContain(d.reference);

    // Staff of the relais see it among the « non distribués », without a live private link, and queue it again.
    const est = Object.values(staff).find((u) => u.role === 'admin')!;
    expect(await compterNonDistribues(base.db, est)).toBe(1);
    const { lignes } = await listerCourriels(base.db, est, { nonDistribues: true });
    expect(lignes.map((l) => l.id)).toEqual([c!.id]);
    expect(lignes[0]!.texte).not.toMatch(/\/suivi\/[A-Za-z0-9_-]{10,}/);
    expect(lignes[0]!.texte).toContain('/suivi/[lien privé masqué]');
    expect(await renvoyerCourriel(base.db, est, { id: 'pas-un-uuid' })).toEqual({ ok: false, erreur: 'introuvable' });
    expect(await renvoyerCourriel(base.db, est, { id: c!.id })).toEqual({ ok: true });
    const [relance] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.id, c!.id));
    expect(relance).toMatchObject({ statut: 'a-envoyer', tentatives: 0 });
  });
});

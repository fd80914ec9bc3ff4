import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { creerDemande } from '../../src/server/demande/creer';
import { validerDemande } from '../../src/domain/demande/schema';
import { creerTransport } from '../../src/server/mail/transport';
import { envoyerEnAttente } from '../../src/server/mail/outbox';
import { portLibre } from '../e2e/global-setup';

function serveurSmtp(recus: string[]): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _s, cb) {
      const morceaux: Buffer[] = [];
      stream.on('data', (c: Buffer) => morceaux.push(c));
      stream.on('end', () => {
        recus.push(Buffer.concat(morceaux).toString('utf8'));
        cb();
      });
    },
  });
}
const ecouter = (s: SMTPServer, port: number) => new Promise<void>((r) => s.listen(port, '127.0.0.1', () => r()));
const fermer = (s: SMTPServer) => new Promise<void>((r) => s.close(() => r()));

describe(`confirmation email on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
  });
  afterAll(async () => base?.detruire());

  it('survives a stopped mail server and is delivered once it comes back', async () => {
    const port = await portLibre();
    const transport = creerTransport({ SMTP_URL: `smtp://127.0.0.1:${port}`, DATA_DIR: '/tmp' });
    const r0 = validerDemande(
      {
        p1Prenom: 'Ioana',
        p1Nom: 'Pop',
        email: 'ioana@exemple.fr',
        canalPrefere: 'email',
        langueContact: 'falc',
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
        idempotencyKey: 'outbox-1',
      },
      { aujourdhui: '2026-01-10' },
    );
    if (!r0.ok) throw new Error(JSON.stringify(r0.erreurs));
    const d = await creerDemande(base.db, r0.donnees, {
      canal: 'en-ligne',
      langue: 'falc',
      publicUrl: 'https://g.exemple.fr',
      maintenant: new Date('2026-01-10T09:00:00Z'),
    });

    // The mail server is down: nothing is lost, a retry is scheduled.
    const t0 = new Date();
    expect(await envoyerEnAttente(base.db, transport, 'guichet@exemple.fr', 20, t0)).toEqual({ envoyes: 0, echecs: 1 });
    const [enAttente] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.objetId, d.id));
    expect(enAttente).toMatchObject({ statut: 'a-envoyer', tentatives: 1 });
    expect(enAttente!.prochaineTentativeLe.getTime()).toBeGreaterThan(t0.getTime());
    // Not due yet: the worker does not hammer the server.
    expect(await envoyerEnAttente(base.db, transport, 'guichet@exemple.fr', 20, t0)).toEqual({ envoyes: 0, echecs: 0 });

    const recus: string[] = [];
    const smtp = serveurSmtp(recus);
    await ecouter(smtp, port);
    try {
      const plusTard = new Date(enAttente!.prochaineTentativeLe.getTime() + 1000);
      expect(await envoyerEnAttente(base.db, transport, 'guichet@exemple.fr', 20, plusTard)).toEqual({ envoyes: 1, echecs: 0 });
      expect(recus).toHaveLength(1);
      const m = await simpleParser(recus[0]!);
      expect(m.subject).toContain(d.reference);
      expect(m.text).toContain('https://g.exemple.fr/falc/suivi/');
      expect(m.html).toContain('lang="fr"');
      const [envoye] = await base.db.select().from(schema.courriels).where(eq(schema.courriels.objetId, d.id));
      expect(envoye).toMatchObject({ statut: 'envoye', tentatives: 2 });
      // Sent once only.
      expect(await envoyerEnAttente(base.db, transport, 'guichet@exemple.fr', 20, new Date(plusTard.getTime() + 86_400_000))).toEqual({
        envoyes: 0,
        echecs: 0,
      });
    } finally {
      await fermer(smtp);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import type { Staff } from '../../src/server/auth/staff';
import { mettreEnRelationAvec } from '../../src/server/backoffice/demande';
import { envoyerSmsEnAttente, listerSms } from '../../src/server/sms/file';
import { FournisseurFichier, FournisseurHttp } from '../../src/server/sms/fournisseurs';
import { communesDuRelais } from '../../src/server/donnees/perimetre';
import { effacerDemande } from '../../src/server/donnees/effacement';
import { creerDemande } from '../../src/server/demande/creer';
import { validerDemande } from '../../src/domain/demande/schema';

const MAINTENANT = new Date('2026-06-15T09:00:00Z');

describe(`SMS to families who chose them (${DB_KIND})`, () => {
  let base: BaseDeTest;
  let est: Staff;
  let code: string;
  let dossier: string;
  let n = 0;
  const demande = async (o: Partial<typeof schema.demandes.$inferInsert>) => {
    const [d] = await base.db
      .insert(schema.demandes)
      .values({
        reference: `D-SMS-${++n}`,
        territoireId: 'ca-bethune-bruay',
        relaisId: est.relaisId,
        secteurId: est.secteurId,
        communeCode: code,
        etat: 'en-cours',
        dateDebut: '2026-09-01',
        parents: [{ prenom: 'Elif', nom: 'Yılmaz' }],
        telephone: '06 11 22 33 44',
        langue: 'tr',
        ...o,
      })
      .returning();
    return d!;
  };

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, 'animatrice.est@exemple.fr'));
    est = { id: u!.id, email: u!.email, nom: u!.nom, role: u!.role, relaisId: u!.relaisId, secteurId: u!.secteurId, communeCode: u!.communeCode };
    code = [...(await communesDuRelais(base.db, est.relaisId, MAINTENANT))].sort()[0]!;
    dossier = mkdtempSync(path.join(tmpdir(), 'gpe-sms-'));
  });
  afterAll(async () => {
    rmSync(dossier, { recursive: true, force: true });
    await base?.detruire();
  });

  it('a mise en relation goes by SMS in Turkish, first name only, only to the family who chose SMS; the file provider writes it', async () => {
    const [c] = await base.db.select().from(schema.communes).where(eq(schema.communes.code, code));
    const [am] = await base.db
      .insert(schema.structures)
      .values({
        type: 'assistant-maternel',
        nom: 'Sophie D.',
        communeCode: code,
        lat: c!.centreLat!,
        lon: c!.centreLon!,
        positionPublique: 'commune',
        latPublique: c!.centreLat!,
        lonPublique: c!.centreLon!,
        capacite: 4,
        telephone: '0321000000',
        publication: { telephone: true },
      })
      .returning();
    const sms = await demande({ canalPrefere: 'sms' });
    const courriel = await demande({ canalPrefere: 'email', email: 'x@exemple.fr' });
    const fixe = await demande({ canalPrefere: 'sms', telephone: '03 21 00 00 00' });
    for (const d of [sms, courriel, fixe])
      expect((await mettreEnRelationAvec(base.db, est, d.id, { structureId: am!.id }, MAINTENANT, 'https://g.fr')).ok).toBe(true);

    const file = await base.db.select().from(schema.sms);
    expect(file).toHaveLength(1); // the email family opted out, the landline cannot receive one
    expect(file[0]).toMatchObject({
      destinataire: '+33611223344',
      langue: 'tr',
      type: 'mise-en-relation-famille',
      statut: 'a-envoyer',
      relaisId: est.relaisId,
    });
    expect(file[0]!.texte).toBe(
      'Merhaba Elif, merkez size Sophie D. öneriyor (Lisanslı çocuk bakıcısı, ' + c!.nom + ') 0321000000. Ayrıntılar e-postada veya takip sayfanızda.',
    );
    expect(file[0]!.texte).not.toContain('Yılmaz');

    // Queued rows are due from the (real) time of their insert.
    expect(await envoyerSmsEnAttente(base.db, new FournisseurFichier(dossier), 20, new Date(Date.now() + 1000))).toEqual({ envoyes: 1, echecs: 0 });
    const fichiers = readdirSync(dossier);
    expect(fichiers).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(dossier, fichiers[0]!), 'utf8'))).toEqual({ to: '+33611223344', text: file[0]!.texte });
    expect((await listerSms(base.db, est)).map((l) => l.statut)).toEqual(['envoye']);
    expect(await listerSms(base.db, { ...est, role: 'commune' })).toEqual([]);

    // Erasing the family erases its SMS.
    await effacerDemande(base.db, sms.id, { origine: 'famille', maintenant: MAINTENANT, dataDir: path.dirname(dossier) });
    expect(await base.db.select().from(schema.sms)).toHaveLength(0);
  });

  it('a family who chose SMS gets its follow-up link by SMS at once, in its language; one who chose email does not', async () => {
    const form = (o: Record<string, string>) => {
      const r = validerDemande(
        {
          p1Prenom: 'Olena',
          p1Nom: 'Koval',
          telephone: '07 12 34 56 78',
          langueContact: 'uk',
          commune: code,
          nbEnfants: '1',
          e0Prenom: 'Ira',
          e0Statut: 'ne',
          e0Naissance: '2026-01-10',
          dateDebut: '2026-09-01',
          j1: 'oui',
          j1De: '08:00',
          j1A: '17:30',
          mode1: 'assistant-maternel',
          consentementContact: 'oui',
          ...o,
        },
        { aujourdhui: '2026-06-15' },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.erreurs));
      return r.donnees;
    };
    const parSms = await creerDemande(base.db, form({ canalPrefere: 'sms', idempotencyKey: 'sms-1' }), {
      canal: 'en-ligne',
      langue: 'fr',
      maintenant: MAINTENANT,
      publicUrl: 'https://g.fr',
    });
    await creerDemande(base.db, form({ canalPrefere: 'email', email: 'olena@exemple.fr', telephone: '07 00 00 00 01', idempotencyKey: 'sms-2' }), {
      canal: 'en-ligne',
      langue: 'fr',
      maintenant: MAINTENANT,
      publicUrl: 'https://g.fr',
    });
    const liens = await base.db.select().from(schema.sms).where(eq(schema.sms.type, 'demande-lien'));
    expect(liens).toHaveLength(1);
    expect(liens[0]).toMatchObject({ destinataire: '+33712345678', langue: 'uk', objetId: parSms.id });
    expect(liens[0]!.texte).toBe(`Вітаємо, Olena! Вашу заявку ${parSms.reference} отримано. Відстежуйте тут: https://g.fr/uk/suivi/${parSms.jetonSuivi}`);
  });

  it('the HTTP provider posts to SMS_URL with the token, and a refusal is retried', async () => {
    const recus: { auth: string | undefined; corps: unknown }[] = [];
    let statut = 503;
    const serveur: Server = createServer((req, res) => {
      let corps = '';
      req.on('data', (c) => {
        corps += c;
      });
      req.on('end', () => {
        recus.push({ auth: req.headers.authorization, corps: JSON.parse(corps) });
        res.writeHead(statut).end();
      });
    });
    await new Promise<void>((r) => serveur.listen(0, '127.0.0.1', () => r()));
    const port = (serveur.address() as { port: number }).port;
    try {
      await base.db.delete(schema.sms); // only this test's SMS in the queue
      await base.db.insert(schema.sms).values({ destinataire: '+33700000000', texte: 'Bonjour Ana', type: 'test', relaisId: est.relaisId });
      const http = new FournisseurHttp(`http://127.0.0.1:${port}/sms`, 'jeton-secret', 'RPE');
      // A second later: the row's default due time is the database's now(), with microseconds, and may fall
      // after a JavaScript Date taken in the same millisecond.
      expect(await envoyerSmsEnAttente(base.db, http, 20, new Date(Date.now() + 1000))).toEqual({ envoyes: 0, echecs: 0 });
      const [apres] = await base.db.select().from(schema.sms);
      expect(apres).toMatchObject({ statut: 'a-envoyer', tentatives: 1, derniereErreur: 'SMS gateway answered 503' });
      statut = 200;
      expect(await envoyerSmsEnAttente(base.db, http, 20, new Date(Date.now() + 3600_000))).toEqual({ envoyes: 1, echecs: 0 });
      expect(recus.at(-1)).toEqual({ auth: 'Bearer jeton-secret', corps: { to: '+33700000000', text: 'Bonjour Ana', sender: 'RPE' } });
    } finally {
      serveur.close();
    }
  });
});

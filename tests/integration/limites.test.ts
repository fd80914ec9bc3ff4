/**
 * Rate limits of the family forms (src/domain/limites.ts): a demande, a RDV
 * booking and a lost-link request are refused with 429 once an address or a
 * target (email, relais) has used its share, the form coming back with what
 * was typed; the counts are in the database, so every instance shares them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { traiterDemande } from '../../src/server/formulaires/demande';
import { traiterPriseRdv } from '../../src/server/formulaires/rdv';
import { traiterLienPerdu } from '../../src/server/formulaires/lien-perdu';
import { noterUsage } from '../../src/server/auth/limites';
import { agirPro } from '../../src/server/pro/ecran';
import { parseConfig } from '../../src/server/config';
import { creneauxDisponibles } from '../../src/server/rdv/reservation';
import { LIMITES } from '../../src/domain/limites';
import { useT } from '../../src/i18n';
import { jourParis } from '../../src/domain/temps';
import { demandeAvecJeton, preparerAgenda, SECRET, URL_PUBLIQUE } from './rdv-outils';

const dans = (jours: number) => jourParis(new Date(Date.now() + jours * 86_400_000));

function contexte(base: BaseDeTest, chemin: string, ip: string, corps?: Record<string, string>) {
  const url = new URL(`${URL_PUBLIQUE}${chemin}`);
  const request = corps ? new Request(url, { method: 'POST', body: new URLSearchParams(corps) }) : new Request(url);
  const locals = { db: base.db, lang: 'fr', t: useT('fr'), app: { config: { publicUrl: URL_PUBLIQUE }, secret: SECRET } } as unknown as App.Locals;
  return { request, url, locals, clientAddress: ip };
}

let n = 0;
const demandeComplete = (email: string) => ({
  p1Prenom: 'Nadia',
  p1Nom: 'Benali',
  email,
  canalPrefere: 'email',
  langueContact: 'fr',
  commune: '62119',
  nbEnfants: '1',
  e0Statut: 'ne',
  e0Naissance: dans(-200),
  dateDebut: dans(60),
  j1: 'oui',
  j1De: '08:00',
  j1A: '17:30',
  mode1: 'collectif',
  consentementContact: 'oui',
  idempotencyKey: `cle-limite-${++n}-${Date.now()}`,
  etape: '4',
  aller: 'envoyer',
});

describe(`rate limits of the family forms on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
  });
  afterAll(async () => base?.detruire());

  it('a fourth demande for the same email, from another address, gets 429 with everything typed kept', async () => {
    const email = 'famille.pressee@exemple.fr';
    for (let i = 0; i < LIMITES.demande.parCible.max; i++) {
      const r = await traiterDemande(contexte(base, '/demande', `198.51.100.${i + 1}`, demandeComplete(email)));
      expect(r.type).toBe('redirection');
    }
    const r = await traiterDemande(contexte(base, '/demande', '198.51.100.99', demandeComplete(email)));
    if (r.type !== 'vue') throw new Error('expected the form again');
    expect(r.statut).toBe(429);
    expect(r.vue.limite).toBe(true);
    expect(r.vue.nomEtape).toBe('envoi');
    expect(r.vue.formulaire).toMatchObject({ p1Prenom: 'Nadia', email, e0Naissance: dans(-200), j1De: '08:00' });
    const deposees = await base.db.select({ id: schema.demandes.id }).from(schema.demandes).where(eq(schema.demandes.email, email));
    expect(deposees).toHaveLength(LIMITES.demande.parCible.max);
  });

  it('a replay of a demande already filed (double click, retry) is neither refused nor counted', async () => {
    const email = 'double.clic@exemple.fr';
    const corps = demandeComplete(email);
    const refs = new Set<string>();
    for (let i = 0; i < LIMITES.demande.parCible.max + 2; i++) {
      const r = await traiterDemande(contexte(base, '/demande', '198.51.100.200', corps));
      if (r.type !== 'redirection') throw new Error(`replay ${i} refused`);
      refs.add(r.url);
    }
    expect(refs.size).toBe(1);
    // Counted once: the same family may still file its second demande.
    expect((await traiterDemande(contexte(base, '/demande', '198.51.100.201', demandeComplete(email)))).type).toBe('redirection');
  });

  it('one address filing demandes for many emails is stopped; another address is not', async () => {
    for (let i = 0; i < LIMITES.demande.parAdresse.max; i++) {
      expect((await traiterDemande(contexte(base, '/demande', '203.0.113.7', demandeComplete(`robot${i}@exemple.fr`)))).type).toBe('redirection');
    }
    const refusee = await traiterDemande(contexte(base, '/demande', '203.0.113.7', demandeComplete('robot-de-trop@exemple.fr')));
    expect(refusee.type === 'vue' && refusee.statut).toBe(429);
    expect((await traiterDemande(contexte(base, '/demande', '203.0.113.8', demandeComplete('voisine@exemple.fr')))).type).toBe('redirection');
  });

  it('RDV booking: limited per address, then per relais, the chosen slot kept', async () => {
    const a = await preparerAgenda(base.db);
    const { creneaux } = await creneauxDisponibles(base.db, {
      relaisId: a.relais.id,
      motifId: a.premier.id,
      lieuId: null,
      du: new Date(),
      au: new Date(Date.now() + 21 * 86_400_000),
    });
    expect(creneaux.length).toBeGreaterThan(2);
    const reserver = (jeton: string, ip: string, i: number) =>
      traiterPriseRdv(
        contexte(base, `/rdv/${jeton}`, ip, {
          motif: a.premier.id,
          mode: 'telephone',
          aller: 'reserver',
          creneau: creneaux[i]!.debut.toISOString(),
          telephone: '06 12 34 56 78',
        }),
        jeton,
      );

    for (let i = 0; i < LIMITES.rdv.parAdresse.max; i++) await noterUsage(base.db, 'rdv', { ip: '192.0.2.50', cible: 'un-autre-relais' });
    const d1 = await demandeAvecJeton(base.db, a.relais.id, 'jeton-limite-rdv-0001');
    const parAdresse = await reserver('jeton-limite-rdv-0001', '192.0.2.50', 0);
    if (parAdresse.type !== 'vue') throw new Error('expected the form again');
    expect(parAdresse.statut).toBe(429);
    expect(parAdresse.vue.valeurs.creneau).toBe(creneaux[0]!.debut.toISOString());
    expect(await base.db.select().from(schema.rdvs).where(eq(schema.rdvs.demandeId, d1.id))).toHaveLength(0);

    expect((await reserver('jeton-limite-rdv-0001', '192.0.2.51', 0)).type).toBe('redirection');

    for (let i = 1; i < LIMITES.rdv.parCible.max; i++) await noterUsage(base.db, 'rdv', { ip: `192.0.2.${100 + i}`, cible: a.relais.id });
    const d2 = await demandeAvecJeton(base.db, a.relais.id, 'jeton-limite-rdv-0002');
    const parRelais = await reserver('jeton-limite-rdv-0002', '192.0.2.52', 1);
    expect(parRelais.type === 'vue' && parRelais.statut).toBe(429);
    expect(await base.db.select().from(schema.rdvs).where(eq(schema.rdvs.demandeId, d2.id))).toHaveLength(0);
  });

  it('lost link: the same email three times, then 429 with the address kept; the limit says nothing about the email being known', async () => {
    for (const email of ['inconnue@exemple.fr', 'famille.pressee@exemple.fr']) {
      for (let i = 0; i < LIMITES['lien-perdu'].parCible.max; i++) {
        const r = await traiterLienPerdu(contexte(base, '/suivi', `100.64.${i}.1`, { email }));
        expect(r.type === 'vue' && r.vue.envoye).toBe(true);
      }
      const r = await traiterLienPerdu(contexte(base, '/suivi', '100.64.9.9', { email }));
      if (r.type !== 'vue') throw new Error('expected the form again');
      expect(r.statut).toBe(429);
      expect(r.vue).toMatchObject({ email, envoye: false, limite: true });
    }
  });

  it('AM sign-in links by email: one address asking for many emails is stopped with 429', async () => {
    const config = parseConfig({ NODE_ENV: 'test', PUBLIC_URL: URL_PUBLIQUE });
    const demander = (email: string) => agirPro(base.db, config, null, { action: 'lien', email }, { ip: '198.18.0.7', maintenant: new Date() });
    for (let i = 0; i < LIMITES['lien-pro'].parAdresse.max; i++)
      expect(await demander(`am${i}@exemple.fr`)).toMatchObject({ ok: false, statut: 200, lienEnvoye: true });
    expect(await demander('am-de-trop@exemple.fr')).toMatchObject({ ok: false, statut: 429, erreurs: { email: 'tropDeTentatives' } });
  });

  it('loopback (a local proxy without TRUST_PROXY) is not a client: only the target counts', async () => {
    for (let i = 0; i < LIMITES.demande.parAdresse.max + 1; i++) {
      expect((await traiterDemande(contexte(base, '/demande', '127.0.0.1', demandeComplete(`derriere.proxy${i}@exemple.fr`)))).type).toBe('redirection');
    }
  });

  it('the target is stored as a hash, never in clear', async () => {
    const cles = await base.db.select({ cle: schema.tentativesConnexion.cle }).from(schema.tentativesConnexion);
    expect(cles.some((c) => c.cle.startsWith('limite:lien-perdu:cible:'))).toBe(true);
    expect(cles.filter((c) => c.cle.includes('@'))).toEqual([]);
  });
});

/**
 * Rate limits of the public sign-up forms (src/domain/limites.ts): a réunion
 * d'information and an event of the métier refuse a sign-up with 429 once an
 * address, an email or the réunion/event itself has used its share; the form
 * comes back with what was typed, and the message exists in the reader's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { traiterInscriptionReunion } from '../../src/server/formulaires/reunions';
import { traiterInscriptionEvenement } from '../../src/server/formulaires/evenements';
import { LIMITES } from '../../src/domain/limites';
import { useT } from '../../src/i18n';
import { SECRET, URL_PUBLIQUE } from './rdv-outils';

function contexte(base: BaseDeTest, chemin: string, ip: string, corps: Record<string, string>, lang = 'fr') {
  const url = new URL(`${URL_PUBLIQUE}/${lang}${chemin}`);
  const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(corps) });
  const locals = { db: base.db, lang, t: useT(lang as 'fr'), app: { config: { publicUrl: URL_PUBLIQUE }, secret: SECRET } } as unknown as App.Locals;
  return { request, url, locals, clientAddress: ip };
}

const dansJours = (j: number, h = 0) => new Date(Date.now() + j * 86_400_000 + h * 3_600_000);

describe(`rate limits of the public sign-up forms on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let relaisId: string;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    const [r] = await base.db.select({ id: schema.relais.id }).from(schema.relais).limit(1);
    relaisId = r!.id;
  });
  afterAll(async () => base?.detruire());

  let n = 0;
  const nouvelleReunion = async () => {
    const [r] = await base.db
      .insert(schema.reunionsInfo)
      .values({ relaisId, titre: `Réunion ${++n}`, debut: dansJours(10), fin: dansJours(10, 1), capacite: 200 })
      .returning({ id: schema.reunionsInfo.id });
    return r!.id;
  };
  const nouvelEvenement = async () => {
    const [e] = await base.db
      .insert(schema.evenementsMetier)
      .values({ relaisId, type: 'journee', titre: `Journée ${++n}`, debut: dansJours(10), fin: dansJours(10, 2), adresse: 'Salle des fêtes', capacite: 200 })
      .returning({ id: schema.evenementsMetier.id });
    return e!.id;
  };
  const reunion = (id: string, ip: string, email: string, lang = 'fr') =>
    traiterInscriptionReunion(contexte(base, `/reunions/${id}`, ip, { nom: 'Nadia Benali', email, telephone: '', places: '1', profil: 'famille' }, lang), id);
  const evenement = (id: string, ip: string, email: string) =>
    traiterInscriptionEvenement(contexte(base, `/evenements/${id}`, ip, { nom: 'Amina K.', email, telephone: '', consentement: 'oui' }), id);

  it('réunion: the same email from rotating addresses is stopped with 429, what was typed kept, in the reader’s language', async () => {
    const id = await nouvelleReunion();
    const email = 'famille.pressee@exemple.fr';
    // Signed up once per réunion: the email target counts across réunions.
    for (let i = 0; i < LIMITES.reunion.parCible.max; i++)
      expect((await reunion(await nouvelleReunion(), `198.51.100.${i + 1}`, email))?.type).toBe('redirection');
    const r = await reunion(id, '198.51.100.99', email, 'ar');
    if (r?.type !== 'vue') throw new Error('expected the form again');
    expect(r.statut).toBe(429);
    expect(r.vue.limite).toBe(true);
    expect(r.vue.valeurs).toMatchObject({ nom: 'Nadia Benali', email, places: '1' });
    expect(useT('ar')('erreurs.tropDeDemandes')).not.toBe(useT('fr')('erreurs.tropDeDemandes'));
    expect(await base.db.select().from(schema.inscriptionsReunion).where(eq(schema.inscriptionsReunion.reunionId, id))).toHaveLength(0);
  });

  it('réunion: one address signing up many emails is stopped; another address is not', async () => {
    const id = await nouvelleReunion();
    for (let i = 0; i < LIMITES.reunion.parAdresse.max; i++) expect((await reunion(id, '203.0.113.7', `robot${i}@exemple.fr`))?.type).toBe('redirection');
    expect(await reunion(id, '203.0.113.7', 'robot-de-trop@exemple.fr')).toMatchObject({ type: 'vue', statut: 429 });
    expect((await reunion(id, '203.0.113.8', 'voisine@exemple.fr'))?.type).toBe('redirection');
  });

  it('réunion: filled from rotating addresses and emails, the réunion itself stops taking sign-ups; another one still does', async () => {
    const id = await nouvelleReunion();
    for (let i = 0; i < LIMITES['reunion-seance'].parCible.max; i++)
      expect((await reunion(id, `192.0.2.${i + 1}`, `rotation${i}@exemple.fr`))?.type).toBe('redirection');
    expect(await reunion(id, '192.0.2.200', 'encore@exemple.fr')).toMatchObject({ type: 'vue', statut: 429, vue: { limite: true } });
    expect((await reunion(await nouvelleReunion(), '192.0.2.201', 'encore@exemple.fr'))?.type).toBe('redirection');
  });

  it('event: the same email, then one address, then the event itself are limited (429, typed values kept)', async () => {
    const email = 'candidate@exemple.fr';
    for (let i = 0; i < LIMITES.evenement.parCible.max; i++)
      expect((await evenement(await nouvelEvenement(), `198.18.1.${i + 1}`, email))?.type).toBe('redirection');
    const trop = await evenement(await nouvelEvenement(), '198.18.1.99', email);
    expect(trop).toMatchObject({ type: 'vue', statut: 429, vue: { limite: true, valeurs: { nom: 'Amina K.', email, consentement: 'oui' } } });

    const id = await nouvelEvenement();
    for (let i = 0; i < LIMITES.evenement.parAdresse.max; i++) expect((await evenement(id, '198.18.2.1', `cand${i}@exemple.fr`))?.type).toBe('redirection');
    expect(await evenement(id, '198.18.2.1', 'cand-de-trop@exemple.fr')).toMatchObject({ type: 'vue', statut: 429 });

    const plein = await nouvelEvenement();
    for (let i = 0; i < LIMITES['evenement-seance'].parCible.max; i++)
      expect((await evenement(plein, `198.18.3.${i + 1}`, `rot${i}@exemple.fr`))?.type).toBe('redirection');
    expect(await evenement(plein, '198.18.3.250', 'rot-de-trop@exemple.fr')).toMatchObject({ type: 'vue', statut: 429 });
  });
});

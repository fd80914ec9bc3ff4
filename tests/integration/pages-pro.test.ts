/**
 * Loaders of the AM space's pages, as a browser drives them: /pro enters
 * with the short code (cookie set, 303) or keeps what was typed on an error;
 * /pro/formations redirects without a session, records a wish (303), and on
 * a stale session token or a session already begun answers with the error
 * named by the session in the kit's shape, next to its button.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AstroCookies } from 'astro';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { communesDuRelaisLe } from '../../src/server/requetes/adhesions';
import { assurerComptePro, COOKIE_PRO, nouveauCode } from '../../src/server/disponibilite/comptes';
import { chargerPagePro } from '../../src/server/pro/page';
import { chargerFormationsPro } from '../../src/server/formation/page-pro';
import { chargerAteliersPro } from '../../src/server/ateliers/page-pro';
import { chargerLienPro, quitterPro } from '../../src/server/pro/entree';
import { instantParis } from '../../src/domain/temps';
import type { ContextePro } from '../../src/server/pro/contexte';
import { useT } from '../../src/i18n';
import { SECRET, URL_PUBLIQUE } from './rdv-outils';

const MAINTENANT = new Date('2026-03-02T09:00:00Z');

function contexte(base: BaseDeTest, chemin: string, jar: Map<string, string>, corps?: Record<string, string>): ContextePro {
  const url = new URL(`${URL_PUBLIQUE}${chemin}`);
  const request = corps
    ? new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(corps) })
    : new Request(url);
  const cookies = {
    get: (n: string) => (jar.has(n) ? { value: jar.get(n)! } : undefined),
    set: (n: string, v: string) => void jar.set(n, v),
    delete: (n: string) => void jar.delete(n),
  } as unknown as AstroCookies;
  const locals = {
    db: base.db,
    lang: 'fr',
    t: useT('fr'),
    app: { config: { publicUrl: URL_PUBLIQUE, DISPO_FRAICHEUR_JOURS: 60 }, secret: SECRET },
  } as unknown as App.Locals;
  return { request, url, locals, cookies, clientAddress: '10.7.0.1' };
}

describe(`loaders of the /pro pages on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let code: string;
  let prochaine: string;
  let commencee: string;
  let seance: string;
  const jar = new Map<string, string>();

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    const [relais] = await base.db.select().from(schema.relais).where(eq(schema.relais.slug, 'rpe-mutualise'));
    const [am] = await base.db
      .select({ id: schema.structures.id })
      .from(schema.structures)
      .where(
        and(
          eq(schema.structures.type, 'assistant-maternel'),
          eq(schema.structures.actif, true),
          sql`${schema.structures.communeCode} in ${communesDuRelaisLe('2026-03-02', relais!.id)}`,
        ),
      )
      .orderBy(asc(schema.structures.id))
      .limit(1);
    const compte = await assurerComptePro(base.db, am!.id, null);
    code = await nouveauCode(base.db, compte.id, MAINTENANT);
    const f = (titre: string, debut: string, fin: string) =>
      base.db
        .insert(schema.formations)
        .values({ relaisId: relais!.id, titre, organisme: 'Ipéria', debut, fin, lieu: 'Lillers', financement: 'plan-developpement-competences' })
        .returning({ id: schema.formations.id });
    const [lieu] = await base.db.select({ id: schema.lieux.id }).from(schema.lieux).where(eq(schema.lieux.relaisId, relais!.id));
    const [atelier] = await base.db
      .insert(schema.ateliers)
      .values({
        relaisId: relais!.id,
        lieuId: lieu!.id,
        theme: 'Jeux d’eau',
        placesPro: 8,
        placesEnfants: 20,
        reglement: 'Règlement',
        ouvertATous: false,
        frequence: 'unique',
      })
      .returning();
    const debut = instantParis('2026-03-20', '09:15');
    [{ id: seance }] = (await base.db
      .insert(schema.seancesAtelier)
      .values({ atelierId: atelier!.id, debut, fin: new Date(debut.getTime() + 2 * 3600_000), placesPro: 8, placesEnfants: 20 })
      .returning({ id: schema.seancesAtelier.id })) as [{ id: string }];
    [[{ id: prochaine }], [{ id: commencee }]] = (await Promise.all([
      f('Éveil musical', '2026-04-10', '2026-04-10'),
      f('Premiers secours', '2026-03-01', '2026-03-20'),
    ])) as [[{ id: string }], [{ id: string }]];
  });
  afterAll(async () => base?.detruire());

  it('/pro: a wrong code comes back typed, with its error named; the right one sets the cookie and goes to /pro', async () => {
    const faux = await chargerPagePro(contexte(base, '/pro', jar, { action: 'code', code: 'ZZZZ-ZZZZ' }), MAINTENANT);
    if (faux.type !== 'vue') throw new Error('expected the form back');
    expect(faux.statut).toBe(401);
    expect(faux.vue.code).toBe('ZZZZ-ZZZZ');
    expect(faux.vue.espace).toBeNull();
    expect(faux.vue.resume).toEqual([{ champ: 'code', libelle: useT('fr')('pro.entree.code'), message: faux.vue.messages.code, cible: undefined }]);
    const bon = await chargerPagePro(contexte(base, '/pro', jar, { action: 'code', code }), MAINTENANT);
    expect(bon).toEqual({ type: 'redirection', url: '/pro' });
    expect(jar.get(COOKIE_PRO)).toBeTruthy();
    const ecran = await chargerPagePro(contexte(base, '/pro?fait=complet', jar), MAINTENANT);
    if (ecran.type !== 'vue') throw new Error('expected the screen');
    expect(ecran.vue.espace).not.toBeNull();
    expect(ecran.vue.estAm).toBe(true);
    expect(ecran.vue.fait).toBe(useT('fr')('pro.ecran.fait.complet'));
    expect(ecran.vue.lignes.length).toBeGreaterThan(0);
  });

  it('/pro/formations: no session → /pro; a wish recorded; a stale token and a begun session answered next to the session', async () => {
    expect(await chargerFormationsPro(contexte(base, '/pro/formations', new Map()), MAINTENANT)).toEqual({ type: 'redirection', url: '/pro' });
    const liste = await chargerFormationsPro(contexte(base, '/pro/formations', jar), MAINTENANT);
    if (liste.type !== 'vue') throw new Error('expected the list');
    const { csrf } = liste.vue;
    const vue = (id: string) => liste.vue.formations.find((f) => f.id === id)!;
    expect(vue(prochaine).bouton).toBe('souhait');
    expect(vue(commencee).bouton).toBeNull();
    expect(liste.vue.resume).toEqual([]);

    const perime = await chargerFormationsPro(contexte(base, '/pro/formations', jar, { _csrf: 'ancien', formation: prochaine, action: 'souhait' }), MAINTENANT);
    if (perime.type !== 'vue') throw new Error('expected the error');
    expect(perime.statut).toBe(403);
    expect(perime.vue.resume).toEqual([
      { champ: `formation-${prochaine}`, libelle: 'Éveil musical', message: 'Votre session a expiré. Rechargez la page et recommencez.', cible: undefined },
    ]);
    expect(perime.vue.formations.find((f) => f.id === prochaine)!.erreur).toBe('Votre session a expiré. Rechargez la page et recommencez.');

    const tard = await chargerFormationsPro(contexte(base, '/pro/formations', jar, { _csrf: csrf, formation: commencee, action: 'souhait' }), MAINTENANT);
    if (tard.type !== 'vue') throw new Error('expected the error');
    expect(tard.statut).toBe(409);
    expect(tard.vue.resume).toEqual([
      { champ: `formation-${commencee}`, libelle: 'Premiers secours', message: 'Cette formation a déjà commencé.', cible: `titre-${commencee}` },
    ]);

    const ok = await chargerFormationsPro(contexte(base, '/pro/formations', jar, { _csrf: csrf, formation: prochaine, action: 'souhait' }), MAINTENANT);
    expect(ok).toEqual({ type: 'redirection', url: '/pro/formations?fait=souhait' });
    const apres = await chargerFormationsPro(contexte(base, '/pro/formations?fait=souhait', jar), MAINTENANT);
    if (apres.type !== 'vue') throw new Error('expected the list');
    expect(apres.vue.fait).toBe('C’est noté : le relais sait que cette formation vous intéresse.');
    expect(apres.vue.formations.find((f) => f.id === prochaine)).toMatchObject({
      bouton: 'retirer',
      etat: 'Vous avez dit que cette formation vous intéresse.',
    });
  });

  it('/pro/ateliers: a wrong number of children comes back typed next to its session; the right one signs her up', async () => {
    const vide = await chargerAteliersPro(contexte(base, '/pro/ateliers', new Map()), MAINTENANT);
    if (vide.type !== 'vue') throw new Error('expected the page');
    expect(vide.vue).toMatchObject({ espace: null, autorise: false, programme: [], aVenir: [] });
    const liste = await chargerAteliersPro(contexte(base, '/pro/ateliers', jar), MAINTENANT);
    if (liste.type !== 'vue') throw new Error('expected the page');
    const csrf = liste.vue.espace!.session.csrf;
    expect(liste.vue.programme.find((x) => x.id === seance)).toMatchObject({
      valeur: '1',
      complet: false,
      places: '8 places pour les professionnels, 20 pour les enfants.',
    });

    const trop = await chargerAteliersPro(
      contexte(base, '/pro/ateliers', jar, { _csrf: csrf, action: 'inscrire', seanceId: seance, reglement: 'accepte', enfants: '9' }),
      MAINTENANT,
    );
    if (trop.type !== 'vue') throw new Error('expected the error');
    expect(trop.statut).toBe(422);
    expect(trop.vue.programme.find((x) => x.id === seance)!.valeur).toBe('9');
    expect(trop.vue.resume).toEqual([{ champ: `enfants-${seance}`, libelle: 'Nombre d’enfants', message: trop.vue.erreurs[`enfants-${seance}`] }]);

    const ok = await chargerAteliersPro(
      contexte(base, '/pro/ateliers', jar, { _csrf: csrf, action: 'inscrire', seanceId: seance, reglement: 'accepte', enfants: '2' }),
      MAINTENANT,
    );
    expect(ok).toEqual({ type: 'redirection', url: '/pro/ateliers?fait=inscrite' });
    const apres = await chargerAteliersPro(contexte(base, '/pro/ateliers?fait=inscrite', jar), MAINTENANT);
    if (apres.type !== 'vue') throw new Error('expected the page');
    expect(apres.vue.fait).toMatch(/^C’est noté : vous êtes inscrite/);
    expect(apres.vue.aVenir.find((m) => m.theme === 'Jeux d’eau')).toMatchObject({ enfantsTexte: 'avec 2 enfants', statut: 'inscrite' });
  });

  it('an unknown sign-in link answers 410 on GET and POST; leaving needs the session token, then closes the session', async () => {
    expect(await chargerLienPro(contexte(base, '/pro/lien/x', new Map()), 'pas-un-jeton', MAINTENANT)).toEqual({
      type: 'vue',
      statut: 410,
      vue: { raison: 'inconnu' },
    });
    const poste = await chargerLienPro(contexte(base, '/pro/lien/x', new Map(), {}), 'pas-un-jeton', MAINTENANT);
    expect(poste.type === 'vue' && poste.statut).toBe(410);
    const espace = await chargerFormationsPro(contexte(base, '/pro/formations', jar), MAINTENANT);
    if (espace.type !== 'vue') throw new Error('expected the list');
    expect(await quitterPro(contexte(base, '/pro/deconnexion', jar, { _csrf: 'ancien' }), MAINTENANT)).toEqual({ ok: false, statut: 403 });
    expect(jar.has(COOKIE_PRO)).toBe(true);
    expect(await quitterPro(contexte(base, '/pro/deconnexion', jar, { _csrf: espace.vue.csrf }), MAINTENANT)).toEqual({ ok: true });
    expect(jar.has(COOKIE_PRO)).toBe(false);
  });
});

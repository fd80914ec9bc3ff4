/**
 * The loaders and handlers behind the family pages (issue 14: pages read and
 * render, the server acts): /suivi/<jeton>, /suivi/<jeton>/creche and
 * /questionnaire, called as the pages call them, on a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { cleTitreSuivi, traiterSuivi } from '../../src/server/formulaires/suivi';
import { traiterCandidatureCreche } from '../../src/server/formulaires/candidature-creche';
import { traiterQuestionnaire } from '../../src/server/formulaires/questionnaire';
import { adopterGrille, crechesParticipantes } from '../../src/server/creches/donnees';
import { GRILLE_DEMO } from '../../src/domain/creches/grille';
import { useT } from '../../src/i18n';
import { demandeAvecJeton, URL_PUBLIQUE } from './rdv-outils';

function contexte(base: BaseDeTest, chemin: string, corps?: Record<string, string | string[]>) {
  const url = new URL(`${URL_PUBLIQUE}${chemin}`);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(corps ?? {})) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  const request = corps ? new Request(url, { method: 'POST', body: params }) : new Request(url);
  const locals = { db: base.db, lang: 'fr', t: useT('fr'), app: { config: { publicUrl: URL_PUBLIQUE, RETENTION_MOIS: 24, DISPO_FRAICHEUR_JOURS: 30 } } };
  return { request, url, locals: locals as unknown as App.Locals };
}

describe(`family pages' loaders and handlers on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  let relaisId: string;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    const [r] = await base.db.select().from(schema.relais);
    relaisId = r!.id;
    const [t] = await base.db.select().from(schema.territoires);
    await adopterGrille(base.db, t!.id, GRILLE_DEMO);
  });
  afterAll(async () => base?.detruire());

  describe('/suivi/<jeton>', () => {
    it('answers 404 for an unknown token', async () => {
      const r = await traiterSuivi(contexte(base, '/suivi/inconnu-0123456789abcdef'), 'inconnu-0123456789abcdef');
      expect(r).toEqual({ type: 'vue', statut: 404, vue: { ecran: 'introuvable' } });
      if (r.type === 'vue') expect(cleTitreSuivi(r.vue)).toBe('suivi.introuvable');
    });

    it('shows the follow-up, the update form on ?modifier=, and the messages after a redirection', async () => {
      const jeton = 'jeton-suivi-page-0001';
      await demandeAvecJeton(base.db, relaisId, jeton, { planning: [{ jour: 1, debut: '08:00', fin: '17:00' }] });
      const r = await traiterSuivi(contexte(base, `/suivi/${jeton}?nouvelle=1&fait=enregistre`), jeton);
      if (r.type !== 'vue' || r.vue.ecran !== 'suivi') throw new Error('expected the follow-up');
      expect(r.statut).toBe(200);
      expect(r.vue).toMatchObject({ ouverte: true, modifier: null, nouvelle: true, fait: 'enregistre', erreurs: {} });
      expect(r.vue.prochaine.cle).toMatch(/^suivi\.prochaine\./);
      expect(cleTitreSuivi(r.vue)).toBe('suivi.titre');

      const m = await traiterSuivi(contexte(base, `/suivi/${jeton}?modifier=besoin&fait=autre`), jeton);
      if (m.type !== 'vue' || m.vue.ecran !== 'suivi') throw new Error('expected the follow-up');
      expect(m.vue.modifier).toBe('besoin');
      expect(m.vue.fait).toBeNull();
      expect(m.vue.formulaire).toMatchObject({ dateDebut: '2026-12-01', j1: 'oui', j1De: '08:00', j1A: '17:00' });
    });

    it('keeps what was typed with the errors (422), and asks before erasing', async () => {
      const jeton = 'jeton-suivi-page-0002';
      const [commune] = await base.db.select().from(schema.communes);
      const d = await demandeAvecJeton(base.db, relaisId, jeton, { canalPrefere: 'email', communeCode: commune!.code });
      const mal = await traiterSuivi(
        contexte(base, `/suivi/${jeton}`, {
          action: 'modifier-contact',
          p1Prenom: 'Samira',
          p1Nom: 'Benali',
          email: 'pas-une-adresse',
          telephone: '0612345678',
        }),
        jeton,
      );
      if (mal.type !== 'vue' || mal.vue.ecran !== 'suivi') throw new Error('expected the form again');
      expect(mal.statut).toBe(422);
      expect(mal.vue.modifier).toBe('contact');
      expect(mal.vue.erreurs.email).toBeTruthy();
      expect(mal.vue.formulaire.email).toBe('pas-une-adresse');

      const bien = await traiterSuivi(
        contexte(base, `/suivi/${jeton}`, {
          action: 'modifier-contact',
          p1Prenom: 'Samira',
          p1Nom: 'Benali',
          email: 'samira.b@exemple.fr',
          canalPrefere: 'email',
          langueContact: 'fr',
        }),
        jeton,
      );
      expect(bien).toEqual({ type: 'redirection', url: `/suivi/${jeton}?fait=enregistre` });

      const confirmer = await traiterSuivi(contexte(base, `/suivi/${jeton}`, { action: 'supprimer-demander' }), jeton);
      if (confirmer.type !== 'vue' || confirmer.vue.ecran !== 'confirmation') throw new Error('expected the confirmation');
      expect(confirmer.vue.confirmation.quoi).toBe('effacement');
      expect(cleTitreSuivi(confirmer.vue)).toBe('suivi.confirmer.supprimerTitre');
      expect((await base.db.select().from(schema.demandes).where(eq(schema.demandes.id, d.id)))[0]!.anonymiseeLe).toBeNull();

      const efface = await traiterSuivi(contexte(base, `/suivi/${jeton}`, { action: 'supprimer' }), jeton);
      expect(efface).toEqual({ type: 'vue', statut: 200, vue: { ecran: 'supprimee' } });
      const apres = await traiterSuivi(contexte(base, `/suivi/${jeton}`), jeton);
      expect(apres.type === 'vue' && apres.statut).toBe(404);
    });
  });

  describe('/suivi/<jeton>/creche', () => {
    it('gives the form with the defaults, keeps the input on errors, then sends back to the follow-up', async () => {
      expect(await traiterCandidatureCreche(contexte(base, '/suivi/inconnu-0123456789abcdef/creche'), 'inconnu-0123456789abcdef')).toEqual({
        type: 'introuvable',
      });
      const jeton = 'jeton-creche-page-0001';
      const d = await demandeAvecJeton(base.db, relaisId, jeton, { dateDebut: '2027-01-04' });
      await base.db.insert(schema.enfants).values({ demandeId: d.id, dateNaissance: '2026-06-10' });
      const g = await traiterCandidatureCreche(contexte(base, `/suivi/${jeton}/creche`), jeton);
      if (g.type !== 'vue') throw new Error('expected the form');
      expect(g.statut).toBe(200);
      expect(g.vue).toMatchObject({ action: `/suivi/${jeton}/creche`, retour: `/suivi/${jeton}`, jours: ['1', '2', '3', '4', '5'], erreurs: {} });
      expect(g.vue.valeurs).toMatchObject({ dateDebut: '2027-01-04', heureDebut: '08:30', heureFin: '17:30' });
      const creches = await crechesParticipantes(base.db, d.territoireId);
      expect(g.vue.creches.map((c) => c.value)).toEqual(creches.map((c) => c.id));

      const mal = await traiterCandidatureCreche(
        contexte(base, `/suivi/${jeton}/creche`, { dateDebut: '2027-01-04', jours: ['2', '4'], quotient: 'abc' }),
        jeton,
      );
      if (mal.type !== 'vue') throw new Error('expected the form again');
      expect(mal.statut).toBe(422);
      expect(Object.keys(mal.vue.erreurs)).toEqual(expect.arrayContaining(['voeu1', 'activite', 'quotient']));
      expect(mal.vue.jours).toEqual(['2', '4']);
      expect(mal.vue.valeurs.quotient).toBe('abc');

      const bien = await traiterCandidatureCreche(
        contexte(base, `/suivi/${jeton}/creche`, {
          voeu1: creches[0]!.id,
          dateDebut: '2027-01-04',
          jours: ['1', '2'],
          heureDebut: '08:00',
          heureFin: '17:00',
          activite: 'deux-actifs',
          quotient: '',
        }),
        jeton,
      );
      expect(bien).toEqual({ type: 'redirection', url: `/suivi/${jeton}?creche=enregistree#creche` });
      expect(await traiterCandidatureCreche(contexte(base, `/suivi/${jeton}/creche`), jeton)).toEqual({ type: 'redirection', url: `/suivi/${jeton}#creche` });
    });
  });

  describe('/questionnaire', () => {
    it('starts on the first screen and carries the other answers in hidden fields', async () => {
      const g = await traiterQuestionnaire(contexte(base, '/questionnaire'));
      if (g.type !== 'vue') throw new Error('expected the first screen');
      expect(g.vue).toMatchObject({ etape: 0, id: 'enfant', caches: [], resultat: null });

      const mal = await traiterQuestionnaire(contexte(base, '/questionnaire', { etape: 'enfant', action: 'suivant', statut: 'ne', debut: '2030-01-01' }));
      if (mal.type !== 'vue') throw new Error('expected the screen again');
      expect(mal.statut).toBe(422);
      expect(mal.vue.id).toBe('enfant');
      expect(mal.vue.erreurs.naissance).toBeTruthy();
      expect(mal.vue.caches).toEqual([['debut', '2030-01-01']]);
    });
  });
});

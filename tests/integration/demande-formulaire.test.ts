/**
 * The /demande handler as the page calls it: a parent posts each step (or
 * presses Enter, which names no button) and gets the next step, the same step
 * with its errors and every value kept, or a redirection once the demande is filed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { traiterDemande } from '../../src/server/formulaires/demande';
import { useT } from '../../src/i18n';
import { jourParis } from '../../src/domain/temps';

const URL_PUBLIQUE = 'https://guichet.exemple.fr';
const dans = (jours: number) => jourParis(new Date(Date.now() + jours * 86_400_000));

function contexte(base: BaseDeTest, o: { corps?: Record<string, string>; url?: string; brut?: string } = {}) {
  const url = new URL(o.url ?? `${URL_PUBLIQUE}/demande`);
  const request =
    o.corps || o.brut !== undefined
      ? new Request(url, {
          method: 'POST',
          body: o.brut ?? new URLSearchParams(o.corps),
          headers: o.brut !== undefined ? { 'content-type': 'text/plain' } : {},
        })
      : new Request(url);
  const locals = { db: base.db, lang: 'fr', t: useT('fr'), app: { config: { publicUrl: URL_PUBLIQUE } } } as unknown as App.Locals;
  return { request, url, locals };
}

const COMPLET = () => ({
  p1Prenom: 'Nadia',
  p1Nom: 'Benali',
  email: `nadia.${Date.now()}@exemple.fr`,
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
  idempotencyKey: `cle-${Date.now()}`,
});

describe(`demande handler on ${DB_KIND}`, () => {
  let base: BaseDeTest;
  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
  });
  afterAll(async () => base?.detruire());

  it('opens on step 1 with a fresh idempotency key, prefilled from the questionnaire when asked', async () => {
    const r = await traiterDemande(contexte(base));
    expect(r).toMatchObject({ type: 'vue', statut: 200, vue: { etape: 0, prerempli: false, erreurs: {} } });
    if (r.type === 'vue') expect(r.vue.formulaire.idempotencyKey).toMatch(/.{20,}/);
    const p = await traiterDemande(contexte(base, { url: `${URL_PUBLIQUE}/demande?commune=62119&modes=mam` }));
    expect(p).toMatchObject({ type: 'vue', vue: { prerempli: true, formulaire: { commune: '62119', mode1: 'mam' } } });
  });

  it('Enter on step 1 with missing fields stays there with 422, each error on its field, nothing typed lost', async () => {
    const r = await traiterDemande(contexte(base, { corps: { etape: '0', p1Prenom: 'Nadia', telephone: '06 12 34 56 78', canalPrefere: 'email' } }));
    expect(r.type).toBe('vue');
    if (r.type !== 'vue') return;
    expect(r.statut).toBe(422);
    expect(r.vue.etape).toBe(0);
    expect(r.vue.erreurs).toMatchObject({ p1Nom: 'demande.erreur.requis', commune: 'demande.erreur.requis', email: 'demande.erreur.emailPourCanal' });
    expect(r.vue.formulaire).toMatchObject({ p1Prenom: 'Nadia', telephone: '06 12 34 56 78' });
  });

  it('adding a child stays on step 2; Back never checks', async () => {
    const r = await traiterDemande(contexte(base, { corps: { ...COMPLET(), etape: '1', aller: 'ajouter-enfant' } }));
    expect(r).toMatchObject({ type: 'vue', statut: 200, vue: { etape: 1, nbEnfants: 2, erreurs: {} } });
    const b = await traiterDemande(contexte(base, { corps: { etape: '3', aller: 'precedent' } }));
    expect(b).toMatchObject({ type: 'vue', statut: 200, vue: { etape: 2, erreurs: {} } });
  });

  it('Enter on the last step files the demande and redirects to the confirmation with its reference', async () => {
    const f = COMPLET();
    const r = await traiterDemande(contexte(base, { corps: { ...f, etape: '4' } }));
    expect(r.type).toBe('redirection');
    if (r.type !== 'redirection') return;
    expect(r.url).toMatch(/^\/demande\/confirmation\?ref=D-\d{4}-\d{5}$/);
    const ref = decodeURIComponent(r.url.split('ref=')[1]!);
    const [d] = await base.db.select({ email: schema.demandes.email }).from(schema.demandes).where(eq(schema.demandes.reference, ref));
    expect(d?.email).toBe(f.email);
  });

  it('a body that is not a form never gives a 500: step 1 again', async () => {
    const r = await traiterDemande(contexte(base, { brut: 'pas un formulaire' }));
    expect(r).toMatchObject({ type: 'vue', vue: { etape: 0 } });
  });
});

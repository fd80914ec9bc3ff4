import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { addMonths } from 'date-fns';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import type { Staff } from '../../src/server/auth/staff';
import { chargerDemande, enregistrerIssueRelation, mettreEnRelationAvec } from '../../src/server/backoffice/demande';
import { lireReponsePro, propositionsPourFamille, repondrePro } from '../../src/server/demande/mise-en-relation';
import { envoyerSuivis } from '../../src/server/jobs/taches-suivi';
import { communesDuRelais } from '../../src/server/donnees/perimetre';

const MAINTENANT = new Date('2026-06-15T09:00:00Z');
const URL = 'https://guichet.exemple.fr';

describe(`a mise en relation that leads somewhere (${DB_KIND})`, () => {
  let base: BaseDeTest;
  let est: Staff;
  let code: string;
  let n = 0;

  const demande = async (o: Partial<typeof schema.demandes.$inferInsert> = {}) => {
    const [d] = await base.db
      .insert(schema.demandes)
      .values({
        reference: `D-MER-${++n}`,
        territoireId: 'ca-bethune-bruay',
        relaisId: est.relaisId,
        secteurId: est.secteurId,
        communeCode: code,
        etat: 'en-cours',
        dateDebut: '2026-09-01',
        creeLe: MAINTENANT,
        premierContactLe: MAINTENANT,
        parents: [{ prenom: 'Elif', nom: 'Yılmaz' }],
        email: `elif${n}@exemple.fr`,
        telephone: '0611223344',
        langue: 'tr',
        consentementPartage: true,
        planning: [{ jour: 1, debut: '08:00', fin: '17:00' }],
        ...o,
      })
      .returning();
    return d!;
  };
  const am = async (o: Partial<typeof schema.structures.$inferInsert> = {}) => {
    const [c] = await base.db.select().from(schema.communes).where(eq(schema.communes.code, code));
    const [s] = await base.db
      .insert(schema.structures)
      .values({
        type: 'assistant-maternel',
        nom: 'Sophie D.',
        prenom: 'Sophie',
        nomFamille: 'Delattre',
        communeCode: code,
        lat: c!.centreLat!,
        lon: c!.centreLon!,
        positionPublique: 'commune',
        latPublique: c!.centreLat!,
        lonPublique: c!.centreLon!,
        capacite: 4,
        telephone: '0321000000',
        email: `am${++n}@exemple.fr`,
        publication: { telephone: true },
        dispoStatut: 'places',
        ...o,
      })
      .returning();
    return s!;
  };
  const courriels = (a: string) => base.db.select().from(schema.courriels).where(eq(schema.courriels.destinataire, a));

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire();
    const [u] = await base.db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, 'animatrice.est@exemple.fr'));
    est = { id: u!.id, email: u!.email, nom: u!.nom, role: u!.role, relaisId: u!.relaisId, secteurId: u!.secteurId, communeCode: u!.communeCode };
    code = [...(await communesDuRelais(base.db, est.relaisId, MAINTENANT))].sort()[0]!;
  });
  afterAll(async () => base?.detruire());

  it('tells the family who, in Turkish; sends the AM the need; her "contract" concludes the demande and the follow-up is due 3 months later', async () => {
    const d = await demande();
    const s = await am();
    const r = await mettreEnRelationAvec(base.db, est, d.id, { structureId: s.id }, MAINTENANT, URL);
    expect(r.ok).toBe(true);

    const [famille] = await courriels(d.email!);
    expect(famille!.langue).toBe('tr');
    expect(famille!.type).toBe('mise-en-relation-famille');
    expect(famille!.sujet).toBe(`${d.reference} numaralı başvuru: merkez size Sophie D. öneriyor`);
    expect(famille!.texte).toContain('Sophie D. — Lisanslı çocuk bakıcısı');
    expect(famille!.texte).toContain('Telefon: 0321000000');
    expect(famille!.texte).not.toContain(s.email!); // the AM did not publish her email
    expect(famille!.texte).not.toContain('Delattre');

    const [pro] = await courriels(s.email!);
    expect(pro!.type).toBe('mise-en-relation-pro');
    expect(pro!.texte).toContain('Elif Yılmaz');
    expect(pro!.texte).toContain('0611223344');
    const lien = pro!.texte.match(/https:\/\/guichet\.exemple\.fr\/relation\/([\w-]+)\?reponse=contrat/);
    expect(lien).not.toBeNull();
    const jeton = lien![1]!;

    expect(await propositionsPourFamille(base.db, d.id)).toEqual([
      expect.objectContaining({ nom: 'Sophie D.', type: 'assistant-maternel', telephone: '0321000000', email: null, issue: 'en-attente' }),
    ]);
    const lu = await lireReponsePro(base.db, jeton, MAINTENANT);
    expect(lu).toMatchObject({ ok: true, nom: 'Sophie', reference: d.reference, issue: 'en-attente' });
    if (lu.ok) expect(lu.besoin).not.toContain('Yılmaz');
    expect(await repondrePro(base.db, 'faux-jeton-000000000000000000000', 'contrat', MAINTENANT)).toBe(false);

    const plusTard = new Date(MAINTENANT.getTime() + 2 * 86_400_000);
    expect(await repondrePro(base.db, jeton, 'contacte', plusTard)).toBe(true);
    expect((await chargerDemande(base.db, est, d.id, plusTard)).demande.etat).toBe('mise-en-relation');
    expect(await repondrePro(base.db, jeton, 'contrat', plusTard)).toBe(true);
    const fiche = await chargerDemande(base.db, est, d.id, plusTard);
    expect(fiche.demande.etat).toBe('solution-trouvee');
    expect(fiche.demande.typeSolution).toBe('am');
    expect(fiche.demande.solutionLe).toEqual(plusTard);
    expect(fiche.misesEnRelation[0]).toMatchObject({ issue: 'contrat', issuePar: 'pro', issueLe: plusTard });
    expect(fiche.historique[0]).toMatchObject({ transition: 'conclure', vers: 'solution-trouvee' });

    // The follow-up job sends nothing before 3 months, then the follow-up email in Turkish.
    expect((await envoyerSuivis(base.db, { maintenant: addMonths(plusTard, 2), delaiMois: 3, baseUrl: URL })).suivis).toBe(0);
    await envoyerSuivis(base.db, { maintenant: addMonths(plusTard, 3), delaiMois: 3, baseUrl: URL });
    const suivi = (await courriels(d.email!)).find((c) => c.type === 'relance-suivi');
    expect(suivi?.langue).toBe('tr');
  });

  it('without the family’s sharing consent the professional gets nothing; staff record the outcome', async () => {
    const d = await demande({ consentementPartage: false, langue: 'fr' });
    const s = await am();
    expect((await mettreEnRelationAvec(base.db, est, d.id, { structureId: s.id }, MAINTENANT, URL)).ok).toBe(true);
    expect(await courriels(s.email!)).toHaveLength(0);
    const [mer] = await base.db.select().from(schema.misesEnRelation).where(eq(schema.misesEnRelation.demandeId, d.id));
    expect(mer).toMatchObject({ proInformeeLe: null, familleInformeeLe: MAINTENANT });
    expect(await enregistrerIssueRelation(base.db, est, d.id, { miseEnRelationId: mer!.id, issue: 'en-attente' }, MAINTENANT)).toMatchObject({ ok: false });
    expect((await enregistrerIssueRelation(base.db, est, d.id, { miseEnRelationId: mer!.id, issue: 'sans-suite' }, MAINTENANT)).ok).toBe(true);
    const [apres] = await base.db
      .select()
      .from(schema.misesEnRelation)
      .where(and(eq(schema.misesEnRelation.id, mer!.id)));
    expect(apres).toMatchObject({ issue: 'sans-suite', issuePar: 'staff' });
    expect((await chargerDemande(base.db, est, d.id, MAINTENANT)).demande.etat).toBe('mise-en-relation');
    expect((await enregistrerIssueRelation(base.db, est, d.id, { miseEnRelationId: mer!.id, issue: 'contrat' }, MAINTENANT)).ok).toBe(true);
    expect((await chargerDemande(base.db, est, d.id, MAINTENANT)).demande).toMatchObject({ etat: 'solution-trouvee', typeSolution: 'am' });
  });
});

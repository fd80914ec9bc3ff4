import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { schema } from '../../src/server/db';
import { creerBaseAvecTerritoire, DB_KIND, type BaseDeTest } from '../helpers/db';
import { ETAPES_DEMO } from '../../db/seed/etapes';
import type { Staff } from '../../src/server/auth/staff';
import { compteursTableauDeBord, listerFile } from '../../src/server/backoffice/file';
import { lireFiltres } from '../../src/domain/demande/file';

const MAINTENANT = new Date('2026-03-02T09:00:00Z');
const filtres = (q: string) => lireFiltres(new URLSearchParams(q));

describe(`staff queue: search, orders and dashboard counts (${DB_KIND})`, () => {
  let base: BaseDeTest;
  const staff: Record<string, Staff> = {};
  let cible: { id: string; reference: string; nom: string; prenom: string; telephone: string | null; email: string | null; secteurId: string | null };

  beforeAll(async () => {
    base = await creerBaseAvecTerritoire({ etapes: ETAPES_DEMO, maintenant: MAINTENANT });
    for (const u of await base.db.select().from(schema.utilisateurs))
      staff[u.email] = { id: u.id, email: u.email, nom: u.nom, role: u.role, relaisId: u.relaisId, secteurId: u.secteurId, communeCode: u.communeCode };
    const [d] = await base.db
      .select({
        id: schema.demandes.id,
        reference: schema.demandes.reference,
        parents: schema.demandes.parents,
        telephone: schema.demandes.telephone,
        email: schema.demandes.email,
        secteurId: schema.demandes.secteurId,
      })
      .from(schema.demandes)
      .where(sql`${schema.demandes.telephone} is not null and jsonb_array_length(${schema.demandes.parents}) > 0`)
      .orderBy(schema.demandes.reference)
      .limit(1);
    // A name with accents, to search it without them.
    await base.db
      .update(schema.demandes)
      .set({ parents: [{ prenom: 'Hélène', nom: 'Dévérité' }] })
      .where(eq(schema.demandes.id, d!.id));
    cible = { id: d!.id, reference: d!.reference, nom: 'Dévérité', prenom: 'Hélène', telephone: d!.telephone, email: d!.email, secteurId: d!.secteurId };
  });
  afterAll(async () => base?.detruire());

  it('finds a family by name without accents, by reference, by phone written any way', async () => {
    const admin = staff['admin@exemple.fr']!;
    const ids = async (q: string) => (await listerFile(base.db, admin, filtres(`q=${encodeURIComponent(q)}`), MAINTENANT)).lignes.map((l) => l.id);
    expect(await ids('deverite')).toEqual([cible.id]);
    expect(await ids('HELENE DEV')).toEqual([cible.id]);
    expect(await ids('dévérité hélène')).toEqual([cible.id]);
    expect(await ids(cible.reference.toLowerCase())).toEqual([cible.id]);
    const chiffres = cible.telephone!.replace(/\D/g, '').slice(-9);
    expect(await ids(`+33 ${chiffres.replace(/(\d)(\d{2})(\d{2})(\d{2})(\d{2})/, '$1 $2 $3 $4 $5')}`)).toContain(cible.id);
    expect(await ids(`0${chiffres}`)).toContain(cible.id);
    expect(await ids('zzz-personne')).toEqual([]);
    // "%" is a character, not a wildcard.
    expect(await ids('%')).toEqual([]);
  });

  it('searches only inside the perimeter', async () => {
    const autre = Object.values(staff).find((s) => s.role === 'animatrice' && s.secteurId && s.secteurId !== cible.secteurId)!;
    expect((await listerFile(base.db, autre, filtres('q=deverite'), MAINTENANT)).lignes).toEqual([]);
  });

  it('sorts by family name and by urgency, with numbered pages that do not repeat a row', async () => {
    const admin = staff['admin@exemple.fr']!;
    const p1 = await listerFile(base.db, admin, filtres('tri=nom'), MAINTENANT);
    const noms = p1.lignes.map((l) => l.famille.split(' ').slice(1).join(' ').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
    expect(noms).toEqual([...noms].sort((a, b) => a.localeCompare(b, 'fr')));
    expect(p1.suivant).toBe('p:25');
    const p2 = await listerFile(base.db, admin, filtres(`tri=nom&apres=${p1.suivant}`), MAINTENANT);
    expect(p2.lignes.some((l) => p1.lignes.some((m) => m.id === l.id))).toBe(false);
    const urg = await listerFile(base.db, admin, filtres('tri=urgence'), new Date(MAINTENANT.getTime() + 30 * 86_400_000));
    const rangs = urg.lignes.map((l) => (l.badges.some((b) => b.cle === 'retard') ? 0 : 1));
    expect(rangs).toEqual([...rangs].sort());
    expect(rangs[0]).toBe(0);
  });

  it('counts the dashboard in the perimeter', async () => {
    const admin = staff['admin@exemple.fr']!;
    const est = staff['animatrice.est@exemple.fr']!;
    const tout = await compteursTableauDeBord(base.db, admin, MAINTENANT);
    const sienne = await compteursTableauDeBord(base.db, est, MAINTENANT);
    const [n] = await base.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.demandes)
      .where(eq(schema.demandes.etat, 'nouvelle'));
    expect(tout.nouvelles).toBe(Number(n!.n));
    expect(sienne.nouvelles).toBeGreaterThan(0);
    expect(sienne.nouvelles).toBeLessThan(tout.nouvelles);
    expect((await listerFile(base.db, est, filtres('etat=nouvelle'), MAINTENANT)).comptes.nouvelle).toBe(sienne.nouvelles);
    expect((await listerFile(base.db, est, filtres('signal=retard'), MAINTENANT)).total).toBe(sienne.retard);
  });
});

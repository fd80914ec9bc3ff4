/** Shared set-up of the RDV integration tests: motifs, plages and a demande with a known follow-up token. */
import { eq } from 'drizzle-orm';
import { schema, type Db } from '../../src/server/db';
import { sha256 } from '../../src/server/auth/tokens';

export const SECRET = 'secret-de-test-rdv-0123456789abcdef-0123456789';
export const URL_PUBLIQUE = 'https://guichet.exemple.fr';

export async function preparerAgenda(db: Db) {
  const [relais] = await db.select().from(schema.relais).where(eq(schema.relais.slug, 'rpe-mutualise'));
  const lieux = await db.select().from(schema.lieux).where(eq(schema.lieux.relaisId, relais!.id));
  const lillers = lieux.find((l) => l.nom.includes('Lillers'))!;
  const [est] = await db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, 'animatrice.est@exemple.fr'));
  const [ouest] = await db.select().from(schema.utilisateurs).where(eq(schema.utilisateurs.email, 'animatrice.ouest@exemple.fr'));
  const [premier] = await db
    .insert(schema.motifsRdv)
    .values({
      relaisId: relais!.id,
      nom: 'Premier rendez-vous guichet unique',
      cle: 'premier-rdv',
      dureeMinutes: 45,
      modes: ['sur-place', 'telephone', 'visio'],
    })
    .returning();
  const [interne] = await db
    .insert(schema.motifsRdv)
    .values({ relaisId: relais!.id, nom: 'Point interne', dureeMinutes: 30, modes: ['sur-place', 'telephone'], reservableEnLigne: false })
    .returning();
  // Est: phone on weekday mornings; Ouest: Lillers on Monday and Friday mornings.
  await db.insert(schema.plagesOuverture).values([
    {
      relaisId: relais!.id,
      animatriceId: est!.id,
      lieuId: null,
      motifIds: [premier!.id, interne!.id],
      jours: [1, 2, 3, 4, 5],
      heureDebut: '09:00',
      heureFin: '12:00',
      valideDu: '2026-01-01',
      delaiMinimumHeures: 24,
      horizonJours: 56,
    },
    {
      relaisId: relais!.id,
      animatriceId: ouest!.id,
      lieuId: lillers.id,
      motifIds: [premier!.id, interne!.id],
      jours: [1, 5],
      heureDebut: '09:00',
      heureFin: '12:00',
      valideDu: '2026-01-01',
      delaiMinimumHeures: 24,
      horizonJours: 56,
    },
  ]);
  return { relais: relais!, lillers, est: est!, ouest: ouest!, premier: premier!, interne: interne! };
}

let n = 0;
/** A demande of the main relais whose follow-up token is `jeton`. */
export async function demandeAvecJeton(db: Db, relaisId: string, jeton: string, o: Partial<typeof schema.demandes.$inferInsert> = {}) {
  const [t] = await db.select().from(schema.territoires);
  const [d] = await db
    .insert(schema.demandes)
    .values({
      reference: `D-2026-9${String(++n).padStart(4, '0')}-${jeton.slice(0, 4)}`,
      territoireId: t!.id,
      relaisId,
      dateDebut: '2026-12-01',
      parents: [{ prenom: 'Samira', nom: 'Benali' }],
      email: 'samira@exemple.fr',
      telephone: '0612345678',
      suiviTokenHash: sha256(jeton),
      ...o,
    })
    .returning();
  return d!;
}

import { and, asc, eq, sql } from 'drizzle-orm';
import * as s from '../schema';
import type { Db } from '../../src/server/db';
import type { SeedContext } from './index';
import { ajouterJours, instantParis, jourParis } from '../../src/domain/rdv/creneaux';
import { communesDuRelaisLe } from '../../src/server/requetes/adhesions';

/**
 * Demo formation continue and promotion of the métier. Every relais offers
 * two training sessions ahead; the main relais has a fuller catalogue (three
 * ahead, one with wishes of two AM; one past with two departures in
 * training) and one job-dating three weeks ahead.
 */
async function metierDemo(db: Db, ctx: SeedContext): Promise<void> {
  const aujourdhui = jourParis(ctx.maintenant);
  const j = (n: number) => ajouterJours(aujourdhui, n);
  for (const autre of ctx.relais.slice(1)) {
    await db.insert(s.formations).values([
      {
        relaisId: autre.id,
        titre: 'Éveil musical et comptines du jeune enfant',
        organisme: 'Organisme de formation agréé Ipéria',
        debut: j(30),
        fin: j(31),
        lieu: 'Relais Petite Enfance',
        financement: 'plan-developpement-competences',
        places: 12,
      },
      {
        relaisId: autre.id,
        titre: 'Sauveteur secouriste du travail (SST)',
        organisme: 'Organisme de formation agréé Ipéria',
        debut: j(60),
        fin: j(61),
        lieu: 'Relais Petite Enfance',
        financement: 'plan-developpement-competences',
        places: 10,
      },
    ]);
  }
  const r = ctx.relais[0];
  if (!r) return;
  const [passee, ...avenir] = await db
    .insert(s.formations)
    .values([
      {
        relaisId: r.id,
        titre: 'Sauveteur secouriste du travail (SST)',
        organisme: 'Organisme de formation agréé Ipéria',
        debut: j(-40),
        fin: j(-39),
        lieu: 'Relais Petite Enfance',
        financement: 'plan-developpement-competences',
        places: 10,
      },
      {
        relaisId: r.id,
        titre: 'Éveil musical et comptines du jeune enfant',
        organisme: 'Organisme de formation agréé Ipéria',
        debut: j(24),
        fin: j(25),
        lieu: 'Relais Petite Enfance',
        financement: 'plan-developpement-competences',
        places: 12,
      },
      {
        relaisId: r.id,
        titre: 'Accueillir un enfant en situation de handicap',
        organisme: 'Institut régional du travail social',
        debut: j(52),
        fin: j(54),
        lieu: 'Salle municipale',
        financement: 'plan-developpement-competences',
        places: 12,
      },
      {
        relaisId: r.id,
        titre: 'Parler anglais avec les enfants',
        organisme: 'Centre de langues',
        debut: j(80),
        fin: j(95),
        lieu: 'À distance et en salle',
        financement: 'cpf',
        places: null,
      },
    ])
    .returning();
  // AM of the relais' communes today, in a fixed order.
  const am = await db
    .select({ id: s.structures.id })
    .from(s.structures)
    .where(
      and(
        eq(s.structures.type, 'assistant-maternel'),
        eq(s.structures.actif, true),
        sql`${s.structures.communeCode} in ${communesDuRelaisLe(aujourdhui, r.id)}`,
      ),
    )
    .orderBy(asc(s.structures.nomFamille), asc(s.structures.id))
    .limit(4);
  if (passee && am.length >= 2) {
    await db
      .insert(s.voeuxFormation)
      .values(am.slice(0, 2).map((x) => ({ formationId: passee.id, structureId: x.id, statut: 'parti', partiLe: passee.debut })));
  }
  if (avenir[0] && am.length >= 4) {
    await db.insert(s.voeuxFormation).values(am.slice(2, 4).map((x) => ({ formationId: avenir[0]!.id, structureId: x.id })));
  }
  await db.insert(s.evenementsMetier).values({
    relaisId: r.id,
    type: 'job-dating',
    titre: 'Assmat dating : rencontrez des parents qui cherchent un accueil',
    description:
      'Des familles qui cherchent un assistant maternel et des professionnels qui ont des places se rencontrent en petits entretiens. Les personnes qui pensent au métier sont aussi les bienvenues.',
    debut: instantParis(j(21), '14:00'),
    fin: instantParis(j(21), '17:00'),
    lieuId: r.lieux[0] ?? null,
    adresse: r.lieux[0] ? null : 'Relais Petite Enfance',
    capacite: 40,
  });
}

/** Demo seeding step for this area (see etapes.ts). */
export const etapes: ((db: Db, ctx: SeedContext) => Promise<void>)[] = [metierDemo];

/**
 * Demo ateliers d'éveil and analyse de la pratique: at every site of every
 * relais, two monthly ateliers on weekday mornings (9:15–11:30) from three
 * months before the seed day to nine months after (public holidays left out),
 * past sessions with sign-ups and attendance so the report has figures, and
 * one analyse-de-la-pratique group of the first relais, full (15 members),
 * with two volunteers still to place. Deterministic.
 */
import { sql } from 'drizzle-orm';
import * as s from '../schema';
import type { Db } from '../../src/server/db';
import { rowsOf } from '../../src/server/db';
import type { SeedContext } from './index';
import { prng } from './offre';
import { genererDates } from '../../src/domain/ateliers/recurrence';
import { NOUVEL_ATELIER } from '../../src/server/ateliers/programme-defauts';
import { anneeParis, instantParis, jourParis } from '../../src/domain/temps';

const THEMES = [
  { theme: 'Éveil musical', description: 'Comptines, petits instruments et jeux de rythme.', jour: 2, rang: 1 },
  { theme: 'Motricité libre', description: 'Parcours, tapis et modules pour bouger à son rythme.', jour: 4, rang: 3 },
  { theme: 'Peinture et matières', description: 'Découvrir les couleurs et les textures.', jour: 5, rang: 2 },
  { theme: 'Lecture d’albums', description: 'Histoires et imagiers avec la médiathèque.', jour: 1, rang: 4 },
];

const decaler = (jour: string, mois: number) => {
  const d = new Date(`${jour}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + mois);
  return d.toISOString().slice(0, 10); // a calendar day computed in UTC noon, not an instant
};

async function ateliers(db: Db, ctx: SeedContext): Promise<void> {
  const r = prng(`ateliers:${ctx.territoireId}`);
  const aujourdhui = jourParis(ctx.maintenant);
  const du = decaler(aujourdhui, -3);
  const au = decaler(aujourdhui, 9);
  const amParRelais = new Map<string, string[]>();
  for (const rel of ctx.relais) {
    amParRelais.set(
      rel.id,
      rowsOf<{ id: string }>(
        await db.execute(sql`
      select st.id from structures st join adhesions a on a.commune_code = st.commune_code
      where st.type = 'assistant-maternel' and st.actif and a.relais_id = ${rel.id}
        and a.debut <= ${aujourdhui} and (a.fin is null or a.fin > ${aujourdhui})
      order by st.agrement`),
      ).map((x) => x.id),
    );
  }
  let k = 0;
  for (const rel of ctx.relais) {
    const am = amParRelais.get(rel.id) ?? [];
    for (const lieuId of rel.lieux) {
      for (let t = 0; t < 2; t++) {
        const th = THEMES[(k + t) % THEMES.length]!;
        const [at] = await db
          .insert(s.ateliers)
          .values({
            relaisId: rel.id,
            lieuId,
            theme: th.theme,
            description: th.description,
            ageMinMois: 0,
            ageMaxMois: 36,
            placesPro: 8,
            placesEnfants: 20,
            reglement: NOUVEL_ATELIER.reglement as string,
            ouvertATous: k === 0 && t === 1,
            frequence: 'mensuelle',
          })
          .returning({ id: s.ateliers.id });
        const jours = genererDates({ frequence: 'mensuelle', du, au, jourSemaine: th.jour, rang: th.rang }).jours;
        for (const j of jours) {
          const debut = instantParis(j, '09:15');
          const passee = debut < ctx.maintenant;
          const venues =
            passee && am.length
              ? Array.from({ length: 3 + Math.floor(r() * 4) }, () => am[Math.floor(r() * am.length)]!).filter((x, i, a) => a.indexOf(x) === i)
              : [];
          const inscriptions = venues.map((structureId) => ({ structureId, enfants: 1 + Math.floor(r() * 3), present: r() < 0.85 }));
          const [se] = await db
            .insert(s.seancesAtelier)
            .values({
              atelierId: at!.id,
              debut,
              fin: instantParis(j, '11:30'),
              placesPro: 8,
              placesEnfants: 20,
              prisPro: inscriptions.length,
              prisEnfants: inscriptions.reduce((n, x) => n + x.enfants, 0),
            })
            .returning({ id: s.seancesAtelier.id });
          if (inscriptions.length) {
            await db.insert(s.inscriptionsAtelier).values(
              inscriptions.map((x) => ({
                seanceId: se!.id,
                structureId: x.structureId,
                enfants: x.enfants,
                statut: 'inscrite',
                reglementAccepteLe: new Date(debut.getTime() - 7 * 86400_000),
                creeLe: new Date(debut.getTime() - 7 * 86400_000),
                presence: x.present ? 'present' : 'absent',
                enfantsPresents: x.present ? x.enfants : 0,
                rappelEnvoyeLe: new Date(debut.getTime() - 86400_000),
              })),
            );
          }
        }
      }
      k++;
    }
  }

  // Analyse de la pratique: one full group of the first relais, two volunteers waiting for a place.
  const premier = ctx.relais[0];
  const am = premier ? (amParRelais.get(premier.id) ?? []) : [];
  if (!premier || am.length < 20) return;
  const annee = anneeParis(ctx.maintenant);
  const membres = am.slice(2, 17);
  const [g] = await db
    .insert(s.groupesAnalysePratique)
    .values({
      relaisId: premier.id,
      nom: 'Groupe du mardi soir',
      intervenantNom: 'Claire Dumont (fictive)',
      intervenantQualite: 'Psychologue clinicienne',
      lieuId: premier.lieux[0] ?? null,
      annee,
      membres: membres.length,
    })
    .returning({ id: s.groupesAnalysePratique.id });
  await db
    .insert(s.volontairesAnalysePratique)
    .values([
      ...membres.map((structureId) => ({ relaisId: premier.id, structureId, annee, groupeId: g!.id })),
      ...am.slice(17, 19).map((structureId) => ({ relaisId: premier.id, structureId, annee, groupeId: null })),
    ]);
  for (let m = 1; m <= 11; m += 2) {
    const jour = `${annee}-${String(m).padStart(2, '0')}-1${m % 3}`;
    const [se] = await db
      .insert(s.seancesAnalysePratique)
      .values({ groupeId: g!.id, jour, debut: instantParis(jour, '18:30'), fin: instantParis(jour, '20:30') })
      .returning({ id: s.seancesAnalysePratique.id });
    if (instantParis(jour, '18:30') < ctx.maintenant) {
      const presents = membres.filter(() => r() < 0.8);
      if (presents.length) await db.insert(s.presencesAnalysePratique).values(presents.map((structureId) => ({ seanceId: se!.id, structureId })));
    }
  }
}

/** Demo seeding step for this area (see etapes.ts). */
export const etapes: ((db: Db, ctx: SeedContext) => Promise<void>)[] = [ateliers];

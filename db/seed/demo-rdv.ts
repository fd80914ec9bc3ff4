import { and, asc, eq, isNotNull } from 'drizzle-orm';
import * as s from '../schema';
import type { Db } from '../../src/server/db';
import type { SeedContext } from './index';
import { ajouterJours, creneauxLibres, instantParis, jourParis, type Plage } from '../../src/domain/rdv/creneaux';

/** The three motifs every demo relais offers. */
const MOTIFS = [
  {
    cle: 'premier-rdv',
    nom: 'Premier rendez-vous guichet unique',
    dureeMinutes: 45,
    modes: ['sur-place', 'telephone', 'visio'] as const,
    reservableEnLigne: true,
    public: 'famille' as const,
  },
  {
    cle: 'employer-am',
    nom: 'Information : employer un assistant maternel',
    dureeMinutes: 30,
    modes: ['sur-place', 'telephone', 'visio'] as const,
    reservableEnLigne: true,
    public: 'famille' as const,
  },
  {
    cle: 'pro-am',
    nom: 'Rendez-vous professionnel assistant maternel',
    dureeMinutes: 60,
    modes: ['sur-place', 'telephone'] as const,
    reservableEnLigne: false,
    public: 'am' as const,
  },
];

/**
 * Demo agenda: motifs for every relais; for the main relais, plages of the
 * Est and Ouest animatrices at its three sites and by phone, a few booked
 * RDVs of demo demandes, and two réunions d'information.
 */
async function agendaDemo(db: Db, ctx: SeedContext): Promise<void> {
  const aujourdhui = jourParis(ctx.maintenant);
  const valideDu = ajouterJours(aujourdhui, -30);
  for (const [i, r] of ctx.relais.entries()) {
    const motifs = await db
      .insert(s.motifsRdv)
      .values(MOTIFS.map((m, ordre) => ({ ...m, modes: [...m.modes], relaisId: r.id, ordre })))
      .returning();
    const ids = motifs.map((m) => m.id);
    const famille = motifs.filter((m) => m.public === 'famille').map((m) => m.id);
    const plages: (typeof s.plagesOuverture.$inferInsert)[] = [];
    const p = (email: string, lieuId: string | null, jours: number[], heureDebut: string, heureFin: string, motifIds = ids) => {
      const animatriceId = ctx.utilisateurs[email];
      if (animatriceId)
        plages.push({ relaisId: r.id, animatriceId, lieuId, motifIds, jours, heureDebut, heureFin, valideDu, delaiMinimumHeures: 24, horizonJours: 56 });
    };
    if (i === 0) {
      const [isbergues, lillers, richebourg] = r.lieux;
      p('animatrice.ouest@exemple.fr', isbergues ?? null, [1, 3], '09:00', '12:00');
      p('animatrice.ouest@exemple.fr', lillers ?? null, [2, 5], '09:00', '12:00');
      p('animatrice.ouest@exemple.fr', null, [3], '14:00', '17:00', famille);
      p('animatrice.est@exemple.fr', richebourg ?? null, [2, 4], '09:00', '12:00');
      p('animatrice.est@exemple.fr', null, [1, 2, 3, 4, 5], '14:00', '16:30', famille);
      p('animatrice@exemple.fr', r.lieux[0] ?? null, [2, 4], '09:00', '12:00');
      p('animatrice@exemple.fr', null, [1, 3, 5], '14:00', '16:30', famille);
    } else {
      p(`animatrice.relais${i + 1}@exemple.fr`, r.lieux[0] ?? null, [2, 4], '09:00', '12:00');
      p(`animatrice.relais${i + 1}@exemple.fr`, null, [1, 3], '14:00', '16:00', famille);
    }
    if (!plages.length) continue;
    const inserees = await db.insert(s.plagesOuverture).values(plages).returning();
    // Christmas closure of the whole relais.
    const annee = Number(aujourdhui.slice(0, 4));
    await db.insert(s.exceptionsAgenda).values({
      relaisId: r.id,
      animatriceId: null,
      debut: instantParis(`${annee}-12-24`, '00:00'),
      fin: instantParis(`${annee + 1}-01-02`, '00:00'),
      libelle: 'Fermeture de fin d’année',
    });
    if (i !== 0) continue;

    // A few RDVs booked by families of the demo demandes.
    const demandes = await db
      .select({ id: s.demandes.id, email: s.demandes.email, telephone: s.demandes.telephone, parents: s.demandes.parents, langue: s.demandes.langue })
      .from(s.demandes)
      .where(and(eq(s.demandes.relaisId, r.id), eq(s.demandes.etat, 'nouvelle'), isNotNull(s.demandes.email)))
      .orderBy(asc(s.demandes.reference))
      .limit(4);
    const vues: Plage[] = inserees.map((x) => ({ ...x, valideAu: x.valideAu ?? null }));
    const premier = motifs[0]!;
    const libres = creneauxLibres({ plages: vues, occupations: [], motif: premier, maintenant: ctx.maintenant });
    const choisis = [libres[0], libres[7], libres[15], libres[30]].filter((c): c is NonNullable<typeof c> => !!c);
    for (const [k, c] of choisis.entries()) {
      const d = demandes[k];
      if (!d) break;
      await db.insert(s.rdvs).values({
        relaisId: r.id,
        animatriceId: c.animatriceId,
        lieuId: c.lieuId,
        motifId: premier.id,
        mode: c.lieuId ? 'sur-place' : 'telephone',
        debut: c.debut,
        fin: c.fin,
        demandeId: d.id,
        parFamille: true,
        creeLe: ctx.maintenant,
        langue: d.langue,
        email: d.email,
        telephone: d.telephone,
        nomContact: d.parents[0]?.prenom ?? null,
      });
    }

    const [, lillers] = r.lieux;
    await db.insert(s.reunionsInfo).values([
      {
        relaisId: r.id,
        titre: 'Choisir un mode d’accueil pour son enfant',
        public: 'famille',
        lieuId: lillers ?? null,
        capacite: 20,
        description: 'Crèche, assistant maternel, MAM, garde à domicile : comment ça marche, combien ça coûte, quelles aides.',
        debut: instantParis(ajouterJours(aujourdhui, 10), '18:00'),
        fin: instantParis(ajouterJours(aujourdhui, 10), '19:30'),
      },
      {
        relaisId: r.id,
        titre: 'Devenir assistant maternel',
        public: 'am',
        lieuId: null,
        lienVisio: 'https://visio.exemple.fr/rpe-devenir-am',
        capacite: 15,
        description: 'Le métier, l’agrément de la PMI, la formation et l’accompagnement du relais.',
        debut: instantParis(ajouterJours(aujourdhui, 20), '14:00'),
        fin: instantParis(ajouterJours(aujourdhui, 20), '16:00'),
      },
    ]);
  }
}

/** Demo seeding step for this area (see etapes.ts). */
export const etapes: ((db: Db, ctx: SeedContext) => Promise<void>)[] = [agendaDemo];

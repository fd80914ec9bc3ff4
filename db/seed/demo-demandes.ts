/**
 * Demo demandes for the main relais: about 150 over the last 12 months, in
 * every state, with children, contacts, history, mises en relation and a few
 * follow-ups due. Fictional names; deterministic for a given "now".
 * Spread as seed 003 says (first half of 2025, 50 demandes): by commune in
 * proportion to population, first wish 17 collectif / 32 assistant maternel /
 * 1 garde à domicile (MAM counted with the AM), 9 in atypical hours; a few
 * never called past the relais' delay, so the overdue badges show.
 * Written in a handful of bulk inserts (the portal seeds it at first start).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { anneeParis } from '../../src/domain/temps';
import { addDays, addMonths, differenceInMonths, subDays } from 'date-fns';
import * as s from '../schema';
import type { Db } from '../../src/server/db';
import { adhesionEnVigueur } from '../../src/server/requetes/adhesions';
import type { SeedContext } from './index';
import { prng } from './offre';

const PRENOMS = [
  'Inès',
  'Mathilde',
  'Samira',
  'Chloé',
  'Aïcha',
  'Laura',
  'Myriam',
  'Pauline',
  'Olena',
  'Elif',
  'Marine',
  'Justine',
  'Kevin',
  'Mehdi',
  'Thomas',
  'Anthony',
  'Sarah',
  'Manon',
  'Ophélie',
  'Noémie',
];
const NOMS = [
  'Grenouillet',
  'Pâquerette',
  'Chaussonnet',
  'Berlingot',
  'Nougatine',
  'Tartinette',
  'Biscotte',
  'Pomponnet',
  'Guimauve',
  'Clafoutis',
  'Roudoudou',
  'Pirouette',
  'Carambar',
  'Frimousse',
  'Trottinette',
  'Bigoudi',
];
const ENFANTS = ['Léa', 'Noah', 'Jade', 'Gabriel', 'Louise', 'Adam', 'Ambre', 'Raphaël', 'Lina', 'Sacha', 'Rose', 'Ilyes', 'Mila', 'Nolan', 'Anna', 'Malo'];
const MODES = ['collectif', 'assistant-maternel', 'mam', 'garde-a-domicile'] as const;
/** First wish, seed 003 (2025, 6 months): 17 collectif, 32 AM (of which MAM about one in six), 1 garde à domicile, out of 50. */
const POIDS_PREMIER_MODE: Record<(typeof MODES)[number], number> = { collectif: 17, 'assistant-maternel': 27, mam: 5, 'garde-a-domicile': 1 };
/** Seed 003: 9 demandes in atypical hours out of 50. */
const PART_ATYPIQUE = 9 / 50;
/** Overdue first contacts kept in the demo (state nouvelle past the relais' delay). */
const EN_RETARD = 5;
const MOTIFS_URGENCE = [
  'Reprise d’emploi dans 10 jours',
  'Formation qui commence le mois prochain',
  'Hospitalisation d’un parent',
  'Séparation, besoin de garde rapide',
];
const TYPE_SOLUTION: Record<string, (typeof s.typeSolution.enumValues)[number]> = {
  creche: 'eaje',
  'micro-creche': 'micro-creche',
  'assistant-maternel': 'am',
  mam: 'mam',
  'garde-a-domicile': 'garde-a-domicile',
};

type Etat = (typeof s.etatDemande.enumValues)[number];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const JOUR = 86_400_000;

async function semerDemandes(db: Db, ctx: SeedContext, nombre = 150): Promise<number> {
  const main = ctx.relais[0];
  if (!main) return 0;
  const r = prng(`demandes:${ctx.territoireId}`);
  const pick = <T>(l: readonly T[]): T => l[Math.floor(r() * l.length)] as T;
  const jour = iso(ctx.maintenant);
  const membres = await db
    .select({ code: s.adhesions.communeCode, secteurId: s.adhesions.secteurId, population: s.communes.population })
    .from(s.adhesions)
    .innerJoin(s.communes, eq(s.communes.code, s.adhesions.communeCode))
    .where(and(eq(s.adhesions.relaisId, main.id), adhesionEnVigueur(jour)));
  if (!membres.length) return 0;
  const [rel] = await db.select({ delai: s.relais.delaiPremierContactJours }).from(s.relais).where(eq(s.relais.id, main.id));
  const delai = rel?.delai ?? 15;
  /** One draw, weighted by population: a town of 10,000 files ten times as many demandes as a village of 1,000. */
  const parPopulation = <T extends { population: number | null }>(l: readonly T[]): T => {
    const total = l.reduce((a, c) => a + Math.max(1, c.population ?? 1), 0);
    let x = r() * total;
    for (const c of l) if ((x -= Math.max(1, c.population ?? 1)) < 0) return c;
    return l[l.length - 1]!;
  };
  const poids = (Object.values(POIDS_PREMIER_MODE) as number[]).reduce((a, b) => a + b, 0);
  const premierMode = () => {
    let x = r() * poids;
    for (const m of MODES) if ((x -= POIDS_PREMIER_MODE[m]) < 0) return m;
    return MODES[0];
  };
  const lignes = {
    demandes: [] as (typeof s.demandes.$inferInsert)[],
    enfants: [] as (typeof s.enfants.$inferInsert)[],
    historique: [] as (typeof s.demandeHistorique.$inferInsert)[],
    contacts: [] as (typeof s.contacts.$inferInsert)[],
    mer: [] as (typeof s.misesEnRelation.$inferInsert)[],
    notes: [] as (typeof s.notes.$inferInsert)[],
    relances: [] as (typeof s.relances.$inferInsert)[],
  };
  const secteurEst = main.secteurs.Est ?? null;
  const membresEst = membres.filter((m) => m.secteurId === secteurEst);
  const structures = await db
    .select({ id: s.structures.id, type: s.structures.type, communeCode: s.structures.communeCode })
    .from(s.structures)
    .where(
      and(
        eq(s.structures.actif, true),
        inArray(
          s.structures.communeCode,
          membres.map((m) => m.code),
        ),
      ),
    );
  const animatrices = Object.entries(ctx.utilisateurs).filter(([e]) => e.startsWith('animatrice.') && !e.includes('relais'));
  const idAnimatrice = (secteurId: string | null) => {
    const nom = Object.entries(main.secteurs)
      .find(([, id]) => id === secteurId)?.[0]
      ?.toLowerCase();
    return animatrices.find(([e]) => nom && e.includes(nom))?.[1] ?? animatrices[0]?.[1] ?? null;
  };
  const numeros = await db.execute(sql`select nextval('demande_reference_seq')::int as n from generate_series(1, ${nombre})`);
  const ns = (Array.isArray(numeros) ? numeros : (numeros as { rows: { n: number }[] }).rows).map((x) => Number((x as { n: number }).n));

  for (let i = 0; i < nombre; i++) {
    // i = 0 is the most recent; the first ones are new, a few urgent in the Est sector (used by the demo and tests).
    // i = 8 … 8 + EN_RETARD: still nouvelle, a few days past the delay of the first contact.
    const retard = i >= 8 && i < 8 + EN_RETARD;
    const age = i < 8 ? i * 0.7 + r() * 0.5 : retard ? delai + 1 + (i - 8) * 2 + r() : 4 + Math.pow((i - 8) / (nombre - 8), 1.1) * 360 + r() * 3;
    const creeLe = new Date(ctx.maintenant.getTime() - age * JOUR - Math.floor(r() * 8) * 3600_000);
    const forceEst = i < 8 && i % 2 === 0 && membresEst.length > 0;
    const m = forceEst ? parPopulation(membresEst) : parPopulation(membres);
    const urgence = forceEst ? true : !retard && r() < 0.12;
    const handicap = r() < 0.06;
    const atypique = r() < PART_ATYPIQUE;
    const prenom = pick(PRENOMS);
    const nom = pick(NOMS);
    const avecEmail = i < 8 || r() < 0.85;
    const email = avecEmail
      ? `${prenom.normalize('NFD').replace(/[^\w]/g, '').toLowerCase()}.${nom.normalize('NFD').replace(/[^\w]/g, '').toLowerCase()}.${i}@exemple.fr`
      : null;
    const telephone =
      !avecEmail || r() < 0.8
        ? `06 00 ${String(10 + (i % 90)).padStart(2, '0')} ${String(Math.floor(r() * 90) + 10)} ${String(Math.floor(r() * 90) + 10)}`
        : null;
    const dateDebut = addDays(creeLe, 20 + Math.floor(r() * 150));
    const attendu = r() < 0.15;
    const naissance = attendu ? addDays(creeLe, 30 + Math.floor(r() * 120)) : subDays(dateDebut, 60 + Math.floor(r() * 700));
    const ageMois = Math.max(0, differenceInMonths(dateDebut, naissance));
    const planning = atypique
      ? [1, 2, 3, 4, 5].map((jour) => ({ jour, debut: '06:00', fin: '14:00' })).concat(r() < 0.5 ? [{ jour: 6, debut: '08:00', fin: '13:00' }] : [])
      : [1, 2, 4, 5, ...(r() < 0.5 ? [3] : [])]
          .sort()
          .map((jour) => ({ jour, debut: pick(['07:30', '08:00', '08:30']), fin: pick(['16:30', '17:30', '18:00']) }));
    // The first wish as the seed's shares; sometimes a second one, garde à domicile only when it was the first.
    const premier = premierMode();
    const second = r() < 0.4 ? pick(MODES.filter((x) => x !== premier && x !== 'garde-a-domicile')) : null;
    const modes = second ? [premier, second] : [premier];
    const canal = pick([
      'en-ligne',
      'en-ligne',
      'en-ligne',
      'en-ligne',
      'en-ligne',
      'telephone',
      'telephone',
      'accueil-physique',
      'mail',
      'partenaire',
    ] as const);
    const langue = pick(['fr', 'fr', 'fr', 'fr', 'fr', 'fr', 'fr', 'ar', 'en', 'tr', 'uk', 'falc'] as const);

    // The path the demande took, as history rows.
    const hist: { le: Date; transition: string; de: Etat | null; vers: Etat; parFamille?: boolean; motif?: string }[] = [];
    let etat: Etat = 'nouvelle';
    hist.push({ le: creeLe, transition: 'deposer', de: null, vers: 'nouvelle', parFamille: canal === 'en-ligne' });
    const contacts: { le: Date; canal: (typeof s.canalContact.enumValues)[number]; issue: string; note: string }[] = [];
    const mer: { le: Date; structureId: string; issue: string }[] = [];
    let t = creeLe;
    const avance = (jours: number) => {
      t = new Date(Math.min(ctx.maintenant.getTime() - 3600_000, t.getTime() + jours * JOUR));
      return t;
    };
    let typeSolution: (typeof s.typeSolution.enumValues)[number] | null = null;
    let solutionLe: Date | null = null;
    let clotureLe: Date | null = null;
    if (i >= 8 && !retard) {
      const le = avance(urgence ? 1 + r() * 4 : 2 + r() * 12);
      contacts.push({
        le,
        canal: pick(['telephone', 'telephone', 'email', 'sms', 'accueil-physique']),
        issue: 'joint',
        note: 'Premier échange : besoin confirmé, explications sur les modes d’accueil.',
      });
      hist.push({ le, transition: 'prendreEnCharge', de: etat, vers: 'en-cours', motif: 'Premier contact' });
      etat = 'en-cours';
      const suite = r();
      if (age > 20 && suite < 0.75) {
        const proches = structures.filter((x) => x.communeCode === m.code && x.type !== 'periscolaire');
        const candidat = pick(proches.length ? proches : structures);
        if (r() < 0.5) {
          const le2 = avance(5 + r() * 10);
          hist.push({ le: le2, transition: 'proposerSolution', de: etat, vers: 'solution-proposee', motif: 'Liste de lieux proposée à la famille' });
          etat = 'solution-proposee';
          contacts.push({ le: le2, canal: 'email', issue: 'joint', note: 'Envoi de la liste des assistantes maternelles disponibles.' });
        }
        if (candidat) {
          const le3 = avance(3 + r() * 15);
          mer.push({ le: le3, structureId: candidat.id, issue: 'en-attente' });
          hist.push({ le: le3, transition: 'mettreEnRelation', de: etat, vers: 'mise-en-relation', motif: 'Mise en relation' });
          etat = 'mise-en-relation';
          if (age > 60) {
            const fin = r();
            const le4 = avance(10 + r() * 30);
            if (fin < 0.6) {
              typeSolution = TYPE_SOLUTION[candidat.type] ?? 'autre';
              mer[mer.length - 1]!.issue = 'contrat';
              hist.push({ le: le4, transition: 'conclure', de: etat, vers: 'solution-trouvee', motif: 'Contrat signé' });
              etat = 'solution-trouvee';
              solutionLe = le4;
              clotureLe = le4;
            } else if (fin < 0.8) {
              hist.push({ le: le4, transition: 'classerSansSolution', de: etat, vers: 'sans-solution', motif: 'Aucune place compatible avec les horaires' });
              etat = 'sans-solution';
              clotureLe = le4;
            } else {
              hist.push({ le: le4, transition: 'abandonner', de: etat, vers: 'abandonnee', motif: 'La famille a trouvé par elle-même', parFamille: r() < 0.5 });
              etat = 'abandonnee';
              clotureLe = le4;
            }
          }
        }
      } else if (age > 40 && suite < 0.85) {
        const le4 = avance(15 + r() * 30);
        hist.push({ le: le4, transition: 'abandonner', de: etat, vers: 'abandonnee', motif: 'Plus de besoin', parFamille: true });
        etat = 'abandonnee';
        clotureLe = le4;
      }
    }
    const assigne = etat !== 'nouvelle' && r() < 0.7 ? idAnimatrice(m.secteurId) : null;
    const id = randomUUID();
    lignes.demandes.push({
      id,
      reference: `D-${anneeParis(creeLe)}-${String(ns[i]).padStart(5, '0')}`,
      territoireId: ctx.territoireId,
      relaisId: main.id,
      secteurId: m.secteurId,
      communeCode: m.code,
      etat,
      etatDepuis: hist[hist.length - 1]!.le,
      typeSolution,
      canal,
      langue,
      parents: [{ prenom, nom }],
      email,
      telephone,
      canalPrefere: email ? 'email' : 'telephone',
      dateDebut: iso(dateDebut),
      planning,
      regularite: r() < 0.9 ? 'reguliere' : 'occasionnelle',
      horairesAtypiques: atypique,
      urgence,
      urgenceMotif: urgence ? pick(MOTIFS_URGENCE) : null,
      handicap,
      handicapPrecisions: handicap ? 'Suivi CAMSP, besoin d’un accueil attentif' : null,
      consentementSante: handicap,
      periscolaire: false,
      modesSouhaites: modes,
      communesAcceptees: [],
      interpreteLangue: langue === 'ar' || langue === 'uk' ? langue : null,
      commentaire: r() < 0.3 ? 'Nous travaillons tous les deux en horaires décalés certaines semaines.' : null,
      ageMoisAuDebut: ageMois,
      consentementContact: true,
      consentementPartage: r() < 0.8,
      consentementLe: creeLe,
      assigneeId: assigne,
      creeParId: canal === 'en-ligne' ? null : idAnimatrice(m.secteurId),
      creeLe,
      premierContactLe: contacts[0]?.le ?? null,
      solutionLe,
      clotureLe,
    });
    lignes.enfants.push({
      demandeId: id,
      ordre: 0,
      prenom: attendu ? null : pick(ENFANTS),
      dateNaissance: attendu ? null : iso(naissance),
      naissancePrevue: attendu ? iso(naissance) : null,
    });
    lignes.historique.push(
      ...hist.map((h) => ({
        demandeId: id,
        le: h.le,
        transition: h.transition,
        de: h.de,
        vers: h.vers,
        parFamille: h.parFamille ?? false,
        parUtilisateurId: h.parFamille || h.transition === 'deposer' ? null : assigne,
        motif: h.motif ?? null,
      })),
    );
    lignes.contacts.push(
      ...contacts.map((c) => ({
        demandeId: id,
        le: c.le,
        canal: c.canal,
        motif: 'recherche-mode-accueil',
        issue: c.issue,
        note: c.note,
        parUtilisateurId: assigne,
      })),
    );
    lignes.mer.push(...mer.map((x) => ({ demandeId: id, le: x.le, structureId: x.structureId, issue: x.issue, parUtilisateurId: assigne })));
    if (r() < 0.25 && etat !== 'nouvelle')
      lignes.notes.push({ demandeId: id, le: avance(1), texte: 'Famille très réactive, préfère être appelée après 17 h.', parUtilisateurId: assigne });
    // Follow-up emails: sent N months after a solution or a mise en relation, some unanswered (in the staff's list).
    const depuis = solutionLe ?? (etat === 'mise-en-relation' ? mer[mer.length - 1]?.le : null);
    if (email && depuis && addMonths(depuis, 3) < ctx.maintenant) {
      const envoyeeLe = addMonths(depuis, 3);
      const sansReponse = r() < 0.4;
      lignes.relances.push({
        demandeId: id,
        type: 'suivi',
        envoyeeLe,
        rappelLe: addDays(envoyeeLe, 14) < ctx.maintenant ? addDays(envoyeeLe, 14) : null,
        reponse: sansReponse ? null : etat === 'solution-trouvee' ? 'contrat' : 'recherche',
        reponduLe: sansReponse ? null : addDays(envoyeeLe, 3),
        aTraiterLe: sansReponse && addDays(envoyeeLe, 28) < ctx.maintenant ? addDays(envoyeeLe, 28) : null,
      });
    }
  }
  // A few bulk inserts (parameters per statement stay well under PostgreSQL's limit).
  const parLots = async <T>(t: Parameters<typeof db.insert>[0], rows: T[], taille = 100) => {
    for (let k = 0; k < rows.length; k += taille) await db.insert(t).values(rows.slice(k, k + taille) as never);
  };
  await parLots(s.demandes, lignes.demandes, 50);
  await parLots(s.enfants, lignes.enfants);
  await parLots(s.demandeHistorique, lignes.historique);
  await parLots(s.contacts, lignes.contacts);
  await parLots(s.misesEnRelation, lignes.mer);
  await parLots(s.notes, lignes.notes);
  await parLots(s.relances, lignes.relances);
  // Two demandes from outside every relais (kept for the territory's statistics).
  for (const [k, lieu] of ['Hazebrouck', 'Arras'].entries()) {
    const creeLe = new Date(ctx.maintenant.getTime() - (30 + k * 70) * JOUR);
    const numero = await db.execute(sql`select nextval('demande_reference_seq')::int as n`);
    const n = Number(((Array.isArray(numero) ? numero : (numero as { rows: unknown[] }).rows)[0] as { n: number }).n);
    const [d] = await db
      .insert(s.demandes)
      .values({
        reference: `D-${anneeParis(creeLe)}-${String(n).padStart(5, '0')}`,
        territoireId: ctx.territoireId,
        relaisId: null,
        communeHorsTerritoire: lieu,
        etat: 'hors-territoire',
        etatDepuis: creeLe,
        parents: [{ prenom: PRENOMS[k]!, nom: NOMS[k]! }],
        email: `hors.territoire.${k}@exemple.fr`,
        dateDebut: iso(addDays(creeLe, 60)),
        planning: [{ jour: 1, debut: '08:00', fin: '17:00' }],
        modesSouhaites: ['assistant-maternel'],
        ageMoisAuDebut: 10,
        consentementContact: true,
        consentementLe: creeLe,
        creeLe,
      })
      .returning({ id: s.demandes.id });
    await db
      .insert(s.demandeHistorique)
      .values({ demandeId: d!.id, le: creeLe, transition: 'deposerHorsTerritoire', de: null, vers: 'hors-territoire', parFamille: true });
  }
  return nombre + 2;
}

/** Demo seeding step for this area (see etapes.ts). */
export const etapes: ((db: Db, ctx: SeedContext) => Promise<void>)[] = [
  async (db, ctx) => {
    await semerDemandes(db, ctx);
  },
];

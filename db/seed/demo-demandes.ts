/**
 * Demo demandes for the main relais: about 150 over the last 12 months, in
 * every state, with children, contacts, history, mises en relation and a few
 * follow-ups due. Fictional names; deterministic for a given "now".
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { anneeParis } from '../../src/domain/temps';
import { addDays, addMonths, differenceInMonths, subDays } from 'date-fns';
import * as s from '../schema';
import type { Db } from '../../src/server/db';
import { adhesionEnVigueur } from '../../src/server/requetes/adhesions';
import type { SeedContext } from './index';
import { prng } from './offre';

const PRENOMS = ['Inès', 'Mathilde', 'Samira', 'Chloé', 'Aïcha', 'Laura', 'Myriam', 'Pauline', 'Olena', 'Elif', 'Marine', 'Justine', 'Kevin', 'Mehdi', 'Thomas', 'Anthony', 'Sarah', 'Manon', 'Ophélie', 'Noémie'];
const NOMS = ['Grenouillet', 'Pâquerette', 'Chaussonnet', 'Berlingot', 'Nougatine', 'Tartinette', 'Biscotte', 'Pomponnet', 'Guimauve', 'Clafoutis', 'Roudoudou', 'Pirouette', 'Carambar', 'Frimousse', 'Trottinette', 'Bigoudi'];
const ENFANTS = ['Léa', 'Noah', 'Jade', 'Gabriel', 'Louise', 'Adam', 'Ambre', 'Raphaël', 'Lina', 'Sacha', 'Rose', 'Ilyes', 'Mila', 'Nolan', 'Anna', 'Malo'];
const MODES = ['collectif', 'assistant-maternel', 'mam', 'garde-a-domicile'] as const;
const MOTIFS_URGENCE = ['Reprise d’emploi dans 10 jours', 'Formation qui commence le mois prochain', 'Hospitalisation d’un parent', 'Séparation, besoin de garde rapide'];
const TYPE_SOLUTION: Record<string, (typeof s.typeSolution.enumValues)[number]> = { creche: 'eaje', 'micro-creche': 'micro-creche', 'assistant-maternel': 'am', mam: 'mam', 'garde-a-domicile': 'garde-a-domicile' };

type Etat = (typeof s.etatDemande.enumValues)[number];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const JOUR = 86_400_000;

export async function semerDemandes(db: Db, ctx: SeedContext, nombre = 150): Promise<number> {
  const main = ctx.relais[0];
  if (!main) return 0;
  const r = prng(`demandes:${ctx.territoireId}`);
  const pick = <T,>(l: readonly T[]): T => l[Math.floor(r() * l.length)] as T;
  const jour = iso(ctx.maintenant);
  const membres = await db.select({ code: s.adhesions.communeCode, secteurId: s.adhesions.secteurId }).from(s.adhesions)
    .where(and(eq(s.adhesions.relaisId, main.id), adhesionEnVigueur(jour)));
  if (!membres.length) return 0;
  const secteurEst = main.secteurs.Est ?? null;
  const membresEst = membres.filter((m) => m.secteurId === secteurEst);
  const structures = await db.select({ id: s.structures.id, type: s.structures.type, communeCode: s.structures.communeCode }).from(s.structures)
    .where(and(eq(s.structures.actif, true), inArray(s.structures.communeCode, membres.map((m) => m.code))));
  const animatrices = Object.entries(ctx.utilisateurs).filter(([e]) => e.startsWith('animatrice.') && !e.includes('relais'));
  const idAnimatrice = (secteurId: string | null) => {
    const nom = Object.entries(main.secteurs).find(([, id]) => id === secteurId)?.[0]?.toLowerCase();
    return animatrices.find(([e]) => nom && e.includes(nom))?.[1] ?? animatrices[0]?.[1] ?? null;
  };
  const numeros = await db.execute(sql`select nextval('demande_reference_seq')::int as n from generate_series(1, ${nombre})`);
  const ns = (Array.isArray(numeros) ? numeros : (numeros as { rows: { n: number }[] }).rows).map((x) => Number((x as { n: number }).n));

  for (let i = 0; i < nombre; i++) {
    // i = 0 is the most recent; the first ones are new, a few urgent in the Est sector (used by the demo and tests).
    const age = i < 8 ? i * 0.7 + r() * 0.5 : 4 + Math.pow((i - 8) / (nombre - 8), 1.1) * 360 + r() * 3;
    const creeLe = new Date(ctx.maintenant.getTime() - age * JOUR - Math.floor(r() * 8) * 3600_000);
    const forceEst = i < 8 && i % 2 === 0 && membresEst.length > 0;
    const m = forceEst ? pick(membresEst) : pick(membres);
    const urgence = forceEst ? true : r() < 0.12;
    const handicap = r() < 0.06;
    const atypique = r() < 0.1;
    const prenom = pick(PRENOMS);
    const nom = pick(NOMS);
    const avecEmail = i < 8 || r() < 0.85;
    const email = avecEmail ? `${prenom.normalize('NFD').replace(/[^\w]/g, '').toLowerCase()}.${nom.normalize('NFD').replace(/[^\w]/g, '').toLowerCase()}.${i}@exemple.fr` : null;
    const telephone = !avecEmail || r() < 0.8 ? `06 00 ${String(10 + (i % 90)).padStart(2, '0')} ${String(Math.floor(r() * 90) + 10)} ${String(Math.floor(r() * 90) + 10)}` : null;
    const dateDebut = addDays(creeLe, 20 + Math.floor(r() * 150));
    const attendu = r() < 0.15;
    const naissance = attendu ? addDays(creeLe, 30 + Math.floor(r() * 120)) : subDays(dateDebut, 60 + Math.floor(r() * 700));
    const ageMois = Math.max(0, differenceInMonths(dateDebut, naissance));
    const planning = atypique
      ? [1, 2, 3, 4, 5].map((jour) => ({ jour, debut: '06:00', fin: '14:00' })).concat(r() < 0.5 ? [{ jour: 6, debut: '08:00', fin: '13:00' }] : [])
      : [1, 2, 4, 5, ...(r() < 0.5 ? [3] : [])].sort().map((jour) => ({ jour, debut: pick(['07:30', '08:00', '08:30']), fin: pick(['16:30', '17:30', '18:00']) }));
    const modes = [...MODES].sort(() => r() - 0.5).slice(0, 1 + Math.floor(r() * 3));
    const canal = pick(['en-ligne', 'en-ligne', 'en-ligne', 'en-ligne', 'en-ligne', 'telephone', 'telephone', 'accueil-physique', 'mail', 'partenaire'] as const);
    const langue = pick(['fr', 'fr', 'fr', 'fr', 'fr', 'fr', 'fr', 'ar', 'en', 'tr', 'uk', 'falc'] as const);

    // The path the demande took, as history rows.
    const hist: { le: Date; transition: string; de: Etat | null; vers: Etat; parFamille?: boolean; motif?: string }[] = [];
    let etat: Etat = 'nouvelle';
    hist.push({ le: creeLe, transition: 'deposer', de: null, vers: 'nouvelle', parFamille: canal === 'en-ligne' });
    const contacts: { le: Date; canal: (typeof s.canalContact.enumValues)[number]; issue: string; note: string }[] = [];
    const mer: { le: Date; structureId: string; issue: string }[] = [];
    let t = creeLe;
    const avance = (jours: number) => { t = new Date(Math.min(ctx.maintenant.getTime() - 3600_000, t.getTime() + jours * JOUR)); return t; };
    const retard = i >= 8 && i < 14 && r() < 0.7; // a few old ones nobody called yet
    let typeSolution: (typeof s.typeSolution.enumValues)[number] | null = null;
    let solutionLe: Date | null = null;
    let clotureLe: Date | null = null;
    if (i >= 8 && !retard) {
      const le = avance(urgence ? 1 + r() * 4 : 2 + r() * 12);
      contacts.push({ le, canal: pick(['telephone', 'telephone', 'email', 'sms', 'accueil-physique']), issue: 'joint', note: 'Premier échange : besoin confirmé, explications sur les modes d’accueil.' });
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
              etat = 'solution-trouvee'; solutionLe = le4; clotureLe = le4;
            } else if (fin < 0.8) {
              hist.push({ le: le4, transition: 'classerSansSolution', de: etat, vers: 'sans-solution', motif: 'Aucune place compatible avec les horaires' });
              etat = 'sans-solution'; clotureLe = le4;
            } else {
              hist.push({ le: le4, transition: 'abandonner', de: etat, vers: 'abandonnee', motif: 'La famille a trouvé par elle-même', parFamille: r() < 0.5 });
              etat = 'abandonnee'; clotureLe = le4;
            }
          }
        }
      } else if (age > 40 && suite < 0.85) {
        const le4 = avance(15 + r() * 30);
        hist.push({ le: le4, transition: 'abandonner', de: etat, vers: 'abandonnee', motif: 'Plus de besoin', parFamille: true });
        etat = 'abandonnee'; clotureLe = le4;
      }
    }
    const assigne = etat !== 'nouvelle' && r() < 0.7 ? idAnimatrice(m.secteurId) : null;
    const [d] = await db.insert(s.demandes).values({
      reference: `D-${anneeParis(creeLe)}-${String(ns[i]).padStart(5, '0')}`,
      territoireId: ctx.territoireId, relaisId: main.id, secteurId: m.secteurId, communeCode: m.code,
      etat, etatDepuis: hist[hist.length - 1]!.le, typeSolution, canal, langue,
      parents: [{ prenom, nom }], email, telephone, canalPrefere: email ? 'email' : 'telephone',
      dateDebut: iso(dateDebut), planning, regularite: r() < 0.9 ? 'reguliere' : 'occasionnelle', horairesAtypiques: atypique,
      urgence, urgenceMotif: urgence ? pick(MOTIFS_URGENCE) : null, handicap, handicapPrecisions: handicap ? 'Suivi CAMSP, besoin d’un accueil attentif' : null, consentementSante: handicap,
      periscolaire: false, modesSouhaites: modes, communesAcceptees: [],
      interpreteLangue: langue === 'ar' || langue === 'uk' ? langue : null, commentaire: r() < 0.3 ? 'Nous travaillons tous les deux en horaires décalés certaines semaines.' : null,
      ageMoisAuDebut: ageMois, consentementContact: true, consentementPartage: r() < 0.8, consentementLe: creeLe,
      assigneeId: assigne, creeParId: canal === 'en-ligne' ? null : idAnimatrice(m.secteurId), creeLe,
      premierContactLe: contacts[0]?.le ?? null, solutionLe, clotureLe,
    }).returning({ id: s.demandes.id });
    const id = d!.id;
    await db.insert(s.enfants).values({ demandeId: id, ordre: 0, prenom: attendu ? null : pick(ENFANTS), dateNaissance: attendu ? null : iso(naissance), naissancePrevue: attendu ? iso(naissance) : null });
    await db.insert(s.demandeHistorique).values(hist.map((h) => ({ demandeId: id, le: h.le, transition: h.transition, de: h.de, vers: h.vers, parFamille: h.parFamille ?? false, parUtilisateurId: h.parFamille || h.transition === 'deposer' ? null : assigne, motif: h.motif ?? null })));
    if (contacts.length) await db.insert(s.contacts).values(contacts.map((c) => ({ demandeId: id, le: c.le, canal: c.canal, motif: 'recherche-mode-accueil', issue: c.issue, note: c.note, parUtilisateurId: assigne })));
    if (mer.length) await db.insert(s.misesEnRelation).values(mer.map((x) => ({ demandeId: id, le: x.le, structureId: x.structureId, issue: x.issue, parUtilisateurId: assigne })));
    if (r() < 0.25 && etat !== 'nouvelle') await db.insert(s.notes).values({ demandeId: id, le: avance(1), texte: 'Famille très réactive, préfère être appelée après 17 h.', parUtilisateurId: assigne });
    // Follow-up emails: sent N months after a solution or a mise en relation, some unanswered (in the staff's list).
    const depuis = solutionLe ?? (etat === 'mise-en-relation' ? mer[mer.length - 1]?.le : null);
    if (email && depuis && addMonths(depuis, 3) < ctx.maintenant) {
      const envoyeeLe = addMonths(depuis, 3);
      const sansReponse = r() < 0.4;
      await db.insert(s.relances).values({
        demandeId: id, type: 'suivi', envoyeeLe, rappelLe: addDays(envoyeeLe, 14) < ctx.maintenant ? addDays(envoyeeLe, 14) : null,
        reponse: sansReponse ? null : etat === 'solution-trouvee' ? 'contrat' : 'recherche',
        reponduLe: sansReponse ? null : addDays(envoyeeLe, 3),
        aTraiterLe: sansReponse && addDays(envoyeeLe, 28) < ctx.maintenant ? addDays(envoyeeLe, 28) : null,
      });
    }
  }
  // Two demandes from outside every relais (kept for the territory's statistics).
  for (const [k, lieu] of ['Hazebrouck', 'Arras'].entries()) {
    const creeLe = new Date(ctx.maintenant.getTime() - (30 + k * 70) * JOUR);
    const numero = await db.execute(sql`select nextval('demande_reference_seq')::int as n`);
    const n = Number(((Array.isArray(numero) ? numero : (numero as { rows: unknown[] }).rows)[0] as { n: number }).n);
    const [d] = await db.insert(s.demandes).values({
      reference: `D-${anneeParis(creeLe)}-${String(n).padStart(5, '0')}`, territoireId: ctx.territoireId,
      relaisId: null, communeHorsTerritoire: lieu, etat: 'hors-territoire', etatDepuis: creeLe, parents: [{ prenom: PRENOMS[k]!, nom: NOMS[k]! }],
      email: `hors.territoire.${k}@exemple.fr`, dateDebut: iso(addDays(creeLe, 60)), planning: [{ jour: 1, debut: '08:00', fin: '17:00' }],
      modesSouhaites: ['assistant-maternel'], ageMoisAuDebut: 10, consentementContact: true, consentementLe: creeLe, creeLe,
    }).returning({ id: s.demandes.id });
    await db.insert(s.demandeHistorique).values({ demandeId: d!.id, le: creeLe, transition: 'deposerHorsTerritoire', de: null, vers: 'hors-territoire', parFamille: true });
  }
  return nombre + 2;
}

/** Demo seeding step for this area (see etapes.ts). */
export const etapes: ((db: Db, ctx: SeedContext) => Promise<void>)[] = [
  async (db, ctx) => { await semerDemandes(db, ctx); },
];

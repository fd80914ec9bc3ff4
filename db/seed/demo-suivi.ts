/**
 * Demo of the follow-through after a mise en relation: a family who filed in
 * Turkish and chose SMS (with an email too, sharing consent given), already
 * in touch with the relais, and an assistante maternelle of its commune with
 * a free place, a published phone and an email to receive the family's need.
 * Fictional; deterministic for a given "now".
 */
import { and, eq, sql } from 'drizzle-orm';
import { addDays, subDays, subMonths } from 'date-fns';
import * as s from '../schema';
import type { Db } from '../../src/server/db';
import { adhesionEnVigueur } from '../../src/server/requetes/adhesions';
import { formaterReference } from '../../src/domain/demande/schema';
import { anneeParis } from '../../src/domain/temps';
import type { SeedContext } from './index';

export const DEMO_SUIVI = { email: 'aylin.demir.demo@exemple.fr', am: 'Derya K.', amEmail: 'derya.k.demo@exemple.fr' } as const;

async function semer(db: Db, ctx: SeedContext): Promise<void> {
  const main = ctx.relais[0];
  const secteurEst = main?.secteurs.Est;
  if (!main || !secteurEst) return;
  const jour = ctx.maintenant.toISOString().slice(0, 10);
  const [m] = await db
    .select({ code: s.adhesions.communeCode })
    .from(s.adhesions)
    .where(and(eq(s.adhesions.relaisId, main.id), eq(s.adhesions.secteurId, secteurEst), adhesionEnVigueur(jour)))
    .orderBy(s.adhesions.communeCode)
    .limit(1);
  if (!m) return;
  const [c] = await db.select().from(s.communes).where(eq(s.communes.code, m.code));
  if (!c?.centreLat || !c.centreLon) return;
  const [am] = await db
    .insert(s.structures)
    .values({
      type: 'assistant-maternel',
      nom: DEMO_SUIVI.am,
      prenom: 'Derya',
      nomFamille: 'Kaya',
      communeCode: m.code,
      lat: c.centreLat,
      lon: c.centreLon,
      positionPublique: 'commune',
      latPublique: c.centreLat,
      lonPublique: c.centreLon,
      capacite: 4,
      ageMinMois: 0,
      ageMaxMois: 72,
      telephone: '06 98 76 54 32',
      email: DEMO_SUIVI.amEmail,
      publication: { prenom: true, telephone: true },
      dispoStatut: 'places',
      dispoConfirmeeLe: subDays(ctx.maintenant, 2),
      creeLe: subMonths(ctx.maintenant, 30),
    })
    .returning({ id: s.structures.id });
  await db.insert(s.placesDisponibles).values({ structureId: am!.id, trancheAge: 'bebe', nombre: 1, aPartirDu: jour });
  await db.insert(s.dispoHistorique).values({ structureId: am!.id, le: subDays(ctx.maintenant, 2), statut: 'places', source: 'demo' });

  const numero = await db.execute(sql`select nextval('demande_reference_seq')::int as n`);
  const n = Number((Array.isArray(numero) ? numero : (numero as { rows: { n: number }[] }).rows)[0]!.n);
  const creeLe = subDays(ctx.maintenant, 5);
  const contactLe = subDays(ctx.maintenant, 3);
  const animatrice = ctx.utilisateurs['animatrice.est@exemple.fr'] ?? null;
  const [d] = await db
    .insert(s.demandes)
    .values({
      reference: formaterReference(anneeParis(creeLe), n),
      territoireId: ctx.territoireId,
      relaisId: main.id,
      secteurId: secteurEst,
      communeCode: m.code,
      etat: 'en-cours',
      etatDepuis: contactLe,
      langue: 'tr',
      parents: [{ prenom: 'Aylin', nom: 'Demir' }],
      email: DEMO_SUIVI.email,
      telephone: '06 12 34 56 78',
      canalPrefere: 'sms',
      dateDebut: addDays(ctx.maintenant, 30).toISOString().slice(0, 10),
      planning: [1, 2, 4, 5].map((j) => ({ jour: j, debut: '08:00', fin: '17:00' })),
      modesSouhaites: ['assistant-maternel'],
      ageMoisAuDebut: 9,
      consentementContact: true,
      consentementPartage: true,
      consentementLe: creeLe,
      assigneeId: animatrice,
      creeLe,
      premierContactLe: contactLe,
    })
    .returning({ id: s.demandes.id });
  await db.insert(s.enfants).values({ demandeId: d!.id, prenom: 'Can', dateNaissance: subMonths(addDays(ctx.maintenant, 30), 9).toISOString().slice(0, 10) });
  await db.insert(s.demandeHistorique).values([
    { demandeId: d!.id, le: creeLe, transition: 'deposer', de: null, vers: 'nouvelle', parFamille: true },
    {
      demandeId: d!.id,
      le: contactLe,
      transition: 'prendreEnCharge',
      de: 'nouvelle',
      vers: 'en-cours',
      parUtilisateurId: animatrice,
      motif: 'Premier contact (telephone)',
    },
  ]);
  await db
    .insert(s.contacts)
    .values({ demandeId: d!.id, le: contactLe, canal: 'telephone', motif: 'recherche-mode-accueil', issue: 'joint', parUtilisateurId: animatrice });
}

export const etapes = [semer];

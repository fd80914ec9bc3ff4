import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { anneeParis } from '../../domain/temps';
import { schema, rowsOf, type Db } from '../db';
import { config } from '../config';
import { jetonAleatoire, sha256 } from '../auth/tokens';
import { ligneAudit } from '../audit';
import { insererEnUneInstruction, insertion, type Insertion } from '../insertions';
import { appliquer, ETATS_OUVERTS, type Etat } from '../../domain/demande/etats';
import { ageMoisAuDebut, formaterReference, jourParis, type DemandeValidee } from '../../domain/demande/schema';
import { relaisPourCommune } from './routage';
import { courrielConfirmation, lienSuivi } from './courriels';
import { ligneSms } from '../sms/file';
import { ligneCourriel } from '../mail/outbox';
import { isLang, traduire } from '../../i18n';
import type { Staff } from '../auth/staff';
import { memoiser } from '../cache';

type CanalDepot = (typeof schema.canalDemande.enumValues)[number];

type OptionsCreation = {
  canal: CanalDepot;
  /** The staff member filing for the family (phone call, desk). */
  parUtilisateurId?: string | null;
  /** Language of the page the demande was filed from (stored; emails use `langueContact`). */
  langue: string;
  maintenant?: Date;
  /** Base URL for links in emails (default: config().publicUrl). */
  publicUrl?: string;
};

type DemandeCreee = {
  id: string;
  reference: string;
  etat: Etat;
  /** false when the idempotency key already existed (same demande returned). */
  creee: boolean;
  /** The clear follow-up token, only when the demande was just created. */
  jetonSuivi: string | null;
  relaisId: string | null;
  doublonPossibleDeId: string | null;
};

/**
 * Files a validated demande in ONE statement (atomic by itself): routes it to
 * the relais of the family's commune on the filing date, gives it a
 * reference, writes its children, the history row, the confirmation email
 * (and SMS) in the outbox and the audit row. A repeated idempotency key
 * returns the existing demande; a likely duplicate is flagged, never refused.
 *
 * Two round trips (issue 20, docs/decisions/2026-12-06-demande-transaction.md):
 * one read (key already seen? else the next reference number and a possible
 * duplicate), then one `with … insert` statement. The email is rendered in
 * between, with no lock held. A concurrent post with the same key makes the
 * statement fail on the unique key, writing nothing: the winner is returned.
 */
export async function creerDemande(db: Db, d: DemandeValidee, o: OptionsCreation): Promise<DemandeCreee> {
  const maintenant = o.maintenant ?? new Date();
  const jour = jourParis(maintenant);
  const annee = anneeParis(maintenant);
  const publicUrl = o.publicUrl ?? config().publicUrl;

  const avant = await lectureAvantDepot(db, d);
  if (avant.deja) return avant.deja;

  // Routing, territory and relais contact: read once per territory change (`invalider('territoire')`).
  const { route, territoire, relais } = await routage(db, d.communeCode, jour);
  if (!territoire) throw new Error('Aucun territoire : la base n’est pas amorcée');
  const acteur = o.canal === 'en-ligne' ? 'famille' : 'staff';
  const transition = route ? 'deposer' : 'deposerHorsTerritoire';
  const etat = appliquer(transition, null, acteur);
  const reference = formaterReference(annee, avant.numero);
  const doublon = avant.doublon;
  const jeton = jetonAleatoire();
  const id = randomUUID();
  const lang = isLang(d.langueContact) ? d.langueContact : 'fr';

  const insertions: Insertion[] = [
    insertion(schema.demandes, [
      {
        id,
        reference,
        territoireId: territoire.id,
        relaisId: route?.relaisId ?? null,
        secteurId: route?.secteurId ?? null,
        communeCode: d.communeCode,
        communeHorsTerritoire: d.communeHorsTerritoire,
        etat,
        etatDepuis: maintenant,
        canal: o.canal,
        langue: d.langueContact,
        parents: d.parents,
        email: d.email,
        telephone: d.telephone,
        canalPrefere: d.canalPrefere,
        adresse: d.adresse,
        dateDebut: d.dateDebut,
        planning: d.planning,
        regularite: d.regularite,
        horairesAtypiques: d.horairesAtypiques,
        urgence: d.urgence,
        urgenceMotif: d.urgenceMotif,
        handicap: d.handicap,
        handicapPrecisions: d.handicapPrecisions,
        periscolaire: d.periscolaire,
        modesSouhaites: d.modesSouhaites,
        communesAcceptees: d.communesAcceptees,
        interpreteLangue: d.interpreteLangue,
        besoinsAccessibilite: d.besoinsAccessibilite,
        commentaire: d.commentaire,
        structureVueId: d.structureVueId,
        ageMoisAuDebut: ageMoisAuDebut(d.enfants, d.dateDebut),
        consentementContact: d.consentementContact,
        consentementPartage: d.consentementPartage,
        consentementSante: d.consentementSante,
        consentementLe: maintenant,
        suiviTokenHash: sha256(jeton),
        idempotencyKey: d.idempotencyKey,
        doublonPossibleDeId: doublon,
        creeParId: o.parUtilisateurId ?? null,
        creeLe: maintenant,
      },
    ]),
  ];
  if (d.enfants.length) {
    insertions.push(
      insertion(
        schema.enfants,
        d.enfants.map((x, i) => ({ demandeId: id, ordre: i, prenom: x.prenom, dateNaissance: x.dateNaissance, naissancePrevue: x.naissancePrevue })),
      ),
    );
  }
  insertions.push(
    insertion(schema.demandeHistorique, [
      {
        demandeId: id,
        le: maintenant,
        transition,
        de: null,
        vers: etat,
        parUtilisateurId: o.parUtilisateurId ?? null,
        parFamille: acteur === 'famille',
        motif: null,
        details: { canal: o.canal, langue: o.langue },
      },
    ]),
  );
  if (d.email) {
    const courriel = courrielConfirmation({
      demandeId: id,
      reference,
      email: d.email,
      langue: d.langueContact,
      jeton,
      publicUrl,
      relais,
      urgence: d.urgence,
      creeLe: maintenant,
      prenom: d.parents[0]?.prenom ?? '',
    });
    insertions.push(insertion(schema.courriels, [ligneCourriel(courriel)]));
  }
  // A family who chose SMS gets its follow-up link by SMS at once (nothing when it did not: that is the opt-out).
  const sms = ligneSms(
    { canalPrefere: d.canalPrefere, telephone: d.telephone, relaisId: route?.relaisId ?? null },
    {
      texte: traduire(lang, 'courriel.sms.lien', { prenom: d.parents[0]?.prenom ?? '', reference, lien: lienSuivi(publicUrl, lang, jeton) }),
      type: 'demande-lien',
      langue: lang,
      objetType: 'demande',
      objetId: id,
    },
  );
  if (sms) insertions.push(insertion(schema.sms, [sms]));
  insertions.push(
    insertion(schema.journalAudit, [
      ligneAudit(o.parUtilisateurId ? ({ id: o.parUtilisateurId } as Staff) : null, 'demande.creer', 'demande', id, { canal: o.canal }),
    ]),
  );

  // `with i0 as (insert demande …), i1 as (insert enfants …), … select 1`: all rows or none.
  try {
    await insererEnUneInstruction(db, insertions);
  } catch (err) {
    // A concurrent post with the same key won (unique key): nothing was written, return that demande.
    const gagnant = d.idempotencyKey ? await parCle(db, d.idempotencyKey) : null;
    if (gagnant) return gagnant;
    throw err;
  }
  return { id, reference, etat, creee: true, jetonSuivi: jeton, relaisId: route?.relaisId ?? null, doublonPossibleDeId: doublon };
}

/**
 * One round trip before filing: the demande already filed with this key, or
 * else the next reference number (drawn only then) and a possible duplicate.
 */
async function lectureAvantDepot(db: Db, d: DemandeValidee): Promise<{ deja: DemandeCreee | null; numero: number; doublon: string | null }> {
  const doublon = requeteDoublon(db, d);
  const [x] = rowsOf<{
    id: string | null;
    reference: string | null;
    etat: Etat | null;
    relais_id: string | null;
    doublon_possible_de_id: string | null;
    numero: string | number | null;
    doublon: string | null;
  }>(
    await db.execute(sql`
      select k.id, k.reference, k.etat, k.relais_id, k.doublon_possible_de_id,
        case when k.id is null then nextval('demande_reference_seq') end as numero,
        ${doublon ? sql`case when k.id is null then (${doublon.getSQL()}) end` : sql`null::uuid`} as doublon
      from (select 1) as un
      left join ${schema.demandes} as k on k.idempotency_key = ${d.idempotencyKey ?? null}`),
  );
  if (x?.id) {
    return {
      deja: {
        id: x.id,
        reference: x.reference!,
        etat: x.etat!,
        creee: false,
        jetonSuivi: null,
        relaisId: x.relais_id,
        doublonPossibleDeId: x.doublon_possible_de_id,
      },
      numero: 0,
      doublon: null,
    };
  }
  return { deja: null, numero: Number(x!.numero), doublon: x!.doublon ?? null };
}

/** Where a demande from this commune goes on this day, its territory and the relais' contact (cached per territory change). */
function routage(db: Db, communeCode: string | null, jour: string) {
  return memoiser(db, `routage:${communeCode ?? ''}:${jour}`, ['territoire'], async () => {
    const route = communeCode ? await relaisPourCommune(db, communeCode, jour) : null;
    const [territoire] = communeCode
      ? await db.select({ id: schema.communes.territoireId }).from(schema.communes).where(eq(schema.communes.code, communeCode))
      : await db.select({ id: schema.territoires.id }).from(schema.territoires).orderBy(asc(schema.territoires.creeLe)).limit(1);
    // Not kept when missing: the database may not be seeded yet.
    if (!territoire) throw new Error('Aucun territoire : la base n’est pas amorcée');
    const relais = route ? ((await db.select().from(schema.relais).where(eq(schema.relais.id, route.relaisId)))[0] ?? null) : null;
    return { route, territoire, relais };
  });
}

async function parCle(db: Db, cle: string): Promise<DemandeCreee | null> {
  const [x] = await db
    .select({
      id: schema.demandes.id,
      reference: schema.demandes.reference,
      etat: schema.demandes.etat,
      relaisId: schema.demandes.relaisId,
      doublon: schema.demandes.doublonPossibleDeId,
    })
    .from(schema.demandes)
    .where(eq(schema.demandes.idempotencyKey, cle));
  return x ? { id: x.id, reference: x.reference, etat: x.etat, creee: false, jetonSuivi: null, relaisId: x.relaisId, doublonPossibleDeId: x.doublon } : null;
}

/** An open demande for a child born (or expected) the same day, with the same email or phone (a query to embed, or null when nothing to compare). */
function requeteDoublon(db: Db, d: DemandeValidee) {
  const contacts = [d.email ? eq(schema.demandes.email, d.email) : undefined, d.telephone ? eq(schema.demandes.telephone, d.telephone) : undefined].filter(
    (x) => x !== undefined,
  );
  const dates = d.enfants.map((x) => x.dateNaissance ?? x.naissancePrevue).filter((x): x is string => !!x);
  if (!contacts.length || !dates.length) return null;
  return db
    .select({ id: schema.demandes.id })
    .from(schema.demandes)
    .innerJoin(schema.enfants, eq(schema.enfants.demandeId, schema.demandes.id))
    .where(
      and(
        or(...contacts),
        inArray(schema.demandes.etat, [...ETATS_OUVERTS]),
        or(inArray(schema.enfants.dateNaissance, dates), inArray(schema.enfants.naissancePrevue, dates)),
      ),
    )
    .orderBy(asc(schema.demandes.creeLe))
    .limit(1);
}

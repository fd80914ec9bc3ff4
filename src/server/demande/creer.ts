import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { anneeParis } from '../../domain/temps';
import { schema, rowsOf, type Db } from '../db';
import { config } from '../config';
import { jetonAleatoire, sha256 } from '../auth/tokens';
import { ligneAudit } from '../audit';
import { insererEnUneInstruction, insertion, type Insertion } from '../insertions';
import { regrouper } from '../regroupement';
import { fenetresLimite, lignesUsage, type Demandeur } from '../auth/limites';
import { limiteDepassee } from '../../domain/limites';
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

/** A family's own filing, counted against src/domain/limites.ts ('demande'). */
type AvecLimite = { limite: Demandeur };

/**
 * Files a validated demande in ONE statement (atomic by itself): routes it to
 * the relais of the family's commune on the filing date, gives it a
 * reference, writes its children, the history row, the confirmation email
 * (and SMS) in the outbox and the audit row. A repeated idempotency key
 * returns the existing demande; a likely duplicate is flagged, never refused.
 *
 * Two round trips (issue 20, docs/decisions/2026-12-06-depot-par-lots.md):
 * one read (key already seen? else the next reference number, a possible
 * duplicate and the rate-limit counts), then one `with … insert` statement.
 * Both are batched with the other filings waiting at the same moment
 * (src/server/regroupement.ts). The email is rendered in between, with no
 * lock held. A concurrent post with the same key makes the statement fail on
 * the unique key, writing nothing: the winner is returned.
 */
export async function creerDemande(db: Db, d: DemandeValidee, o: OptionsCreation): Promise<DemandeCreee> {
  const r = await deposer(db, d, o);
  if (r === 'limite') throw new Error('creerDemande : pas de limite sans demandeur');
  return r;
}

/**
 * The family's filing from the public form: as `creerDemande`, and refused
 * ('limite') when the address or the contact has filed too many lately. The
 * use is counted by the same statement that files the demande: a replay of a
 * post already filed neither counts nor is refused.
 */
export function deposerDemande(db: Db, d: DemandeValidee, o: OptionsCreation & AvecLimite): Promise<DemandeCreee | 'limite'> {
  return deposer(db, d, o);
}

async function deposer(db: Db, d: DemandeValidee, o: OptionsCreation & Partial<AvecLimite>): Promise<DemandeCreee | 'limite'> {
  const maintenant = o.maintenant ?? new Date();
  const jour = jourParis(maintenant);
  const annee = anneeParis(maintenant);
  const publicUrl = o.publicUrl ?? config().publicUrl;
  const fenetres = o.limite ? fenetresLimite('demande', o.limite, maintenant) : null;

  const avant = await lots(db).lire({ d, fenetres });
  if (avant.deja) return avant.deja;
  if (fenetres && limiteDepassee('demande', avant.parAdresse, avant.parCible)) return 'limite';

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

  if (o.limite) insertions.push(insertion(schema.tentativesConnexion, lignesUsage('demande', o.limite, maintenant)));

  // `with i0 as (insert demande …), i1 as (insert enfants …), … select 1`: all rows or none.
  const ecrit = await lots(db).ecrire(insertions);
  if (ecrit.erreur) {
    // A concurrent post with the same key won (unique key): nothing was written, return that demande.
    const gagnant = d.idempotencyKey ? await parCle(db, d.idempotencyKey) : null;
    if (gagnant) return gagnant;
    throw ecrit.erreur;
  }
  return { id, reference, etat, creee: true, jetonSuivi: jeton, relaisId: route?.relaisId ?? null, doublonPossibleDeId: doublon };
}

type Fenetres = ReturnType<typeof fenetresLimite>;
type Lecture = { deja: DemandeCreee | null; numero: number; doublon: string | null; parAdresse: number; parCible: number };

/**
 * One statement for every filing of a batch, before filing: for each, the
 * demande already filed with its key, or else the next reference number
 * (drawn only then) and a possible duplicate (an open demande for a child born
 * or expected the same day, with the same email or phone); and the uses
 * counted for the rate limit.
 */
const LECTURE = `
  select v.n, k.id, k.reference, k.etat, k.relais_id, k.doublon_possible_de_id,
    case when k.id is null then nextval('demande_reference_seq') end as numero,
    case when k.id is null and v.dates is not null and (v.email is not null or v.telephone is not null) then (
      select d.id from demandes d join enfants e on e.demande_id = d.id
      where (d.email = v.email or d.telephone = v.telephone)
        and d.etat in (${ETATS_OUVERTS.map((e) => `'${e}'`).join(', ')})
        and (e.date_naissance = any(v.dates) or e.naissance_prevue = any(v.dates))
      order by d.cree_le limit 1) end as doublon,
    case when v.cle_adresse is null then 0 else (select count(*)::int from tentatives_connexion t where t.cle = v.cle_adresse and t.le > v.depuis_adresse) end as par_adresse,
    case when v.cle_cible is null then 0 else (select count(*)::int from tentatives_connexion t where t.cle = v.cle_cible and t.le > v.depuis_cible) end as par_cible
  from json_to_recordset($1::json) as v(n int, cle text, email text, telephone text, dates date[],
    cle_adresse text, depuis_adresse timestamptz, cle_cible text, depuis_cible timestamptz)
  left join demandes k on k.idempotency_key = v.cle`;

type LigneLecture = {
  n: number;
  id: string | null;
  reference: string | null;
  etat: Etat | null;
  relais_id: string | null;
  doublon_possible_de_id: string | null;
  numero: string | number | null;
  doublon: string | null;
  par_adresse: number;
  par_cible: number;
};

async function lireLot(db: Db, lot: { d: DemandeValidee; fenetres: Fenetres | null }[]): Promise<Lecture[]> {
  const entrees = lot.map(({ d, fenetres }, n) => {
    const dates = d.enfants.map((x) => x.dateNaissance ?? x.naissancePrevue).filter((x): x is string => !!x);
    return {
      n,
      cle: d.idempotencyKey ?? null,
      email: d.email || null,
      telephone: d.telephone || null,
      dates: dates.length ? dates : null,
      cle_adresse: fenetres?.adresse?.cle ?? null,
      depuis_adresse: fenetres?.adresse?.depuis.toISOString() ?? null,
      cle_cible: fenetres?.cible?.cle ?? null,
      depuis_cible: fenetres?.cible?.depuis.toISOString() ?? null,
    };
  });
  const lignes = rowsOf<LigneLecture>(
    await db._.session.prepareQuery({ sql: LECTURE, params: [JSON.stringify(entrees)] }, undefined, undefined, false).execute(),
  );
  const parN = new Map(lignes.map((x) => [Number(x.n), x]));
  return lot.map((_, n) => {
    const x = parN.get(n)!;
    const comptes = { parAdresse: Number(x.par_adresse), parCible: Number(x.par_cible) };
    if (x.id) {
      const deja = {
        id: x.id,
        reference: x.reference!,
        etat: x.etat!,
        creee: false,
        jetonSuivi: null,
        relaisId: x.relais_id,
        doublonPossibleDeId: x.doublon_possible_de_id,
      };
      return { deja, numero: 0, doublon: null, ...comptes };
    }
    return { deja: null, numero: Number(x.numero), doublon: x.doublon ?? null, ...comptes };
  });
}

/**
 * One statement for the rows of every filing of a batch; if it fails (a key
 * posted twice at once, say), each filing is tried again alone, so that one
 * failure is only that filing's.
 */
async function ecrireLot(db: Db, lot: Insertion[][]): Promise<{ erreur?: unknown }[]> {
  try {
    await insererEnUneInstruction(db, lot.flat());
    return lot.map(() => ({}));
  } catch (err) {
    if (lot.length === 1) return [{ erreur: err }];
    return Promise.all(
      lot.map((insertions) =>
        insererEnUneInstruction(db, insertions).then(
          () => ({}),
          (erreur: unknown) => ({ erreur }),
        ),
      ),
    );
  }
}

/** Batches per database: one read and one write at a time, the next gathering meanwhile (measured better than two, docs/mesures.md). */
const parBase = new WeakMap<
  Db,
  { lire: (e: { d: DemandeValidee; fenetres: Fenetres | null }) => Promise<Lecture>; ecrire: (e: Insertion[]) => Promise<{ erreur?: unknown }> }
>();
function lots(db: Db) {
  let l = parBase.get(db);
  if (!l) {
    const o = { parallele: 1, taille: 50 };
    l = { lire: regrouper((lot) => lireLot(db, lot), o), ecrire: regrouper((lot) => ecrireLot(db, lot), o) };
    parBase.set(db, l);
  }
  return l;
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

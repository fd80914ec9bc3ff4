/**
 * The staff queue of demandes: the perimeter of the signed-in person, the
 * filters of the URL, counts per state and keyset pagination.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { debutJourParis, jourParis } from '../../domain/temps';
import { adhesionEnVigueur } from '../requetes/adhesions';
import { addDays } from 'date-fns';
import { schema, type DbOrTx } from '../db';
import { AccesRefuse } from '../auth/acces';
import type { Staff } from '../auth/staff';
import { ETATS, ETATS_OUVERTS, type Etat } from '../../domain/demande/etats';
import {
  badges,
  decoderCurseur,
  decoderDecalage,
  encoderCurseur,
  TAILLE_PAGE,
  termesRecherche,
  triParDate,
  type Badge,
  type Filtres,
} from '../../domain/demande/file';

const d = schema.demandes;
const r = schema.relais;

/** Who may open the queue at all: admin and animatrices (a commune viewer sees statistics only). */
export function exigerAccesFile(u: Staff | undefined): asserts u is Staff {
  if (!u || (u.role !== 'admin' && u.role !== 'animatrice')) throw new AccesRefuse();
}

/** SQL condition on demandes for what `u` may see (personal data rules of acces.ts). */
export function conditionPerimetre(u: Staff): SQL | undefined {
  exigerAccesFile(u);
  if (u.role === 'admin') return undefined;
  if (!u.relaisId) return sql`false`;
  if (!u.secteurId) return eq(d.relaisId, u.relaisId);
  return and(eq(d.relaisId, u.relaisId), or(isNull(d.secteurId), eq(d.secteurId, u.secteurId)));
}

const delaiSql = sql`case when ${d.urgence} then least(7, ${r.delaiPremierContactJours}) else ${r.delaiPremierContactJours} end`;
const suiviDuSql = sql<boolean>`exists (select 1 from relances rl where rl.demande_id = ${d.id} and rl.a_traiter_le is not null and rl.traitee_le is null)`;

function conditions(u: Staff, f: Filtres, maintenant: Date, avecEtat: boolean): SQL[] {
  const c: (SQL | undefined)[] = [conditionPerimetre(u)];
  if (f.relais && u.role === 'admin') c.push(eq(d.relaisId, f.relais));
  if (avecEtat && f.etat) c.push(eq(d.etat, f.etat));
  if (f.commune) c.push(eq(d.communeCode, f.commune));
  if (f.secteur) c.push(eq(d.secteurId, f.secteur));
  if (f.urgence) c.push(eq(d.urgence, true));
  if (f.handicap) c.push(eq(d.handicap, true));
  if (f.atypique) c.push(eq(d.horairesAtypiques, true));
  if (f.ageMin !== undefined) c.push(gte(d.ageMoisAuDebut, f.ageMin));
  if (f.ageMax !== undefined) c.push(lte(d.ageMoisAuDebut, f.ageMax));
  if (f.mode) c.push(sql`${d.modesSouhaites} @> array[${f.mode}]::text[]`);
  if (f.assignee === 'moi') c.push(eq(d.assigneeId, u.id));
  else if (f.assignee === 'personne') c.push(isNull(d.assigneeId));
  else if (f.assignee) c.push(eq(d.assigneeId, f.assignee));
  if (f.du) c.push(gte(d.creeLe, debutJourParis(f.du)));
  if (f.au) c.push(lt(d.creeLe, addDays(debutJourParis(f.au), 1)));
  const now = maintenant.toISOString();
  if (f.signal === 'nouvelle') c.push(eq(d.etat, 'nouvelle'), sql`${d.creeLe} >= ${now}::timestamptz - make_interval(days => ${delaiSql})`);
  if (f.signal === 'retard')
    c.push(isNull(d.premierContactLe), inArray(d.etat, [...ETATS_OUVERTS]), sql`${d.creeLe} < ${now}::timestamptz - make_interval(days => ${delaiSql})`);
  if (f.signal === 'suivi') c.push(suiviDuSql);
  if (f.q) c.push(conditionRecherche(f.q));
  return c.filter((x): x is SQL => !!x);
}

const ACCENTS = 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ';
const SANS_ACCENTS = 'aaaaaaceeeeiiiinooooouuuuyy';
const plie = (x: SQL | typeof d.reference) => sql`translate(lower(${x}), ${ACCENTS}, ${SANS_ACCENTS})`;
const contient = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const nomsSql = (i: 0 | 1) => {
  const p = sql`${d.parents}->${sql.raw(String(i))}`;
  return sql`concat_ws(' ', ${p}->>'prenom', ${p}->>'nom', ${p}->>'prenom')`;
};

/** A family's name (either parent), a reference, an e-mail address or a phone number (its last nine digits). */
function conditionRecherche(q: string): SQL {
  const { texte, chiffres } = termesRecherche(q);
  const ou: SQL[] = [
    // "Prénom nom prénom" of each parent: typed in either order.
    sql`${plie(sql`concat_ws(' | ', ${nomsSql(0)}, ${nomsSql(1)})`)} like ${contient(texte)}`,
    sql`lower(${d.reference}) like ${contient(texte)}`,
    sql`lower(coalesce(${d.email}, '')) like ${contient(texte)}`,
  ];
  if (chiffres) ou.push(sql`regexp_replace(coalesce(${d.telephone}, ''), '[^0-9]', '', 'g') like ${contient(chiffres)}`);
  return or(...ou)!;
}

/** Overdue first contact (the queue's most pressing signal). */
const enRetardSql = (maintenant: Date) =>
  sql`(${d.etat} = 'nouvelle' and ${d.creeLe} < ${maintenant.toISOString()}::timestamptz - make_interval(days => ${delaiSql}))`;

type LigneFile = {
  id: string;
  reference: string;
  creeLe: Date;
  etat: Etat;
  famille: string;
  communeNom: string | null;
  ageMois: number | null;
  modes: string[];
  assigneeNom: string | null;
  badges: Badge[];
};
type PageFile = { lignes: LigneFile[]; suivant: string | null; comptes: Record<Etat, number>; total: number };

/** One page of the queue (25 rows) after the cursor `f.apres`, with counts per state. */
export async function listerFile(db: DbOrTx, u: Staff, f: Filtres, maintenant = new Date()): Promise<PageFile> {
  const base = conditions(u, f, maintenant, true);
  const parDate = triParDate(f.tri);
  const curseur = parDate ? decoderCurseur(f.apres) : null;
  const decalage = parDate ? 0 : decoderDecalage(f.apres);
  const recent = f.tri !== 'ancien';
  if (curseur) {
    base.push(
      recent
        ? sql`(${d.creeLe}, ${d.id}) < (${curseur.creeLe.toISOString()}::timestamptz, ${curseur.id}::uuid)`
        : sql`(${d.creeLe}, ${d.id}) > (${curseur.creeLe.toISOString()}::timestamptz, ${curseur.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: d.id,
      reference: d.reference,
      creeLe: d.creeLe,
      premierContactLe: d.premierContactLe,
      doublonPossibleDeId: d.doublonPossibleDeId,
      etat: d.etat,
      parents: d.parents,
      urgence: d.urgence,
      handicap: d.handicap,
      horairesAtypiques: d.horairesAtypiques,
      ageMois: d.ageMoisAuDebut,
      modes: d.modesSouhaites,
      communeNom: schema.communes.nom,
      communeAutre: d.communeHorsTerritoire,
      assigneeNom: schema.utilisateurs.nom,
      delai: r.delaiPremierContactJours,
      suiviDu: suiviDuSql,
    })
    .from(d)
    .leftJoin(r, eq(r.id, d.relaisId))
    .leftJoin(schema.communes, eq(schema.communes.code, d.communeCode))
    .leftJoin(schema.utilisateurs, eq(schema.utilisateurs.id, d.assigneeId))
    .where(and(...base))
    .orderBy(...ordre(f.tri, maintenant))
    .limit(TAILLE_PAGE + 1)
    .offset(decalage);
  const page = rows.slice(0, TAILLE_PAGE);
  const dernier = page[page.length - 1];
  const comptesRows = await db
    .select({ etat: d.etat, n: sql<number>`count(*)::int` })
    .from(d)
    .leftJoin(r, eq(r.id, d.relaisId))
    .where(and(...conditions(u, f, maintenant, false)))
    .groupBy(d.etat);
  const comptes = Object.fromEntries(ETATS.map((e) => [e, 0])) as Record<Etat, number>;
  for (const c of comptesRows) comptes[c.etat] = Number(c.n);
  return {
    lignes: page.map((x) => ({
      id: x.id,
      reference: x.reference,
      creeLe: x.creeLe,
      etat: x.etat,
      famille: nomFamille(x.parents),
      communeNom: x.communeNom ?? x.communeAutre,
      ageMois: x.ageMois,
      modes: x.modes,
      assigneeNom: x.assigneeNom,
      badges: badges(
        {
          etat: x.etat,
          creeLe: x.creeLe,
          premierContactLe: x.premierContactLe,
          doublonPossibleDeId: x.doublonPossibleDeId,
          urgence: x.urgence,
          handicap: x.handicap,
          horairesAtypiques: x.horairesAtypiques,
          suiviDu: !!x.suiviDu,
        },
        x.delai ?? 15,
        maintenant,
      ),
    })),
    suivant:
      rows.length > TAILLE_PAGE && dernier ? (parDate ? encoderCurseur({ creeLe: dernier.creeLe, id: dernier.id }) : `p:${decalage + TAILLE_PAGE}`) : null,
    comptes,
    total: Object.values(comptes).reduce((a, b) => a + b, 0),
  };
}

function ordre(tri: Filtres['tri'], maintenant: Date): SQL[] {
  switch (tri) {
    case 'ancien':
      return [asc(d.creeLe), asc(d.id)];
    case 'urgence':
      return [sql`${enRetardSql(maintenant)} desc`, desc(d.urgence), asc(d.creeLe), asc(d.id)];
    case 'nom':
      return [
        sql`${plie(sql`${d.parents}->0->>'nom'`)} asc nulls last`,
        sql`${plie(sql`${d.parents}->0->>'prenom'`)} asc nulls last`,
        asc(d.creeLe),
        asc(d.id),
      ];
    case 'commune':
      return [sql`${plie(sql`coalesce(${schema.communes.nom}, ${d.communeHorsTerritoire})`)} asc nulls last`, asc(d.creeLe), asc(d.id)];
    default:
      return [desc(d.creeLe), desc(d.id)];
  }
}

type CompteursTableauDeBord = { nouvelles: number; retard: number; suivi: number; urgentes: number; aMoi: number; enCours: number };

/** The counts of the staff dashboard, in the person's perimeter. */
export async function compteursTableauDeBord(db: DbOrTx, u: Staff, maintenant = new Date()): Promise<CompteursTableauDeBord> {
  exigerAccesFile(u);
  const ouverts = inArray(d.etat, [...ETATS_OUVERTS]);
  const [row] = await db
    .select({
      nouvelles: sql<number>`count(*) filter (where ${d.etat} = 'nouvelle')::int`,
      retard: sql<number>`count(*) filter (where ${enRetardSql(maintenant)})::int`,
      suivi: sql<number>`count(*) filter (where ${suiviDuSql})::int`,
      urgentes: sql<number>`count(*) filter (where ${d.urgence} and ${ouverts})::int`,
      aMoi: sql<number>`count(*) filter (where ${d.assigneeId} = ${u.id} and ${ouverts})::int`,
      enCours: sql<number>`count(*) filter (where ${ouverts})::int`,
    })
    .from(d)
    .leftJoin(r, eq(r.id, d.relaisId))
    .where(and(...conditions(u, { tri: 'recent', urgence: false, handicap: false, atypique: false }, maintenant, false)));
  return {
    nouvelles: Number(row?.nouvelles ?? 0),
    retard: Number(row?.retard ?? 0),
    suivi: Number(row?.suivi ?? 0),
    urgentes: Number(row?.urgentes ?? 0),
    aMoi: Number(row?.aMoi ?? 0),
    enCours: Number(row?.enCours ?? 0),
  };
}

function nomFamille(parents: { prenom: string; nom: string }[] | null | undefined): string {
  const p = parents?.[0];
  if (!p) return '(anonymisée)';
  return `${p.prenom} ${p.nom}`.trim();
}

type OptionsFiltres = {
  relais: { id: string; nom: string }[];
  secteurs: { id: string; nom: string; relaisNom: string }[];
  communes: { code: string; nom: string }[];
  equipe: { id: string; nom: string }[];
};

/** The choices of the filter form, limited to the person's perimeter. */
export async function optionsFiltres(db: DbOrTx, u: Staff, maintenant = new Date()): Promise<OptionsFiltres> {
  exigerAccesFile(u);
  const relaisRows = await db
    .select({ id: r.id, nom: r.nom })
    .from(r)
    .where(u.role === 'admin' ? undefined : eq(r.id, u.relaisId ?? '00000000-0000-0000-0000-000000000000'))
    .orderBy(asc(r.nom));
  const ids = relaisRows.map((x) => x.id);
  if (!ids.length) return { relais: [], secteurs: [], communes: [], equipe: [] };
  const secteurs = await db
    .select({ id: schema.secteurs.id, nom: schema.secteurs.nom, relaisNom: r.nom })
    .from(schema.secteurs)
    .innerJoin(r, eq(r.id, schema.secteurs.relaisId))
    .where(and(inArray(schema.secteurs.relaisId, ids), u.secteurId ? eq(schema.secteurs.id, u.secteurId) : undefined))
    .orderBy(asc(schema.secteurs.nom));
  const jour = jourParis(maintenant);
  const a = schema.adhesions;
  const communes = await db
    .selectDistinct({ code: schema.communes.code, nom: schema.communes.nom })
    .from(a)
    .innerJoin(schema.communes, eq(schema.communes.code, a.communeCode))
    .where(and(inArray(a.relaisId, ids), adhesionEnVigueur(jour), u.secteurId ? eq(a.secteurId, u.secteurId) : undefined))
    .orderBy(asc(schema.communes.nom));
  const equipe = await equipeDe(db, ids);
  return { relais: relaisRows, secteurs, communes, equipe };
}

/** Staff who can be assigned a demande of these relais: their animatrices and the admins. */
export async function equipeDe(db: DbOrTx, relaisIds: string[]): Promise<{ id: string; nom: string }[]> {
  const ut = schema.utilisateurs;
  return db
    .select({ id: ut.id, nom: ut.nom })
    .from(ut)
    .where(
      and(
        eq(ut.actif, true),
        or(eq(ut.role, 'admin'), and(eq(ut.role, 'animatrice'), inArray(ut.relaisId, relaisIds.length ? relaisIds : ['00000000-0000-0000-0000-000000000000']))),
      ),
    )
    .orderBy(asc(ut.nom));
}

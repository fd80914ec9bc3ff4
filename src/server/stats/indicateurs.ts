/**
 * The indicators an RPE reports to the CAF and the EPCI (seed 003), computed
 * in SQL so that a year of 100,000 demandes stays well under a second.
 *
 * Definitions (also shown on the page):
 * - demandes: filed in the period (by filing date, in the portal's zone);
 * - délai de première réponse: filing → first contact, for demandes filed in
 *   the period that had one (in days);
 * - contacts (with families; professionals': src/server/contacts/indicateurs.ts), mises en relation, RDV: dated in the period, whatever the
 *   demande's filing date (a demande spanning two periods counts in each);
 * - solutions: demandes whose solution was found in the period, by kind;
 * - taux de contractualisation: among demandes filed in the period, share
 *   that reached « solution trouvée »;
 * - sans solution: demandes closed « sans solution » in the period.
 * A demande belongs to the relais (and sector) it was routed to when filed,
 * so a commune that changes relais during the year splits correctly.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../db';
import type { Periode } from '../../domain/stats/periode';
import { moisDe } from '../../domain/stats/periode';
import { jourParis } from '../../domain/temps';
import { debutJourSql, zoneSql } from '../requetes/temps-sql';
import { communesDuRelaisLe } from '../requetes/adhesions';
import { mediane, taux } from '../../domain/stats/calculs';

export type Perimetre =
  | { type: 'territoire' }
  | { type: 'relais'; relaisId: string }
  | { type: 'secteur'; relaisId: string; secteurId: string }
  | { type: 'commune'; communeCode: string };

/** Filter on a demandes alias `d`. */
function filtreDemandes(p: Perimetre): SQL {
  switch (p.type) {
    case 'territoire':
      return sql`true`;
    case 'relais':
      return sql`d.relais_id = ${p.relaisId}`;
    case 'secteur':
      return sql`d.relais_id = ${p.relaisId} and d.secteur_id = ${p.secteurId}`;
    case 'commune':
      return sql`d.commune_code = ${p.communeCode}`;
  }
}

/** Communes of the perimeter on a given day (for the offer side). */
function filtreCommunes(p: Perimetre, jour: string, col: SQL = sql`s.commune_code`): SQL {
  if (p.type === 'territoire') return sql`true`;
  if (p.type === 'commune') return sql`${col} = ${p.communeCode}`;
  return sql`${col} in ${communesDuRelaisLe(jour, p.relaisId, p.type === 'secteur' ? p.secteurId : null)}`;
}

type N = { n: number };
const nombre = (v: unknown) => Number(v ?? 0);

async function lignes<T>(db: Db, q: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(q));
}

export type Indicateurs = Awaited<ReturnType<typeof calculerIndicateurs>>;

export async function calculerIndicateurs(db: Db, o: { periode: Periode; perimetre: Perimetre; maintenant?: Date; seuilFraicheurJours?: number }) {
  const { periode, perimetre } = o;
  const maintenant = o.maintenant ?? new Date();
  const f = filtreDemandes(perimetre);
  const debut = debutJourSql(periode.debut);
  const fin = debutJourSql(periode.fin);
  const dansPeriode = (col: SQL) => sql`${col} >= ${debut} and ${col} < ${fin}`;

  const mois = sql`to_char(x.cree_le at time zone ${zoneSql()}, 'YYYY-MM')`;
  // One scan of the demandes filed in the period gives the totals, the
  // breakdowns, the first-answer delay and the monthly series (grouping sets).
  const deposees = lignes<Record<string, unknown>>(
    db,
    sql`
    select grouping(x.canal) as g_canal, grouping(x.mode) as g_mode, grouping(x.age) as g_age, grouping(${mois}) as g_mois,
      x.canal, x.mode, x.age, ${mois} as mois,
      count(*)::int as total,
      count(*) filter (where x.urgence)::int as urgence,
      count(*) filter (where x.handicap)::int as handicap,
      count(*) filter (where x.horaires_atypiques)::int as atypiques,
      count(*) filter (where x.periscolaire)::int as periscolaire,
      count(*) filter (where x.etat = 'solution-trouvee')::int as contractualisees,
      count(*) filter (where x.premier_contact_le is null and x.etat not in ('hors-territoire','abandonnee'))::int as sans_premier_contact,
      count(*) filter (where x.doublon_possible_de_id is not null)::int as doublons,
      avg(x.delai)::float8 as delai_moyen,
      count(x.delai)::int as contactees
    from (
      select d.canal::text as canal, coalesce(d.modes_souhaites[1], 'non-precise') as mode,
        case when d.age_mois_au_debut is null then 'inconnu'
          when d.age_mois_au_debut < 0 then 'a-naitre'
          when d.age_mois_au_debut < 12 then 'moins-1-an'
          when d.age_mois_au_debut < 24 then '1-2-ans'
          when d.age_mois_au_debut < 36 then '2-3-ans'
          else '3-ans-et-plus' end as age,
        d.cree_le, d.urgence, d.handicap, d.horaires_atypiques, d.periscolaire, d.etat, d.premier_contact_le, d.doublon_possible_de_id,
        extract(epoch from d.premier_contact_le - d.cree_le) / 86400 as delai
      from demandes d where ${f} and ${dansPeriode(sql`d.cree_le`)}) x
    group by grouping sets ((), (x.canal), (x.mode), (x.age), (${mois}))`,
  );
  // Over the whole territory no join is needed: contacts are filtered by date alone.
  const jointure = perimetre.type === 'territoire' ? sql`` : sql` join demandes d on d.id = c.demande_id and ${f}`;
  const moisContact = sql`to_char(date_trunc('month', c.le, ${zoneSql()}) at time zone ${zoneSql()}, 'YYYY-MM')`;
  const contactsQ = lignes<{ canal: string | null; mois: string | null; n: number }>(
    db,
    sql`
    select c.canal::text as canal, ${moisContact} as mois, count(*)::int as n
    from contacts c${jointure} where c.public = 'famille' and ${dansPeriode(sql`c.le`)}
    group by grouping sets ((c.canal), (date_trunc('month', c.le, ${zoneSql()})))`,
  );
  // One scan for what happened to demandes in the period, whenever they were filed.
  const issues = lignes<{
    type: string | null;
    mois: string | null;
    solutions: number;
    sans_solution: number;
    en_attente: number;
    g_type: number;
    g_mois: number;
  }>(
    db,
    sql`
    select grouping(y.type) as g_type, grouping(y.mois) as g_mois, y.type, y.mois,
      count(*) filter (where y.solution)::int as solutions,
      count(*) filter (where y.sans_solution)::int as sans_solution,
      count(*) filter (where y.en_attente)::int as en_attente
    from (
      select coalesce(d.type_solution::text, 'autre') as type,
        to_char(d.solution_le at time zone ${zoneSql()}, 'YYYY-MM') as mois,
        (d.etat = 'solution-trouvee' and ${dansPeriode(sql`d.solution_le`)}) as solution,
        (d.etat = 'sans-solution' and ${dansPeriode(sql`d.cloture_le`)}) as sans_solution,
        (d.cree_le < ${fin} and (d.cloture_le is null or d.cloture_le >= ${fin}) and d.etat <> 'hors-territoire') as en_attente
      from demandes d where ${f} and d.cree_le < ${fin}
        and (d.cloture_le is null or d.cloture_le >= ${debut} or d.solution_le >= ${debut})) y
    group by grouping sets ((), (y.type), (y.mois))`,
  );
  // The exact median needs a sort: only over the period's contacted demandes.
  const medianeQ = lignes<{ mediane: number | null }>(
    db,
    sql`
    select percentile_cont(0.5) within group (order by extract(epoch from d.premier_contact_le - d.cree_le) / 86400)::float8 as mediane
    from demandes d where ${f} and ${dansPeriode(sql`d.cree_le`)} and d.premier_contact_le is not null`,
  );
  const merQ = lignes<N>(
    db,
    sql`
    select count(*)::int as n from mises_en_relation m join demandes d on d.id = m.demande_id where ${f} and ${dansPeriode(sql`m.le`)}`,
  );
  const suivisQ = lignes<{ cle: string; n: number }>(
    db,
    sql`
    select coalesce(r.reponse, 'sans-reponse') as cle, count(*)::int as n from relances r join demandes d on d.id = r.demande_id
    where ${f} and r.type = 'suivi' and ${dansPeriode(sql`r.envoyee_le`)} group by 1 order by 2 desc`,
  );
  const [dep, cont, iss, merR, suivis, rdv, med] = await Promise.all([
    deposees,
    contactsQ,
    issues,
    merQ,
    suivisQ,
    statistiquesRdv(db, f, dansPeriode),
    medianeQ,
  ]);

  const resume = dep.find((r) => nombre(r.g_canal) && nombre(r.g_mode) && nombre(r.g_age) && nombre(r.g_mois));
  const total = nombre(resume?.total);
  const repartition = (g: string, col: string) =>
    dep
      .filter((r) => !nombre(r[g]) && r[col] !== null)
      .map((r) => ({ cle: String(r[col]), n: nombre(r.total) }))
      .sort((a, b) => b.n - a.n || a.cle.localeCompare(b.cle));
  const parCanal = repartition('g_canal', 'canal');
  const parMode = repartition('g_mode', 'mode');
  const parAge = repartition('g_age', 'age').sort((a, b) => a.cle.localeCompare(b.cle));
  const contacts = cont
    .filter((r) => r.canal !== null)
    .map((r) => ({ cle: r.canal!, n: nombre(r.n) }))
    .sort((a, b) => b.n - a.n);
  const contactsParMois = new Map(cont.filter((r) => r.mois !== null).map((r) => [r.mois!, nombre(r.n)]));
  const issuesTotal = iss.find((r) => nombre(r.g_type) && nombre(r.g_mois));
  const solutions = iss
    .filter((r) => !nombre(r.g_type) && nombre(r.solutions) > 0)
    .map((r) => ({ cle: r.type!, n: nombre(r.solutions) }))
    .sort((a, b) => b.n - a.n);
  const solutionsParMois = new Map(iss.filter((r) => !nombre(r.g_mois) && r.mois !== null).map((r) => [r.mois!, nombre(r.solutions)]));
  const deposeesParMois = new Map(dep.filter((r) => !nombre(r.g_mois) && r.mois !== null).map((r) => [String(r.mois), r]));
  const parMois = moisDe(periode).map(({ cle }) => {
    const r = deposeesParMois.get(cle);
    return {
      mois: cle,
      deposees: nombre(r?.total),
      contacts: contactsParMois.get(cle) ?? 0,
      solutions: solutionsParMois.get(cle) ?? 0,
      delaiMoyenJours: (r?.delai_moyen as number | null | undefined) ?? null,
    };
  });
  const delai = { moyenne: (resume?.delai_moyen as number | null) ?? null, mediane: med[0]?.mediane ?? null, n: nombre(resume?.contactees) };
  const mer = merR[0];
  const sansSolution = { n: nombre(issuesTotal?.sans_solution) };
  const enAttente = { n: nombre(issuesTotal?.en_attente) };

  const fraicheur = await fraicheurAm(db, perimetre, maintenant, o.seuilFraicheurJours ?? 60);

  const somme = (xs: { n: number }[]) => xs.reduce((s, x) => s + nombre(x.n), 0);
  return {
    periode,
    perimetre,
    demandes: {
      total,
      urgence: nombre(resume?.urgence),
      handicap: nombre(resume?.handicap),
      atypiques: nombre(resume?.atypiques),
      periscolaire: nombre(resume?.periscolaire),
      doublons: nombre(resume?.doublons),
      sansPremierContact: nombre(resume?.sans_premier_contact),
      parCanal,
      parMode,
      parAge,
    },
    delaiPremiereReponse: { moyenneJours: delai?.moyenne ?? null, medianeJours: delai?.mediane ?? null, demandesContactees: nombre(delai?.n) },
    contacts: { total: somme(contacts), parCanal: contacts },
    misesEnRelation: nombre(mer?.n),
    solutions: { total: somme(solutions), parType: solutions },
    tauxContractualisation: taux(nombre(resume?.contractualisees), total),
    sansSolution: nombre(sansSolution?.n),
    enAttenteFinPeriode: nombre(enAttente?.n),
    suivis: { total: somme(suivis), parReponse: suivis },
    rdv,
    parMois,
    fraicheur,
  };
}

/** RDV figures, when the RDV area's table exists. */
async function statistiquesRdv(db: Db, f: SQL, dansPeriode: (c: SQL) => SQL) {
  const existe = await lignes<{ t: string | null }>(db, sql`select to_regclass('public.rdvs')::text as t`);
  if (!existe[0]?.t) return null;
  const [r] = await lignes<Record<string, unknown>>(
    db,
    sql`
    select count(*)::int as reserves,
      count(*) filter (where r.statut = 'honore')::int as honores,
      count(*) filter (where r.statut = 'absent')::int as absents,
      count(*) filter (where r.statut = 'excuse')::int as excuses,
      count(*) filter (where r.statut = 'annule')::int as annules
    from rdvs r left join demandes d on d.id = r.demande_id
    where (r.demande_id is null or ${f}) and ${dansPeriode(sql`r.debut`)}`,
  );
  const honores = nombre(r?.honores);
  const absents = nombre(r?.absents);
  return {
    reserves: nombre(r?.reserves),
    honores,
    absents,
    excuses: nombre(r?.excuses),
    annules: nombre(r?.annules),
    tauxAbsence: taux(absents, honores + absents),
  };
}

/** Share of active AM of the perimeter whose availability was confirmed within the threshold. */
async function fraicheurAm(db: Db, p: Perimetre, maintenant: Date, seuilJours: number) {
  const jour = jourParis(maintenant);
  const depuis = new Date(maintenant.getTime() - seuilJours * 86400_000).toISOString();
  const [r] = await lignes<{ actifs: number; frais: number; disponibles: number }>(
    db,
    sql`
    select count(*)::int as actifs,
      count(*) filter (where s.dispo_confirmee_le >= ${depuis})::int as frais,
      count(*) filter (where s.dispo_confirmee_le >= ${depuis} and s.dispo_statut = 'places')::int as disponibles
    from structures s where s.type = 'assistant-maternel' and s.actif and ${filtreCommunes(p, jour)}`,
  );
  return {
    amActifs: nombre(r?.actifs),
    amConfirmees: nombre(r?.frais),
    amDisponibles: nombre(r?.disponibles),
    taux: taux(nombre(r?.frais), nombre(r?.actifs)),
    seuilJours,
  };
}

/** Unmet demand by commune: demandes waiting or closed without solution vs fresh available places. */
export async function demandeNonSatisfaiteParCommune(db: Db, o: { periode: Periode; perimetre: Perimetre; maintenant?: Date; seuilFraicheurJours?: number }) {
  const maintenant = o.maintenant ?? new Date();
  const f = filtreDemandes(o.perimetre);
  const fin = debutJourSql(o.periode.fin);
  const debut = debutJourSql(o.periode.debut);
  const jour = jourParis(maintenant);
  const depuis = new Date(maintenant.getTime() - (o.seuilFraicheurJours ?? 60) * 86400_000).toISOString();
  const rows = await lignes<{ code: string; nom: string; population: number; deposees: number; non_satisfaites: number; places: number }>(
    db,
    sql`
    with dem as (
      select d.commune_code as code, count(*) filter (where d.cree_le >= ${debut})::int as deposees,
        count(*) filter (where (d.etat = 'sans-solution' and d.cloture_le >= ${debut} and d.cloture_le < ${fin})
          or (d.cree_le < ${fin} and (d.cloture_le is null or d.cloture_le >= ${fin}) and d.etat not in ('hors-territoire')))::int as non_satisfaites
      from demandes d where ${f} and d.cree_le < ${fin} and d.commune_code is not null group by 1),
    pl as (
      select s.commune_code as code, coalesce(sum(p.nombre), 0)::int as places
      from structures s join places_disponibles p on p.structure_id = s.id
      where s.actif and s.visible and s.dispo_statut = 'places' and s.dispo_confirmee_le >= ${depuis} and p.a_partir_du <= ${jour}
      group by 1)
    select c.code, c.nom, coalesce(c.population, 0)::int as population, coalesce(dem.deposees, 0)::int as deposees,
      coalesce(dem.non_satisfaites, 0)::int as non_satisfaites, coalesce(pl.places, 0)::int as places
    from communes c left join dem on dem.code = c.code left join pl on pl.code = c.code
    where ${filtreCommunes(o.perimetre, jour, sql`c.code`)}
    order by non_satisfaites desc, c.nom`,
  );
  return rows.map((r) => ({
    code: r.code,
    nom: r.nom,
    population: nombre(r.population),
    deposees: nombre(r.deposees),
    nonSatisfaites: nombre(r.non_satisfaites),
    placesDisponibles: nombre(r.places),
    ecart: nombre(r.non_satisfaites) - nombre(r.places),
  }));
}

export { mediane };

/**
 * Open data: monthly counts per commune, aggregated and with small counts
 * suppressed (< 5) so that no family and no assistant maternel can be
 * identified. Licence Ouverte 2.0.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db';
import { secretiser, taux } from '../../domain/stats/calculs';
import { moisParis } from '../../domain/temps';
import { zoneSql } from '../requetes/temps-sql';

type LigneOuverte = {
  commune_code: string;
  commune_nom: string;
  mois: string;
  demandes_deposees: number | null;
  places_agreees: number;
  places_disponibles: number | null;
  am_actifs: number | null;
  am_disponibilite_a_jour_pct: number | null;
};

export const CHAMPS_OUVERTS: { nom: keyof LigneOuverte; description: string }[] = [
  { nom: 'commune_code', description: 'Code INSEE de la commune' },
  { nom: 'commune_nom', description: 'Nom de la commune' },
  { nom: 'mois', description: 'Mois (AAAA-MM), heure de Paris' },
  { nom: 'demandes_deposees', description: 'Demandes de mode d’accueil déposées dans le mois par des familles de la commune (vide si entre 1 et 4)' },
  {
    nom: 'places_agreees',
    description: 'Capacité d’accueil du jeune enfant (crèches, micro-crèches, MAM, assistants maternels actifs) à la date de publication',
  },
  {
    nom: 'places_disponibles',
    description:
      'Places libres selon la dernière déclaration faite avant la fin du mois, si elle date de moins de 60 jours (historique des disponibilités ; vide si entre 1 et 4)',
  },
  {
    nom: 'am_actifs',
    description:
      'Assistants maternels actifs connus à la fin du mois (première trace dans l’historique des disponibilités, ou date de création de la fiche pour une fiche importée ; vide si entre 1 et 4)',
  },
  {
    nom: 'am_disponibilite_a_jour_pct',
    description:
      'Part des assistants maternels actifs ayant confirmé leurs disponibilités dans les 60 jours précédant la fin du mois (vide si moins de 5 assistants maternels)',
  },
];

/** The last `nbMois` complete months before `maintenant`. */
export async function donneesOuvertes(db: Db, o: { maintenant?: Date; nbMois?: number; seuilFraicheurJours?: number } = {}): Promise<LigneOuverte[]> {
  const maintenant = o.maintenant ?? new Date();
  const nb = o.nbMois ?? 12;
  const [an, mois] = moisParis(maintenant).split('-').map(Number) as [number, number];
  const fin = new Date(Date.UTC(an, mois - 1, 1));
  const debut = new Date(Date.UTC(fin.getUTCFullYear(), fin.getUTCMonth() - nb, 1));
  const seuil = o.seuilFraicheurJours ?? 60;
  const jour = (d: Date) => d.toISOString().slice(0, 10);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
    with mois as (
      select generate_series(${jour(debut)}::date, (${jour(fin)}::date - interval '1 month'), interval '1 month')::date as m),
    bornes as (select m, (m::timestamp at time zone ${zoneSql()}) as d, ((m + interval '1 month')::timestamp at time zone ${zoneSql()}) as f from mois),
    dem as (
      select d.commune_code as code, b.m, count(*)::int as n from demandes d join bornes b on d.cree_le >= b.d and d.cree_le < b.f
      where d.commune_code is not null group by 1, 2),
    cap as (
      select s.commune_code as code, sum(s.capacite)::int as places from structures s
      where s.actif and s.type in ('creche', 'micro-creche', 'mam', 'assistant-maternel') group by 1),
    -- An AM exists from her first trace: her availability history, or her creation (an import) when earlier or alone.
    debuts as (
      select s.id, s.commune_code as code,
        least(s.cree_le, (select min(h.le) from dispo_historique h where h.structure_id = s.id)) as depuis
      from structures s where s.type = 'assistant-maternel' and s.actif),
    am as (
      select a.code, b.m, count(*)::int as actifs,
        count(*) filter (where exists (select 1 from dispo_historique h where h.structure_id = a.id and h.le < b.f and h.le >= b.f - make_interval(days => ${seuil})))::int as frais
      from debuts a cross join bornes b where a.depuis < b.f group by 1, 2),
    -- Free places at the end of each month: the last declaration before it, if recent and « places »
    -- (its number from the declaration itself; the current list for declarations that did not record it).
    derniere as (
      select s.id, s.commune_code as code, b.m, b.f, h.statut, h.le, h.details
      from structures s cross join bornes b
      join lateral (select x.statut, x.le, x.details from dispo_historique x where x.structure_id = s.id and x.le < b.f order by x.le desc limit 1) h on true
      where s.actif and s.visible),
    dispo as (
      select d.code, d.m, sum(coalesce(
        (select sum((p->>'nombre')::int) from jsonb_array_elements(case when jsonb_typeof(d.details->'places') = 'array' then d.details->'places' else '[]'::jsonb end) p),
        (select sum(pd.nombre) from places_disponibles pd where pd.structure_id = d.id), 0))::int as n
      from derniere d where d.statut = 'places' and d.le >= d.f - make_interval(days => ${seuil}) group by 1, 2)
    select c.code, c.nom, to_char(b.m, 'YYYY-MM') as mois, coalesce(dem.n, 0) as demandes, coalesce(cap.places, 0) as places,
      coalesce(dispo.n, 0) as disponibles, coalesce(am.actifs, 0) as actifs, coalesce(am.frais, 0) as frais
    from communes c cross join bornes b
    left join dem on dem.code = c.code and dem.m = b.m
    left join cap on cap.code = c.code
    left join am on am.code = c.code and am.m = b.m
    left join dispo on dispo.code = c.code and dispo.m = b.m
    order by c.code, b.m`),
  );
  return rows.map((r) => {
    const actifs = Number(r.actifs);
    return {
      commune_code: String(r.code),
      commune_nom: String(r.nom),
      mois: String(r.mois),
      demandes_deposees: secretiser(Number(r.demandes)),
      places_agreees: Number(r.places),
      places_disponibles: secretiser(Number(r.disponibles)),
      am_actifs: secretiser(actifs),
      am_disponibilite_a_jour_pct: actifs >= 5 ? taux(Number(r.frais), actifs) : null,
    };
  });
}

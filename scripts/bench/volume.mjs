// Bulk demo volume for benchmarks: N demandes spread over the communes of the
// seeded territory and over the last 18 months, with contacts and history.
// Usage from another bench script: await genererDemandes(postgresSql, 100_000).
export async function genererDemandes(sql, n) {
  await sql`
    with a as (select row_number() over (order by commune_code) as rn, commune_code, relais_id, secteur_id from adhesions where fin is null),
    c as (select count(*) as n from a)
    insert into demandes (reference, territoire_id, relais_id, secteur_id, commune_code, etat, etat_depuis, date_debut, cree_le, premier_contact_le,
      canal, modes_souhaites, age_mois_au_debut, urgence, handicap, horaires_atypiques, email, solution_le, type_solution, cloture_le)
    select 'D-V-' || g, (select id from territoires limit 1), a.relais_id, a.secteur_id, a.commune_code,
      (array['nouvelle','en-cours','solution-proposee','mise-en-relation','solution-trouvee','sans-solution','abandonnee','en-cours'])[1 + g % 8]::etat_demande,
      now(), (now() + interval '90 days')::date,
      now() - (g % 540) * interval '1 day' - (g % 24) * interval '1 hour',
      case when g % 8 = 0 then null else now() - (g % 540) * interval '1 day' + (g % 9) * interval '1 day' end,
      (array['en-ligne','telephone','accueil-physique','mail','partenaire'])[1 + g % 5]::canal_demande,
      array[(array['collectif','assistant-maternel','mam','garde-a-domicile'])[1 + g % 4]],
      (g % 40) - 3, g % 11 = 0, g % 23 = 0, g % 13 = 0, 'famille' || g || '@exemple.fr',
      case when g % 8 = 4 then now() - (g % 540) * interval '1 day' + interval '40 days' end,
      case when g % 8 = 4 then (array['eaje','am','mam','micro-creche'])[1 + g % 4]::type_solution end,
      case when g % 8 in (4, 5, 6) then now() - (g % 540) * interval '1 day' + interval '40 days' end
    from generate_series(1, ${n}) g join a on a.rn = 1 + g % (select n from c)`;
  await sql`
    insert into contacts (demande_id, le, canal)
    select d.id, d.premier_contact_le + k * interval '12 days', (array['telephone','email','accueil-physique','rdv'])[1 + k % 4]::canal_contact
    from demandes d cross join generate_series(0, 1) k where d.reference like 'D-V-%' and d.premier_contact_le is not null`;
  await sql`analyze`;
}

// Benchmark: the annual activity report (/admin/statistiques/rapport, families
// and professionals together) for a year with 1,000 assistants maternels,
// 480 atelier sessions, 5,000 sign-ups with attendance and 6 analyse-de-la-
// pratique groups, on PostgreSQL. The ratio is the report's p50 with that
// year of professionals' data over its p50 on the demo data alone, measured
// in the same run (issue 18). Needs PostgreSQL (BENCH_DATABASE_URL).
import postgres from 'postgres';
import { charge, demarrerPortail, ratio } from './lib.mjs';

const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const nom = `gpe_bench_rapport_${process.pid}`;
const a = postgres(admin, { max: 1, onnotice: () => {} });
await a.unsafe(`create database ${nom}`);
const url = admin.replace(/\/[^/?]*(\?|$)/, `/${nom}$1`);
const AM = 1000;
const INSCRIPTIONS = 5000;
const SEANCES = 480; // 40 monthly ateliers
const p = await demarrerPortail({ DATABASE_URL: url, DEMO_PASSWORD: 'bench-password', NODE_ENV: 'development' });

async function genererAnnee(sql, annee) {
  await sql`
    insert into structures (type, nom, prenom, nom_famille, commune_code, lat, lon, lat_publique, lon_publique, capacite, agrement, actif)
    select 'assistant-maternel', 'AM ' || k, 'Prénom' || k, 'Nom' || k, c.commune_code, 50.5, 2.5, 50.5, 2.5, 4, 'BENCH-' || lpad(k::text, 5, '0'), true
    from generate_series(0, ${AM - 1}) k
    join (select commune_code, row_number() over (order by commune_code) - 1 as n, count(*) over () as total from adhesions where fin is null) c on c.n = k % c.total`;
  const lieux = await sql`select id, relais_id from lieux order by nom`;
  for (let i = 0; i < SEANCES / 12; i++) {
    const l = lieux[i % lieux.length];
    const [at] = await sql`
      insert into ateliers (relais_id, lieu_id, theme, places_pro, places_enfants, reglement, frequence)
      values (${l.relais_id}, ${l.id}, ${'Atelier bench ' + i}, 15, 45, 'Règlement', 'mensuelle') returning id`;
    await sql`
      insert into seances_atelier (atelier_id, debut, fin, places_pro, places_enfants)
      select ${at.id}, make_timestamptz(${annee}, m, 3 + ${i} % 20, 9, 15, 0, 'Europe/Paris'), make_timestamptz(${annee}, m, 3 + ${i} % 20, 11, 30, 0, 'Europe/Paris'), 15, 45
      from generate_series(1, 12) m`;
  }
  await sql`
    with s as (select s.id, row_number() over (order by s.debut, s.id) - 1 as n from seances_atelier s join ateliers a on a.id = s.atelier_id where a.theme like 'Atelier bench %'),
         am as (select id, row_number() over (order by agrement) - 1 as n from structures where agrement like 'BENCH-%')
    insert into inscriptions_atelier (seance_id, structure_id, enfants, statut, reglement_accepte_le, presence, enfants_presents)
    select s.id, am.id, 1 + k % 3, 'inscrite', now(), case when k % 5 = 0 then 'absent' else 'present' end, case when k % 5 = 0 then 0 else 1 + k % 3 end
    from generate_series(0, ${INSCRIPTIONS - 1}) k join s on s.n = k % ${SEANCES} join am on am.n = (k * 7) % ${AM}`;
  await sql`
    update seances_atelier x set pris_pro = c.n, pris_enfants = c.e
    from (select seance_id, count(*)::int as n, sum(enfants)::int as e from inscriptions_atelier where statut = 'inscrite' group by seance_id) c where c.seance_id = x.id`;
  const relais = await sql`select id from relais order by nom`;
  for (let g = 0; g < 6; g++) {
    const r = relais[g % relais.length];
    const [grp] = await sql`
      insert into groupes_analyse_pratique (relais_id, nom, intervenant_nom, intervenant_qualite, annee, membres)
      values (${r.id}, ${'Groupe bench ' + g}, 'Intervenant', 'Psychologue', ${annee}, 15) returning id`;
    await sql`
      insert into volontaires_analyse_pratique (relais_id, structure_id, annee, groupe_id)
      select ${r.id}, id, ${annee}, ${grp.id} from structures where agrement like 'BENCH-%' order by agrement offset ${g * 15} limit 15`;
    await sql`
      insert into seances_analyse_pratique (groupe_id, jour, debut, fin)
      select ${grp.id}, make_date(${annee}, m * 2 - 1, 12), make_timestamptz(${annee}, m * 2 - 1, 12, 18, 30, 0, 'Europe/Paris'), make_timestamptz(${annee}, m * 2 - 1, 12, 20, 30, 0, 'Europe/Paris')
      from generate_series(1, 6) m`;
    await sql`
      insert into presences_analyse_pratique (seance_id, structure_id)
      select s.id, v.structure_id from seances_analyse_pratique s join volontaires_analyse_pratique v on v.groupe_id = s.groupe_id where s.groupe_id = ${grp.id}`;
  }
}

try {
  const login = await fetch(p.url + '/admin/connexion', {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: p.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'email=admin%40exemple.fr&motDePasse=bench-password',
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  // Last full year: every session and every analyse-de-la-pratique session is past.
  const annee = new Date().getFullYear() - 1;
  const cible = `${p.url}/admin/statistiques/rapport?annee=${annee}&perimetre=territoire`;
  const avant = await charge(cible, { headers: { cookie }, connections: 1, amount: 40 });
  console.log(`activity report ${annee}, whole territory, demo data only: p50 ${avant.p50} ms, p99 ${avant.p99} ms, errors ${avant.erreurs}`);
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const t0 = Date.now();
  await genererAnnee(sql, annee);
  await sql`analyze`;
  await sql.end();
  console.log(`generated ${AM} AM, ${SEANCES} sessions, ${INSCRIPTIONS} sign-ups, 6 groups in ${Date.now() - t0} ms`);
  const html = await (await fetch(cible, { headers: { cookie } })).text();
  const presences = /data-indicateur="ateliers\.presences"[^>]*>\s*<th[^>]*>[^<]*<\/th>\s*<td>(\d+)/.exec(html)?.[1];
  console.log(`  the report counts ${presences} atelier attendances`);
  const apres = await charge(cible, { headers: { cookie }, connections: 1, amount: 40 });
  console.log(`activity report ${annee} with that year: p50 ${apres.p50} ms, p99 ${apres.p99} ms, errors ${apres.erreurs}`);
  ratio(
    'rapport d’activité : p50 avec 5 000 inscriptions / p50 démo seule',
    apres.p50 / Math.max(1, avant.p50),
    2,
    '<=',
    `${apres.p50} ms contre ${avant.p50} ms`,
  );
} finally {
  await p.stop();
  await a.unsafe(`drop database if exists ${nom} with (force)`);
  await a.end();
}

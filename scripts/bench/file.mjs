// Back-office queue benchmark: /admin/demandes p50/p99 with 100,000 demandes
// on PostgreSQL. Creates a throw-away database, starts the built portal on it,
// adds 100,000 demandes with one INSERT … SELECT, signs in as an animatrice
// (sector Est) and as an admin, then loads the queue with several filters.
// Usage: node scripts/bench/file.mjs   (BENCH_PG=postgres://postgres@127.0.0.1:5432/postgres, BENCH_N=100000)
import postgres from 'postgres';
import { hash } from '@node-rs/argon2';
import { charge, demarrerPortail } from './lib.mjs';

const PG = process.env.BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const N = Number(process.env.BENCH_N ?? 100_000);
const nom = `gpe_bench_file_${process.pid}`;
const admin = postgres(PG, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${nom}`);
const url = PG.replace(/\/[^/?]*(\?|$)/, `/${nom}$1`);
const sqlc = postgres(url, { max: 2, onnotice: () => {} });
let portail;
try {
  portail = await demarrerPortail({ DATABASE_URL: url, DATABASE_POOL_MAX: '10' });
  const t0 = Date.now();
  await sqlc.unsafe(`
    with rel as (select relais_id, secteur_id, commune_code, row_number() over (order by commune_code, debut) as rn from adhesions where fin is null),
    c as (select count(*) as n from rel),
    terr as (select id from territoires limit 1)
    insert into demandes (reference, territoire_id, relais_id, secteur_id, commune_code, etat, etat_depuis, canal, langue, parents, email, telephone,
      date_debut, planning, horaires_atypiques, urgence, handicap, modes_souhaites, age_mois_au_debut, consentement_contact, cree_le, premier_contact_le, type_solution, cloture_le)
    select 'B-' || g, (select id from terr), r.relais_id, r.secteur_id, r.commune_code,
      (array['nouvelle','en-cours','solution-proposee','mise-en-relation','solution-trouvee','sans-solution','abandonnee','en-cours'])[1 + (g * 7919 % 8)]::etat_demande,
      now() - ((g % 730) || ' days')::interval, 'en-ligne', 'fr',
      jsonb_build_array(jsonb_build_object('prenom', 'Parent' || g, 'nom', 'Banc' || (g % 997))), 'banc' || g || '@exemple.fr', '0600000000',
      (current_date + (g % 200))::date, '[{"jour":1,"debut":"08:00","fin":"17:30"},{"jour":2,"debut":"08:00","fin":"17:30"}]'::jsonb,
      g % 11 = 0, g % 9 = 0, g % 31 = 0,
      case g % 4 when 0 then array['assistant-maternel','collectif'] when 1 then array['collectif'] when 2 then array['mam','assistant-maternel'] else array['garde-a-domicile'] end,
      g % 36, true, now() - ((g % 730) || ' days')::interval - ((g % 86400) || ' seconds')::interval,
      case when g * 7919 % 8 = 0 then null else now() - ((g % 730) || ' days')::interval + interval '3 days' end,
      -- A found solution says which; a closed demande says when (checks demandes_solution_type_ck, demandes_cloture_etat_ck).
      case when g * 7919 % 8 = 4 then 'am'::type_solution end,
      case when g * 7919 % 8 in (4, 5, 6) then now() - ((g % 730) || ' days')::interval + interval '40 days' end
    from generate_series(1, ${N}) g, c join rel r on true where r.rn = 1 + (g % c.n)`);
  await sqlc.unsafe('analyze');
  console.log(`inserted ${N} demandes in ${Date.now() - t0} ms`);

  const motDePasse = 'banc-essai-mot-de-passe';
  const h = await hash(motDePasse);
  const [relais] = await sqlc`select r.id, s.id as secteur from relais r join secteurs s on s.relais_id = r.id where s.nom = 'Est' limit 1`;
  await sqlc`insert into utilisateurs (email, nom, mot_de_passe_hash, role, relais_id, secteur_id) values
    ('banc.animatrice@exemple.fr', 'Banc Animatrice', ${h}, 'animatrice', ${relais.id}, ${relais.secteur}),
    ('banc.admin@exemple.fr', 'Banc Admin', ${h}, 'admin', null, null)`;
  const [parSecteur] = await sqlc`select count(*)::int as n from demandes where relais_id = ${relais.id} and secteur_id = ${relais.secteur}`;
  const [commune] = await sqlc`select commune_code from adhesions where secteur_id = ${relais.secteur} and fin is null limit 1`;

  async function cookie(email) {
    const r = await fetch(portail.url + '/admin/connexion', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: portail.url },
      body: new URLSearchParams({ email, motDePasse }),
    });
    const c = r.headers.get('set-cookie');
    if (!c) throw new Error(`sign-in failed for ${email}: ${r.status}`);
    return c.split(';')[0];
  }
  const comptes = { animatrice: await cookie('banc.animatrice@exemple.fr'), admin: await cookie('banc.admin@exemple.fr') };
  // A cursor deep in the list (page ~200) to show keyset pages cost the same as the first.
  const [profond] = await sqlc`select cree_le, id from demandes where relais_id = ${relais.id} order by cree_le desc, id desc offset 5000 limit 1`;
  const curseur = `${new Date(profond.cree_le).toISOString()}_${profond.id}`;
  const cas = [
    ['animatrice', '/admin/demandes'],
    ['animatrice', '/admin/demandes?urgence=oui'],
    ['animatrice', '/admin/demandes?etat=nouvelle&tri=ancien'],
    ['animatrice', '/admin/demandes?signal=retard'],
    ['animatrice', `/admin/demandes?commune=${commune.commune_code}&handicap=oui`],
    ['animatrice', `/admin/demandes?apres=${encodeURIComponent(curseur)}`],
    ['admin', '/admin/demandes'],
    ['admin', '/admin/demandes?mode=mam&ageMin=6&ageMax=18'],
  ];
  console.log(`${N} demandes in the database, ${parSecteur.n} in the animatrice's sector; per case: 1 connection for 5 s, then 10 connections for 8 s`);
  for (const [qui, chemin] of cas) {
    const check = await fetch(portail.url + chemin, { headers: { cookie: comptes[qui] } });
    if (check.status !== 200) throw new Error(`${chemin}: HTTP ${check.status}`);
    const seul = await charge(portail.url + chemin, { duration: 5, connections: 1, headers: { cookie: comptes[qui] } });
    const r = await charge(portail.url + chemin, { duration: 8, connections: 10, headers: { cookie: comptes[qui] } });
    console.log(
      `${qui.padEnd(10)} ${chemin.slice(0, 58).padEnd(58)} 1 conn: p50 ${String(seul.p50).padStart(4)} ms p99 ${String(seul.p99).padStart(4)} ms | 10 conn: p50 ${String(r.p50).padStart(4)} ms p99 ${String(r.p99).padStart(4)} ms ${String(r.rps).padStart(3)} req/s, errors ${r.erreurs + seul.erreurs}`,
    );
  }
} finally {
  if (portail) await portail.stop();
  await sqlc.end();
  await admin.unsafe(`drop database if exists ${nom} with (force)`);
  await admin.end();
}

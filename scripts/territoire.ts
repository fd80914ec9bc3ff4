// `npm run territoire -- --epci 200069037` or `-- --communes 62765,62525 --nom "…"`:
// creates the territory (row + communes) from the Code officiel géographique
// shipped by @etalab/decoupage-administratif. Communes are matched by INSEE
// code. Works on PGlite (DATA_DIR) and PostgreSQL (DATABASE_URL).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db';
import { planifierTerritoire } from '../src/domain/territoire/cog';
import { cogOfficiel, installerTerritoire } from '../src/server/territoire/installer';

const { values } = parseArgs({ options: { epci: { type: 'string' }, communes: { type: 'string' }, nom: { type: 'string' }, 'a-blanc': { type: 'boolean' } } });
const r = planifierTerritoire(cogOfficiel(), { epci: values.epci, communes: values.communes?.split(/[,;\s]+/).filter(Boolean), nom: values.nom });
if (!r.ok) {
  for (const e of r.erreurs) console.error(e);
  console.error('Usage : npm run territoire -- --epci <SIREN> | --communes <INSEE,INSEE,…> [--nom "Nom du territoire"] [--a-blanc]');
  process.exit(2);
}
const { plan } = r;
for (const x of plan.remplacements) console.log(`${x.demande} est un ancien code : commune actuelle ${x.actuel} (${x.nomActuel}).`);
const pluriel = new Intl.PluralRules('fr');
const n = (x: number, un: string, plusieurs: string) => `${x} ${pluriel.select(x) === 'one' ? un : plusieurs}`;
console.log(`${plan.nom} (${plan.id}) : ${n(plan.communes.length, 'commune', 'communes')}.`);
if (values['a-blanc']) {
  for (const c of plan.communes) console.log(`  ${c.code}  ${c.nom}  ${c.codesPostaux.join(' ')}`);
  process.exit(0);
}
const c = parseConfig();
const database = await openDatabase({ url: c.DATABASE_URL, dataDir: path.join(c.DATA_DIR, 'pglite') });
await database.migrate();
const res = await installerTerritoire(database.db, plan);
await database.close();
if (!res.ok) {
  for (const e of res.erreurs) console.error(e);
  process.exit(1);
}
console.log(`Territoire prêt : ${n(res.creees, 'commune ajoutée', 'communes ajoutées')}, ${n(res.misesAJour, 'mise à jour', 'mises à jour')}.`);
console.log('Créez ensuite l’administrateur : npm run admin:create -- --email … --nom "…"');

// `npm run admin:create -- --email x@y.fr --nom "Nom Prénom"`: creates (or
// resets) a real admin account. The password is read from ADMIN_PASSWORD or
// asked on the terminal. Works on PGlite (DATA_DIR) and PostgreSQL (DATABASE_URL).
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db';
import { creerAdmin } from '../src/server/auth/staff';

const { values } = parseArgs({ options: { email: { type: 'string' }, nom: { type: 'string' } } });
if (!values.email || !values.nom) {
  console.error('Usage: npm run admin:create -- --email admin@collectivite.fr --nom "Prénom Nom"');
  process.exit(2);
}
const c = parseConfig();
let motDePasse = process.env.ADMIN_PASSWORD ?? '';
if (!motDePasse) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  motDePasse = await rl.question('Mot de passe (12 caractères au moins) : ');
  rl.close();
}
if (motDePasse.length < 12) {
  console.error('Le mot de passe doit faire au moins 12 caractères.');
  process.exit(2);
}
const database = await openDatabase({ url: c.DATABASE_URL, dataDir: path.join(c.DATA_DIR, 'pglite') });
await database.migrate();
const id = await creerAdmin(database.db, { email: values.email, nom: values.nom, motDePasse });
await database.close();
console.log(`Compte administrateur prêt : ${values.email} (${id})`);

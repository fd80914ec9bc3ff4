// `npm start`: builds the portal if the build is missing or older than the
// sources, then serves it. First start also migrates and seeds the demo.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const outDir = path.resolve(process.env.ASTRO_OUT_DIR ?? 'dist');
const entry = path.join(outDir, 'server', 'entry.mjs');

function plusRecent(dir, depuis) {
  if (!existsSync(dir)) return false;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() ? plusRecent(p, depuis) : statSync(p).mtimeMs > depuis) return true;
  }
  return false;
}

const construit = existsSync(entry) ? statSync(entry).mtimeMs : 0;
const aReconstruire =
  !construit || ['src', 'content', 'public', 'db/schema', 'db/seed'].some((d) => plusRecent(d, construit)) || statSync('astro.config.mjs').mtimeMs > construit;
if (aReconstruire) {
  console.log('Building the portal (first start or sources changed)…');
  const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!process.env.DATABASE_URL && !process.env.DEMO_PASSWORD && process.env.NODE_ENV !== 'production') {
  console.log(
    'Demo staff accounts (sign in at /admin/connexion): admin@exemple.fr, animatrice.est@exemple.fr, animatrice.ouest@exemple.fr, commune@exemple.fr — password: petite-enfance-demo',
  );
}
await import('./server.mjs');

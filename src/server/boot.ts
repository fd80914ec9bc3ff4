import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config, ConfigError, type Config } from './config';
import { openDatabase } from './db';
import { log } from './log';
import type { AppContext } from './contexte';
import { seedDemo } from '../../db/seed';
import { ETAPES_DEMO } from '../../db/seed/etapes';
import { demarrerTravailleurs } from './jobs';
import { territoireReelInstalle } from './territoire/installer';

export type { AppContext };

const G = globalThis as unknown as { __gpe?: Promise<AppContext>; __gpeShutdown?: () => Promise<void> };

/** The signing secret: SECRET, or one generated once and kept in DATA_DIR (development only). */
function secretDe(c: Config): string {
  if (c.SECRET) return c.SECRET;
  const fichier = path.join(c.DATA_DIR, 'secret');
  if (existsSync(fichier)) return readFileSync(fichier, 'utf8').trim();
  mkdirSync(c.DATA_DIR, { recursive: true });
  const s = randomBytes(32).toString('hex');
  writeFileSync(fichier, s, { mode: 0o600 });
  return s;
}

async function demarrer(): Promise<AppContext> {
  let c: Config;
  try {
    c = config();
  } catch (err) {
    if (err instanceof ConfigError) {
      log.fatal(err.message);
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const t0 = Date.now();
  const database = await openDatabase({
    url: c.DATABASE_URL,
    dataDir: path.join(c.DATA_DIR, 'pglite'),
    poolMax: c.DATABASE_POOL_MAX,
    prepare: c.DATABASE_PREPARE,
  });
  await database.migrate();
  log.info({ kind: database.kind, ms: Date.now() - t0 }, 'database ready');
  if (c.seedDemo && !(await territoireReelInstalle(database.db))) {
    const fait = await seedDemo(database.db, {
      territoire: c.TERRITOIRE,
      demoPassword: c.production ? undefined : c.DEMO_PASSWORD,
      etapes: ETAPES_DEMO,
    });
    if (fait) log.info({ territoire: c.TERRITOIRE, ms: Date.now() - t0 }, 'demo territory seeded');
  }
  const ctx: AppContext = { config: c, database, db: database.db, secret: secretDe(c) };
  const arreterTravailleurs = c.WORKERS ? demarrerTravailleurs(ctx) : async () => {};
  G.__gpeShutdown = async () => {
    await arreterTravailleurs();
    await database.close();
    log.info('database closed');
  };
  return ctx;
}

/** The application context, started once per process on first use. */
export function app(): Promise<AppContext> {
  G.__gpe ??= demarrer().catch((err) => {
    log.fatal({ err }, 'startup failed');
    G.__gpe = undefined;
    throw err;
  });
  return G.__gpe;
}

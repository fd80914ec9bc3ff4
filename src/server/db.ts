import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from '../../db/schema';
import { log } from './log';

export { schema };
type Schema = typeof schema;
/** The one database type the whole app uses, whether PGlite or PostgreSQL is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A function that accepts either the database or a transaction. */
export type DbOrTx = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

function migrationsFolder(): string {
  return path.resolve(process.env.MIGRATIONS_DIR ?? 'db/migrations');
}

type ClientPostgres = import('postgres').Sql;

/**
 * Drizzle hands every query to postgres.js with `prepare: false`; postgres.js
 * then describes a query that has parameters in one round trip and binds it
 * in a second one, and PostgreSQL parses and plans it each time. This client
 * lets postgres.js prepare them instead (named statements kept per
 * connection, reused by identical SQL text: one round trip from the second
 * use). Connections are renewed after 30 to 60 min (postgres.js
 * `max_lifetime`), which bounds what they keep. Transactions and savepoints
 * get the same client (issue 20, docs/decisions/2026-12-06-demande-transaction.md).
 */
function avecInstructionsPreparees(client: ClientPostgres): ClientPostgres {
  return new Proxy(client, {
    get(cible, nom, recepteur) {
      if (nom === 'unsafe') {
        return (requete: string, params?: unknown[], options?: object) => cible.unsafe(requete, params as never, { ...options, prepare: true });
      }
      if (nom === 'begin' || nom === 'savepoint') {
        const methode = Reflect.get(cible, nom, recepteur) as (...a: unknown[]) => unknown;
        return (...a: unknown[]) => {
          const corps = a.pop() as (c: ClientPostgres) => unknown;
          return methode.call(cible, ...a, (c: ClientPostgres) => corps(avecInstructionsPreparees(c)));
        };
      }
      return Reflect.get(cible, nom, recepteur);
    },
  });
}

/**
 * Opens PostgreSQL when `url` is given, otherwise PGlite under `dataDir` ('memory://' for tests).
 * `prepare: false` (DATABASE_PREPARE=false) keeps drizzle's unnamed statements, for a pooler that
 * cannot hold prepared statements (PgBouncer in transaction mode before 1.21).
 */
export async function openDatabase(opts: { url?: string; dataDir?: string; poolMax?: number; prepare?: boolean }): Promise<Database> {
  if (opts.url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const client = postgres(opts.url, { max: opts.poolMax ?? 10, onnotice: () => {} });
    const db = drizzle(opts.prepare === false ? client : avecInstructionsPreparees(client), { schema });
    return {
      kind: 'postgres',
      db: db as unknown as Db,
      async migrate() {
        // Several instances may start at once: one migrates, the others wait.
        const conn = await client.reserve();
        try {
          await conn`select pg_advisory_lock(hashtext('gpe:migrations'))`;
          await migrate(db, { migrationsFolder: migrationsFolder() });
        } finally {
          await conn`select pg_advisory_unlock(hashtext('gpe:migrations'))`.catch(() => {});
          conn.release();
        }
      },
      async close() {
        await client.end({ timeout: 5 });
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dataDir = opts.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  const client = new PGlite(dataDir, { extensions: { btree_gist } });
  await client.waitReady;
  const db = drizzle(client, { schema });
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    async migrate() {
      await migrate(db, { migrationsFolder: migrationsFolder() });
    },
    async close() {
      await client.close();
    },
  };
}

export async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch (err) {
    log.error({ err }, 'database ping failed');
    return false;
  }
}

/** Rows of a raw `db.execute` on either driver (postgres.js returns an array, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * A fresh, migrated database for one test file, on the engine chosen by
 * DB_KIND: 'pglite' (in memory) or 'postgres' (a new database created on
 * TEST_DATABASE_URL's server, dropped at the end).
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/server/db';
import { seedDemo, type SeedOptions } from '../../db/seed';

export const DB_KIND = (process.env.DB_KIND ?? 'pglite') as 'pglite' | 'postgres';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type BaseDeTest = Database & { url?: string; detruire(): Promise<void> };

export async function creerBaseDeTest(): Promise<BaseDeTest> {
  if (DB_KIND === 'postgres') {
    const nom = `gpe_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${nom}`);
    await admin.end();
    const url = TEST_DATABASE_URL.replace(/\/[^/?]*(\?|$)/, `/${nom}$1`);
    const database = await openDatabase({ url, poolMax: 25 });
    await database.migrate();
    return {
      ...database,
      url,
      async detruire() {
        await database.close();
        const a = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists ${nom} with (force)`);
        await a.end();
      },
    };
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await database.migrate();
  return { ...database, detruire: () => database.close() };
}

/** A migrated database with a demo territory (Béthune-Bruay by default) seeded on a fixed day. */
export async function creerBaseAvecTerritoire(o: Partial<SeedOptions> = {}): Promise<BaseDeTest> {
  const base = await creerBaseDeTest();
  await seedDemo(base.db, { territoire: 'ca-bethune-bruay', demoPassword: 'mot-de-passe-de-test', maintenant: new Date('2026-03-02T09:00:00Z'), ...o });
  return base;
}

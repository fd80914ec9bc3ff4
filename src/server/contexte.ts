import type { Config } from './config';
import type { Database, Db } from './db';

/** What every request and job gets: configuration, database, secret. */
export type AppContext = { config: Config; database: Database; db: Db; secret: string };

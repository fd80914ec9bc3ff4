import type { Db } from '../../src/server/db';
import type { SeedContext } from './index';

/** Demo seeding step for this area (see etapes.ts). */
export const etapes: ((db: Db, ctx: SeedContext) => Promise<void>)[] = [];

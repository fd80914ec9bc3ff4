import type { Db } from '../../src/server/db';
import type { SeedContext } from './index';

/**
 * Extra demo seeding steps, in order, run inside the seeding transaction
 * (demo demandes, RDV opening slots…). Each area appends its own step here.
 */
export const ETAPES_DEMO: ((db: Db, ctx: SeedContext) => Promise<void>)[] = [];

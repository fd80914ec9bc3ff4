import type { Db } from '../../src/server/db';
import type { SeedContext } from './index';
import { etapes as demandes } from './demo-demandes';
import { etapes as rdv } from './demo-rdv';
import { etapes as pro } from './demo-pro';
import { etapes as ateliers } from './demo-ateliers';
import { etapes as metier } from './demo-metier';
import { etapes as creches } from './demo-creches';
import { etapes as suivi } from './demo-suivi';

/**
 * Extra demo seeding steps, in order, run inside the seeding transaction.
 * Each area owns its file (demo-*.ts).
 */
export const ETAPES_DEMO: ((db: Db, ctx: SeedContext) => Promise<void>)[] = [...demandes, ...pro, ...rdv, ...ateliers, ...metier, ...creches, ...suivi];

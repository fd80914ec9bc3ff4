import type { Tache } from './index';

/** Scheduled tasks of this area (registered in taches.ts). */
export const taches: Tache[] = [];

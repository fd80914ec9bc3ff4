import type { Tache } from './tache';

/** Scheduled tasks of this area (registered in taches.ts). */
export const taches: Tache[] = [];

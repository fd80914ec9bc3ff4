import type { AppContext } from '../contexte';

/** A scheduled task (registered in taches.ts). */
export type Tache = {
  nom: string;
  /** The period key: the task runs once per distinct key across all instances (e.g. one day). */
  periode: (maintenant: Date) => string | null;
  executer: (ctx: AppContext, maintenant: Date) => Promise<unknown>;
};

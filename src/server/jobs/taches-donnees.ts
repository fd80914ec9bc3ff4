import type { Tache } from './tache';
import { chaqueJourApres } from '../../domain/temps';
import { menageDonnees } from '../donnees/menage';

/** Personal-data housekeeping, once a day at 3 h (Paris). */
export const taches: Tache[] = [
  {
    nom: 'donnees-menage',
    periode: (d) => chaqueJourApres(3)(d),
    executer: (ctx, maintenant) => menageDonnees(ctx.db, { maintenant, courrielsMois: ctx.config.COURRIELS_RETENTION_MOIS, dataDir: ctx.config.DATA_DIR }),
  },
];

import { chaqueMinute } from '../../domain/temps';
import type { Tache } from './tache';
import { alerterUrgences } from '../staff/alertes';

/** Scheduled tasks of staff alerts (registered in taches.ts). */
export const taches: Tache[] = [
  {
    nom: 'alertes-urgences',
    periode: chaqueMinute,
    executer: (ctx, maintenant) => alerterUrgences(ctx.db, { maintenant, publicUrl: ctx.config.publicUrl }),
  },
];

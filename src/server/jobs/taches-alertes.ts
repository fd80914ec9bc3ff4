import { chaqueJourApres, chaqueMinute } from '../../domain/temps';
import type { Tache } from './tache';
import { alerterUrgences, envoyerResumes } from '../staff/alertes';

/** Scheduled tasks of staff alerts (registered in taches.ts). */
export const taches: Tache[] = [
  {
    nom: 'alertes-urgences',
    periode: chaqueMinute,
    executer: (ctx, maintenant) => alerterUrgences(ctx.db, { maintenant, publicUrl: ctx.config.publicUrl }),
  },
  {
    nom: 'resume-quotidien',
    periode: chaqueJourApres(7),
    executer: (ctx, maintenant) => envoyerResumes(ctx.db, { maintenant, publicUrl: ctx.config.publicUrl }),
  },
];

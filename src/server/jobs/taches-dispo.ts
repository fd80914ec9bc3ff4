import type { Tache } from './tache';
import { chaqueJourApres } from '../../domain/temps';
import { relancesPlanifiees } from '../disponibilite/relances';

/**
 * Availability reminders, once a day at 9 h (Paris): the January and June
 * campaigns and availability 45 days old; never twice within 30 days.
 */
export const taches: Tache[] = [
  {
    nom: 'dispo-relances',
    periode: (d) => chaqueJourApres(9)(d),
    executer: (ctx, maintenant) => relancesPlanifiees(ctx.db, { publicUrl: ctx.config.publicUrl, secret: ctx.secret, maintenant }),
  },
];

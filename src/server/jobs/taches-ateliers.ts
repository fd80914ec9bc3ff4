import { chaqueHeure } from '../../domain/temps';
import type { Tache } from './tache';
import { envoyerRappelsAteliers } from '../ateliers/rappels';

/** Scheduled tasks of the ateliers d'éveil (registered in taches.ts). */
export const taches: Tache[] = [
  {
    nom: 'ateliers-rappels',
    periode: chaqueHeure,
    executer: (ctx, maintenant) => envoyerRappelsAteliers(ctx.db, { maintenant, publicUrl: ctx.config.publicUrl }),
  },
];

import { chaqueHeure } from '../../domain/temps';
import type { Tache } from './tache';
import { envoyerRappels } from '../rdv/rappels';

/** Scheduled tasks of this area (registered in taches.ts). */
export const taches: Tache[] = [
  {
    nom: 'rdv-rappels',
    periode: chaqueHeure,
    executer: (ctx, maintenant) => envoyerRappels(ctx.db, { maintenant, secret: ctx.secret, publicUrl: ctx.config.publicUrl }),
  },
];

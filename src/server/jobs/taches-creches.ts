import { chaqueJourApres } from '../../domain/temps';
import type { Tache } from './tache';
import { expirerOffres } from '../creches/commission';
import { relancerConfirmations } from '../creches/confirmations';

/** Scheduled tasks of the crèche places (registered in taches.ts). Both are safe to run twice. */
export const taches: Tache[] = [
  { nom: 'creches-offres-expirees', periode: chaqueJourApres(1), executer: (ctx, maintenant) => expirerOffres(ctx.db, maintenant) },
  { nom: 'creches-confirmations', periode: chaqueJourApres(9), executer: (ctx, maintenant) => relancerConfirmations(ctx.db, maintenant) },
];

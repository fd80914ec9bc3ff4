import { TZDate } from '@date-fns/tz';
import type { Tache } from './index';
import { envoyerRappels } from '../rdv/rappels';

/** Once per hour (Europe/Paris): the key is the date and the hour. */
export function chaqueHeure(d: Date): string {
  const p = new TZDate(d.getTime(), 'Europe/Paris');
  return `${p.getFullYear()}-${String(p.getMonth() + 1).padStart(2, '0')}-${String(p.getDate()).padStart(2, '0')}T${String(p.getHours()).padStart(2, '0')}`;
}

/** Scheduled tasks of this area (registered in taches.ts). */
export const taches: Tache[] = [
  {
    nom: 'rdv-rappels',
    periode: chaqueHeure,
    executer: (ctx, maintenant) => envoyerRappels(ctx.db, { maintenant, secret: ctx.secret, publicUrl: ctx.config.publicUrl }),
  },
];

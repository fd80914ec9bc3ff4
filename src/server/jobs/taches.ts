import { TZDate } from '@date-fns/tz';
import type { Tache } from './index';
import { taches as demande } from './taches-demande';
import { taches as suivi } from './taches-suivi';
import { taches as rdv } from './taches-rdv';
import { taches as dispo } from './taches-dispo';
import { taches as donnees } from './taches-donnees';

/** Daily key in Europe/Paris, after `heure` o'clock. */
export function chaqueJourApres(heure: number): (d: Date) => string | null {
  return (d) => {
    const paris = new TZDate(d.getTime(), 'Europe/Paris');
    if (paris.getHours() < heure) return null;
    return `${paris.getFullYear()}-${String(paris.getMonth() + 1).padStart(2, '0')}-${String(paris.getDate()).padStart(2, '0')}`;
  };
}

/**
 * Every scheduled task of the portal. Areas append theirs (follow-up emails,
 * availability reminders, RDV reminders, retention).
 */
export const TACHES: Tache[] = [...demande, ...suivi, ...rdv, ...dispo, ...donnees];

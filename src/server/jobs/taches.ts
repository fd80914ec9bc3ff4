import type { Tache } from './tache';
import { taches as demande } from './taches-demande';
import { taches as suivi } from './taches-suivi';
import { taches as rdv } from './taches-rdv';
import { taches as dispo } from './taches-dispo';
import { taches as donnees } from './taches-donnees';
import { taches as ateliers } from './taches-ateliers';
import { taches as creches } from './taches-creches';
import { taches as alertes } from './taches-alertes';

/**
 * Every scheduled task of the portal. Areas append theirs (follow-up emails,
 * availability reminders, RDV reminders, retention).
 */
export const TACHES: Tache[] = [...demande, ...suivi, ...rdv, ...dispo, ...donnees, ...ateliers, ...creches, ...alertes];

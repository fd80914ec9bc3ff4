import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';

const d: Traduction<Omit<Dictionnaire, 'info' | 'demande' | 'suivi' | 'admin' | 'rdv' | 'carte' | 'pro' | 'questionnaire' | 'stats' | 'courriel' | 'relance'>> = {};
export default d;

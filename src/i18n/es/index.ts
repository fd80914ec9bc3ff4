import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';
import commun from './commun';
import info from './info';
import demande from './demande';
import suivi from './suivi';
import rdv from './rdv';
import carte from './carte';
import questionnaire from './questionnaire';
import courriel from './courriel';
import relance from './relance';
import formulaire from './formulaire';
import metier from './metier';

import creches from './creches';

const d: Traduction<Dictionnaire> = { ...commun, info, demande, suivi, rdv, carte, questionnaire, courriel, relance, formulaire, metier, creches };
export default d;

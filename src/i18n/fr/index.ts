// The source dictionary: one file per area so that areas evolve independently.
import commun from './commun';
import info from './info';
import demande from './demande';
import suivi from './suivi';
import rdv from './rdv';
import carte from './carte';
import pro from './pro';
import questionnaire from './questionnaire';
import courriel from './courriel';
import relance from './relance';
import formulaire from './formulaire';
import metier from './metier';

import creches from './creches';

const fr = { ...commun, info, demande, suivi, rdv, carte, pro, questionnaire, courriel, relance, formulaire, metier, creches };
export default fr;
export type Dictionnaire = typeof fr;

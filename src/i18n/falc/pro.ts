import type { Dictionnaire } from '../fr';
import type { Traduction } from '../types';
import pro from '../fr/pro';

/** The pro space is written in plain French (FALC) from the start: same text. */
const d: Traduction<Dictionnaire['pro']> = pro;
export default d;

/**
 * The demande state machine: named transitions, each recorded as a history
 * row (who, when, why). Only the transitions listed here exist.
 */
export const ETATS = [
  'nouvelle',
  'en-cours',
  'solution-proposee',
  'mise-en-relation',
  'solution-trouvee',
  'sans-solution',
  'abandonnee',
  'hors-territoire',
] as const;
export type Etat = (typeof ETATS)[number];
export const ETATS_OUVERTS: readonly Etat[] = ['nouvelle', 'en-cours', 'solution-proposee', 'mise-en-relation'];
export const ETATS_CLOS: readonly Etat[] = ['solution-trouvee', 'sans-solution', 'abandonnee', 'hors-territoire'];
export const TYPES_SOLUTION = ['eaje', 'micro-creche', 'am', 'mam', 'garde-a-domicile', 'periscolaire', 'autre'] as const;
export type TypeSolution = (typeof TYPES_SOLUTION)[number];

export type Acteur = 'famille' | 'staff' | 'systeme';
type Def = { de: readonly (Etat | null)[]; vers: Etat; par: readonly Acteur[] };

export const TRANSITIONS = {
  /** Filing: routed to a relais. */
  deposer: { de: [null], vers: 'nouvelle', par: ['famille', 'staff'] },
  /** Filing from a commune outside every relais (kept for statistics). */
  deposerHorsTerritoire: { de: [null], vers: 'hors-territoire', par: ['famille', 'staff'] },
  /** First contact made (a logged contact, or the first honoured RDV). */
  prendreEnCharge: { de: ['nouvelle'], vers: 'en-cours', par: ['staff', 'systeme'] },
  proposerSolution: { de: ['en-cours', 'mise-en-relation'], vers: 'solution-proposee', par: ['staff'] },
  mettreEnRelation: { de: ['nouvelle', 'en-cours', 'solution-proposee', 'mise-en-relation'], vers: 'mise-en-relation', par: ['staff'] },
  /** A contract is signed or a place accepted (kind of solution required); 'systeme' applies a professional's one-click answer. */
  conclure: { de: ['en-cours', 'solution-proposee', 'mise-en-relation'], vers: 'solution-trouvee', par: ['staff', 'famille', 'systeme'] },
  classerSansSolution: { de: ['en-cours', 'solution-proposee', 'mise-en-relation'], vers: 'sans-solution', par: ['staff'] },
  /** The family withdraws, or no longer needs care, or staff close a dead demande. */
  abandonner: { de: ['nouvelle', 'en-cours', 'solution-proposee', 'mise-en-relation'], vers: 'abandonnee', par: ['famille', 'staff', 'systeme'] },
  /** The family is still looking after a closing (follow-up answer) or staff reopen. */
  reprendre: { de: ['solution-trouvee', 'sans-solution', 'abandonnee'], vers: 'en-cours', par: ['famille', 'staff'] },
  /** Staff attach an out-of-territory demande to a relais after all. */
  rattacher: { de: ['hors-territoire'], vers: 'nouvelle', par: ['staff'] },
} as const satisfies Record<string, Def>;

export type Transition = keyof typeof TRANSITIONS;

export class TransitionInterdite extends Error {
  constructor(
    public transition: Transition,
    public de: Etat | null,
  ) {
    super(`Transition "${transition}" impossible depuis l’état "${de ?? 'aucun'}"`);
  }
}

export function estPossible(t: Transition, de: Etat | null, par: Acteur): boolean {
  const d: Def = TRANSITIONS[t];
  return d.de.includes(de) && d.par.includes(par);
}

/** The state after `t`, or throws TransitionInterdite. */
export function appliquer(t: Transition, de: Etat | null, par: Acteur): Etat {
  if (!estPossible(t, de, par)) throw new TransitionInterdite(t, de);
  return TRANSITIONS[t].vers;
}

/** Transitions a person may trigger from a state (what the interface offers). */
export function transitionsPossibles(de: Etat | null, par: Acteur): Transition[] {
  return (Object.keys(TRANSITIONS) as Transition[]).filter((t) => estPossible(t, de, par));
}

export function estOuverte(e: Etat): boolean {
  return ETATS_OUVERTS.includes(e);
}

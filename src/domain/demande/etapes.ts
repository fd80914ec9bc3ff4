/**
 * The /demande wizard as pure functions: which button was pressed, which step
 * comes next, what each step checks. The server handler
 * (src/server/formulaires/demande.ts) feeds it the posted form; nothing here
 * knows about HTTP, the database or Astro.
 */
import {
  CHAMPS_ETAPE,
  ETAPES,
  MAX_ENFANTS,
  TOUS_LES_CHAMPS,
  erreursEtapes,
  etapeDuChamp,
  validerDemande,
  type DemandeValidee,
  type Etape,
  type ErreursChamps,
  type FormulaireDemande,
  type OptionsSchema,
} from './schema';

/**
 * The answers that ride along in hidden fields on a step: every filled field
 * of the other steps (and the technical ones), in the form's order.
 */
export function champsCaches(f: FormulaireDemande, etape: Etape): string[] {
  const visibles = new Set(CHAMPS_ETAPE[etape]);
  return TOUS_LES_CHAMPS.filter((c) => !visibles.has(c) && f[c] !== undefined && f[c] !== '');
}

/** What a button of the wizard asks for (the `aller` field). */
type Aller =
  | { type: 'suivant' }
  | { type: 'precedent' }
  | { type: 'etape'; etape: number }
  | { type: 'ajouter-enfant' }
  | { type: 'retirer-enfant'; index: number }
  | { type: 'envoyer' };

/** The `aller` field of a post → the action; anything unknown means "Continue" (implicit submission). */
export function lireAller(brut: unknown): Aller {
  const s = typeof brut === 'string' ? brut : Array.isArray(brut) && typeof brut[0] === 'string' ? brut[0] : 'suivant';
  if (s === 'precedent') return { type: 'precedent' };
  if (s === 'ajouter-enfant') return { type: 'ajouter-enfant' };
  if (s === 'envoyer') return { type: 'envoyer' };
  let m = /^etape-(\d)$/.exec(s);
  if (m) return { type: 'etape', etape: Number(m[1]) };
  m = /^retirer-enfant-(\d)$/.exec(s);
  if (m) return { type: 'retirer-enfant', index: Number(m[1]) };
  return { type: 'suivant' };
}

/** The step index a post says it comes from, clamped to the wizard. */
export function etapeDepuis(brut: unknown): number {
  const n = Number(typeof brut === 'string' ? brut : 0);
  return Number.isInteger(n) ? Math.min(Math.max(n, 0), ETAPES.length - 1) : 0;
}

/** Number of children on the form, between 1 and MAX_ENFANTS. */
export function nombreEnfants(f: FormulaireDemande): number {
  const n = Number(f.nbEnfants);
  return Number.isInteger(n) ? Math.min(Math.max(n, 1), MAX_ENFANTS) : 1;
}

const CHAMPS_ENFANT = ['Prenom', 'Statut', 'Naissance'] as const;

/** The form with one more (born) child, up to MAX_ENFANTS. */
export function ajouterEnfant(f: FormulaireDemande): FormulaireDemande {
  const nb = nombreEnfants(f);
  if (nb >= MAX_ENFANTS) return { ...f, nbEnfants: String(nb) };
  return { ...f, nbEnfants: String(nb + 1), [`e${nb}Statut`]: f[`e${nb}Statut`] ?? 'ne' };
}

/** The form without child `i`; the next ones move up. The last child cannot be removed. */
export function retirerEnfant(f: FormulaireDemande, i: number): FormulaireDemande {
  const nb = nombreEnfants(f);
  if (nb <= 1 || i < 0 || i >= nb) return f;
  const g = { ...f };
  for (let k = i; k < nb - 1; k++) for (const s of CHAMPS_ENFANT) g[`e${k}${s}`] = g[`e${k + 1}${s}`];
  for (const s of CHAMPS_ENFANT) delete g[`e${nb - 1}${s}`];
  for (const k of Object.keys(g)) if (g[k] === undefined) delete g[k];
  g.nbEnfants = String(nb - 1);
  return g;
}

/** What the wizard does next. */
type Transition =
  | { type: 'afficher'; etape: number; formulaire: FormulaireDemande; erreurs: ErreursChamps }
  | { type: 'creer'; donnees: DemandeValidee; formulaire: FormulaireDemande };

/** The index of the first step holding one of these errors (-1 when none). */
export function premiereEtapeEnErreur(erreurs: ErreursChamps): number {
  return ETAPES.findIndex((e) => Object.keys(erreurs).some((c) => etapeDuChamp(c) === e));
}

/** Only the errors of one step. */
function erreursDeLEtape(erreurs: ErreursChamps, etape: Etape): ErreursChamps {
  return Object.fromEntries(Object.entries(erreurs).filter(([c]) => etapeDuChamp(c) === etape));
}

/**
 * One press of a button on step `etape`:
 * - Continue checks the step's own fields and moves on only when they are right;
 * - Back and "Modify" (a section of the summary) never check and never go forward;
 * - add/remove a child stays on the step;
 * - Send checks everything and goes back to the first step in error, showing its errors only.
 */
export function transition(f: FormulaireDemande, etape: number, aller: Aller, o: OptionsSchema): Transition {
  const afficher = (e: number, formulaire = f, erreurs: ErreursChamps = {}): Transition => ({ type: 'afficher', etape: e, formulaire, erreurs });
  const derniere = ETAPES.length - 1;
  switch (aller.type) {
    case 'precedent':
      return afficher(Math.max(0, etape - 1));
    case 'etape':
      return afficher(Math.min(Math.max(aller.etape, 0), etape));
    case 'ajouter-enfant':
      return afficher(etape, ajouterEnfant(f));
    case 'retirer-enfant':
      return afficher(etape, retirerEnfant(f, aller.index));
    case 'envoyer': {
      if (etape !== derniere) return transition(f, etape, { type: 'suivant' }, o);
      const r = validerDemande(f, o);
      if (r.ok) return { type: 'creer', donnees: r.donnees, formulaire: f };
      const premiere = premiereEtapeEnErreur(r.erreurs);
      const e = premiere === -1 ? derniere : premiere;
      return afficher(e, f, erreursDeLEtape(r.erreurs, ETAPES[e]!));
    }
    case 'suivant': {
      // Enter on the last step sends (the default button there is "Send").
      if (etape === derniere) return transition(f, etape, { type: 'envoyer' }, o);
      const erreurs = erreursEtapes(f, [ETAPES[etape]!], o);
      return Object.keys(erreurs).length ? afficher(etape, f, erreurs) : afficher(etape + 1);
    }
  }
}

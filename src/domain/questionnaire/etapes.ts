/**
 * The questionnaire as a series of server-rendered screens, one question each:
 * what each screen checks and which screen comes next (`transition`).
 *
 * Pure: no Astro, no database. Every answer travels as a raw string in the
 * form (visible fields for the current screen, hidden fields for the others),
 * so nothing is kept on the server between screens — in particular the
 * optional household questions (income bracket, children, lone parent) are
 * never stored or logged.
 */
import { creerSchemaQuestionnaire, estDateIso, PRIORITES, type Priorite, type ReponsesQuestionnaire, type ReponsesQuestionnaireBrutes } from './schema';

export type EtatQuestionnaire = {
  statut?: string; // 'ne' | 'attendu'
  naissance?: string;
  debut?: string;
  jours?: string[];
  de?: string;
  a?: string;
  variables?: string; // 'oui' | 'non'
  urgence?: string;
  handicap?: string;
  aeeh?: string; // 'oui' when checked
  commune?: string;
  travail?: string;
  prio1?: string;
  prio?: string[];
  ressources?: string; // bracket id, '' = not given
  enfants?: string;
  isole?: string; // 'oui' when checked
};

export const ETAPES = [
  { id: 'enfant', champs: ['statut', 'naissance'] },
  { id: 'debut', champs: ['debut'] },
  { id: 'planning', champs: ['jours', 'de', 'a'] },
  { id: 'horaires', champs: ['variables'] },
  { id: 'urgence', champs: ['urgence'] },
  { id: 'handicap', champs: ['handicap', 'aeeh'] },
  { id: 'commune', champs: ['commune', 'travail'] },
  { id: 'priorites', champs: ['prio1', 'prio'] },
  { id: 'foyer', champs: ['ressources', 'enfants', 'isole'] },
] as const satisfies readonly { id: string; champs: readonly (keyof EtatQuestionnaire)[] }[];
export type IdEtape = (typeof ETAPES)[number]['id'];
export type ChampQuestionnaire = keyof EtatQuestionnaire;
export const NOMBRE_ETAPES = ETAPES.length;

const CHAMPS_MULTIPLES = new Set<ChampQuestionnaire>(['jours', 'prio']);
const TOUS_LES_CHAMPS = ETAPES.flatMap((e) => e.champs) as ChampQuestionnaire[];
/**
 * Monthly net resources brackets (euros). The estimate uses the middle of the
 * bracket; the first one sits under the PSU floor and the last one over the
 * ceiling, so both give the exact floor/ceiling price.
 */
export const TRANCHES_RESSOURCES = [
  { id: 'r1', min: 0, max: 1000, milieu: 700 },
  { id: 'r2', min: 1000, max: 1500, milieu: 1250 },
  { id: 'r3', min: 1500, max: 2000, milieu: 1750 },
  { id: 'r4', min: 2000, max: 2500, milieu: 2250 },
  { id: 'r5', min: 2500, max: 3000, milieu: 2750 },
  { id: 'r6', min: 3000, max: 4000, milieu: 3500 },
  { id: 'r7', min: 4000, max: 5000, milieu: 4500 },
  { id: 'r8', min: 5000, max: 6500, milieu: 5750 },
  { id: 'r9', min: 6500, max: 8500, milieu: 7500 },
  { id: 'r10', min: 8500, max: null, milieu: 9000 },
] as const;
export type IdTranche = (typeof TRANCHES_RESSOURCES)[number]['id'];
export const NOMBRES_ENFANTS = ['1', '2', '3', '4', '5', '6'] as const;

export type ErreursEtape = Partial<Record<ChampQuestionnaire, string>>;

const HEURE = /^([01]\d|2[0-3]):[0-5]\d$/;
const OUI_NON = new Set(['oui', 'non']);

/** Reads the known fields from a posted form (strings; repeated names for the multiple ones). */
export function lireEtat(o: Record<string, string | string[] | undefined>): EtatQuestionnaire {
  const e: EtatQuestionnaire = {};
  for (const c of TOUS_LES_CHAMPS) {
    const x = o[c];
    if (x === undefined) continue;
    const liste = (Array.isArray(x) ? x : [x]).map((s) => s.trim().slice(0, 40)).filter(Boolean);
    if (CHAMPS_MULTIPLES.has(c)) (e as Record<string, string[]>)[c] = [...new Set(liste)].slice(0, 7);
    else if (liste.length) (e as Record<string, string>)[c] = liste[liste.length - 1]!;
  }
  return e;
}

/** The fields of every screen except `etape`, as hidden inputs (name, value) pairs. */
export function champsCaches(e: EtatQuestionnaire, sauf?: IdEtape): [string, string][] {
  const exclus = new Set<string>(sauf ? ETAPES.find((x) => x.id === sauf)!.champs : []);
  const out: [string, string][] = [];
  for (const c of TOUS_LES_CHAMPS) {
    if (exclus.has(c)) continue;
    const v = e[c];
    if (Array.isArray(v)) for (const x of v) out.push([c, x]);
    else if (v !== undefined && v !== '') out.push([c, v]);
  }
  return out;
}

/** Index (0-based) of a screen id, or -1. */
export function indexEtape(id: string | undefined | null): number {
  return ETAPES.findIndex((e) => e.id === id);
}

function prioritesDe(e: EtatQuestionnaire): Priorite[] {
  const estPrio = (p: string | undefined): p is Priorite => p !== undefined && (PRIORITES as readonly string[]).includes(p);
  const premiere = estPrio(e.prio1) ? [e.prio1] : [];
  const autres = (e.prio ?? []).filter(estPrio).filter((p) => !premiere.includes(p));
  // Others keep the order in which they are offered.
  return [...premiere, ...PRIORITES.filter((p) => autres.includes(p))];
}

function trancheDe(id: string | undefined) {
  return TRANCHES_RESSOURCES.find((t) => t.id === id) ?? null;
}

/**
 * The raw answers for the domain schema. Screens not answered yet get
 * harmless placeholders so that the schema can check the ones that are.
 */
function versReponsesBrutes(e: EtatQuestionnaire, aujourdhui: string): ReponsesQuestionnaireBrutes {
  const naissance = e.naissance && estDateIso(e.naissance) ? e.naissance : undefined;
  const enfant = {
    ...(e.statut === 'ne' && naissance ? { dateNaissance: naissance } : {}),
    ...(e.statut === 'attendu' && naissance ? { naissancePrevue: naissance } : {}),
    handicap: e.handicap === 'oui',
    aeeh: e.handicap === 'oui' && e.aeeh === 'oui',
  };
  const debutParDefaut = e.statut === 'attendu' && naissance && naissance > aujourdhui ? naissance : aujourdhui;
  const jours = (e.jours ?? []).map(Number).filter((j) => Number.isInteger(j) && j >= 1 && j <= 7);
  const de = e.de ?? '';
  const a = e.a ?? '';
  const planning =
    e.jours === undefined && e.de === undefined ? [{ jour: 1, debut: '09:00', fin: '17:00' }] : jours.map((jour) => ({ jour, debut: de, fin: a }));
  const tranche = trancheDe(e.ressources);
  const enfants = Number(e.enfants ?? '1');
  return {
    enfant,
    dateDebut: e.debut ?? debutParDefaut,
    planning,
    horairesVariables: e.variables === 'oui',
    urgence: e.urgence === 'oui',
    priorites: prioritesDe(e),
    foyer: {
      ...(tranche ? { ressourcesMensuelles: tranche.milieu } : {}),
      nombreEnfantsACharge: Number.isInteger(enfants) ? enfants : Number.NaN,
      parentIsole: e.isole === 'oui',
    },
  };
}

/** Which form field a schema issue belongs to. */
function champDuChemin(chemin: readonly PropertyKey[], message: string): ChampQuestionnaire | null {
  const [a, b, , d] = chemin.map(String);
  if (a === 'enfant') return 'naissance';
  if (a === 'dateDebut') return 'debut';
  if (a === 'planning') {
    if (d === 'fin' || message === 'questionnaire.erreur.creneauVide') return 'a';
    if (d === 'debut') return 'de';
    return 'jours';
  }
  if (a === 'horairesVariables') return 'variables';
  if (a === 'urgence') return 'urgence';
  if (a === 'priorites') return 'prio1';
  if (a === 'foyer') return b === 'ressourcesMensuelles' ? 'ressources' : 'enfants';
  return null;
}

type ContexteValidation = { aujourdhui: string; communes: ReadonlySet<string> };

/** Errors (i18n keys) of one screen; empty when the screen can be left. */
export function validerEtape(e: EtatQuestionnaire, index: number, ctx: ContexteValidation): ErreursEtape {
  const etape = ETAPES[index];
  if (!etape) return {};
  const erreurs: ErreursEtape = {};
  const poser = (c: ChampQuestionnaire, cle: string) => {
    erreurs[c] ??= cle;
  };
  switch (etape.id) {
    case 'enfant':
      if (e.statut !== 'ne' && e.statut !== 'attendu') poser('statut', 'questionnaire.erreur.statutManquant');
      if (!e.naissance) poser('naissance', 'questionnaire.erreur.naissanceManquante');
      else if (!estDateIso(e.naissance)) poser('naissance', 'questionnaire.erreur.dateInvalide');
      break;
    case 'debut':
      if (!e.debut) poser('debut', 'questionnaire.erreur.debutManquant');
      else if (!estDateIso(e.debut)) poser('debut', 'questionnaire.erreur.dateInvalide');
      break;
    case 'planning':
      if (!e.jours?.length) poser('jours', 'questionnaire.erreur.planningVide');
      else if (e.jours.some((j) => !/^[1-7]$/.test(j))) poser('jours', 'questionnaire.erreur.jourInvalide');
      if (!e.de || !HEURE.test(e.de)) poser('de', 'questionnaire.erreur.heureInvalide');
      if (!e.a || !HEURE.test(e.a)) poser('a', 'questionnaire.erreur.heureInvalide');
      break;
    case 'horaires':
    case 'urgence':
      if (!OUI_NON.has(e[etape.id === 'horaires' ? 'variables' : 'urgence'] ?? ''))
        poser(etape.id === 'horaires' ? 'variables' : 'urgence', 'questionnaire.erreur.booleenAttendu');
      break;
    case 'handicap':
      if (!OUI_NON.has(e.handicap ?? '')) poser('handicap', 'questionnaire.erreur.booleenAttendu');
      break;
    case 'commune':
      if (!e.commune) poser('commune', 'questionnaire.erreur.communeManquante');
      else if (!ctx.communes.has(e.commune)) poser('commune', 'questionnaire.erreur.communeInconnue');
      if (e.travail && !ctx.communes.has(e.travail)) poser('travail', 'questionnaire.erreur.communeInconnue');
      break;
    case 'priorites':
      if (e.prio1 && !(PRIORITES as readonly string[]).includes(e.prio1)) poser('prio1', 'questionnaire.erreur.prioriteInconnue');
      if ((e.prio ?? []).some((p) => !(PRIORITES as readonly string[]).includes(p))) poser('prio', 'questionnaire.erreur.prioriteInconnue');
      break;
    case 'foyer':
      if (e.ressources && !trancheDe(e.ressources)) poser('ressources', 'questionnaire.erreur.ressourcesInvalides');
      if (e.enfants && !(NOMBRES_ENFANTS as readonly string[]).includes(e.enfants)) poser('enfants', 'questionnaire.erreur.nombreEnfantsInvalide');
      break;
  }
  // Cross-field rules (birth vs start date, age…) come from the domain schema.
  const r = creerSchemaQuestionnaire({ aujourdhui: ctx.aujourdhui }).safeParse(versReponsesBrutes(e, ctx.aujourdhui));
  if (!r.success) {
    const champs = new Set<string>(etape.champs);
    for (const issue of r.error.issues) {
      const c = champDuChemin(issue.path, issue.message);
      // A missing status already explains a missing date.
      if (erreurs.statut && issue.message === 'questionnaire.erreur.naissanceManquante') continue;
      if (c && champs.has(c)) poser(c, issue.message);
    }
  }
  return erreurs;
}

type Resultat = { ok: true; reponses: ReponsesQuestionnaire } | { ok: false; etape: number; erreurs: ErreursEtape };

/** Every screen checked in order: the parsed answers, or the first screen to fix. */
export function validerTout(e: EtatQuestionnaire, ctx: ContexteValidation): Resultat {
  for (let i = 0; i < ETAPES.length; i++) {
    const erreurs = validerEtape(e, i, ctx);
    if (Object.keys(erreurs).length) return { ok: false, etape: i, erreurs };
  }
  const r = creerSchemaQuestionnaire({ aujourdhui: ctx.aujourdhui }).safeParse(versReponsesBrutes(e, ctx.aujourdhui));
  if (!r.success) return { ok: false, etape: 0, erreurs: { naissance: r.error.issues[0]?.message ?? 'questionnaire.erreur.dateInvalide' } };
  return { ok: true, reponses: r.data };
}

/** Modes of the demande form (collectif covers crèches and micro-crèches). */
const MODE_DEMANDE = {
  creche: 'collectif',
  'micro-creche': 'collectif',
  'assistant-maternel': 'assistant-maternel',
  mam: 'mam',
  'garde-a-domicile': 'garde-a-domicile',
} as const;

/**
 * Query string of /demande prefilled with the answers. Household answers
 * (income, children, lone parent) are never part of it.
 */
export function paramsDemande(e: EtatQuestionnaire, modesClasses: readonly string[], atypique: boolean): URLSearchParams {
  const p = new URLSearchParams();
  if (e.commune) p.set('commune', e.commune);
  if (e.naissance && estDateIso(e.naissance)) p.set(e.statut === 'attendu' ? 'naissancePrevue' : 'naissance', e.naissance);
  if (e.debut) p.set('debut', e.debut);
  const modes = [...new Set(modesClasses.flatMap((m) => (m in MODE_DEMANDE ? [MODE_DEMANDE[m as keyof typeof MODE_DEMANDE]] : [])))];
  if (modes.length) p.set('modes', modes.join(','));
  const jours = [...new Set(e.jours ?? [])].filter((j) => /^[1-7]$/.test(j)).sort();
  if (jours.length) p.set('jours', jours.join(','));
  if (e.de && HEURE.test(e.de)) p.set('de', e.de);
  if (e.a && HEURE.test(e.a)) p.set('a', e.a);
  if (atypique) p.set('atypique', '1');
  if (e.urgence === 'oui') p.set('urgence', '1');
  if (e.handicap === 'oui') p.set('handicap', '1');
  return p;
}

/** What a button of the questionnaire asks for (the `action` field); Enter means Continue. */
type ActionQuestionnaire = 'suivant' | 'precedent' | 'modifier';
export function lireAction(brut: unknown): ActionQuestionnaire {
  return brut === 'precedent' || brut === 'modifier' ? brut : 'suivant';
}

type TransitionQuestionnaire = { type: 'etape'; etape: number; erreurs: ErreursEtape } | { type: 'resultat'; reponses: ReponsesQuestionnaire };

/**
 * One press of a button on screen `etapeId`: Back and Modify never check;
 * Continue checks the screen and moves on, and on the last screen checks
 * every screen and gives the answers (or the first screen to fix).
 */
export function transition(
  e: EtatQuestionnaire,
  etapeId: string | null | undefined,
  action: ActionQuestionnaire,
  ctx: ContexteValidation,
): TransitionQuestionnaire {
  const courante = indexEtape(etapeId);
  if (courante < 0 || action === 'modifier') return { type: 'etape', etape: 0, erreurs: {} };
  if (action === 'precedent') return { type: 'etape', etape: Math.max(0, courante - 1), erreurs: {} };
  const erreurs = validerEtape(e, courante, ctx);
  if (Object.keys(erreurs).length) return { type: 'etape', etape: courante, erreurs };
  if (courante < NOMBRE_ETAPES - 1) return { type: 'etape', etape: courante + 1, erreurs: {} };
  const r = validerTout(e, ctx);
  return r.ok ? { type: 'resultat', reponses: r.reponses } : { type: 'etape', etape: r.etape, erreurs: r.erreurs };
}

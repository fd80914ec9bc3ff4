/**
 * Ranking of the modes d'accueil for a family's answers and the local offer.
 *
 * Every mode starts at 50 points; each rule adds or removes points and leaves
 * a reason (a code with parameters, translated by the interface). Some rules
 * make a mode unsuitable (`adapte: false`): it stays in the list, after the
 * suitable ones, with the reason why. Scores are clamped to 0–100.
 *
 * Atypical hours follow the CAF / RPE definition used by the territories:
 * before 7:00, after 20:00, the weekend (seed 003); 19:00–20:00 counts as
 * "late" and only matters when a structure closes earlier. Night: any time
 * between 22:00 and 5:00.
 */
import { BAREME, type Bareme } from './bareme';
import { estimerTousLesModes, MODES_ACCUEIL, type EntreeEstimation, type EstimationMode, type ModeAccueil } from './cout';
import { ajouterAnnees, type Creneau, type Priorite, type ReponsesQuestionnaire } from './schema';

export { MODES_ACCUEIL, type ModeAccueil } from './cout';

/** Every reason code, for the interface and its translations. */
export const CODES_RAISON = [
  // Suitability (may set adapte = false)
  'aucune-offre-sur-le-territoire',
  'periscolaire-enfant-trop-jeune',
  'periscolaire-age-scolaire',
  'creche-enfant-trop-grand',
  'enfant-scolarise',
  'enfant-tres-jeune-pour-structure',
  'creche-ferme-trop-tot',
  'creche-ouvre-trop-tard',
  'structure-ferme-trop-tot',
  'structure-ouvre-trop-tard',
  'adapte-aux-horaires',
  'ferme-le-week-end',
  'ferme-la-nuit',
  'horaires-atypiques-rares-en-structure',
  'horaires-variables-difficiles-en-structure',
  'amplitude-journee-longue',
  'am-horaires-atypiques-disponibles',
  'am-horaires-atypiques-rares',
  'garde-domicile-horaires-libres',
  // Availability and urgency
  'places-disponibles',
  'aucune-place-disponible',
  'liste-attente-probable',
  'delai-attente',
  'recrutement-rapide-possible',
  // Handicap
  'accueil-handicap-structure',
  'accueil-handicap-non-indique',
  'accueil-individualise',
  // Priorities
  'vie-collective',
  'pas-de-vie-collective',
  'petit-groupe',
  'grand-groupe',
  'souplesse-horaires',
  'horaires-fixes',
  'cout-estime-bas',
  'cout-estime-eleve',
  'tarif-selon-revenus',
  'garde-partagee-moins-chere',
  // CAF aid by age
  'aide-caf-non-versee-apres-6-ans',
  'cmg-jusqu-a-12-ans-parent-isole',
] as const;
export type CodeRaison = (typeof CODES_RAISON)[number];

export interface Raison {
  readonly code: CodeRaison;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly sens: 'pour' | 'contre';
}

export interface OffreMode {
  /** Structures or professionals of this mode on the territory; 0 = none. */
  readonly nombre?: number;
  /** Places free now near the family; null or absent = unknown. */
  readonly placesDisponibles?: number | null;
  /** Earliest opening among structures of the territory, 'HH:MM'. */
  readonly ouvertureLaPlusMatinale?: string;
  /** Latest closing among structures of the territory, 'HH:MM'. */
  readonly fermetureLaPlusTardive?: string;
  readonly ouvertSamedi?: boolean;
  readonly ouvertDimanche?: boolean;
  /** Professionals who accept atypical hours (assistants maternels). */
  readonly professionnelsHorairesAtypiques?: number;
  /** A structure of the territory states it welcomes children with a handicap. */
  readonly accueilHandicap?: boolean;
  /** Usual wait for a place, months. */
  readonly delaiAttenteMois?: number;
}

export interface OffreContexte {
  readonly modes?: Partial<Record<ModeAccueil, OffreMode>>;
  readonly territoire?: 'pas-de-calais' | 'national';
  /** Local prices that replace the barème's typical ones. */
  readonly tarifs?: EntreeEstimation['tarifs'];
}

export interface ModeClasse {
  readonly mode: ModeAccueil;
  readonly score: number;
  readonly adapte: boolean;
  readonly raisons: readonly Raison[];
  /** The cost estimate used for the 'budget' priority (and for display). */
  readonly cout: EstimationMode | null;
}

interface OptionsClassement {
  readonly bareme?: Bareme;
  /** Date of the request ('YYYY-MM-DD'), to compare waiting times with the months left before the start. */
  readonly aujourdhui?: string;
}

// --- Time helpers ----------------------------------------------------------

const MINUTES_JOUR = 24 * 60;

function minutesDepuisMinuit(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** '19:00' → '19 h', '18:30' → '18 h 30' (French way of writing hours). */
export function formaterHeure(hhmm: string): string {
  const [h, m] = hhmm.split(':') as [string, string];
  return m === '00' ? `${Number(h)} h` : `${Number(h)} h ${m}`;
}

/** 690 minutes → '11 h 30'. */
function formaterDuree(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

function formaterMinutes(minutes: number): string {
  const m = ((minutes % MINUTES_JOUR) + MINUTES_JOUR) % MINUTES_JOUR;
  return formaterHeure(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
}

/** Whole months from `naissance` to `date` (negative before birth). */
export function ageEnMois(naissance: string, date: string): number {
  const [a1, m1, j1] = naissance.split('-').map(Number) as [number, number, number];
  const [a2, m2, j2] = date.split('-').map(Number) as [number, number, number];
  let mois = (a2 - a1) * 12 + (m2 - m1);
  if (j2 < j1) mois -= 1;
  return mois;
}

export interface AnalysePlanning {
  readonly heuresHebdo: number;
  readonly joursParSemaine: number;
  /** Earliest start, minutes after midnight. */
  readonly debutLePlusTot: number;
  /** Latest end, minutes after midnight (beyond 1440 when a slot ends the next day). */
  readonly finLaPlusTardive: number;
  readonly avant7h: boolean;
  readonly apres19h: boolean;
  readonly apres20h: boolean;
  readonly samedi: boolean;
  readonly dimanche: boolean;
  readonly nuit: boolean;
  readonly amplitudeMaxMinutes: number;
  readonly atypique: boolean;
}

const SEUIL_MATIN = 7 * 60;
const SEUIL_SOIR = 19 * 60;
const SEUIL_SOIR_ATYPIQUE = 20 * 60;
const NUIT_DEBUT = 22 * 60;
const NUIT_FIN = 5 * 60;
const AMPLITUDE_LONGUE = 11 * 60;

export function analyserPlanning(planning: readonly Creneau[]): AnalysePlanning {
  let minutes = 0;
  let debutLePlusTot = MINUTES_JOUR;
  let finLaPlusTardive = 0;
  let nuit = false;
  let amplitudeMax = 0;
  const jours = new Set<number>();
  const parJour = new Map<number, { debut: number; fin: number }>();
  for (const c of planning) {
    const debut = minutesDepuisMinuit(c.debut);
    let fin = minutesDepuisMinuit(c.fin);
    if (fin <= debut) {
      fin += MINUTES_JOUR;
      nuit = true;
    }
    if (debut < NUIT_FIN || fin > NUIT_DEBUT) nuit = true;
    minutes += fin - debut;
    jours.add(c.jour);
    debutLePlusTot = Math.min(debutLePlusTot, debut);
    finLaPlusTardive = Math.max(finLaPlusTardive, fin);
    const j = parJour.get(c.jour);
    parJour.set(c.jour, j ? { debut: Math.min(j.debut, debut), fin: Math.max(j.fin, fin) } : { debut, fin });
  }
  for (const j of parJour.values()) amplitudeMax = Math.max(amplitudeMax, j.fin - j.debut);
  const avant7h = debutLePlusTot < SEUIL_MATIN;
  const apres20h = finLaPlusTardive > SEUIL_SOIR_ATYPIQUE;
  const samedi = jours.has(6);
  const dimanche = jours.has(7);
  return {
    heuresHebdo: minutes / 60,
    joursParSemaine: jours.size,
    debutLePlusTot,
    finLaPlusTardive,
    avant7h,
    apres19h: finLaPlusTardive > SEUIL_SOIR,
    apres20h,
    samedi,
    dimanche,
    nuit,
    amplitudeMaxMinutes: amplitudeMax,
    atypique: avant7h || apres20h || samedi || dimanche || nuit,
  };
}

// --- Scoring -----------------------------------------------------------------

const STRUCTURES: readonly ModeAccueil[] = ['creche', 'micro-creche', 'mam', 'periscolaire'];
const INDIVIDUELS: readonly ModeAccueil[] = ['assistant-maternel', 'garde-a-domicile'];
const EMPLOI_DIRECT: readonly ModeAccueil[] = ['assistant-maternel', 'mam', 'garde-a-domicile'];

/** Points of a priority by its rank: the first one weighs most. */
const POIDS_PRIORITE = [15, 10, 5, 5] as const;

/** How much each priority favours (+1) or disfavours (−1) each mode, with the reason code. */
const EFFETS_PRIORITE: Record<Exclude<Priorite, 'budget'>, Partial<Record<ModeAccueil, readonly [number, CodeRaison]>>> = {
  'vie-collective': {
    creche: [1, 'vie-collective'],
    'micro-creche': [0.6, 'vie-collective'],
    mam: [0.6, 'vie-collective'],
    periscolaire: [1, 'vie-collective'],
    'assistant-maternel': [-0.4, 'pas-de-vie-collective'],
    'garde-a-domicile': [-0.6, 'pas-de-vie-collective'],
  },
  'petit-groupe': {
    'assistant-maternel': [1, 'petit-groupe'],
    'garde-a-domicile': [1, 'petit-groupe'],
    mam: [0.6, 'petit-groupe'],
    'micro-creche': [0.6, 'petit-groupe'],
    creche: [-0.6, 'grand-groupe'],
    periscolaire: [-0.6, 'grand-groupe'],
  },
  souplesse: {
    'garde-a-domicile': [1, 'souplesse-horaires'],
    'assistant-maternel': [0.6, 'souplesse-horaires'],
    mam: [-0.2, 'horaires-fixes'],
    'micro-creche': [-0.4, 'horaires-fixes'],
    creche: [-0.6, 'horaires-fixes'],
    periscolaire: [-0.6, 'horaires-fixes'],
  },
};

class Fiche {
  score = 50;
  adapte = true;
  private readonly toutes: Raison[] = [];
  private readonly exclusions: Raison[] = [];
  constructor(readonly mode: ModeAccueil) {}
  /** An unsuitable mode only shows why it is unsuitable. */
  get raisons(): readonly Raison[] {
    return this.adapte ? this.toutes : this.exclusions;
  }
  pour(code: CodeRaison, points: number, params?: Record<string, string | number>): void {
    this.score += points;
    this.toutes.push(params ? { code, params, sens: 'pour' } : { code, sens: 'pour' });
  }
  contre(code: CodeRaison, points: number, params?: Record<string, string | number>): void {
    this.score -= points;
    this.toutes.push(params ? { code, params, sens: 'contre' } : { code, sens: 'contre' });
  }
  exclure(code: CodeRaison, params?: Record<string, string | number>): void {
    this.adapte = false;
    this.contre(code, 30, params);
    this.exclusions.push(params ? { code, params, sens: 'contre' } : { code, sens: 'contre' });
  }
}

function euros(cents: number): string {
  const e = Math.round(cents / 100);
  return `${String(e).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f')} €`;
}

function netMensuelRepresentatif(m: EstimationMode): number | null {
  if (m.estimation) return m.estimation.mensuel.netApresCreditCents;
  if (m.fourchette) return (m.fourchette.bas.mensuel.netApresCreditCents + m.fourchette.haut.mensuel.netApresCreditCents) / 2;
  return null;
}

/**
 * Ordered list of modes for the family: suitable ones first, by score.
 * `reponses` must be parsed by the questionnaire schema; `offreContexte` describes the local offer.
 */
export function classerModes(reponses: ReponsesQuestionnaire, offreContexte: OffreContexte = {}, options: OptionsClassement = {}): ModeClasse[] {
  const bareme = options.bareme ?? BAREME;
  const planning = analyserPlanning(reponses.planning);
  const naissance = reponses.enfant.dateNaissance ?? reponses.enfant.naissancePrevue ?? reponses.dateDebut;
  const ageMois = Math.max(0, ageEnMois(naissance, reponses.dateDebut));
  const debutAnnee = `${reponses.dateDebut.slice(0, 4)}-01-01`;
  const moinsDe6AnsAu1erJanvier = naissance > ajouterAnnees(debutAnnee, -6);
  const handicap = reponses.enfant.handicap || reponses.enfant.aeeh;
  const foyer = reponses.foyer;
  const parentIsole = foyer?.parentIsole ?? false;
  const offre = offreContexte.modes ?? {};

  const couts = estimerTousLesModes({
    foyer: {
      ressourcesMensuellesCents: foyer?.ressourcesMensuelles === undefined ? null : Math.round(foyer.ressourcesMensuelles * 100),
      nombreEnfantsACharge: foyer?.nombreEnfantsACharge ?? 1,
      enfantsAeeh: Math.max(foyer?.enfantsAeeh ?? 0, reponses.enfant.aeeh ? 1 : 0),
      parentIsole,
    },
    ageEnfantMois: ageMois,
    enfantMoinsDe6AnsAu1erJanvier: moinsDe6AnsAu1erJanvier,
    heuresHebdo: planning.heuresHebdo,
    joursParSemaine: Math.max(1, planning.joursParSemaine),
    ...(offreContexte.territoire ? { territoire: offreContexte.territoire } : {}),
    ...(offreContexte.tarifs ? { tarifs: offreContexte.tarifs } : {}),
    bareme,
  });
  const coutParMode = new Map(couts.modes.map((m) => [m.mode, m]));

  const fiches = MODES_ACCUEIL.map((mode) => new Fiche(mode));
  for (const f of fiches) {
    const o: OffreMode = offre[f.mode] ?? {};
    const structure = STRUCTURES.includes(f.mode);

    if (o.nombre === 0) f.exclure('aucune-offre-sur-le-territoire');

    // Age
    if (f.mode === 'periscolaire') {
      if (ageMois < 36) f.exclure('periscolaire-enfant-trop-jeune', { ageMinAns: 3 });
      else f.pour('periscolaire-age-scolaire', 15);
    }
    if (f.mode === 'creche' || f.mode === 'micro-creche') {
      const ageMaxAns = handicap ? 6 : 4;
      if (ageMois >= ageMaxAns * 12) f.exclure('creche-enfant-trop-grand', { ageMaxAns });
      else if (ageMois >= 36) f.contre('enfant-scolarise', 15);
      else if (ageMois < 3) f.contre('enfant-tres-jeune-pour-structure', 5);
    }
    if (f.mode === 'mam' && ageMois >= 36) f.contre('enfant-scolarise', 10);
    if (EMPLOI_DIRECT.includes(f.mode)) {
      const ageMaxCmg = bareme.cmgEmploiDirect.ageMaxAns.valeur;
      const ageMaxIsole = bareme.cmgEmploiDirect.ageMaxAnsParentIsole.valeur;
      if (ageMois >= ageMaxCmg * 12 && (!parentIsole || ageMois >= ageMaxIsole * 12)) f.contre('aide-caf-non-versee-apres-6-ans', 10, { ageMaxAns: ageMaxCmg });
      else if (ageMois >= ageMaxCmg * 12 && parentIsole) f.pour('cmg-jusqu-a-12-ans-parent-isole', 5, { ageMaxAns: ageMaxIsole });
    }

    // Hours
    if (structure) {
      let horairesConnus = false;
      if (o.fermetureLaPlusTardive !== undefined) {
        horairesConnus = true;
        const fermeture = minutesDepuisMinuit(o.fermetureLaPlusTardive);
        if (planning.finLaPlusTardive > fermeture)
          f.exclure(f.mode === 'creche' ? 'creche-ferme-trop-tot' : 'structure-ferme-trop-tot', {
            heureFermeture: formaterHeure(o.fermetureLaPlusTardive),
            heureFin: formaterMinutes(planning.finLaPlusTardive),
          });
      }
      if (o.ouvertureLaPlusMatinale !== undefined) {
        horairesConnus = true;
        const ouverture = minutesDepuisMinuit(o.ouvertureLaPlusMatinale);
        if (planning.debutLePlusTot < ouverture)
          f.exclure(f.mode === 'creche' ? 'creche-ouvre-trop-tard' : 'structure-ouvre-trop-tard', {
            heureOuverture: formaterHeure(o.ouvertureLaPlusMatinale),
            heureDebut: formaterMinutes(planning.debutLePlusTot),
          });
      }
      if ((planning.samedi && o.ouvertSamedi === false) || (planning.dimanche && o.ouvertDimanche === false)) f.exclure('ferme-le-week-end');
      if (planning.nuit) f.exclure('ferme-la-nuit');
      const weekEndInconnu = (planning.samedi && o.ouvertSamedi === undefined) || (planning.dimanche && o.ouvertDimanche === undefined);
      const horairesInconnus = (planning.avant7h && o.ouvertureLaPlusMatinale === undefined) || (planning.apres20h && o.fermetureLaPlusTardive === undefined);
      if (f.adapte && (weekEndInconnu || horairesInconnus)) f.contre('horaires-atypiques-rares-en-structure', 15);
      if (f.adapte && horairesConnus && !horairesInconnus && !weekEndInconnu) f.pour('adapte-aux-horaires', 5);
      if (reponses.horairesVariables) f.contre('horaires-variables-difficiles-en-structure', 10);
      if (planning.amplitudeMaxMinutes > AMPLITUDE_LONGUE) f.contre('amplitude-journee-longue', 10, { duree: formaterDuree(planning.amplitudeMaxMinutes) });
    }
    if (f.mode === 'assistant-maternel' && (planning.atypique || reponses.horairesVariables)) {
      const n = o.professionnelsHorairesAtypiques;
      if (n !== undefined && n > 0) f.pour('am-horaires-atypiques-disponibles', 5, { nombre: n });
      else f.contre('am-horaires-atypiques-rares', n === 0 ? 20 : 10);
    }
    if (f.mode === 'assistant-maternel' && planning.amplitudeMaxMinutes > AMPLITUDE_LONGUE)
      f.contre('amplitude-journee-longue', 5, { duree: formaterDuree(planning.amplitudeMaxMinutes) });
    if (f.mode === 'garde-a-domicile' && (planning.atypique || planning.apres19h || reponses.horairesVariables)) f.pour('garde-domicile-horaires-libres', 15);

    // Availability and urgency
    if (f.adapte) {
      const places = o.placesDisponibles;
      if (typeof places === 'number' && places > 0) f.pour('places-disponibles', reponses.urgence ? 20 : 10, { nombre: places });
      else if (places === 0) f.contre('aucune-place-disponible', reponses.urgence ? 25 : 10);
      else if (reponses.urgence && (f.mode === 'creche' || f.mode === 'micro-creche')) f.contre('liste-attente-probable', 10);
      if (reponses.urgence && f.mode === 'garde-a-domicile' && places == null) f.pour('recrutement-rapide-possible', 5);
      const placeLibre = typeof places === 'number' && places > 0;
      if (!placeLibre && o.delaiAttenteMois !== undefined && o.delaiAttenteMois > 0) {
        // Without today's date, an urgent request is the only one we know cannot wait.
        const moisAvantDebut =
          options.aujourdhui !== undefined ? Math.max(0, ageEnMois(options.aujourdhui, reponses.dateDebut)) : reponses.urgence ? 0 : Infinity;
        if (o.delaiAttenteMois > moisAvantDebut) f.contre('delai-attente', 15, { mois: o.delaiAttenteMois });
      }
    }

    // Handicap
    if (handicap) {
      if (f.mode === 'creche' || f.mode === 'micro-creche') {
        if (o.accueilHandicap === false) f.contre('accueil-handicap-non-indique', 10);
        else f.pour('accueil-handicap-structure', f.mode === 'creche' || o.accueilHandicap === true ? 10 : 5);
      } else if (f.mode === 'mam' || INDIVIDUELS.includes(f.mode)) f.pour('accueil-individualise', 5);
    }

    // Priorities (budget below, once every cost is known)
    reponses.priorites.forEach((priorite, rang) => {
      if (priorite === 'budget') return;
      const effet = EFFETS_PRIORITE[priorite][f.mode];
      if (!effet) return;
      const [force, code] = effet;
      const points = Math.round(Math.abs(force) * (POIDS_PRIORITE[rang] ?? 5));
      if (force > 0) f.pour(code, points);
      else f.contre(code, points);
    });
  }

  const rangBudget = reponses.priorites.indexOf('budget');
  if (rangBudget >= 0) appliquerBudget(fiches, coutParMode, POIDS_PRIORITE[rangBudget] ?? 5, couts.revenusConnus);

  return fiches
    .map((f) => ({
      mode: f.mode,
      score: Math.round(Math.min(100, Math.max(0, f.score))),
      adapte: f.adapte,
      raisons: f.raisons,
      cout: coutParMode.get(f.mode) ?? null,
    }))
    .sort((a, b) => Number(b.adapte) - Number(a.adapte) || b.score - a.score || MODES_ACCUEIL.indexOf(a.mode) - MODES_ACCUEIL.indexOf(b.mode));
}

function appliquerBudget(fiches: readonly Fiche[], couts: ReadonlyMap<ModeAccueil, EstimationMode>, poids: number, revenusConnus: boolean): void {
  const candidats = fiches.filter((f) => f.adapte);
  const chiffres = candidats
    .map((f) => ({ f, net: couts.get(f.mode) ? netMensuelRepresentatif(couts.get(f.mode) as EstimationMode) : null }))
    .filter((x): x is { f: Fiche; net: number } => x.net !== null);
  if (chiffres.length >= 2) {
    const min = Math.min(...chiffres.map((x) => x.net));
    const max = Math.max(...chiffres.map((x) => x.net));
    for (const { f, net } of chiffres) {
      const position = max === min ? 0 : 1 - (2 * (net - min)) / (max - min); // +1 cheapest, −1 dearest
      const points = Math.round(Math.abs(position) * poids);
      const params = { montant: euros(net) };
      if (position >= 0.2) f.pour('cout-estime-bas', points, params);
      else if (position <= -0.2) f.contre('cout-estime-eleve', points, params);
    }
  }
  for (const f of candidats) {
    // Crèche PSU and périscolaire prices follow the family's income.
    if ((f.mode === 'creche' && !revenusConnus) || f.mode === 'periscolaire') f.pour('tarif-selon-revenus', Math.round(poids / 3));
    // A hint, no points: sharing the nanny with another family roughly halves the cost.
    if (f.mode === 'garde-a-domicile' && f.raisons.some((r) => r.code === 'cout-estime-eleve')) f.pour('garde-partagee-moins-chere', 0);
  }
}

/**
 * Filters of the public offer (/carte, /api/offre, /api/offre.csv, /embed/carte).
 * They live in the URL: one parser, one serialiser, shared by pages and API.
 */
import { z } from 'zod';

export const TYPES_STRUCTURE = ['creche', 'micro-creche', 'mam', 'assistant-maternel', 'garde-a-domicile', 'periscolaire'] as const;
export type TypeStructure = (typeof TYPES_STRUCTURE)[number];

/** Child age groups a family chooses from: bébé < 18 months, marcheur 18–36 months, 3 ans et plus. */
export const GROUPES_AGE = ['bebe', 'marcheur', 'grand'] as const;
export type GroupeAge = (typeof GROUPES_AGE)[number];
/** [min, max) in months. */
export const BORNES_AGE: Record<GroupeAge, readonly [number, number]> = {
  bebe: [0, 18],
  marcheur: [18, 36],
  grand: [36, Number.POSITIVE_INFINITY],
};

export function groupeAgeDe(mois: number): GroupeAge {
  if (mois < 18) return 'bebe';
  if (mois < 36) return 'marcheur';
  return 'grand';
}

/** Age groups a structure welcomes, from its age range in months (inclusive). */
export function groupesAccueillis(ageMinMois: number, ageMaxMois: number): GroupeAge[] {
  return GROUPES_AGE.filter((g) => ageMinMois < BORNES_AGE[g][1] && ageMaxMois >= BORNES_AGE[g][0]);
}

export const HORAIRES_ATYPIQUES = ['tot', 'tard', 'weekend'] as const;
export type HoraireAtypique = (typeof HORAIRES_ATYPIQUES)[number];
export const DISPOS = ['maintenant', 'date'] as const;
const TRIS = ['distance', 'fraicheur'] as const;
export type Tri = (typeof TRIS)[number];
/** Radius choices in km around the centre of the chosen commune; 0 = in the commune only. */
export const RAYONS = [0, 5, 10, 20, 30] as const;

export type Filtres = {
  types: TypeStructure[];
  dispo: (typeof DISPOS)[number] | null;
  /** 'YYYY-MM-DD', used when dispo = 'date'. */
  le: string | null;
  age: GroupeAge | null;
  horaires: HoraireAtypique[];
  urgence: boolean;
  handicap: boolean;
  /** INSEE code, postal code or commune name as typed. */
  lieu: string;
  rayon: number;
  tri: Tri | null;
  page: number;
};

export const FILTRES_VIDES: Filtres = {
  types: [],
  dispo: null,
  le: null,
  age: null,
  horaires: [],
  urgence: false,
  handicap: false,
  lieu: '',
  rayon: 0,
  tri: null,
  page: 1,
};

/** Translation keys of the errors, by field. */
export type ErreursFiltres = Partial<Record<'types' | 'dispo' | 'le' | 'age' | 'horaires' | 'rayon' | 'tri' | 'page' | 'lieu', string>>;

const oui = new Set(['1', 'true', 'oui', 'on', 'yes']);
const dateIso = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T12:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  });

/** Repeated or comma-separated values: `type=creche&type=mam` or `type=creche,mam`. */
function valeurs(p: URLSearchParams, nom: string): string[] {
  return p
    .getAll(nom)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Reads the filters from query parameters. Lenient: an invalid value is
 * dropped and reported by field (translation key), so a shared URL with one
 * bad parameter still shows results.
 */
export function lireFiltres(p: URLSearchParams): { filtres: Filtres; erreurs: ErreursFiltres } {
  const f: Filtres = { ...FILTRES_VIDES, types: [], horaires: [] };
  const erreurs: ErreursFiltres = {};

  for (const t of valeurs(p, 'type')) {
    if ((TYPES_STRUCTURE as readonly string[]).includes(t)) {
      if (!f.types.includes(t as TypeStructure)) f.types.push(t as TypeStructure);
    } else erreurs.types = 'carte.erreurs.type';
  }
  for (const h of valeurs(p, 'horaires')) {
    if ((HORAIRES_ATYPIQUES as readonly string[]).includes(h)) {
      if (!f.horaires.includes(h as HoraireAtypique)) f.horaires.push(h as HoraireAtypique);
    } else erreurs.horaires = 'carte.erreurs.horaires';
  }
  const dispo = p.get('dispo')?.trim() ?? '';
  if (dispo) {
    if ((DISPOS as readonly string[]).includes(dispo)) f.dispo = dispo as Filtres['dispo'];
    else erreurs.dispo = 'carte.erreurs.dispo';
  }
  const le = p.get('le')?.trim() ?? '';
  if (le) {
    if (dateIso.safeParse(le).success) f.le = le;
    else erreurs.le = 'carte.erreurs.date';
  }
  if (f.dispo === 'date' && !f.le && !erreurs.le) erreurs.le = 'carte.erreurs.dateRequise';
  if (f.dispo === 'date' && !f.le) f.dispo = null;

  const age = p.get('age')?.trim() ?? '';
  if (age) {
    if ((GROUPES_AGE as readonly string[]).includes(age)) f.age = age as GroupeAge;
    else erreurs.age = 'carte.erreurs.age';
  }
  f.urgence = oui.has((p.get('urgence') ?? '').toLowerCase());
  f.handicap = oui.has((p.get('handicap') ?? '').toLowerCase());

  const lieu = (p.get('lieu') ?? p.get('commune') ?? '').trim();
  if (lieu.length > 80) erreurs.lieu = 'carte.erreurs.lieu';
  else f.lieu = lieu;

  const rayon = p.get('rayon')?.trim() ?? '';
  if (rayon) {
    const n = Number(rayon);
    if (Number.isInteger(n) && n >= 0 && n <= 100) f.rayon = n;
    else erreurs.rayon = 'carte.erreurs.rayon';
  }
  const tri = p.get('tri')?.trim() ?? '';
  if (tri) {
    if ((TRIS as readonly string[]).includes(tri)) f.tri = tri as Tri;
    else erreurs.tri = 'carte.erreurs.tri';
  }
  const page = p.get('page')?.trim() ?? '';
  if (page) {
    const n = Number(page);
    if (Number.isInteger(n) && n >= 1 && n <= 100_000) f.page = n;
    else erreurs.page = 'carte.erreurs.page';
  }
  return { filtres: f, erreurs };
}

/** Back to query parameters, defaults left out (pagination and sort links, API URL of the map). */
export function filtresEnParams(f: Filtres, sauf: ('page' | 'tri')[] = []): URLSearchParams {
  const p = new URLSearchParams();
  for (const t of f.types) p.append('type', t);
  if (f.dispo) p.set('dispo', f.dispo);
  if (f.dispo === 'date' && f.le) p.set('le', f.le);
  if (f.age) p.set('age', f.age);
  for (const h of f.horaires) p.append('horaires', h);
  if (f.urgence) p.set('urgence', '1');
  if (f.handicap) p.set('handicap', '1');
  if (f.lieu) p.set('lieu', f.lieu);
  if (f.lieu && f.rayon) p.set('rayon', String(f.rayon));
  if (f.tri && !sauf.includes('tri')) p.set('tri', f.tri);
  if (f.page > 1 && !sauf.includes('page')) p.set('page', String(f.page));
  return p;
}

/** Effective sort: by distance when a commune is chosen, by freshness otherwise. */
export function triEffectif(f: Filtres, aUnCentre: boolean): Tri {
  if (f.tri === 'distance' && aUnCentre) return 'distance';
  if (f.tri === 'fraicheur') return 'fraicheur';
  return aUnCentre ? 'distance' : 'fraicheur';
}

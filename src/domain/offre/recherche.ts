/**
 * Filtering, distance and sorting of the public offer (pure: data and
 * `maintenant` in, results out).
 */
import distance from '@turf/distance';
import { BORNES_AGE, triEffectif, type Filtres, type GroupeAge } from './filtres';
import { jourParis } from '../temps';
import { type CommuneRef, type OffrePublique } from './projection';
import { IndexNoms } from '../territoire/noms-flous';

export type ResultatOffre = OffrePublique & { distanceKm: number | null };

export type CommuneRecherche = CommuneRef & { codesPostaux: string[]; population?: number | null };

/** Upper-case, no accents, no punctuation: 'Saint-Venant' and 'saint venant' compare equal. */
function normaliser(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/**
 * The communes meant by what a family typed: an INSEE code, a postal code
 * (may cover several communes) or a name. Also accepts "62400 Béthune".
 */
export function resoudreLieu(lieu: string, communes: CommuneRecherche[]): CommuneRecherche[] {
  const s = lieu.trim();
  if (!s) return [];
  const parCode = communes.filter((c) => c.code === s);
  if (parCode.length) return parCode;
  const cp = /^\d{5}$/.test(s) ? s : /^(\d{5})\s+\D/.exec(s)?.[1];
  const n = normaliser(s.replace(/^\d{5}\s+/, ''));
  if (cp) {
    const parCp = communes.filter((c) => c.codesPostaux.includes(cp));
    if (/^\d{5}$/.test(s)) return parCp;
    const lesDeux = parCp.filter((c) => normaliser(c.nom) === n);
    if (lesDeux.length) return lesDeux;
  }
  const parNom = communes.filter((c) => normaliser(c.nom) === n);
  if (parNom.length) return parNom;
  // "Nom (62400)" as offered by the datalist.
  const m = /^(.*?)\s*\((\d{5})\)$/.exec(s);
  if (m) {
    const exacts = communes.filter((c) => normaliser(c.nom) === normaliser(m[1]!) && c.codesPostaux.includes(m[2]!));
    if (exacts.length) return exacts;
  }
  // Nothing exact: the closest name ("Bethun", "noeux les mines", "BRUAY", "St Venant"), one commune only.
  return indexFlou(communes).chercher(s, 1);
}

const index = new WeakMap<readonly CommuneRecherche[], IndexNoms<CommuneRecherche>>();
function indexFlou(communes: CommuneRecherche[]): IndexNoms<CommuneRecherche> {
  let i = index.get(communes);
  if (!i) index.set(communes, (i = new IndexNoms(communes)));
  return i;
}

/** Distance in km (great circle) between two [lat, lon] points. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return distance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' });
}

function dateLimite(f: Filtres, maintenant: Date): string | null {
  if (f.dispo === 'maintenant') return jourParis(maintenant);
  if (f.dispo === 'date' && f.le) return f.le;
  return null;
}

function accueilleAge(o: OffrePublique, age: GroupeAge): boolean {
  const [min, max] = BORNES_AGE[age];
  return o.ages.minMois < max && o.ages.maxMois >= min;
}

type ContexteRecherche = {
  maintenant: Date;
  /** Communes resolved from `lieu` (empty when none asked). */
  communes: CommuneRef[];
};

/**
 * Does a public offer match the filters? Availability counts only fresh
 * confirmations ('disponible'), with a place of the requested age group free
 * on or before the requested day.
 */
function correspond(o: ResultatOffre, f: Filtres, ctx: ContexteRecherche): boolean {
  if (f.types.length && !f.types.includes(o.type)) return false;
  if (f.age && !accueilleAge(o, f.age)) return false;
  const limite = dateLimite(f, ctx.maintenant);
  if (limite) {
    if (o.disponibilite.etat !== 'disponible') return false;
    const ok = o.disponibilite.places.some((p) => p.aPartirDu <= limite && (!f.age || p.groupeAge === f.age));
    if (!ok) return false;
  }
  for (const h of f.horaires) if (!o.horairesAtypiques[h]) return false;
  if (f.urgence && !o.accueilUrgence) return false;
  if (f.handicap && !o.handicapAccueilli) return false;
  if (ctx.communes.length) {
    if (f.rayon > 0) {
      if (o.distanceKm === null || o.distanceKm > f.rayon) return false;
    } else if (!ctx.communes.some((c) => c.code === o.commune.code)) return false;
  }
  return true;
}

/** Most recently confirmed first; never-confirmed last. */
function compareFraicheur(a: ResultatOffre, b: ResultatOffre): number {
  const ja = a.disponibilite.joursDepuisConfirmation ?? Number.POSITIVE_INFINITY;
  const jb = b.disponibilite.joursDepuisConfirmation ?? Number.POSITIVE_INFINITY;
  if (ja !== jb) return ja < jb ? -1 : 1;
  return 0;
}
function compareDistance(a: ResultatOffre, b: ResultatOffre): number {
  const da = a.distanceKm ?? Number.POSITIVE_INFINITY;
  const db = b.distanceKm ?? Number.POSITIVE_INFINITY;
  return da === db ? 0 : da < db ? -1 : 1;
}
const compareNom = (a: ResultatOffre, b: ResultatOffre) => (a.nom ?? '\uffff').localeCompare(b.nom ?? '\uffff', 'fr') || a.id.localeCompare(b.id);

function trier(r: ResultatOffre[], tri: 'distance' | 'fraicheur'): ResultatOffre[] {
  const premier = tri === 'distance' ? compareDistance : compareFraicheur;
  const second = tri === 'distance' ? compareFraicheur : compareDistance;
  return [...r].sort((a, b) => premier(a, b) || second(a, b) || compareNom(a, b));
}

/** The centre distances are measured from: the most populated of the resolved communes (first one). */
export function centreDe(communes: CommuneRef[]): { lat: number; lon: number } | null {
  const c = communes[0];
  return c && c.centreLat !== null && c.centreLon !== null ? { lat: c.centreLat, lon: c.centreLon } : null;
}

/** Adds distances, filters and sorts. */
export function rechercher(offres: OffrePublique[], f: Filtres, ctx: ContexteRecherche): { resultats: ResultatOffre[]; tri: 'distance' | 'fraicheur' } {
  const centre = centreDe(ctx.communes);
  const avecDistance: ResultatOffre[] = offres.map((o) => ({
    ...o,
    distanceKm: centre ? Math.round(distanceKm(centre, o.position) * 10) / 10 : null,
  }));
  const tri = triEffectif(f, centre !== null);
  return {
    resultats: trier(
      avecDistance.filter((o) => correspond(o, f, ctx)),
      tri,
    ),
    tri,
  };
}

type Page<T> = { elements: T[]; page: number; pages: number; total: number; parPage: number };

export function paginer<T>(items: T[], page: number, parPage = 20): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / parPage));
  const p = Math.min(Math.max(1, page), pages);
  return { elements: items.slice((p - 1) * parPage, p * parPage), page: p, pages, total: items.length, parPage };
}

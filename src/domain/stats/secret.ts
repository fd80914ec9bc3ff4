/**
 * Statistics for a commune's account follow the open-data rule
 * (`SEUIL_SECRET` of ./calculs.ts): a count from 1 to 4 is not shown, nor a
 * rate or a delay computed over fewer than 5 demandes, and the shortest
 * period is a month (a one-day period would single a family out). Relais
 * staff, who see the demandes themselves, get the exact figures.
 */
import { secretiser, SEUIL_SECRET } from './calculs';
import type { Periode } from './periode';

/** The shortest period a commune may ask for, in days (a calendar month). */
const PERIODE_MIN_COMMUNE_JOURS = 28;

/** `T` where every number may be hidden (null). */
export type Masque<T> = T extends number
  ? number | null
  : T extends readonly (infer U)[]
    ? Masque<U>[]
    : T extends Date
      ? T
      : T extends object
        ? { [K in keyof T]: Masque<T[K]> }
        : T;

/** Every integer count of `x` from 1 to 4 becomes null; keys in `garder` are left as they are. */
export function masquerComptes<T>(x: T, garder: ReadonlySet<string> = new Set()): Masque<T> {
  if (typeof x === 'number') return (Number.isInteger(x) ? secretiser(x) : x) as Masque<T>;
  if (Array.isArray(x)) return x.map((v) => masquerComptes(v, garder)) as Masque<T>;
  if (x && typeof x === 'object' && !(x instanceof Date)) {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, garder.has(k) ? v : masquerComptes(v, garder)])) as Masque<T>;
  }
  return x as Masque<T>;
}

/** A derived figure (rate, mean, median) is shown only when its base count is not small. */
export const surBaseSuffisante = <V>(valeur: V, base: number): V | null => (base >= SEUIL_SECRET ? valeur : null);

/** Days between the bounds of a period (`fin` exclusive). */
export function dureeJours(p: Pick<Periode, 'debut' | 'fin'>): number {
  return Math.round((Date.parse(`${p.fin}T00:00:00Z`) - Date.parse(`${p.debut}T00:00:00Z`)) / 86_400_000);
}

export const periodeTropCourtePourCommune = (p: Pick<Periode, 'debut' | 'fin'>): boolean => dureeJours(p) < PERIODE_MIN_COMMUNE_JOURS;

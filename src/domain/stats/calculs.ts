/** Small, exact helpers for indicators. */

/** A rate in percent with one decimal, or null when the denominator is 0. */
export function taux(numerateur: number, denominateur: number): number | null {
  if (!denominateur) return null;
  return Math.round((numerateur / denominateur) * 1000) / 10;
}

/** Median (mean of the two middle values for an even count). */
export function mediane(valeurs: number[]): number | null {
  if (!valeurs.length) return null;
  const v = [...valeurs].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

/** Open data: counts under the threshold are suppressed so no family can be identified. */
export const SEUIL_SECRET = 5;
export function secretiser(n: number, seuil = SEUIL_SECRET): number | null {
  return n > 0 && n < seuil ? null : n;
}

/** Quantile classes for a choropleth: returns the class (0..k-1) of each value. */
export function classes(valeurs: number[], k = 5): { bornes: number[]; classe: (v: number) => number } {
  const v = [...valeurs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const bornes: number[] = [];
  for (let i = 1; i < k; i++) bornes.push(v.length ? v[Math.min(v.length - 1, Math.floor((i * v.length) / k))]! : 0);
  const uniques = [...new Set(bornes)];
  return { bornes: uniques, classe: (x: number) => uniques.filter((b) => x >= b && b > 0).length };
}

/**
 * French public holidays (métropole; Alsace-Moselle on request) from
 * @socialgouv/jours-feries, as calendar days 'YYYY-MM-DD' in the portal's zone.
 */
import joursFeries from '@socialgouv/jours-feries';
import { jourParis } from '../temps';

const cache = new Map<string, Map<string, string>>();

/** Day → holiday name, for one year. */
export function feriesDe(annee: number, alsace = false): Map<string, string> {
  const cle = `${annee}:${alsace}`;
  let m = cache.get(cle);
  if (!m) {
    m = new Map(Object.entries(joursFeries(annee, { alsace }) as Record<string, Date>).map(([nom, d]) => [jourParis(d), nom]));
    cache.set(cle, m);
  }
  return m;
}

/** The holiday's name when `jour` is a public holiday, else null. */
export function ferie(jour: string, alsace = false): string | null {
  return feriesDe(Number(jour.slice(0, 4)), alsace).get(jour) ?? null;
}

/** Is `jour` inside one of the closures (inclusive days)? */
export function dansFermeture(jour: string, fermetures: { debut: string; fin: string }[]): boolean {
  return fermetures.some((f) => f.debut <= jour && jour <= f.fin);
}

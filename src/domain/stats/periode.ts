/**
 * Reporting periods, the one convention for every count over a span of days
 * (statistics, contacts, formation continue, events): bounds are calendar
 * days 'YYYY-MM-DD' in the portal's zone, `debut` INCLUDED and `fin`
 * EXCLUDED. In instants, a period runs from midnight of `debut` to midnight
 * of `fin` in that zone (`instantsDe`), so a demande filed on 31 March at
 * 23:30 in Paris belongs to March, whatever the change of hour that month.
 */
import { debutJourParis } from '../temps';

/** A span of days: `debut` is the first day counted, `fin` the first day NOT counted. */
export type Jours = { debut: string; fin: string };
export type TypePeriode = 'mois' | 'trimestre' | 'annee' | 'personnalisee';
export type Periode = Jours & { type: TypePeriode; libelle: string };
/** A span of days restricted to some relais (formation continue, events). */
export type PeriodeRelais = Jours & { relaisIds: readonly string[] };

/** The instants of a span of days: [midnight of `debut`, midnight of `fin`) in the portal's zone. */
export function instantsDe(p: Jours): { debut: Date; fin: Date } {
  return { debut: debutJourParis(p.debut), fin: debutJourParis(p.fin) };
}

/** Whether the day `jour` ('YYYY-MM-DD') falls in the span. */
export function contientJour(p: Jours, jour: string): boolean {
  return jour >= p.debut && jour < p.fin;
}

/** The span from `du` to `au`, both included (as typed in a form), in the one convention. */
export function joursDuAu(du: string, au: string): Jours {
  const [a, m, j] = au.split('-').map(Number) as [number, number, number];
  return { debut: du, fin: new Date(Date.UTC(a, m - 1, j + 1)).toISOString().slice(0, 10) };
}

const MOIS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (a: number, m: number, j = 1) => `${a}-${pad(m)}-${pad(j)}`;
const moisSuivant = (a: number, m: number): [number, number] => (m === 12 ? [a + 1, 1] : [a, m + 1]);

export function periodeMois(annee: number, mois: number): Periode {
  const [a2, m2] = moisSuivant(annee, mois);
  return { type: 'mois', debut: iso(annee, mois), fin: iso(a2, m2), libelle: `${MOIS[mois - 1]} ${annee}` };
}
export function periodeTrimestre(annee: number, t: number): Periode {
  const m = (t - 1) * 3 + 1;
  const [a2, m2] = t === 4 ? [annee + 1, 1] : [annee, m + 3];
  return { type: 'trimestre', debut: iso(annee, m), fin: iso(a2, m2), libelle: `${t}${t === 1 ? 'er' : 'e'} trimestre ${annee}` };
}
export function periodeAnnee(annee: number): Periode {
  return { type: 'annee', debut: iso(annee, 1), fin: iso(annee + 1, 1), libelle: `année ${annee}` };
}
/** Custom period from `du` to `au` inclusive (YYYY-MM-DD). */
export function periodePersonnalisee(du: string, au: string): Periode {
  const fr = (s: string) => s.split('-').reverse().join('/');
  return { type: 'personnalisee', ...joursDuAu(du, au), libelle: `du ${fr(du)} au ${fr(au)}` };
}

/** The months of a period, as { debut, fin, cle: 'YYYY-MM' }, for monthly series. */
export function moisDe(p: Periode): { cle: string; debut: string; fin: string }[] {
  const out: { cle: string; debut: string; fin: string }[] = [];
  let [a, m] = p.debut.slice(0, 7).split('-').map(Number) as [number, number];
  while (iso(a, m) < p.fin) {
    const [a2, m2] = moisSuivant(a, m);
    out.push({ cle: `${a}-${pad(m)}`, debut: iso(a, m), fin: iso(a2, m2) });
    [a, m] = [a2, m2];
    if (out.length > 240) break;
  }
  return out;
}

export function libelleMois(cle: string): string {
  const [a, m] = cle.split('-').map(Number) as [number, number];
  return `${MOIS[m - 1]} ${a}`;
}

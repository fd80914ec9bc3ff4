/**
 * Reporting periods. Bounds are calendar days in the portal's zone; `fin` is
 * exclusive. A demande filed on 31 March at 23:30 in Paris belongs to March.
 */
export type TypePeriode = 'mois' | 'trimestre' | 'annee' | 'personnalisee';
export type Periode = { type: TypePeriode; debut: string; fin: string; libelle: string };

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
  const d = new Date(`${au}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  const fr = (s: string) => s.split('-').reverse().join('/');
  return { type: 'personnalisee', debut: du, fin: d.toISOString().slice(0, 10), libelle: `du ${fr(du)} au ${fr(au)}` };
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

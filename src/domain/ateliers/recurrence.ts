/**
 * The dates of an atelier's programme: one-off, weekly or monthly ("the 2nd
 * Tuesday of each month"), without public holidays and the site's closures.
 * Pure: the holidays come from territoire/feries.ts (a table), closures are given.
 */
import { ferie, dansFermeture } from '../territoire/feries';

import type { Frequence } from './vocabulaire';
export { FREQUENCES, type Frequence } from './vocabulaire';

type Recurrence = {
  frequence: Frequence;
  /** First day ('YYYY-MM-DD'); the only one for 'unique'. */
  du: string;
  /** Last day, inclusive (ignored for 'unique'). */
  au: string;
  /** 1 = Monday … 7 = Sunday (weekly and monthly). */
  jourSemaine: number;
  /** Monthly: 1st … 4th such weekday of the month, 5 = the last one. */
  rang: number;
};

type DateEcartee = { jour: string; motif: string };

const MS_JOUR = 86400_000;
const versUtc = (jour: string) => Date.UTC(Number(jour.slice(0, 4)), Number(jour.slice(5, 7)) - 1, Number(jour.slice(8, 10)));
const jourDe = (ms: number) => new Date(ms).toISOString().slice(0, 10); // a calendar day built in UTC, not an instant
/** 1 = Monday … 7 = Sunday of a calendar day. */
export function jourDeSemaine(jour: string): number {
  return ((new Date(versUtc(jour)).getUTCDay() + 6) % 7) + 1;
}

/** The candidate days of a recurrence, before holidays and closures. */
export function joursCandidats(r: Recurrence, limite = 400): string[] {
  if (r.frequence === 'unique') return [r.du];
  const debut = versUtc(r.du);
  const fin = versUtc(r.au);
  const out: string[] = [];
  if (r.frequence === 'hebdomadaire') {
    let d = debut;
    while (jourDeSemaine(jourDe(d)) !== r.jourSemaine) d += MS_JOUR;
    for (; d <= fin && out.length < limite; d += 7 * MS_JOUR) out.push(jourDe(d));
    return out;
  }
  const d0 = new Date(debut);
  for (let y = d0.getUTCFullYear(), m = d0.getUTCMonth(); Date.UTC(y, m, 1) <= fin && out.length < limite; m === 11 ? (y++, (m = 0)) : m++) {
    const jours: number[] = [];
    for (let d = Date.UTC(y, m, 1); new Date(d).getUTCMonth() === m; d += MS_JOUR) if (jourDeSemaine(jourDe(d)) === r.jourSemaine) jours.push(d);
    const choisi = r.rang >= 5 ? jours[jours.length - 1] : jours[r.rang - 1];
    if (choisi !== undefined && choisi >= debut && choisi <= fin) out.push(jourDe(choisi));
  }
  return out;
}

/** The days kept and the days left out (public holiday, closure of the site). */
export function genererDates(r: Recurrence, fermetures: { debut: string; fin: string; motif?: string }[] = []): { jours: string[]; ecartees: DateEcartee[] } {
  const jours: string[] = [];
  const ecartees: DateEcartee[] = [];
  for (const j of joursCandidats(r)) {
    const f = ferie(j);
    if (f) {
      ecartees.push({ jour: j, motif: `jour férié (${f})` });
      continue;
    }
    if (dansFermeture(j, fermetures)) {
      const motif = fermetures.find((x) => x.debut <= j && j <= x.fin)?.motif;
      ecartees.push({ jour: j, motif: motif ? `site fermé (${motif})` : 'site fermé' });
      continue;
    }
    jours.push(j);
  }
  return { jours, ecartees };
}

/**
 * Free RDV slots: weekly opening slots (plages, local times in the portal's zone)
 * minus absences minus booked RDVs. Pure: data and `maintenant` come in.
 *
 * Local days are walked as calendar dates and each start is built with
 * TZDate in the portal's zone (domain/temps), so 09:00 stays 09:00 on both sides of a
 * daylight-saving change (07:00 UTC in summer, 08:00 UTC in winter).
 */
export const MODES = ['sur-place', 'telephone', 'visio'] as const;
export type Mode = (typeof MODES)[number];
export const STATUTS = ['reserve', 'honore', 'absent', 'excuse', 'annule'] as const;
export type Statut = (typeof STATUTS)[number];

export type Plage = {
  id: string;
  animatriceId: string;
  /** null: phone and video RDVs. */
  lieuId: string | null;
  motifIds: string[];
  /** ISO weekdays 1 (Monday) … 7 (Sunday). */
  jours: number[];
  heureDebut: string; // 'HH:MM'
  heureFin: string;
  valideDu: string; // 'YYYY-MM-DD'
  valideAu: string | null; // inclusive
  delaiMinimumHeures: number;
  horizonJours: number;
};
export type Intervalle = { debut: Date; fin: Date };
/** Busy time: a booked RDV or an absence; animatriceId null = everyone (relais closed). */
export type Occupation = Intervalle & { animatriceId: string | null };
export type Creneau = Intervalle & { animatriceId: string; lieuId: string | null; plageId: string };

type DemandeCreneaux = {
  plages: Plage[];
  occupations: Occupation[];
  motif: { id: string; dureeMinutes: number };
  /** A site id, null for phone/video, undefined for any. */
  lieuId?: string | null;
  maintenant: Date;
  /** Window asked for (further narrowed by notice and horizon unless `personnel`). */
  du?: Date;
  au?: Date;
  /** Staff booking: notice and horizon do not apply (past slots still do not). */
  personnel?: boolean;
  /** Step between two starts, in minutes (default: the motif's duration). */
  pasMinutes?: number;
};

const MINUTE = 60_000;
const JOUR = 86_400_000;

import { heureParis, instantParis, instantParisMs, jourParis } from '../temps';
export { heureParis, instantParis, jourParis };
/** Calendar arithmetic on 'YYYY-MM-DD' (no time zone involved). */
export function ajouterJours(jour: string, n: number): string {
  const [y, m, d] = jour.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * JOUR).toISOString().slice(0, 10);
}
/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function jourSemaine(jour: string): number {
  const [y, m, d] = jour.split('-').map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}
/** Monday of the week containing `jour`. */
export function lundiDe(jour: string): string {
  return ajouterJours(jour, 1 - jourSemaine(jour));
}

/** Busy intervals per animatrice, sorted, with the relais-wide ones merged in. */
function indexerOccupations(occ: Occupation[], animatrices: Set<string>): Map<string, Intervalle[]> {
  const communes = occ.filter((o) => o.animatriceId === null);
  const m = new Map<string, Intervalle[]>();
  for (const a of animatrices) m.set(a, [...communes]);
  for (const o of occ) if (o.animatriceId !== null) m.get(o.animatriceId)?.push(o);
  for (const l of m.values()) l.sort((x, y) => x.debut.getTime() - y.debut.getTime());
  return m;
}

/** True when [debut, fin) meets one of the sorted intervals (binary search on starts). */
function occupe(liste: Intervalle[], debut: number, fin: number, plusLongue: number): boolean {
  // Any interval starting before `fin` and after `debut - plusLongue` may overlap.
  let lo = 0;
  let hi = liste.length;
  const depuis = debut - plusLongue;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (liste[mid]!.debut.getTime() < depuis) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < liste.length && liste[i]!.debut.getTime() < fin; i++) {
    if (liste[i]!.fin.getTime() > debut) return true;
  }
  return false;
}

/** Every free slot for the motif, sorted by start then site. */
export function creneauxLibres(q: DemandeCreneaux): Creneau[] {
  const duree = q.motif.dureeMinutes * MINUTE;
  const pas = (q.pasMinutes ?? q.motif.dureeMinutes) * MINUTE;
  const plages = q.plages.filter((p) => p.motifIds.includes(q.motif.id) && (q.lieuId === undefined || p.lieuId === q.lieuId));
  const index = indexerOccupations(q.occupations, new Set(plages.map((p) => p.animatriceId)));
  const plusLongue = q.occupations.reduce((m, o) => Math.max(m, o.fin.getTime() - o.debut.getTime()), 0);
  const vus = new Set<string>();
  const out: Creneau[] = [];
  const now = q.maintenant.getTime();

  for (const p of plages) {
    let debutFenetre = Math.max(now, q.du?.getTime() ?? now);
    let finFenetre = q.au?.getTime() ?? now + p.horizonJours * JOUR;
    if (!q.personnel) {
      debutFenetre = Math.max(debutFenetre, now + p.delaiMinimumHeures * 3_600_000);
      finFenetre = Math.min(finFenetre, now + p.horizonJours * JOUR);
    }
    if (finFenetre <= debutFenetre) continue;
    // One extra day on each side: local days straddle UTC days.
    let jour = ajouterJours(jourParis(new Date(debutFenetre)), -1);
    if (jour < p.valideDu) jour = p.valideDu;
    const dernier = ajouterJours(jourParis(new Date(finFenetre)), 1);
    const occ = index.get(p.animatriceId) ?? [];
    for (; jour <= dernier && (p.valideAu === null || jour <= p.valideAu); jour = ajouterJours(jour, 1)) {
      if (!p.jours.includes(jourSemaine(jour))) continue;
      const ouverture = instantParisMs(jour, p.heureDebut);
      const fermeture = instantParisMs(jour, p.heureFin);
      for (let t = ouverture; t + duree <= fermeture; t += pas) {
        if (t < debutFenetre || t >= finFenetre) continue;
        if (occupe(occ, t, t + duree, plusLongue)) continue;
        const cle = `${p.animatriceId}|${t}|${p.lieuId}`;
        if (vus.has(cle)) continue;
        vus.add(cle);
        out.push({ debut: new Date(t), fin: new Date(t + duree), animatriceId: p.animatriceId, lieuId: p.lieuId, plageId: p.id });
      }
    }
  }
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0); // code-unit order: stable and cheap (no ICU collation)
  return out.sort((a, b) => a.debut.getTime() - b.debut.getTime() || cmp(String(a.lieuId), String(b.lieuId)) || cmp(a.animatriceId, b.animatriceId));
}

/** What a family picks: a start at a site; several animatrices may be free then. */
type CreneauPropose = Intervalle & { lieuId: string | null; animatriceIds: string[] };

export function fusionnerAnimatrices(creneaux: Creneau[]): CreneauPropose[] {
  const m = new Map<string, CreneauPropose>();
  for (const c of creneaux) {
    const cle = `${c.debut.getTime()}|${c.lieuId}`;
    const deja = m.get(cle);
    if (deja) deja.animatriceIds.push(c.animatriceId);
    else m.set(cle, { debut: c.debut, fin: c.fin, lieuId: c.lieuId, animatriceIds: [c.animatriceId] });
  }
  return [...m.values()];
}

/** Slots grouped by local day, days and slots in order. */
export function regrouperParJour<T extends Intervalle>(creneaux: T[]): { jour: string; creneaux: T[] }[] {
  const jours = new Map<string, T[]>();
  for (const c of [...creneaux].sort((a, b) => a.debut.getTime() - b.debut.getTime())) {
    const j = jourParis(c.debut);
    const l = jours.get(j);
    if (l) l.push(c);
    else jours.set(j, [c]);
  }
  return [...jours.entries()].map(([jour, cs]) => ({ jour, creneaux: cs }));
}

/** A family may move or cancel online until `heures` hours before the start. */
export function modifiableEnLigne(debut: Date, maintenant: Date, heures: number, statut: Statut = 'reserve'): boolean {
  return statut === 'reserve' && debut.getTime() - maintenant.getTime() >= heures * 3_600_000;
}

/** Statuses staff may set: honoured or no-show once the RDV has started; excused at any time. */
export function statutsPossibles(debut: Date, maintenant: Date, statut: Statut): Statut[] {
  if (statut === 'annule') return [];
  const l: Statut[] = debut <= maintenant ? ['honore', 'absent', 'excuse'] : ['excuse'];
  return l.filter((s) => s !== statut);
}

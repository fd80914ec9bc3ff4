/**
 * Rules of the territory administration, pure: memberships (commune → relais)
 * with dates, the last admin, the home-page announcement, weekly hours.
 */

/** A membership; `fin` is exclusive, null = open-ended (as in the adhesions table). */
export type Periode = { debut: string; fin: string | null };
export type Adhesion = Periode & { id: string; relaisId: string; relaisNom?: string; secteurId?: string | null };

function seChevauchent(a: Periode, b: Periode): boolean {
  return (a.fin === null || b.debut < a.fin) && (b.fin === null || a.debut < b.fin);
}

type PlanAffectation =
  | { ok: true; /** The open-ended membership ended on the new start day (history kept). */ terminer: Adhesion | null }
  | { ok: false; conflit: Adhesion; raison: 'chevauchement' | 'identique' };

/**
 * "Commune X joins relais R on day D": the membership in force on D, if it is
 * open-ended and began earlier, ends on D. Any other overlap is refused and
 * named, so the person can fix its dates first.
 */
export function planifierAffectation(existantes: Adhesion[], nouvelle: Periode & { relaisId: string; secteurId?: string | null }): PlanAffectation {
  const touchees = existantes.filter((a) => seChevauchent(a, nouvelle));
  if (touchees.length === 0) return { ok: true, terminer: null };
  if (touchees.length === 1) {
    const a = touchees[0]!;
    if (a.fin === null && a.debut < nouvelle.debut) {
      if (a.relaisId === nouvelle.relaisId && (a.secteurId ?? null) === (nouvelle.secteurId ?? null)) return { ok: false, conflit: a, raison: 'identique' };
      // Only when nothing later was already planned (touchees.length === 1 guarantees it).
      return { ok: true, terminer: a };
    }
  }
  const conflit = [...touchees].sort((x, y) => x.debut.localeCompare(y.debut))[0]!;
  return { ok: false, conflit, raison: 'chevauchement' };
}

/** 'YYYY-MM-DD' → '1 janvier 2026' style short French date (dd/mm/yyyy, unambiguous in a table). */
function dateCourte(jour: string): string {
  const [a, m, j] = jour.split('-');
  return `${j}/${m}/${a}`;
}

export function decrirePeriode(p: Periode): string {
  return p.fin ? `du ${dateCourte(p.debut)} au ${dateCourte(p.fin)} (exclu)` : `depuis le ${dateCourte(p.debut)}, sans date de fin`;
}

export function messageConflit(c: Adhesion, raison: 'chevauchement' | 'identique'): string {
  const rel = c.relaisNom ? `au relais « ${c.relaisNom} »` : 'à un autre relais';
  return raison === 'identique'
    ? `La commune est déjà rattachée à ce relais ${decrirePeriode(c)}.`
    : `Ces dates chevauchent le rattachement ${rel} ${decrirePeriode(c)}. Modifiez ou supprimez d’abord ce rattachement.`;
}

/** The membership in force on a day (the one the routing uses). */
export function adhesionDuJour<T extends Periode>(adhesions: T[], jour: string): T | null {
  return adhesions.find((a) => a.debut <= jour && (a.fin === null || jour < a.fin)) ?? null;
}

type CompteStaff = { id: string; role: 'admin' | 'animatrice' | 'commune' | 'gestionnaire-creche'; actif: boolean };

/**
 * Would this change leave the territory with no active admin? (deactivating
 * or demoting the last one is refused, even by herself).
 */
export function retireDernierAdmin(comptes: CompteStaff[], cible: string, apres: { role: CompteStaff['role']; actif: boolean }): boolean {
  const admins = comptes.filter((c) => c.role === 'admin' && c.actif);
  const estAdmin = admins.some((c) => c.id === cible);
  const resteAdmin = apres.role === 'admin' && apres.actif;
  return estAdmin && !resteAdmin && admins.length <= 1;
}

/** Is the home-page announcement shown on that day? (start and end inclusive, null = open) */
export function annonceVisible(t: { annonce: string | null; annonceDebut: string | null; annonceFin: string | null }, jour: string): boolean {
  if (!t.annonce?.trim()) return false;
  return (!t.annonceDebut || t.annonceDebut <= jour) && (!t.annonceFin || jour <= t.annonceFin);
}

export const JOURS_SEMAINE = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
export type HoraireJour = { jour: number; debut: string; fin: string };
const HEURE = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Weekly hours from a form: for each day 1..7, up to two ranges
 * (`h{jour}a-debut`, `h{jour}a-fin`, `h{jour}b-debut`, `h{jour}b-fin`).
 * Returns the ranges or an error per field.
 */
export function lireHoraires(f: Record<string, unknown>): { ok: true; horaires: HoraireJour[] } | { ok: false; erreurs: Record<string, string> } {
  const horaires: HoraireJour[] = [];
  const erreurs: Record<string, string> = {};
  for (let jour = 1; jour <= 7; jour++) {
    const nomJour = JOURS_SEMAINE[jour - 1]!;
    let fin1: string | null = null;
    for (const p of ['a', 'b']) {
      const d = String(f[`h${jour}${p}-debut`] ?? '').trim();
      const fi = String(f[`h${jour}${p}-fin`] ?? '').trim();
      if (!d && !fi) continue;
      const cle = `h${jour}${p}-debut`;
      if (!HEURE.test(d) || !HEURE.test(fi)) {
        erreurs[cle] = `Horaires du ${nomJour} : indiquez le début et la fin au format HH:MM (par exemple 09:00).`;
        continue;
      }
      if (fi <= d) {
        erreurs[cle] = `Horaires du ${nomJour} : la fin doit être après le début.`;
        continue;
      }
      if (fin1 && d < fin1) {
        erreurs[cle] = `Horaires du ${nomJour} : la deuxième plage commence avant la fin de la première.`;
        continue;
      }
      fin1 = fi;
      horaires.push({ jour, debut: d, fin: fi });
    }
  }
  return Object.keys(erreurs).length ? { ok: false, erreurs } : { ok: true, horaires };
}

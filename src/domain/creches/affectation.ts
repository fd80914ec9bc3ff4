/**
 * Crèche places: the commission's proposal as a stable assignment.
 *
 * Family-proposing deferred acceptance (Gale–Shapley): each family proposes
 * to the crèches it ranked, best first; a crèche keeps, for the family's age
 * group, the families with the highest priority up to its places and rejects
 * the others, who propose to their next wish. Priority at a crèche = points
 * at that crèche (more first), then the lottery rank (smaller first).
 *
 * The lottery is one draw for the whole session (single tie-breaking), made
 * from a recorded seed over the families sorted by id, so that the result
 * depends only on the seed and the input, never on the order rows were read,
 * and a family cannot change its draw by changing its wishes. With a single
 * draw, family-proposing deferred acceptance is stable (no family is passed
 * over at a crèche it preferred by one with lower priority) and
 * strategy-proof for families (ranking the crèches truthfully is best).
 *
 * Pure: no I/O, no clock.
 */

export const TRANCHES_CRECHE = ['bebe', 'marcheur', 'grand'] as const;
export type TrancheCreche = (typeof TRANCHES_CRECHE)[number];

export type Candidat = {
  id: string;
  /** Crèches accepted, best first (ids). */
  voeux: readonly string[];
  tranche: TrancheCreche;
  /** Points at each wished crèche (a crèche missing here counts 0). */
  points: Readonly<Record<string, number>>;
};

/** Places to fill: crèche → age group → number. */
export type Places = Readonly<Record<string, Partial<Record<TrancheCreche, number>>>>;

type Affectation = {
  graine: string;
  /** Family → crèche obtained, or null. */
  resultat: Record<string, string | null>;
  /** Family → its rank in the session's draw (1 = drawn first). */
  tirage: Record<string, number>;
};

/** FNV-1a, 32 bits: a string seed to an integer. */
function hacher(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function generateur(graine: string): () => number {
  let a = hacher(graine);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The session's draw: every family id gets a distinct rank (1…n), from the seed only. */
export function tirer(ids: readonly string[], graine: string): Record<string, number> {
  const ordre = [...new Set(ids)].sort();
  const alea = generateur(graine);
  for (let i = ordre.length - 1; i > 0; i--) {
    const j = Math.floor(alea() * (i + 1));
    [ordre[i], ordre[j]] = [ordre[j]!, ordre[i]!];
  }
  const rang: Record<string, number> = {};
  ordre.forEach((id, i) => (rang[id] = i + 1));
  return rang;
}

/** Negative when a has priority over b at crèche `creche`. */
function comparer(a: Candidat, b: Candidat, creche: string, tirage: Readonly<Record<string, number>>): number {
  const d = (b.points[creche] ?? 0) - (a.points[creche] ?? 0);
  return d !== 0 ? d : tirage[a.id]! - tirage[b.id]!;
}

/** Family-proposing deferred acceptance. */
export function affecter(candidats: readonly Candidat[], places: Places, graine: string): Affectation {
  const tirage = tirer(
    candidats.map((c) => c.id),
    graine,
  );
  const parId = new Map(candidats.map((c) => [c.id, c]));
  const ordre = [...parId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Held families per slot "crèche|tranche", kept sorted best first.
  const tenus = new Map<string, Candidat[]>();
  const prochain = new Map<string, number>(ordre.map((c) => [c.id, 0]));
  const libres: Candidat[] = [...ordre].reverse();
  while (libres.length) {
    const c = libres.pop()!;
    let i = prochain.get(c.id)!;
    while (i < c.voeux.length) {
      const creche = c.voeux[i]!;
      i++;
      const capacite = places[creche]?.[c.tranche] ?? 0;
      if (capacite <= 0) continue;
      const cle = `${creche}|${c.tranche}`;
      const liste = tenus.get(cle) ?? [];
      // Insert in priority order (binary search).
      let lo = 0;
      let hi = liste.length;
      while (lo < hi) {
        const m = (lo + hi) >> 1;
        if (comparer(liste[m]!, c, creche, tirage) < 0) lo = m + 1;
        else hi = m;
      }
      if (lo >= capacite) continue; // rejected at once
      liste.splice(lo, 0, c);
      tenus.set(cle, liste);
      if (liste.length > capacite) libres.push(liste.pop()!);
      break;
    }
    prochain.set(c.id, i);
  }
  const resultat: Record<string, string | null> = {};
  for (const c of ordre) resultat[c.id] = null;
  for (const [cle, liste] of tenus) {
    const creche = cle.slice(0, cle.lastIndexOf('|'));
    for (const c of liste) resultat[c.id] = creche;
  }
  return { graine, resultat, tirage };
}

/** A family and a crèche it prefers to its result, where it has priority over a family kept there (or a place is left). */
type PaireBloquante = { famille: string; creche: string };

/** Every blocking pair of an assignment (empty when it is stable). */
export function pairesBloquantes(candidats: readonly Candidat[], places: Places, a: Affectation): PaireBloquante[] {
  const paires: PaireBloquante[] = [];
  for (const c of candidats) {
    const obtenu = a.resultat[c.id] ?? null;
    const limite = obtenu === null ? c.voeux.length : c.voeux.indexOf(obtenu);
    for (const creche of c.voeux.slice(0, limite)) {
      const capacite = places[creche]?.[c.tranche] ?? 0;
      if (capacite <= 0) continue;
      const tenus = candidats.filter((x) => x.tranche === c.tranche && a.resultat[x.id] === creche);
      if (tenus.length < capacite || tenus.some((x) => comparer(c, x, creche, a.tirage) < 0)) paires.push({ famille: c.id, creche });
    }
  }
  return paires;
}

/**
 * A place freed after the session (refusal, no answer): the family that gets
 * it is the one with the highest priority there among those who wished it,
 * are of that age group, are still free to move (not out, not having
 * accepted) and would rather have it than what they hold. When that family
 * held another place, that place is freed in turn. Returns the moves, in
 * order, and the places left empty.
 */
export function reattribuer(
  candidats: readonly Candidat[],
  tirage: Readonly<Record<string, number>>,
  actuel: Readonly<Record<string, string | null>>,
  figes: ReadonlySet<string>,
  libere: { creche: string; tranche: TrancheCreche },
): { mouvements: { famille: string; de: string | null; vers: string }[]; vacantes: { creche: string; tranche: TrancheCreche }[] } {
  const etat: Record<string, string | null> = { ...actuel };
  const mouvements: { famille: string; de: string | null; vers: string }[] = [];
  const vacantes: { creche: string; tranche: TrancheCreche }[] = [];
  const file = [libere];
  let garde = candidats.length + 2;
  while (file.length && garde-- > 0) {
    const p = file.shift()!;
    const prets = candidats.filter((c) => {
      if (figes.has(c.id) || c.tranche !== p.tranche) return false;
      const rang = c.voeux.indexOf(p.creche);
      if (rang < 0) return false;
      const tenu = etat[c.id] ?? null;
      return tenu === null || rang < c.voeux.indexOf(tenu);
    });
    prets.sort((a, b) => comparer(a, b, p.creche, tirage));
    const choisi = prets[0];
    if (!choisi) {
      vacantes.push(p);
      continue;
    }
    const de = etat[choisi.id] ?? null;
    etat[choisi.id] = p.creche;
    mouvements.push({ famille: choisi.id, de, vers: p.creche });
    if (de !== null) file.push({ creche: de, tranche: choisi.tranche });
  }
  return { mouvements, vacantes };
}

/** Where a family stands at a crèche: its rank among those who wished it, by priority. */
export function rangA(candidats: readonly Candidat[], tirage: Readonly<Record<string, number>>, famille: string, creche: string): number | null {
  const c = candidats.find((x) => x.id === famille);
  if (!c || !c.voeux.includes(creche)) return null;
  return 1 + candidats.filter((x) => x.id !== famille && x.tranche === c.tranche && x.voeux.includes(creche) && comparer(x, c, creche, tirage) < 0).length;
}

export const BANDES_RANG = [
  { jusqua: 5, cle: '1-5' },
  { jusqua: 10, cle: '6-10' },
  { jusqua: 25, cle: '11-25' },
  { jusqua: 50, cle: '26-50' },
  { jusqua: Infinity, cle: '51+' },
] as const;
export type BandeRang = (typeof BANDES_RANG)[number]['cle'];

/** The rank shown to a family is a band, not an exact place (which moves every week). */
export function bandeDeRang(rang: number): BandeRang {
  return BANDES_RANG.find((b) => rang <= b.jusqua)!.cle;
}

/** The age group of a child at the start date (months), as on the map (offre/filtres.ts): under 18, 18–35, 36 and over. */
export function trancheDeAge(mois: number): TrancheCreche {
  return mois < 18 ? 'bebe' : mois < 36 ? 'marcheur' : 'grand';
}

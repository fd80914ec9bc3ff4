/**
 * Choosing the communes of a territory from the Code officiel géographique
 * (COG) as shipped by @etalab/decoupage-administratif. Pure: the data arrays
 * are passed in. Communes are matched by INSEE code only, never by name; a
 * former code (commune déléguée, associée, or a code absorbed by a commune
 * nouvelle) resolves to the current commune.
 */

export type CogCommune = {
  code: string;
  nom: string;
  type: string;
  codesPostaux?: string[];
  population?: number;
  anciensCodes?: string[];
  /** For a commune déléguée or associée: the current commune it belongs to. */
  chefLieu?: string;
  /** For an arrondissement municipal (Paris, Lyon, Marseille): its commune. */
  commune?: string;
};
export type CogEpci = { code: string; nom: string; type?: string; membres: { code: string; nom?: string }[] };

export type CommuneCog = { code: string; nom: string; codesPostaux: string[]; population: number | null; epciSiren: string | null };
export type Remplacement = { demande: string; actuel: string; nomActuel: string };
export type PlanTerritoire = {
  id: string;
  nom: string;
  siren: string | null;
  communes: CommuneCog[];
  /** Codes given that are former codes, with the current commune they resolve to. */
  remplacements: Remplacement[];
};
type ResultatPlan = { ok: true; plan: PlanTerritoire } | { ok: false; erreurs: string[] };

const CODE_INSEE = /^(?:\d{2}|2A|2B)\d{3}$/;
const SIREN = /^\d{9}$/;

export type IndexCog = {
  actuelles: Map<string, CogCommune>;
  /** Any code (current, former, déléguée, associée) → current code. */
  versActuelle: Map<string, string>;
  /** Current commune code → SIREN of its EPCI. */
  epciDe: Map<string, string>;
  epci: Map<string, CogEpci>;
};

export function indexerCog(communes: CogCommune[], epci: CogEpci[]): IndexCog {
  const actuelles = new Map<string, CogCommune>();
  for (const c of communes) if (c.type === 'commune-actuelle') actuelles.set(c.code, c);
  const versActuelle = new Map<string, string>();
  for (const c of actuelles.values()) {
    versActuelle.set(c.code, c.code);
    for (const a of c.anciensCodes ?? []) if (!actuelles.has(a)) versActuelle.set(a, c.code);
  }
  for (const c of communes) {
    if (c.type === 'commune-actuelle' || versActuelle.has(c.code)) continue;
    const parent = c.chefLieu ?? c.commune;
    if (parent && actuelles.has(parent)) versActuelle.set(c.code, parent);
  }
  const epciDe = new Map<string, string>();
  for (const e of epci) for (const m of e.membres) epciDe.set(m.code, e.code);
  return { actuelles, versActuelle, epciDe, epci: new Map(epci.map((e) => [e.code, e])) };
}

/** The current INSEE code for any code, or null when the COG does not know it. */
export function codeActuel(index: IndexCog, code: string): string | null {
  return index.versActuelle.get(code.trim().toUpperCase()) ?? null;
}

/** A URL-safe identifier for the territory row, e.g. 'ca-du-pays-de-saint-omer'. */
export function slugTerritoire(nom: string): string {
  return (
    nom
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'territoire'
  );
}

function versCommune(index: IndexCog, c: CogCommune): CommuneCog {
  return {
    code: c.code,
    nom: c.nom,
    codesPostaux: [...(c.codesPostaux ?? [])].sort(),
    population: c.population ?? null,
    epciSiren: index.epciDe.get(c.code) ?? null,
  };
}

type DemandeTerritoire = { epci?: string; communes?: string[]; nom?: string };

/** What `npm run territoire` will write, or every reason it cannot. */
export function planifierTerritoire(index: IndexCog, d: DemandeTerritoire): ResultatPlan {
  const erreurs: string[] = [];
  if (!!d.epci === !!d.communes?.length) return { ok: false, erreurs: ['Indiquez soit --epci <SIREN>, soit --communes <INSEE,INSEE,…> (l’un des deux).'] };
  if (d.epci) {
    const siren = d.epci.trim();
    if (!SIREN.test(siren)) return { ok: false, erreurs: [`« ${siren} » n’est pas un SIREN d’EPCI (9 chiffres).`] };
    const e = index.epci.get(siren);
    if (!e) return { ok: false, erreurs: [`Aucun EPCI de SIREN ${siren} dans le Code officiel géographique.`] };
    const communes: CommuneCog[] = [];
    for (const m of e.membres) {
      const actuel = codeActuel(index, m.code);
      const c = actuel ? index.actuelles.get(actuel) : undefined;
      if (!c) erreurs.push(`Commune membre ${m.code} inconnue du Code officiel géographique.`);
      else if (!communes.some((x) => x.code === c.code)) communes.push(versCommune(index, c));
    }
    if (erreurs.length) return { ok: false, erreurs };
    const nom = d.nom?.trim() || e.nom;
    return { ok: true, plan: { id: slugTerritoire(nom), nom, siren, communes: communes.sort((a, b) => a.code.localeCompare(b.code)), remplacements: [] } };
  }
  const communes: CommuneCog[] = [];
  const remplacements: Remplacement[] = [];
  for (const brut of d.communes!) {
    const code = brut.trim().toUpperCase();
    if (!code) continue;
    if (!CODE_INSEE.test(code)) {
      erreurs.push(`« ${brut.trim()} » n’est pas un code INSEE de commune (5 caractères, par exemple 62765).`);
      continue;
    }
    const actuel = codeActuel(index, code);
    const c = actuel ? index.actuelles.get(actuel) : undefined;
    if (!c) {
      erreurs.push(`Code INSEE ${code} inconnu du Code officiel géographique.`);
      continue;
    }
    if (c.code !== code) remplacements.push({ demande: code, actuel: c.code, nomActuel: c.nom });
    if (!communes.some((x) => x.code === c.code)) communes.push(versCommune(index, c));
  }
  if (erreurs.length) return { ok: false, erreurs };
  if (!communes.length) return { ok: false, erreurs: ['Aucune commune indiquée.'] };
  const nom = d.nom?.trim() || (communes.length === 1 ? communes[0]!.nom : `Territoire de ${communes[0]!.nom}`);
  return { ok: true, plan: { id: slugTerritoire(nom), nom, siren: null, communes: communes.sort((a, b) => a.code.localeCompare(b.code)), remplacements } };
}

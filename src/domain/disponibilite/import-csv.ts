/**
 * Import of the list of assistants maternels sent by the PMI or the CAF.
 * Pure: text in, lines validated one by one out (errors per line number as
 * seen in a spreadsheet: the header is line 1).
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

export type ChampImport = 'nom' | 'prenom' | 'adresse' | 'codePostal' | 'commune' | 'agrement' | 'capacite' | 'ages' | 'telephone' | 'email';

const ALIAS: Record<ChampImport, string[]> = {
  nom: ['nom', 'nomdefamille', 'nomfamille', 'nomusage', 'nomdusage', 'nomdenaissance', 'nomassmat', 'nomam'],
  prenom: ['prenom', 'prenomassmat', 'prenomam'],
  adresse: ['adresse', 'adressepostale', 'adresse1', 'rue', 'voie', 'numeroetvoie', 'adressedomicile'],
  codePostal: ['codepostal', 'cp'],
  commune: ['commune', 'ville', 'localite', 'libellecommune', 'nomcommune', 'codeinsee', 'insee', 'codecommune', 'communeinsee'],
  agrement: [
    'numerodagrement',
    'numeroagrement',
    'agrement',
    'nagrement',
    'noagrement',
    'numagrement',
    'nodagrement',
    'ndagrement',
    'referenceagrement',
    'numeroagrementpmi',
  ],
  capacite: [
    'capacite',
    'capaciteagreee',
    'capaciteaccueil',
    'nombredeplaces',
    'nombreplaces',
    'nombredeplacesagreees',
    'placesagreees',
    'nbplaces',
    'nbplacesagreees',
    'nombredenfants',
    'nombreenfantsagrees',
  ],
  ages: ['ages', 'age', 'agesaccueillis', 'ageaccueilli', 'tranchedage', 'trancheage', 'agedesenfants'],
  telephone: ['telephone', 'tel', 'telephoneportable', 'portable', 'telephonefixe', 'numerodetelephone', 'mobile'],
  email: ['email', 'mail', 'courriel', 'adresseemail', 'adressemail', 'adressecourriel', 'emailam'],
};

export function normaliserEntete(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function normaliserNomCommune(n: string): string {
  return n
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\bSAINTE?\b/g, (m) => (m === 'SAINT' ? 'ST' : 'STE'))
    .replace(/[^A-Z0-9]/g, '');
}

/** Which column holds which field; unknown columns are ignored. */
function correspondanceColonnes(entetes: string[]): Partial<Record<ChampImport, number>> {
  const out: Partial<Record<ChampImport, number>> = {};
  entetes.forEach((h, i) => {
    const n = normaliserEntete(h);
    for (const [champ, alias] of Object.entries(ALIAS) as [ChampImport, string[]][]) {
      if (out[champ] === undefined && alias.includes(n)) out[champ] = i;
    }
  });
  return out;
}

type CsvLu = { entetes: string[]; colonnes: Partial<Record<ChampImport, number>>; lignes: { numero: number; cellules: string[] }[] };
export type ErreurFichier = 'vide' | 'illisible' | { manquantes: ChampImport[] };
const COLONNES_OBLIGATOIRES: ChampImport[] = ['nom', 'prenom', 'commune', 'agrement'];

/** Reads ';' or ',' separated text, UTF-8 with or without BOM. */
export function lireCsv(texte: string): { ok: true; csv: CsvLu } | { ok: false; erreur: ErreurFichier } {
  const sansBom = texte.replace(/^\uFEFF/, '');
  const premiere = sansBom.split(/\r?\n/, 1)[0] ?? '';
  if (!premiere.trim()) return { ok: false, erreur: 'vide' };
  const delimiter = (premiere.match(/;/g)?.length ?? 0) >= (premiere.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rangs: string[][];
  try {
    rangs = parse(sansBom, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true });
  } catch {
    return { ok: false, erreur: 'illisible' };
  }
  const [entetes = [], ...reste] = rangs;
  const colonnes = correspondanceColonnes(entetes);
  const manquantes = COLONNES_OBLIGATOIRES.filter((c) => colonnes[c] === undefined);
  if (manquantes.length) return { ok: false, erreur: { manquantes } };
  const lignes = reste.map((cellules, i) => ({ numero: i + 2, cellules })).filter((l) => l.cellules.some((c) => c.trim() !== ''));
  return { ok: true, csv: { entetes, colonnes, lignes } };
}

/** "0-3 ans", "0 à 6 ans", "3 mois à 11 ans", "0-36 mois" → months; empty → 0 to 6 years. */
export function lireAges(s: string): { ageMinMois: number; ageMaxMois: number } | null {
  const t = s.trim().toLowerCase();
  if (!t) return { ageMinMois: 0, ageMaxMois: 72 };
  const r = /^(\d{1,3})\s*(mois|ans?)?\s*(?:-|à|a|au|–)\s*(\d{1,3})\s*(mois|ans?)?$/.exec(t);
  if (!r) return null;
  const uniteMax = r[4] ?? 'ans';
  const uniteMin = r[2] ?? uniteMax;
  const enMois = (n: string, u: string) => (u.startsWith('mois') ? Number(n) : Number(n) * 12);
  const min = enMois(r[1]!, uniteMin);
  const max = enMois(r[3]!, uniteMax);
  if (min > max || max > 216) return null;
  return { ageMinMois: min, ageMaxMois: max };
}

/** French numbers as 0X XX XX XX XX; +33 accepted. */
export function lireTelephone(s: string): string | null {
  let c = s.replace(/[\s.\-()]/g, '');
  if (c.startsWith('+33')) c = '0' + c.slice(3);
  else if (c.startsWith('0033')) c = '0' + c.slice(4);
  if (!/^0[1-9]\d{8}$/.test(c)) return null;
  return c.replace(/(\d{2})(?=\d)/g, '$1 ');
}

export type LigneAm = {
  nom: string;
  prenom: string;
  adresse: string | null;
  communeCode: string;
  agrement: string;
  capacite: number;
  ageMinMois: number;
  ageMaxMois: number;
  telephone: string | null;
  email: string | null;
};
export type CodeErreurLigne =
  | 'agrement-hors-perimetre'
  | 'commune-sans-position'
  | 'nom'
  | 'prenom'
  | 'commune'
  | 'commune-hors-perimetre'
  | 'agrement'
  | 'agrement-double'
  | 'capacite'
  | 'ages'
  | 'telephone'
  | 'email';
export type LigneValidee = { numero: number; ok: true; valeur: LigneAm } | { numero: number; ok: false; erreurs: CodeErreurLigne[]; apercu: string };

const ligneSchema = z.object({
  nom: z.string().trim().min(1, 'nom').max(100, 'nom'),
  prenom: z.string().trim().min(1, 'prenom').max(100, 'prenom'),
  agrement: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9/ ._-]{2,39}$/, 'agrement'),
  capacite: z.coerce.number({ error: 'capacite' }).int('capacite').min(1, 'capacite').max(6, 'capacite'),
  email: z.union([z.literal(''), z.email('email').max(200, 'email')]),
});

type CommuneConnue = { code: string; nom: string; codesPostaux?: string[] };

/**
 * Validates every line. `communes` are the communes the importer may use
 * (her relais, or the whole territory for an admin); `territoire` all known
 * communes, to tell "unknown" from "outside your relais".
 */
export function validerLignes(csv: CsvLu, o: { communes: CommuneConnue[]; territoire: CommuneConnue[] }): LigneValidee[] {
  const permises = new Set(o.communes.map((c) => c.code));
  const parCode = new Map(o.territoire.map((c) => [c.code, c]));
  const parNom = new Map<string, CommuneConnue[]>();
  for (const c of o.territoire) {
    const k = normaliserNomCommune(c.nom);
    parNom.set(k, [...(parNom.get(k) ?? []), c]);
  }
  const vus = new Set<string>();
  const cell = (l: { cellules: string[] }, c: ChampImport) => {
    const i = csv.colonnes[c];
    return i === undefined ? '' : (l.cellules[i] ?? '').trim();
  };
  return csv.lignes.map((l): LigneValidee => {
    const erreurs: CodeErreurLigne[] = [];
    const p = ligneSchema.safeParse({
      nom: cell(l, 'nom'),
      prenom: cell(l, 'prenom'),
      agrement: cell(l, 'agrement'),
      capacite: cell(l, 'capacite') || '4',
      email: cell(l, 'email'),
    });
    if (!p.success) for (const iss of p.error.issues) erreurs.push(iss.message as CodeErreurLigne);
    // Commune: INSEE code, or name (with the postal code to tell homonyms apart).
    const brute = cell(l, 'commune');
    const cp = cell(l, 'codePostal');
    let commune = /^\d[\dAB]\d{3}$/i.test(brute) ? parCode.get(brute.toUpperCase()) : undefined;
    if (!commune && brute) {
      const cands = parNom.get(normaliserNomCommune(brute)) ?? [];
      commune = cands.length === 1 ? cands[0] : cands.find((c) => cp && c.codesPostaux?.includes(cp));
    }
    if (!commune) erreurs.push('commune');
    else if (!permises.has(commune.code)) erreurs.push('commune-hors-perimetre');
    const ages = lireAges(cell(l, 'ages'));
    if (!ages) erreurs.push('ages');
    const telBrut = cell(l, 'telephone');
    const telephone = telBrut ? lireTelephone(telBrut) : null;
    if (telBrut && !telephone) erreurs.push('telephone');
    const agrement = cell(l, 'agrement').toUpperCase().replace(/\s+/g, '');
    if (p.success && vus.has(agrement)) erreurs.push('agrement-double');
    if (p.success) vus.add(agrement);
    if (erreurs.length || !p.success || !commune || !ages) {
      return {
        numero: l.numero,
        ok: false,
        erreurs: [...new Set(erreurs)],
        apercu: [cell(l, 'prenom'), cell(l, 'nom'), brute, cell(l, 'agrement')].filter(Boolean).join(' · ').slice(0, 120),
      };
    }
    const adresse = cell(l, 'adresse');
    return {
      numero: l.numero,
      ok: true,
      valeur: {
        nom: p.data.nom,
        prenom: p.data.prenom,
        adresse: adresse || null,
        communeCode: commune.code,
        agrement,
        capacite: p.data.capacite,
        ...ages,
        telephone,
        email: p.data.email ? p.data.email.toLowerCase() : null,
      },
    };
  });
}

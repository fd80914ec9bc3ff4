/**
 * Places of the offer other than assistants maternels (EAJE, MAM,
 * périscolaire, garde à domicile): one validation for the form and the CSV
 * import. The CSV import is all or nothing: one bad line and nothing is written.
 */
import { parse } from 'csv-parse/sync';
import { lireAges, lireTelephone, normaliserEntete, normaliserNomCommune } from '../disponibilite/import-csv';

export const TYPES_LIEU = {
  creche: 'Crèche, multi-accueil, halte-garderie (EAJE)',
  'micro-creche': 'Micro-crèche',
  mam: 'Maison d’assistants maternels (MAM)',
  periscolaire: 'Accueil périscolaire ou de loisirs',
  'garde-a-domicile': 'Service de garde à domicile',
} as const;
export type TypeLieu = keyof typeof TYPES_LIEU;

const ALIAS_TYPE: Record<string, TypeLieu> = {
  creche: 'creche',
  multiaccueil: 'creche',
  eaje: 'creche',
  haltegarderie: 'creche',
  crechecollective: 'creche',
  crecheparentale: 'creche',
  microcreche: 'micro-creche',
  mam: 'mam',
  maisondassistantsmaternels: 'mam',
  maisondassistantesmaternelles: 'mam',
  periscolaire: 'periscolaire',
  alsh: 'periscolaire',
  accueildeloisirs: 'periscolaire',
  gardeadomicile: 'garde-a-domicile',
  gardedomicile: 'garde-a-domicile',
};
function lireType(s: string): TypeLieu | null {
  return ALIAS_TYPE[normaliserEntete(s)] ?? null;
}

type CommuneRef = { code: string; nom: string; codesPostaux: string[]; centreLat: number | null; centreLon: number | null };
export type LieuAccueil = {
  type: TypeLieu;
  nom: string;
  communeCode: string;
  adresse: string | null;
  capacite: number;
  ageMinMois: number;
  ageMaxMois: number;
  telephone: string | null;
  email: string | null;
  gestionnaire: string | null;
  lat: number;
  lon: number;
};
export type Brut = Partial<
  Record<'type' | 'nom' | 'commune' | 'codePostal' | 'adresse' | 'capacite' | 'ages' | 'telephone' | 'email' | 'gestionnaire' | 'lat' | 'lon', string>
>;

/** Key that tells duplicates: same type, same name (accents, case, punctuation aside), same commune. */
export function cleLieu(l: { type: string; nom: string; communeCode: string }): string {
  return `${l.type}|${normaliserNomCommune(l.nom)}|${l.communeCode}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const nombreFr = (s: string) => Number(s.trim().replace(',', '.'));

/** Validates one place; errors are per field, in French. */
export function validerLieu(b: Brut, communes: CommuneRef[]): { ok: true; valeur: LieuAccueil } | { ok: false; erreurs: Record<string, string> } {
  const e: Record<string, string> = {};
  const t = (k: keyof Brut) => (b[k] ?? '').trim();
  const type = lireType(t('type'));
  if (!type) e.type = `Type inconnu « ${t('type')} » (crèche, micro-crèche, MAM, périscolaire, garde à domicile)`;
  const nom = t('nom');
  if (!nom) e.nom = 'Indiquez le nom';
  else if (nom.length > 200) e.nom = '200 caractères au plus';
  const brute = t('commune');
  let commune = /^\d[\dAB]\d{3}$/i.test(brute) ? communes.find((c) => c.code === brute.toUpperCase()) : undefined;
  if (!commune && brute) {
    const cands = communes.filter((c) => normaliserNomCommune(c.nom) === normaliserNomCommune(brute));
    commune = cands.length === 1 ? cands[0] : cands.find((c) => t('codePostal') && c.codesPostaux.includes(t('codePostal')));
  }
  if (!commune) e.commune = brute ? `Commune « ${brute} » inconnue du territoire (indiquez son code INSEE)` : 'Indiquez la commune';
  const capacite = t('capacite') ? Number(t('capacite')) : NaN;
  if (!Number.isInteger(capacite) || capacite < 1 || capacite > 500) e.capacite = 'Nombre de places invalide (1 à 500)';
  const ages = lireAges(t('ages'));
  if (!ages) e.ages = 'Âges invalides (par exemple « 0-3 ans » ou « 2 mois à 4 ans »)';
  const telephone = t('telephone') ? lireTelephone(t('telephone')) : null;
  if (t('telephone') && !telephone) e.telephone = 'Numéro de téléphone invalide (exemple : 03 21 00 00 00)';
  const email = t('email').toLowerCase() || null;
  if (email && (!EMAIL.test(email) || email.length > 200)) e.email = 'Adresse électronique invalide';
  let lat: number | null = t('lat') ? nombreFr(t('lat')) : null;
  let lon: number | null = t('lon') ? nombreFr(t('lon')) : null;
  if (lat !== null && !(Math.abs(lat) <= 90)) e.lat = 'Latitude invalide (nombre entre -90 et 90, par exemple 50.75)';
  if (lon !== null && !(Math.abs(lon) <= 180)) e.lon = 'Longitude invalide (nombre entre -180 et 180, par exemple 2.25)';
  if ((lat === null) !== (lon === null)) e[lat === null ? 'lat' : 'lon'] = 'Indiquez la latitude et la longitude, ou aucune des deux';
  if (commune && lat === null && lon === null) {
    lat = commune.centreLat;
    lon = commune.centreLon;
    if (lat === null || lon === null) e.lat = 'Indiquez la position (latitude et longitude) : les contours de cette commune ne sont pas encore déposés';
  }
  const adresse = t('adresse');
  if (adresse.length > 300) e.adresse = '300 caractères au plus';
  if (Object.keys(e).length || !type || !commune || !ages || lat === null || lon === null) return { ok: false, erreurs: e };
  return {
    ok: true,
    valeur: {
      type,
      nom,
      communeCode: commune.code,
      adresse: adresse || null,
      capacite,
      ...ages,
      telephone,
      email,
      gestionnaire: t('gestionnaire') || null,
      lat,
      lon,
    },
  };
}

const COLONNES: Record<keyof Brut, string[]> = {
  type: ['type', 'typedaccueil', 'typeaccueil', 'categorie', 'typedestructure', 'typestructure'],
  nom: ['nom', 'nomdelastructure', 'nomstructure', 'raisonsociale', 'denomination', 'libelle'],
  commune: ['commune', 'codeinsee', 'insee', 'codecommune', 'ville', 'nomcommune'],
  codePostal: ['codepostal', 'cp'],
  adresse: ['adresse', 'adressepostale', 'rue', 'voie'],
  capacite: ['capacite', 'places', 'nombredeplaces', 'nbplaces', 'capaciteagreee'],
  ages: ['ages', 'age', 'agesaccueillis', 'trancheage', 'tranchedage'],
  telephone: ['telephone', 'tel'],
  email: ['email', 'courriel', 'mail'],
  gestionnaire: ['gestionnaire', 'organisme', 'porteur'],
  lat: ['latitude', 'lat', 'y'],
  lon: ['longitude', 'lon', 'lng', 'x'],
};
const OBLIGATOIRES: (keyof Brut)[] = ['type', 'nom', 'commune', 'capacite'];

export type LigneLieu = { numero: number; apercu: string } & ({ ok: true; valeur: LieuAccueil } | { ok: false; erreurs: string[] });
type LectureCsv = { ok: true; lignes: LigneLieu[] } | { ok: false; erreur: string };

/** Reads and validates the whole file; duplicates inside the file are errors. */
export function lireCsvLieux(texte: string, communes: CommuneRef[]): LectureCsv {
  const sansBom = texte.replace(/^\uFEFF/, '');
  if (sansBom.includes('\u0000'))
    return { ok: false, erreur: 'Ce fichier n’est pas un texte CSV (contenu binaire : un classeur Excel ? Enregistrez-le en « CSV UTF-8 »).' };
  const premiere = sansBom.split(/\r?\n/, 1)[0] ?? '';
  if (!premiere.trim()) return { ok: false, erreur: 'Le fichier est vide.' };
  const delimiter = (premiere.match(/;/g)?.length ?? 0) >= (premiere.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rangs: string[][];
  try {
    rangs = parse(sansBom, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    return { ok: false, erreur: `Le fichier CSV ne se lit pas (${err instanceof Error ? err.message.split('\n')[0] : 'erreur de lecture'}).` };
  }
  const [entetes = [], ...reste] = rangs;
  const index: Partial<Record<keyof Brut, number>> = {};
  entetes.forEach((h, i) => {
    const n = normaliserEntete(h);
    for (const [k, alias] of Object.entries(COLONNES) as [keyof Brut, string[]][]) if (index[k] === undefined && alias.includes(n)) index[k] = i;
  });
  const manquantes = OBLIGATOIRES.filter((k) => index[k] === undefined);
  if (manquantes.length)
    return {
      ok: false,
      erreur: `Colonnes obligatoires absentes : ${manquantes.join(', ')}. La première ligne doit nommer les colonnes (type;nom;commune;capacite…).`,
    };
  if (!reste.length) return { ok: false, erreur: 'Le fichier n’a que la ligne des titres.' };
  const vues = new Map<string, number>();
  const lignes = reste.map((cellules, i): LigneLieu => {
    const numero = i + 2;
    const brut = Object.fromEntries(Object.entries(index).map(([k, j]) => [k, cellules[j!] ?? ''])) as Brut;
    const apercu = [brut.type, brut.nom, brut.commune].filter(Boolean).join(' · ').slice(0, 120);
    const r = validerLieu(brut, communes);
    if (!r.ok) return { numero, apercu, ok: false, erreurs: Object.values(r.erreurs) };
    const cle = cleLieu(r.valeur);
    const avant = vues.get(cle);
    if (avant) return { numero, apercu, ok: false, erreurs: [`Doublon de la ligne ${avant} (même type, même nom, même commune)`] };
    vues.set(cle, numero);
    return { numero, apercu, ok: true, valeur: r.valeur };
  });
  return { ok: true, lignes };
}

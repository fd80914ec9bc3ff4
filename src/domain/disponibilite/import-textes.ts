/**
 * What the staff read about an AM list import (src/pages/admin/offre/import.astro):
 * why the file was refused, why a line is ignored. French only, like /admin.
 */
import type { ChampImport, CodeErreurLigne, ErreurFichier } from './import-csv';

/** Why a line of the file is ignored. */
export const MOTIFS_LIGNE: Record<CodeErreurLigne, string> = {
  nom: 'nom manquant',
  prenom: 'prénom manquant',
  commune: 'commune inconnue',
  'commune-hors-perimetre': 'commune hors de votre relais',
  agrement: 'numéro d’agrément manquant ou invalide',
  'agrement-double': 'numéro d’agrément déjà présent plus haut dans le fichier',
  'agrement-hors-perimetre': 'assistant maternel déjà connu dans un autre relais',
  'commune-sans-position': 'commune sans position connue : déposez d’abord les contours des communes',
  capacite: 'nombre de places invalide (1 à 6)',
  ages: 'âges illisibles (ex. 0-3 ans)',
  telephone: 'téléphone invalide',
  email: 'e-mail invalide',
};

/** The problems of one line, in one sentence. */
export const motifsLigne = (codes: readonly string[]): string => codes.map((c) => MOTIFS_LIGNE[c as CodeErreurLigne] ?? c).join(' ; ');

/** Column names as they read in a spreadsheet's first line. */
const COLONNES: Record<ChampImport, string> = {
  nom: 'nom',
  prenom: 'prénom',
  adresse: 'adresse',
  codePostal: 'code postal',
  commune: 'commune',
  agrement: 'numéro d’agrément',
  capacite: 'nombre de places',
  ages: 'âges',
  telephone: 'téléphone',
  email: 'e-mail',
};

/** Why the file itself was refused: the message next to the file field. */
export function texteErreurFichier(e: ErreurFichier | 'absent' | 'trop-gros'): string {
  if (e === 'absent') return 'Choisissez un fichier CSV.';
  if (e === 'trop-gros') return 'Fichier trop gros : 2 Mo au plus.';
  if (e === 'vide') return 'Le fichier est vide : choisissez le fichier de la liste.';
  if (e === 'illisible') return 'Le fichier n’est pas un CSV lisible : enregistrez-le au format CSV (séparateur point-virgule ou virgule, UTF-8).';
  return `Colonnes obligatoires absentes : ${e.manquantes.map((c) => COLONNES[c]).join(', ')}. Vérifiez la première ligne du fichier.`;
}

import { describe, expect, it } from 'vitest';
import { MOTIFS_LIGNE, motifsLigne, texteErreurFichier } from '../../../src/domain/disponibilite/import-textes';
import { LIBELLES_ETAT_DISPO, estARelancer, nomStructure } from '../../../src/domain/disponibilite/libelles-staff';
import { lireCsv } from '../../../src/domain/disponibilite/import-csv';

describe('what staff read about an AM list import', () => {
  it('says why the file was refused, naming missing columns as in a spreadsheet', () => {
    expect(texteErreurFichier('absent')).toBe('Choisissez un fichier CSV.');
    expect(texteErreurFichier('trop-gros')).toMatch(/2 Mo au plus/);
    expect(texteErreurFichier('vide')).toMatch(/^Le fichier est vide/);
    expect(texteErreurFichier('illisible')).toMatch(/^Le fichier n’est pas un CSV lisible/);
    expect(texteErreurFichier({ manquantes: ['prenom', 'agrement'] })).toBe(
      'Colonnes obligatoires absentes : prénom, numéro d’agrément. Vérifiez la première ligne du fichier.',
    );
  });

  it('explains a file read by the importer', () => {
    const r = lireCsv('Nom;Commune\nTournesol;Richebourg\n');
    expect(r.ok ? '' : texteErreurFichier(r.erreur)).toMatch(/^Colonnes obligatoires absentes : prénom, numéro d’agrément\./);
  });

  it('joins the problems of a line, keeping an unknown code as it is', () => {
    expect(motifsLigne(['commune', 'telephone'])).toBe('commune inconnue ; téléphone invalide');
    expect(motifsLigne(['nouveau-code'])).toBe('nouveau-code');
    expect(Object.values(MOTIFS_LIGNE).every((m) => m.length > 0)).toBe(true);
  });
});

describe('how the back office names a place', () => {
  it('names an AM by first and last name, a structure by its name', () => {
    expect(nomStructure({ type: 'assistant-maternel', nom: 'AM 12', prenom: 'Léa', nomFamille: 'Tournesol' })).toBe('Léa Tournesol');
    expect(nomStructure({ type: 'assistant-maternel', nom: 'AM 12', prenom: null, nomFamille: null })).toBe('AM 12');
    expect(nomStructure({ type: 'mam', nom: 'MAM Les Lutins', prenom: 'x', nomFamille: 'y' })).toBe('MAM Les Lutins');
  });

  it('reminds only places whose availability is stale or unknown', () => {
    expect(Object.keys(LIBELLES_ETAT_DISPO).filter((e) => estARelancer(e as keyof typeof LIBELLES_ETAT_DISPO))).toEqual(['a-confirmer', 'inconnu']);
  });
});

import { describe, expect, it } from 'vitest';
import { lireAges, lireCsv, lireTelephone, validerLignes } from '../../../src/domain/disponibilite/import-csv';

const communes = [
  { code: '62498', nom: 'Lillers', codesPostaux: ['62190'] },
  { code: '62757', nom: 'Saint-Venant', codesPostaux: ['62350'] },
];
const territoire = [...communes, { code: '62119', nom: 'Béthune', codesPostaux: ['62400'] }];

describe('CSV list of assistants maternels from the PMI', () => {
  it('reads a ; separated file with a BOM and accented headers', () => {
    const r = lireCsv(
      "\uFEFFNom;Prénom;Adresse;Commune;N° d'agrément;Nombre de places agréées;Âges;Téléphone;Courriel\nBrioche;Amandine;3 rue Pasteur;Lillers;AGR-1;3;0-3 ans;06 11 22 33 44;a@exemple.fr\n",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [l] = validerLignes(r.csv, { communes, territoire });
    expect(l).toEqual({
      numero: 2,
      ok: true,
      valeur: {
        nom: 'Brioche',
        prenom: 'Amandine',
        adresse: '3 rue Pasteur',
        communeCode: '62498',
        agrement: 'AGR-1',
        capacite: 3,
        ageMinMois: 0,
        ageMaxMois: 36,
        telephone: '06 11 22 33 44',
        email: 'a@exemple.fr',
      },
    });
  });
  it('reads a , separated file with an INSEE code and a "ST" commune name', () => {
    const r = lireCsv('nom,prenom,code insee,numero agrement,capacite\n"Doudou, épouse Nuage",Zoé,62757,AGR-2,4\nPapillon,Léa,St Venant,AGR-3,2\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = validerLignes(r.csv, { communes, territoire });
    expect(v.map((x) => x.ok && [x.valeur.nom, x.valeur.communeCode])).toEqual([
      ['Doudou, épouse Nuage', '62757'],
      ['Papillon', '62757'],
    ]);
  });
  it('reports each bad line with its spreadsheet number and reasons', () => {
    const r = lireCsv(
      'nom;prenom;commune;agrement;capacite;ages;telephone;email\n' +
        ';Ana;Lillers;A-10;3;;;\n' +
        'X;Y;Paris;A-11;3;;;\n' +
        'X;Y;Béthune;A-12;3;;;\n' +
        'X;Y;Lillers;A-13;9;;12;pas-un-mail\n' +
        'X;Y;Lillers;A-14;3;0-3 ans;;\n' +
        'X;Y;Lillers;A-14;3;;;\n',
    );
    if (!r.ok) throw new Error('unreadable');
    const v = validerLignes(r.csv, { communes, territoire });
    expect(v.filter((x) => !x.ok).map((x) => !x.ok && [x.numero, x.erreurs])).toEqual([
      [2, ['nom']],
      [3, ['commune']],
      [4, ['commune-hors-perimetre']],
      [5, ['capacite', 'email', 'telephone']],
      [7, ['agrement-double']],
    ]);
  });
  it('refuses a file without the columns it needs', () => {
    expect(lireCsv('nom;ville\nA;B\n')).toEqual({ ok: false, erreur: { manquantes: ['prenom', 'agrement'] } });
    expect(lireCsv('')).toEqual({ ok: false, erreur: 'vide' });
  });
  it('understands the usual ways of writing ages and phone numbers', () => {
    expect(lireAges('0 à 6 ans')).toEqual({ ageMinMois: 0, ageMaxMois: 72 });
    expect(lireAges('3 mois à 11 ans')).toEqual({ ageMinMois: 3, ageMaxMois: 132 });
    expect(lireAges('0-36 mois')).toEqual({ ageMinMois: 0, ageMaxMois: 36 });
    expect(lireAges('bébés')).toBeNull();
    expect(lireTelephone('+33 6 12 34 56 78')).toBe('06 12 34 56 78');
    expect(lireTelephone('12')).toBeNull();
  });
});

/**
 * The « Lieux d’accueil » page (admin): its actions, including the CSV
 * import in two steps (a preview that stays on the page, then the
 * confirmation that carries the same file), and its view model.
 */
import type { Db } from '../db';
import { champ, exigerAdmin, type Erreurs, type Resultat } from './commun';
import { valeur, type Etat, type Gestionnaire } from './page';
import { ACTIONS_LIEUX, communesRef, importerLieux, listerLieuxAccueil, previsualiserLieux, type Apercu } from './lieux-accueil';
import { TYPES_LIEU } from '../../domain/territoire/lieux-accueil';
import { libelleAges } from '../../domain/territoire/affichage';

/** Field name → visible label, in the order of the fields (error summary). */
export const LIBELLES_LIEUX: Record<string, string> = {
  type: 'Type',
  nom: 'Nom',
  commune: 'Commune',
  adresse: 'Adresse',
  capacite: 'Nombre de places',
  ages: 'Âges accueillis',
  gestionnaire: 'Gestionnaire',
  telephone: 'Téléphone',
  email: 'Adresse électronique',
  lat: 'Latitude',
  lon: 'Longitude',
  structureId: 'Lieu d’accueil',
  fichier: 'Fichier',
};
const CHAMPS_AJOUT = ['type', 'nom', 'commune', 'adresse', 'capacite', 'ages', 'gestionnaire', 'telephone', 'email', 'lat', 'lon'] as const;
const RESULTATS = { creer: 'ajouté', modifier: 'modifié', inchange: 'inchangé' } as const;

/** What the preview step leaves for the page: the preview and the file to confirm (base64, in a hidden field). */
type Importation = { apercu: Apercu | null; fichierB64: string };

/** The page's forms; `importation` is filled by the preview (which never redirects). */
export function actionsLieuxAccueil(): { actions: Record<string, Gestionnaire>; importation: Importation } {
  const importation: Importation = { apercu: null, fichierB64: '' };
  const actions: Record<string, Gestionnaire> = {
    ...ACTIONS_LIEUX,
    apercu: async (d, u, f): Promise<Resultat> => {
      exigerAdmin(u);
      const texte = champ(f, 'fichier');
      if (!texte) return { ok: false, erreurs: { fichier: 'Choisissez un fichier CSV' } };
      const apercu = await previsualiserLieux(d, texte);
      if (!apercu.ok) return { ok: false, erreurs: { fichier: apercu.erreur } };
      importation.apercu = apercu;
      importation.fichierB64 = Buffer.from(texte, 'utf8').toString('base64');
      return { ok: false, erreurs: {} }; // stay on the page to show the preview
    },
    importer: (d, u, f) => importerLieux(d, u, Buffer.from(champ(f, 'contenu'), 'base64').toString('utf8')),
  };
  return { actions, importation };
}

export async function chargerLieuxAccueil(db: Db, e: Etat, importation: Importation) {
  const [lieux, communes] = await Promise.all([listerLieuxAccueil(db), communesRef(db)]);
  const options = {
    types: [{ value: '', label: '— choisir —' }, ...Object.entries(TYPES_LIEU).map(([value, label]) => ({ value, label }))],
    communes: [{ value: '', label: '— choisir —' }, ...communes.map((c) => ({ value: c.code, label: `${c.nom} (${c.code})` }))],
  };
  const ajout = {
    valeurs: Object.fromEntries(CHAMPS_AJOUT.map((k) => [k, valeur(e, 'creer', k)])),
    erreurs: (e.action === 'creer' ? e.erreurs : {}) as Erreurs,
  };
  const a = importation.apercu;
  const apercu =
    a && a.ok
      ? {
          ...a,
          fichierB64: importation.fichierB64,
          lignes: a.lignes.map((l) => ({
            numero: l.numero,
            apercu: l.apercu,
            resultat: l.ok ? RESULTATS[(l as { action: keyof typeof RESULTATS }).action] : null,
            erreurs: l.ok ? '' : l.erreurs.join(' ; '),
          })),
        }
      : null;
  const erreurFichier = e.action === 'apercu' || e.action === 'importer' ? e.erreurs.fichier : undefined;
  const lignes = lieux.map((l) => ({
    id: l.id,
    nom: l.nom,
    actif: l.actif,
    type: TYPES_LIEU[l.type as keyof typeof TYPES_LIEU] ?? l.type,
    communeNom: l.communeNom,
    capacite: l.capacite,
    ages: libelleAges(l.ageMinMois, l.ageMaxMois),
  }));
  return { lieux: lignes, options, ajout, apercu, erreurFichier };
}
export type VueLieuxAccueil = Awaited<ReturnType<typeof chargerLieuxAccueil>>;

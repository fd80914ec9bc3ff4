/**
 * How the back office names a place and its availability (French only, like
 * /admin): the offer list, one place's page (src/pages/admin/offre/).
 */
import type { EtatAffiche } from './fraicheur';
import type { Tranche } from './mise-a-jour';

/** An AM is named "Prénom Nom"; a structure by its name. */
export function nomStructure(s: { type: string; nom: string; prenom: string | null; nomFamille: string | null }): string {
  return s.type === 'assistant-maternel' ? `${s.prenom ?? ''} ${s.nomFamille ?? ''}`.trim() || s.nom : s.nom;
}

/** Places whose availability needs a reminder: not confirmed lately, or never given. */
export const estARelancer = (e: EtatAffiche): boolean => e === 'a-confirmer' || e === 'inconnu';

export const LIBELLES_ETAT_DISPO: Record<EtatAffiche, string> = {
  disponible: 'Place disponible',
  complet: 'Complet',
  'a-confirmer': 'À confirmer',
  inconnu: 'Inconnu',
};
/** The badge's modifier class (src/styles/global.css). */
export const CLASSES_ETAT_DISPO: Record<EtatAffiche, string> = { disponible: 'badge--ok', complet: '', 'a-confirmer': 'badge--alerte', inconnu: 'badge--miel' };

export const LIBELLES_TRANCHE: Record<Tranche, string> = {
  bebe: 'Bébé (moins de 18 mois)',
  marcheur: 'Marcheur (18 mois à 3 ans)',
  grand: 'Grand (3 ans et plus)',
  periscolaire: 'Périscolaire',
};

/** Who gave an availability (history of one place). */
export const LIBELLES_SOURCE_DISPO: Record<string, string> = {
  am: 'par elle-même',
  gestionnaire: 'par la structure',
  rpe: 'par le relais (appel)',
  relance: 'bouton du courriel de relance',
  import: 'import',
  demo: 'données de démonstration',
};

export const libelleStatutDispo = (s: string): string => (s === 'places' ? 'Places libres' : s === 'complet' ? 'Complet' : 'Inconnu');

/** Error codes of the availability form (src/domain/disponibilite/mise-a-jour.ts) as staff read them. */
export const TEXTES_ERREUR_DISPO: Record<string, string> = {
  tranche: 'Choisissez la tranche d’âge.',
  'aucune-place': 'Choisissez la tranche d’âge de la place.',
  date: 'Date invalide (JJ/MM/AAAA).',
  nombre: 'Nombre de places entre 1 et 99.',
  heure: 'Heure invalide (HH:MM).',
  heures: 'L’heure de fin doit suivre l’heure de début.',
  action: 'Action inconnue.',
};

/**
 * Labels of a demande's back-office screens (French only, like /admin):
 * filing a demande for a family, its file, its follow-up.
 */
import { LIBELLES_ISSUE } from '../contacts/regles';

/** Day names by ISO number (1 = Monday), index 0 unused. */
export const NOMS_JOURS = ['', 'Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'] as const;

/** How a contact with the family ended: the contacts' labels (src/domain/contacts/regles.ts), "joint" said of a family. Only « Famille jointe » and « Rendez-vous fixé » count as the first contact. */
export const LIBELLES_ISSUE_CONTACT: Record<string, string> = { ...LIBELLES_ISSUE, joint: 'Famille jointe' };

/** The kind of solution the family found. */
export const LIBELLES_SOLUTION: Record<string, string> = {
  eaje: 'EAJE (crèche, multi-accueil)',
  'micro-creche': 'Micro-crèche',
  am: 'Assistant maternel',
  mam: 'MAM',
  'garde-a-domicile': 'Garde à domicile',
  periscolaire: 'Périscolaire',
  autre: 'Autre',
};

/** Availability of a suggested place. */
export const LIBELLES_DISPO_SUGGESTION: Record<string, string> = {
  disponible: 'Place libre',
  'a-confirmer': 'À confirmer',
  complet: 'Complet',
  inconnu: 'Inconnue',
};

/** The family's answer to a follow-up email. */
export const LIBELLES_REPONSE_RELANCE: Record<string, string> = {
  contrat: 'Contrat signé',
  recherche: 'Cherche encore',
  'plus-besoin': 'Plus besoin',
  oui: 'Toujours d’actualité',
  non: 'Plus d’actualité',
};

/** Labels of the demande form's fields filled by staff (src/pages/admin/demandes/nouvelle.astro), in page order. */
export const LIBELLES_SAISIE_DEMANDE: Record<string, string> = {
  canal: 'Canal',
  p1Prenom: 'Prénom du parent',
  p1Nom: 'Nom du parent',
  email: 'Courriel',
  telephone: 'Téléphone',
  canalPrefere: 'Préférence de contact',
  langueContact: 'Langue',
  commune: 'Commune',
  communeAutre: 'Commune hors territoire',
  e0Statut: 'Enfant',
  e0Naissance: 'Date de naissance',
  dateDebut: 'Date de début',
  j1: 'Jours',
  urgenceMotif: 'Motif de l’urgence',
  mode1: 'Mode souhaité',
  consentementContact: 'Accord de la famille',
};

/** The parent's fields of that form. */
export const CHAMPS_PARENT_SAISIE = [
  { nom: 'p1Prenom', label: 'Prénom du parent', type: 'text' },
  { nom: 'p1Nom', label: 'Nom du parent', type: 'text' },
  { nom: 'email', label: 'Courriel (facultatif)', type: 'email' },
  { nom: 'telephone', label: 'Téléphone', type: 'tel' },
  { nom: 'adresse', label: 'Adresse (facultatif)', type: 'text' },
] as const;

/**
 * The contact log of a relais: every exchange with a family or a
 * professional, with its public, its main motif and its outcome.
 *
 * The motif lists follow the CAF activity report of a Relais Petite Enfance
 * (bilan d'activité, mission 1 « information des familles et des
 * professionnels », seed 003): a contact is counted once per exchange (a
 * family that called three times in the year counts three times), under its
 * main motif.
 *
 * Only a contact that reached the family ends the first-contact clock: a
 * message left or a number that does not answer is logged and counted, but
 * the family is still waiting for its first answer.
 */
import { ISSUES_CONTACT } from '../vocabulaire';

/** Who the relais spoke with. */
export const PUBLICS_CONTACT = ['famille', 'assistant-maternel', 'garde-a-domicile', 'candidat'] as const;
export type PublicContact = (typeof PUBLICS_CONTACT)[number];
export const PUBLICS_PRO: readonly Exclude<PublicContact, 'famille'>[] = ['assistant-maternel', 'garde-a-domicile', 'candidat'];

/** Main motif of a contact with a family (CAF report: information to parents). */
export const MOTIFS_CONTACT_FAMILLE = ['recherche-mode-accueil', 'role-employeur', 'parentalite', 'autre'] as const;
/** Main motif of a contact with a professional or a candidate to the métier. */
export const MOTIFS_CONTACT_PRO = [
  'agrement',
  'contrat-droits',
  'remuneration',
  'formation',
  'sous-activite',
  'recherche-parents-employeurs',
  'autre',
] as const;
export type MotifFamille = (typeof MOTIFS_CONTACT_FAMILLE)[number];
type MotifPro = (typeof MOTIFS_CONTACT_PRO)[number];
export type MotifContact = MotifFamille | MotifPro;

export const LIBELLES_PUBLIC: Record<PublicContact, string> = {
  famille: 'Famille',
  'assistant-maternel': 'Assistant maternel',
  'garde-a-domicile': 'Garde à domicile',
  candidat: 'Candidat au métier',
};

export const LIBELLES_MOTIF_FAMILLE: Record<MotifFamille, string> = {
  'recherche-mode-accueil': 'Recherche d’un mode d’accueil',
  'role-employeur': 'Rôle d’employeur, contrat de travail',
  parentalite: 'Accompagnement à la parentalité',
  autre: 'Autre sujet',
};
export const LIBELLES_MOTIF_PRO: Record<MotifPro, string> = {
  agrement: 'Agrément',
  'contrat-droits': 'Contrat et droits',
  remuneration: 'Rémunération',
  formation: 'Formation',
  'sous-activite': 'Sous-activité',
  'recherche-parents-employeurs': 'Recherche de parents employeurs',
  autre: 'Autre sujet',
};

type IssueContact = (typeof ISSUES_CONTACT)[number];
export const LIBELLES_ISSUE: Record<IssueContact, string> = {
  joint: 'Personne jointe',
  'message-laisse': 'Message laissé',
  injoignable: 'Injoignable',
  'rdv-fixe': 'Rendez-vous fixé',
  autre: 'Autre',
};

/** Outcomes where the relais actually reached the person. */
const ISSUES_ABOUTIES: readonly IssueContact[] = ['joint', 'rdv-fixe'];

/** Does this contact count as the family's first contact (and stop the clock)? */
export function compteCommePremierContact(c: { public: PublicContact; issue: string | null | undefined }): boolean {
  return c.public === 'famille' && !!c.issue && (ISSUES_ABOUTIES as readonly string[]).includes(c.issue);
}

/** Is `motif` in the list of `public`? */
export function motifValide(pub: PublicContact, motif: string): boolean {
  const liste: readonly string[] = pub === 'famille' ? MOTIFS_CONTACT_FAMILLE : MOTIFS_CONTACT_PRO;
  return liste.includes(motif);
}

export function libelleMotif(pub: string, motif: string | null): string {
  if (!motif) return 'Motif non renseigné';
  const t: Record<string, string> = pub === 'famille' ? LIBELLES_MOTIF_FAMILLE : LIBELLES_MOTIF_PRO;
  return t[motif] ?? motif;
}

/** Default threshold of the "sous-activité" list: free places declared and still free after this many months. */
export const SOUS_ACTIVITE_MOIS_DEFAUT = 3;
export const SOUS_ACTIVITE_MOIS_MAX = 24;

/**
 * Since when an AM has declared free places without interruption, from her
 * availability history (oldest first or not): the start of the latest run of
 * `places` rows. null when her latest declaration is not `places`.
 */
export function placesLibresDepuis(historique: readonly { le: Date; statut: string }[]): Date | null {
  const tri = [...historique].sort((a, b) => a.le.getTime() - b.le.getTime());
  let debut: Date | null = null;
  for (const h of tri) {
    if (h.statut === 'places') debut ??= h.le;
    else debut = null;
  }
  return debut;
}

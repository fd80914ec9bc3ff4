/**
 * What the professional's answer page (/relation/<jeton>) says: the label of
 * each answer, the thanks once recorded, and the order of the buttons (the
 * answer the email link names comes first). Pure; French only, like /pro.
 */
import { estReponsePro, REPONSES_PRO, type ReponsePro } from './mise-en-relation';

export const LIBELLES_REPONSE_PRO: Record<ReponsePro, string> = {
  contacte: 'J’ai contacté la famille',
  contrat: 'Nous avons signé un contrat',
  'sans-suite': 'Pas d’accord possible',
};

export const MERCI_REPONSE_PRO: Record<ReponsePro, string> = {
  contacte: 'Merci : le relais sait que vous avez contacté la famille. Revenez sur ce lien quand vous aurez signé un contrat, ou si rien n’est possible.',
  contrat: 'Merci : le contrat est enregistré. Le relais prendra des nouvelles de la famille dans quelques mois.',
  'sans-suite': 'Merci : le relais sait que l’accueil ne se fera pas et cherchera une autre solution avec la famille.',
};

/** The answers in button order: the one proposed by the link first (when it is one), then the others. */
export function ordreReponsesPro(propose: unknown): ReponsePro[] {
  return estReponsePro(propose) ? [propose, ...REPONSES_PRO.filter((x) => x !== propose)] : [...REPONSES_PRO];
}

/** " (réponse actuelle : J’ai contacté la famille)" when she already answered, else "". */
export function reponseActuelle(issue: string): string {
  if (issue === 'en-attente') return '';
  return ` (réponse actuelle : ${estReponsePro(issue) ? LIBELLES_REPONSE_PRO[issue] : issue})`;
}

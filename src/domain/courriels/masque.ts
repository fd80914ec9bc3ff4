/**
 * Private links (follow-up, RDV, registration, AM sign-in, reminders) give
 * whoever holds them the family's or the professional's rights. Staff read
 * emails to help, never to act as the family: the token is masked.
 */
const LIEN_PRIVE = /(\/(?:suivi|rdv\/gerer|reunions\/inscription|pro\/lien|pro\/confirmer|relance(?:\/offre)?|relation)\/)[A-Za-z0-9._~%-]{6,}/g;
const JETON_MASQUE = '[lien privé masqué]';

export function masquerLiensPrives(texte: string): string {
  return texte.replace(LIEN_PRIVE, `$1${JETON_MASQUE}`);
}

/**
 * How the territory back office words what it lists (French only, like
 * /admin): a staff account's state, a site's weekly hours, a place's ages.
 */
import { JOURS_SEMAINE, type HoraireJour } from './regles';

/** "actif", "invité, jamais connecté" or "désactivé", with the second factor when set up. */
export function etatCompte(c: { actif: boolean; dejaConnecte: boolean; doubleFacteur: boolean }): string {
  const etat = c.actif ? (c.dejaConnecte ? 'actif' : 'invité, jamais connecté') : 'désactivé';
  return c.doubleFacteur ? `${etat}, double authentification` : etat;
}

/** "lundi 09:00–12:00, 14:00–17:00 ; mercredi 14:00–17:30" (empty when closed all week). */
export function resumeHoraires(h: HoraireJour[]): string {
  return JOURS_SEMAINE.map((j, i) => ({ j, p: h.filter((x) => x.jour === i + 1) }))
    .filter((x) => x.p.length)
    .map((x) => `${x.j} ${x.p.map((p) => `${p.debut}–${p.fin}`).join(', ')}`)
    .join(' ; ');
}

/** The `rang`-th range (0 or 1) of a day, if any. */
export function plageDuJour(h: HoraireJour[], jour: number, rang: number): HoraireJour | undefined {
  return h.filter((x) => x.jour === jour)[rang];
}

/** Ages of a place: "10 mois à 3 ans", "0 mois à 6 ans", "3 ans à 11 ans"; months below 2 years, whole years above. */
export function libelleAges(minMois: number, maxMois: number): string {
  const min = minMois < 24 ? `${minMois} mois` : `${Math.round(minMois / 12)} ans`;
  const max = maxMois % 12 === 0 ? `${maxMois / 12} ans` : `${maxMois} mois`;
  return `${min} à ${max}`;
}

/** The names of the 28 time fields of a week (h<day><a|b>-<debut|fin>, day 1 = Monday), as lireHoraires reads them. */
export function champsHoraires(): string[] {
  return JOURS_SEMAINE.flatMap((_, i) => ['a', 'b'].flatMap((p) => ['debut', 'fin'].map((b) => `h${i + 1}${p}-${b}`)));
}

/** A week of hours as the form's fields (champsHoraires), empty where there is no range. */
export function saisieHoraires(h: HoraireJour[]): Record<string, string> {
  const s: Record<string, string> = {};
  for (let jour = 1; jour <= JOURS_SEMAINE.length; jour++)
    ['a', 'b'].forEach((p, rang) => {
      const plage = plageDuJour(h, jour, rang);
      s[`h${jour}${p}-debut`] = plage?.debut ?? '';
      s[`h${jour}${p}-fin`] = plage?.fin ?? '';
    });
  return s;
}

/**
 * Pure rules of the AM's training page (/pro/formations): where her wish
 * stands, which button she gets, how the dates read.
 */
import { dateEnMots } from '../temps';

const ETATS: Record<string, string> = {
  souhait: 'Vous avez dit que cette formation vous intéresse.',
  inscrit: 'Le relais vous a inscrite dans un groupe.',
  parti: 'Vous êtes partie en formation.',
};

/** The badge for her wish (none when she has none or took it back). */
export const etatVoeu = (statut: string | null): string | null => (statut && ETATS[statut]) || null;

/**
 * The button of a session: say it interests her (no wish, or taken back),
 * take the wish back (a mere wish), or none (already grouped or gone, or
 * the session has begun: `debut` and `aujourdhui` are Paris days YYYY-MM-DD).
 */
export function boutonVoeu(statut: string | null, debut: string, aujourdhui: string): 'souhait' | 'retirer' | null {
  if (debut <= aujourdhui) return null;
  if (statut === 'souhait') return 'retirer';
  return statut === null || statut === 'retire' ? 'souhait' : null;
}

/** "le 3 mars 2026" or "du 3 mars 2026 au 4 mars 2026". */
export const datesFormation = (debut: string, fin: string): string =>
  debut === fin ? `le ${dateEnMots(debut)}` : `du ${dateEnMots(debut)} au ${dateEnMots(fin)}`;

/**
 * The anonymised job offer relayed to assistants maternels: the need without
 * any name, contact, address or free text the family wrote. Pure.
 */
import { dateEnMots } from '../temps';

const JOURS = ['', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

type BesoinAnonyme = {
  communeNom: string | null;
  dateDebut: string;
  ageMoisAuDebut: number | null;
  nbEnfants: number;
  planning: readonly { jour: number; debut: string; fin: string }[];
  regularite: string;
  horairesAtypiques: boolean;
  urgence: boolean;
  handicap: boolean;
  periscolaire: boolean;
};

function age(mois: number | null): string {
  if (mois === null) return 'âge non précisé';
  if (mois === 0) return 'nourrisson (naissance attendue ou moins d’un mois)';
  if (mois < 24) return `${mois} mois`;
  return `${Math.floor(mois / 12)} ans${mois % 12 ? ` ${mois % 12} mois` : ''}`;
}

export function texteOffreAnonyme(b: BesoinAnonyme): string {
  const debut = dateEnMots(b.dateDebut);
  const lignes = [
    `Une famille ${b.communeNom ? `de ${b.communeNom} ` : ''}cherche un accueil à partir du ${debut}.`,
    `${b.nbEnfants > 1 ? `${b.nbEnfants} enfants, le plus jeune` : 'Un enfant'} : ${age(b.ageMoisAuDebut)} au début de l’accueil.`,
    `Accueil ${b.regularite === 'occasionnelle' ? 'occasionnel' : 'régulier'} :`,
    ...[...b.planning].sort((x, y) => x.jour - y.jour).map((c) => `- ${JOURS[c.jour] ?? c.jour} de ${c.debut.replace(':', 'h')} à ${c.fin.replace(':', 'h')}`),
  ];
  const flags = [
    b.horairesAtypiques && 'horaires atypiques',
    b.urgence && 'besoin urgent',
    b.handicap && 'enfant ayant des besoins particuliers (handicap)',
    b.periscolaire && 'accueil périscolaire',
  ].filter(Boolean);
  if (flags.length) lignes.push(`À noter : ${flags.join(', ')}.`);
  return lignes.join('\n');
}

/**
 * The back-office queue: filters read from the URL, keyset cursors, badges
 * and the "first contact overdue" rule. Pure: `maintenant` is passed in.
 */
import { z } from 'zod';
import { addDays, subDays } from 'date-fns';
import { ETATS, ETATS_OUVERTS, type Etat } from './etats';
import { MODES } from './schema';
import { delaiPremierContact } from './suivi';

export const TAILLE_PAGE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Orders of the queue: by date (keyset pages), or by urgency, family name or commune (numbered pages). */
export const TRIS = ['recent', 'ancien', 'urgence', 'nom', 'commune'] as const;
type Tri = (typeof TRIS)[number];
export const LIBELLES_TRI: Record<Tri, string> = {
  recent: 'Plus récentes d’abord',
  ancien: 'Plus anciennes d’abord',
  urgence: 'Urgentes et en retard d’abord',
  nom: 'Nom de la famille (A → Z)',
  commune: 'Commune (A → Z)',
};
export const triParDate = (t: Tri) => t === 'recent' || t === 'ancien';

/** Folds a text as the search compares it: lower case, no accents. */
function plierRecherche(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What the staff typed in the queue's search box: the folded text (name,
 * reference, e-mail), and the digits of a phone number compared on their last
 * nine ("06 12 34 56 78", "+33 6 12 34 56 78" and "0612345678" are the same).
 */
export function termesRecherche(q: string): { texte: string; chiffres: string | null } {
  const texte = plierRecherche(q).slice(0, 100);
  const chiffres = q.replace(/\D/g, '');
  const telephone = /^[\d\s.+()-]+$/.test(q.trim()) && chiffres.length >= 4 ? chiffres.slice(-9) : null;
  return { texte, chiffres: telephone };
}

/** Numbered pages for the orders that are not by date ('p:25' = from the 26th row). */
export function decoderDecalage(s: string | undefined): number {
  const m = /^p:(\d{1,6})$/.exec(s ?? '');
  return m ? Number(m[1]) : 0;
}

/** Shortcuts of the queue: what needs doing. */
const SIGNAUX = ['nouvelle', 'retard', 'suivi'] as const;
export type Signal = (typeof SIGNAUX)[number];

const vide = (v: unknown) => (v === '' || v === null ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(vide, s.optional().catch(undefined));
const oui = z.preprocess(vide, z.enum(['oui']).optional().catch(undefined)).transform((v) => v === 'oui');

export const schemaFiltres = z.object({
  etat: opt(z.enum(ETATS)),
  signal: opt(z.enum(SIGNAUX)),
  commune: opt(z.string().regex(/^\d[\dAB]\d{3}$/)),
  secteur: opt(z.string().regex(UUID)),
  urgence: oui,
  handicap: oui,
  atypique: oui,
  ageMin: opt(z.coerce.number().int().min(0).max(240)),
  ageMax: opt(z.coerce.number().int().min(0).max(240)),
  mode: opt(z.enum(MODES)),
  assignee: opt(z.union([z.literal('moi'), z.literal('personne'), z.string().regex(UUID)])),
  du: opt(z.string().regex(DATE)),
  au: opt(z.string().regex(DATE)),
  relais: opt(z.string().regex(UUID)),
  /** A family's name, a reference, a phone number or an e-mail address. */
  q: opt(z.string().trim().min(1).max(100)),
  tri: z.preprocess(vide, z.enum(TRIS).default('recent').catch('recent')),
  apres: opt(z.string().max(100)),
});
export type Filtres = z.infer<typeof schemaFiltres>;

/** Filters from the query string; an invalid value is ignored, never an error. */
export function lireFiltres(q: URLSearchParams): Filtres {
  return schemaFiltres.parse(Object.fromEntries(q.entries()));
}

/** The query string of `f` with some values replaced (undefined removes one). */
export function versRecherche(f: Partial<Filtres>, changer: Partial<Record<keyof Filtres, string | boolean | number | undefined>> = {}): string {
  const tout: Record<string, unknown> = { ...f, ...changer };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(tout)) {
    if (v === undefined || v === false || v === '' || v === null) continue;
    if (k === 'tri' && v === 'recent') continue;
    q.set(k, v === true ? 'oui' : String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

type Curseur = { creeLe: Date; id: string };

export function encoderCurseur(c: Curseur): string {
  return `${c.creeLe.toISOString()}_${c.id}`;
}
export function decoderCurseur(s: string | undefined): Curseur | null {
  if (!s) return null;
  const m = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/i.exec(s);
  if (!m || !UUID.test(m[2]!)) return null;
  const d = new Date(m[1]!);
  return Number.isNaN(d.getTime()) ? null : { creeLe: d, id: m[2]! };
}

/** A demande created before this instant and still without a first contact is overdue. */
export function limitePremierContact(urgence: boolean, delaiRelaisJours: number, maintenant: Date): Date {
  return subDays(maintenant, delaiPremierContact(urgence, delaiRelaisJours));
}

/** When the first contact is due. */
function echeancePremierContact(creeLe: Date, urgence: boolean, delaiRelaisJours: number): Date {
  return addDays(creeLe, delaiPremierContact(urgence, delaiRelaisJours));
}

export type Badge = { cle: Signal | 'urgence' | 'handicap' | 'atypique' | 'doublon'; libelle: string; ton: 'alerte' | 'miel' | 'ok' | 'neutre' };

type DemandePourBadges = {
  etat: Etat;
  creeLe: Date;
  premierContactLe: Date | null;
  doublonPossibleDeId?: string | null;
  urgence: boolean;
  handicap: boolean;
  horairesAtypiques: boolean;
  suiviDu: boolean;
};

/** What the queue shows next to a demande, most pressing first. */
export function badges(d: DemandePourBadges, delaiRelaisJours: number, maintenant: Date): Badge[] {
  const out: Badge[] = [];
  // The clock runs until a contact reaches the family (src/domain/contacts/regles.ts), whatever the state:
  // a demande put in touch with an AM before anyone spoke with the family is still waiting for its first answer.
  const enAttente = !d.premierContactLe && (ETATS_OUVERTS as readonly Etat[]).includes(d.etat);
  if (enAttente && echeancePremierContact(d.creeLe, d.urgence, delaiRelaisJours).getTime() < maintenant.getTime()) {
    out.push({ cle: 'retard', libelle: 'Premier contact en retard', ton: 'alerte' });
  } else if (d.etat === 'nouvelle') {
    out.push({ cle: 'nouvelle', libelle: 'Nouvelle', ton: 'ok' });
  }
  if (d.doublonPossibleDeId && (ETATS_OUVERTS as readonly Etat[]).includes(d.etat)) out.push({ cle: 'doublon', libelle: 'Doublon possible', ton: 'miel' });
  if (d.suiviDu) out.push({ cle: 'suivi', libelle: 'Suivi à faire', ton: 'miel' });
  if (d.urgence) out.push({ cle: 'urgence', libelle: 'Urgent', ton: 'alerte' });
  if (d.handicap) out.push({ cle: 'handicap', libelle: 'Handicap', ton: 'neutre' });
  if (d.horairesAtypiques) out.push({ cle: 'atypique', libelle: 'Horaires atypiques', ton: 'neutre' });
  return out;
}

export const LIBELLES_ETAT: Record<Etat, string> = {
  nouvelle: 'Nouvelle',
  'en-cours': 'En cours',
  'solution-proposee': 'Solution proposée',
  'mise-en-relation': 'Mise en relation',
  'solution-trouvee': 'Solution trouvée',
  'sans-solution': 'Sans solution',
  abandonnee: 'Abandonnée',
  'hors-territoire': 'Hors territoire',
};

export const LIBELLES_TRANSITION: Record<string, string> = {
  deposer: 'Dépôt',
  deposerHorsTerritoire: 'Dépôt hors territoire',
  prendreEnCharge: 'Prendre en charge (premier contact fait)',
  proposerSolution: 'Proposer une solution',
  mettreEnRelation: 'Mettre en relation',
  conclure: 'Solution trouvée',
  classerSansSolution: 'Classer sans solution',
  abandonner: 'Abandonner',
  reprendre: 'Reprendre la demande',
  rattacher: 'Rattacher au relais',
  miseAJourFamille: 'Mise à jour par la famille',
  fusionDoublon: 'Fusion d’un doublon',
  doublonEcarte: 'Pas un doublon',
};

export const LIBELLES_MODE: Record<string, string> = {
  collectif: 'Accueil collectif',
  'assistant-maternel': 'Assistant maternel',
  mam: 'MAM',
  'garde-a-domicile': 'Garde à domicile',
};

/** Age in months shown as "8 mois" or "2 ans 3 mois". */
export function ageLisible(mois: number | null): string {
  if (mois === null) return '—';
  if (mois < 24) return `${mois} mois`;
  const a = Math.floor(mois / 12);
  const m = mois % 12;
  return m ? `${a} ans ${m} mois` : `${a} ans`;
}

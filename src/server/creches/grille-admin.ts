/**
 * The territory adopts a new version of the points grid (admin only): every
 * figure of the grid, the adoption date (today or later, so that the grid in
 * force on a past day never changes) and the decision that adopted it.
 */
import { z } from 'zod';
import type { Db } from '../db';
import { journaliser } from '../audit';
import type { Staff } from '../auth/staff';
import { AccesRefuse } from '../auth/acces';
import { ACTIVITES, type Grille } from '../../domain/creches/grille';
import { jourParis } from '../../domain/temps';
import { adopterGrille } from './donnees';
import type { Erreurs, Resultat, Saisie } from '../staff/contexte';

export const NB_TRANCHES_QF = 4;
const points = z.coerce
  .number('Indiquez un nombre de points.')
  .int('Indiquez un nombre entier.')
  .min(0, 'Pas de points négatifs.')
  .max(500, '500 points au plus.');

/** The form's fields from a grid (prefill with the grid in force). */
export function saisieDeGrille(g: Grille | null): Saisie {
  if (!g) return {};
  const s: Saisie = {
    source: '',
    quotientInconnu: String(g.quotientInconnu),
    fratrie: String(g.fratrie),
    handicap: String(g.handicap),
    accompagnement: String(g.accompagnement),
    parentIsole: String(g.parentIsole),
    commune: String(g.commune),
    ancienneteParMois: String(g.anciennete.parMois),
    anciennetePlafond: String(g.anciennete.plafond),
  };
  for (const a of ACTIVITES) s[`activite-${a}`] = String(g.activite[a]);
  g.quotient.slice(0, NB_TRANCHES_QF).forEach((b, i) => {
    s[`qf${i}-jusqua`] = b.jusqua === null ? '' : String(b.jusqua);
    s[`qf${i}-points`] = String(b.points);
  });
  return s;
}

export async function adopterGrilleFormulaire(db: Db, u: Staff, territoireId: string, saisie: Saisie, maintenant = new Date()): Promise<Resultat> {
  if (u.role !== 'admin') throw new AccesRefuse();
  const erreurs: Erreurs = {};
  const lire = (k: string): number => {
    const r = points.safeParse(String(saisie[k] ?? '').trim() || undefined);
    if (!r.success) erreurs[k] = r.error.issues[0]!.message;
    return r.success ? r.data : 0;
  };
  const adopteeLe = String(saisie.adopteeLe ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(adopteeLe)) erreurs.adopteeLe = 'Indiquez la date d’adoption.';
  else if (adopteeLe < jourParis(maintenant))
    erreurs.adopteeLe = 'La date d’adoption ne peut pas être passée : la grille en vigueur un jour passé ne change jamais.';
  const source = String(saisie.source ?? '').trim();
  if (source.length < 5) erreurs.source = 'Indiquez la décision qui adopte la grille (délibération, date).';
  const activite = Object.fromEntries(ACTIVITES.map((a) => [a, lire(`activite-${a}`)])) as Grille['activite'];
  const quotient: Grille['quotient'][number][] = [];
  let precedent = -1;
  for (let i = 0; i < NB_TRANCHES_QF; i++) {
    const brut = String(saisie[`qf${i}-jusqua`] ?? '').trim();
    const pts = String(saisie[`qf${i}-points`] ?? '').trim();
    if (!brut && !pts) continue;
    const p = lire(`qf${i}-points`);
    if (!brut) {
      quotient.push({ jusqua: null, points: p });
      break;
    }
    const j = Number(brut);
    if (!Number.isInteger(j) || j <= precedent || j > 100000) erreurs[`qf${i}-jusqua`] = 'Indiquez des plafonds entiers et croissants.';
    precedent = j;
    quotient.push({ jusqua: j, points: p });
  }
  if (!quotient.length || quotient[quotient.length - 1]!.jusqua !== null)
    erreurs['qf0-jusqua'] ??= 'La dernière tranche de quotient n’a pas de plafond (laissez-le vide).';
  const g: Grille = {
    version: 0,
    adopteeLe,
    source,
    activite,
    quotient,
    quotientInconnu: lire('quotientInconnu'),
    fratrie: lire('fratrie'),
    handicap: lire('handicap'),
    accompagnement: lire('accompagnement'),
    parentIsole: lire('parentIsole'),
    anciennete: { parMois: lire('ancienneteParMois'), plafond: lire('anciennetePlafond') },
    commune: lire('commune'),
  };
  if (Object.keys(erreurs).length) return { ok: false, erreurs, saisie };
  const row = await adopterGrille(db, territoireId, g);
  await journaliser(db, u, 'creches.grille.adopter', 'grille-points', row.id, { version: row.version, adopteeLe });
  return { ok: true, redirection: '/admin/creches/grille?fait=adoptee' };
}

/**
 * Who may see what. Every staff route calls one of these on the server;
 * tests try to cross each line.
 */
import type { Staff } from './staff';

export class AccesRefuse extends Error {
  constructor(message = 'Accès refusé') {
    super(message);
  }
}

/** A demande (or anything attached to a relais and maybe a sector). */
export type Perimetre = { relaisId: string | null; secteurId?: string | null; communeCode?: string | null };

/** Personal data of families: admin, or an animatrice of that relais (and of that sector if she has one). */
export function peutVoirDonneesPersonnelles(u: Staff, p: Perimetre): boolean {
  if (u.role === 'admin') return true;
  if (u.role !== 'animatrice' || !u.relaisId || p.relaisId !== u.relaisId) return false;
  return !u.secteurId || !p.secteurId || p.secteurId === u.secteurId;
}

/** A RDV or a réunion of a relais: its agenda is open to the whole team of that relais. */
export function peutVoirRdv(u: Staff, p: { relaisId: string | null }): boolean {
  return u.role === 'admin' || (u.role === 'animatrice' && !!u.relaisId && p.relaisId === u.relaisId);
}

/** Acting on a RDV (mark, move, cancel) follows the demande's rule: an animatrice of another sector may not. */
export function peutAgirSurRdv(u: Staff, p: Perimetre): boolean {
  return peutVoirRdv(u, p) && peutVoirDonneesPersonnelles(u, p);
}

export function exigerDonneesPersonnelles(u: Staff, p: Perimetre): void {
  if (!peutVoirDonneesPersonnelles(u, p)) throw new AccesRefuse();
}
export function exigerRole(u: Staff, ...roles: Staff['role'][]): void {
  if (!roles.includes(u.role)) throw new AccesRefuse();
}

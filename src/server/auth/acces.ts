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

export function exigerDonneesPersonnelles(u: Staff, p: Perimetre): void {
  if (!peutVoirDonneesPersonnelles(u, p)) throw new AccesRefuse();
}
export function exigerRole(u: Staff, ...roles: Staff['role'][]): void {
  if (!roles.includes(u.role)) throw new AccesRefuse();
}

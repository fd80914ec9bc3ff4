/**
 * The AM / structure space (/pro): who is signed in, and every form of the
 * page (sign-in by link or code, "J'ai une place" / "Je n'ai pas de place",
 * what to publish, hide or show on the map). No password; the session's own
 * CSRF token protects the forms behind sign-in.
 */
import { z } from 'zod';
import type { Db } from '../db';
import type { Config } from '../config';
import { COOKIE_PRO, demanderLien, entrerParCode, sessionPro, type SessionPro } from '../disponibilite/comptes';
import { changerVisibilite, enregistrerDisponibilite, enregistrerPublication, lireStructure, type StructurePro } from '../disponibilite/mise-a-jour';
import { csrfValide } from '../disponibilite/page-pro';
import { ATYPIQUES, champPlace, lireFormulaireDispo, lirePublication } from '../../domain/disponibilite/mise-a-jour';
import { jourParis } from '../../domain/temps';
import { limiteAtteinte, noterUsage } from '../auth/limites';

export { COOKIE_PRO };
const LIGNES_MAX = 20;

export type EspacePro = { session: SessionPro; structure: StructurePro } | null;

/** The signed-in place, if the session is valid and the place still active. */
export async function lireEspacePro(db: Db, jeton: string | undefined, maintenant: Date): Promise<EspacePro> {
  const session = await sessionPro(db, jeton, maintenant);
  const structure = session ? await lireStructure(db, session.compte.structureId) : null;
  return session && structure?.actif ? { session, structure } : null;
}

type Saisie = Record<string, string | string[]>;
/** Errors are keys of the pro dictionary (`pro.erreurs.<code>`), by field name. */
type ResultatPro =
  | { ok: true; redirection: string; cookie?: { jeton: string; expire: Date } }
  | { ok: false; statut: 200 | 401 | 403 | 422 | 429; erreurs: Record<string, string>; saisie: Saisie; lienEnvoye?: boolean };

const schemaAction = z.enum(['lien', 'code', 'places', 'complet', 'publier', 'masquer', 'montrer']);

export async function agirPro(db: Db, config: Config, espace: EspacePro, saisie: Saisie, o: { ip: string; maintenant: Date }): Promise<ResultatPro> {
  const un = (k: string) => {
    const v = saisie[k];
    return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  };
  const action = schemaAction.safeParse(un('action'));
  if (!action.success) return { ok: false, statut: 422, erreurs: { action: 'action' }, saisie };
  const { maintenant } = o;
  switch (action.data) {
    case 'lien': {
      const email = un('email').trim();
      if (!z.email().safeParse(email).success) return { ok: false, statut: 422, erreurs: { email: 'email' }, saisie };
      const qui = { ip: o.ip, cible: email };
      if (await limiteAtteinte(db, 'lien-pro', qui, maintenant)) return { ok: false, statut: 429, erreurs: { email: 'tropDeTentatives' }, saisie };
      await noterUsage(db, 'lien-pro', qui, maintenant);
      await demanderLien(db, { email, publicUrl: config.publicUrl, maintenant });
      return { ok: false, statut: 200, erreurs: {}, saisie, lienEnvoye: true };
    }
    case 'code': {
      const r = await entrerParCode(db, { code: un('code'), ip: o.ip, maintenant });
      if (r.ok) return { ok: true, redirection: '/pro', cookie: { jeton: r.jeton, expire: r.expire } };
      const trop = r.raison === 'trop-de-tentatives';
      return { ok: false, statut: trop ? 429 : 401, erreurs: { code: trop ? 'tropDeTentatives' : r.raison === 'expire' ? 'codeExpire' : 'code' }, saisie };
    }
  }
  // Everything else needs the session and its token.
  if (!espace) return { ok: false, statut: 403, erreurs: { action: 'session' }, saisie };
  if (!csrfValide(espace.session.csrf, un('_csrf'))) return { ok: false, statut: 403, erreurs: { action: 'session' }, saisie };
  const { structure } = espace;
  switch (action.data) {
    case 'places':
    case 'complet': {
      const r = lireFormulaireDispo(saisie, {
        lignes: LIGNES_MAX,
        aujourdhui: jourParis(maintenant),
        nombreModifiable: structure.type !== 'assistant-maternel',
      });
      if (!r.ok) return { ok: false, statut: 422, erreurs: r.erreurs, saisie };
      await enregistrerDisponibilite(db, {
        structureId: structure.id,
        miseAJour: r.miseAJour,
        source: structure.type === 'assistant-maternel' ? 'am' : 'gestionnaire',
        maintenant,
      });
      return { ok: true, redirection: `/pro?fait=${r.miseAJour.statut}` };
    }
    case 'publier':
      if (structure.type !== 'assistant-maternel') return { ok: false, statut: 422, erreurs: { action: 'action' }, saisie };
      await enregistrerPublication(db, structure.id, lirePublication(saisie), maintenant);
      return { ok: true, redirection: '/pro?fait=publication' };
    case 'masquer':
    case 'montrer':
      await changerVisibilite(db, structure.id, action.data === 'montrer', maintenant);
      return { ok: true, redirection: `/pro?fait=${action.data === 'montrer' ? 'montre' : 'masque'}` };
  }
}

export type LignePlace = {
  tranche: string;
  nombre: string;
  date: string;
  jours: string[];
  debut: string;
  fin: string;
  atypiques: string[];
  urgence: boolean;
  periscolaire: boolean;
};

const liste = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** The rows of the places form: what was typed (after an error) or the places on record plus empty rows to add one. */
export function lignesDuFormulaire(structure: StructurePro, saisie: Saisie | null): LignePlace[] {
  const lignes: LignePlace[] = [];
  if (saisie) {
    for (let i = 0; i < LIGNES_MAX; i++) {
      const c = (k: Parameters<typeof champPlace>[1]) => saisie[champPlace(i, k)];
      if (c('tranche') === undefined && c('date') === undefined) break;
      lignes.push({
        tranche: String(c('tranche') ?? ''),
        nombre: String(c('nombre') ?? '1'),
        date: String(c('date') ?? ''),
        jours: liste(c('jours')),
        debut: String(c('debut') ?? ''),
        fin: String(c('fin') ?? ''),
        atypiques: liste(c('atypiques')),
        urgence: c('urgence') === 'oui',
        periscolaire: c('periscolaire') === 'oui',
      });
    }
    return lignes;
  }
  const estAm = structure.type === 'assistant-maternel';
  for (const p of structure.places) {
    lignes.push({
      tranche: p.trancheAge,
      nombre: String(p.nombre),
      date: String(p.aPartirDu),
      jours: (p.jours ?? []).map(String),
      debut: p.heureDebut ?? '',
      fin: p.heureFin ?? '',
      atypiques: ATYPIQUES.filter((k) => p.horairesAtypiques?.[k]),
      urgence: p.urgence,
      periscolaire: p.periscolaire,
    });
  }
  // One empty row to add a place (an AM up to her capacity; a structure a few more).
  const max = estAm ? Math.max(1, Math.min(structure.capacite, 4)) : Math.min(LIGNES_MAX, lignes.length + 2);
  while (lignes.length < max && (lignes.length === 0 || !estAm || lignes.length < structure.places.length + 1)) {
    lignes.push({ tranche: '', nombre: '1', date: '', jours: [], debut: '', fin: '', atypiques: [], urgence: false, periscolaire: false });
  }
  return lignes;
}

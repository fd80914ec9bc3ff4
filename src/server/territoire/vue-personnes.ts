/**
 * The « Personnes » page (admin): its actions and its view model. The page
 * calls `actionsPersonnes` through traiterFormulaire, then renders what
 * `chargerPersonnes` returns; every value a failed form needs (typed values,
 * errors next to the right person's fields) is already worked out here.
 */
import type { Db } from '../db';
import type { Erreurs } from './commun';
import { valeur, type Etat, type Gestionnaire } from './page';
import {
  changerActivation,
  exigerDoubleFacteur,
  inviterPersonne,
  listerPersonnes,
  modifierPersonne,
  reinitialiserPersonne,
  retirerDoubleFacteur,
  ROLES_COMPTE,
} from './personnes';
import { territoireCourant } from './parametres';
import { listerRelais } from './relais';
import { listeCommunes } from '../requetes/territoire';
import { crechesParticipantes } from '../creches/donnees';
import { ROLES_STAFF } from '../../domain/securite/totp';
import { etatCompte } from '../../domain/territoire/affichage';

type Option = { value: string; label: string };

/** Field name → visible label, in the order of the fields (error summary). */
export const LIBELLES_PERSONNES: Record<string, string> = {
  email: 'Adresse électronique',
  nom: 'Prénom et nom',
  role: 'Rôle',
  roles: 'Rôle',
  relaisId: 'Relais',
  secteurId: 'Secteur',
  communeCode: 'Commune',
  structureId: 'Crèche',
  utilisateurId: 'Compte',
};

/** The page's forms, by their `action` field. */
export function actionsPersonnes(o: { publicUrl: string }): Record<string, Gestionnaire> {
  return {
    inviter: (d, u, f) => inviterPersonne(d, u, f, o),
    modifier: modifierPersonne,
    activation: changerActivation,
    reinitialiser: (d, u, f) => reinitialiserPersonne(d, u, f, o),
    'exiger-2fa': exigerDoubleFacteur,
    'retirer-2fa': retirerDoubleFacteur,
  };
}

const CHAMPS_MODIFIER = ['nom', 'role', 'relaisId', 'secteurId', 'communeCode', 'structureId'] as const;
const ACTIONS_SUR_COMPTE = ['activation', 'reinitialiser', 'retirer-2fa'];

export async function chargerPersonnes(db: Db, e: Etat) {
  const [personnes, territoire, relais, communes] = await Promise.all([listerPersonnes(db), territoireCourant(db), listerRelais(db), listeCommunes(db)]);
  const creches = territoire ? await crechesParticipantes(db, territoire.id) : [];
  const options = {
    rolesCompte: Object.entries(ROLES_COMPTE).map(([value, label]) => ({ value, label })) as Option[],
    /** Roles the second factor can be required for (src/domain/securite/totp.ts), labelled as on the accounts. */
    rolesTotp: ROLES_STAFF.map((value) => ({ value, label: ROLES_COMPTE[value] })) as Option[],
    creches: [{ value: '', label: 'Aucune (autres rôles)' }, ...creches.map((c) => ({ value: c.id, label: `${c.nom} (${c.communeNom})` }))],
    relais: [{ value: '', label: 'Aucun (administrateur ou commune)' }, ...relais.map((r) => ({ value: r.id, label: r.nom }))],
    secteurs: [{ value: '', label: 'Tout le relais' }, ...relais.flatMap((r) => r.secteurs.map((s) => ({ value: s.id, label: `${r.nom} — ${s.nom}` })))],
    communes: [{ value: '', label: 'Aucune (administrateur ou animatrice)' }, ...communes.map((c) => ({ value: c.code, label: c.nom }))],
  };
  const pour = (id: string) => e.f.utilisateurId === id;
  const comptes = personnes.map((p) => {
    const enModification = e.action === 'modifier' && pour(p.id);
    const erreurs: Erreurs = enModification ? e.erreurs : {};
    const valeurs = Object.fromEntries(CHAMPS_MODIFIER.map((k) => [k, enModification ? valeur(e, 'modifier', k) : String(p[k] ?? '')]));
    return {
      id: p.id,
      nom: p.nom,
      email: p.email,
      actif: p.actif,
      doubleFacteur: Boolean(p.totp), // the secret itself never reaches the page
      role: ROLES_COMPTE[p.role as keyof typeof ROLES_COMPTE] ?? p.role,
      rattachement:
        p.role === 'gestionnaire-creche' ? (creches.find((c) => c.id === p.structureId)?.nom ?? '') : (relais.find((r) => r.id === p.relaisId)?.nom ?? ''),
      etat: etatCompte({ actif: p.actif, dejaConnecte: Boolean(p.derniereConnexionLe), doubleFacteur: Boolean(p.totp) }),
      erreurCompte: ACTIONS_SUR_COMPTE.includes(e.action) && pour(p.id) ? e.erreurs.utilisateurId : undefined,
      erreurs,
      valeurs,
    };
  });
  // A person's own form: the summary links to that person's fields (f-<field>-<id>).
  const ids: Record<string, string> =
    e.action !== 'inviter' && typeof e.f.utilisateurId === 'string'
      ? Object.fromEntries(Object.keys(e.erreurs).map((k) => [k, `f-${k}-${e.f.utilisateurId}`]))
      : {};
  const rolesExiges = e.action === 'exiger-2fa' ? [e.f.roles ?? []].flat() : (territoire?.totpRoles ?? []);
  return { comptes, options, ids, rolesExiges };
}
export type VuePersonnes = Awaited<ReturnType<typeof chargerPersonnes>>;

/**
 * The offer screens of the back office: bulk reminders, one place updated
 * after a call, her sign-in code, and the CSV import of the AM list. The guard
 * has already checked the role and, for one place, that it is in her perimeter;
 * each handler checks again on the server.
 */
import { z } from 'zod';
import { journaliser } from '../audit';
import { listeOffre } from '../disponibilite/admin';
import { exigerGestionStructure } from '../disponibilite/perimetre';
import { relancerEnMasse } from '../disponibilite/relances';
import { confirmerDisponibilite, enregistrerDisponibilite, lireStructure } from '../disponibilite/mise-a-jour';
import { assurerComptePro, demanderLien, nouveauCode } from '../disponibilite/comptes';
import { importerListeAm, previsualiserImport, type Bilan } from '../disponibilite/import';
import { AccesRefuse } from '../auth/acces';
import { lireFormulaireDispo } from '../../domain/disponibilite/mise-a-jour';
import { etatAffiche } from '../../domain/disponibilite/fraicheur';
import type { ErreurFichier } from '../../domain/disponibilite/import-csv';
import { jourParis } from '../../domain/temps';
import { tous, type ContexteStaff, type Resultat, type Saisie } from './contexte';

function exigerEquipe(c: ContexteStaff): void {
  if (c.staff.role !== 'admin' && c.staff.role !== 'animatrice') throw new AccesRefuse();
}

export type FiltresOffre = { communeCode?: string; type: 'am' | 'structures' };

/** Sends the availability reminder to the ticked places, or to every place whose availability is stale or unknown. */
export async function relancerOffre(c: ContexteStaff, filtres: FiltresOffre, saisie: Saisie): Promise<{ ok: true; envoyees: number; ignorees: number }> {
  exigerEquipe(c);
  const seuil = c.config.DISPO_FRAICHEUR_JOURS;
  const { lignes } = await listeOffre(c.db, c.staff, jourParis(c.maintenant), filtres);
  const permis = new Set(lignes.map((l) => l.id));
  const ids =
    saisie.action === 'relancer-anciens'
      ? lignes.filter((l) => l.actif && !['disponible', 'complet'].includes(etatAffiche(l.statut, l.dispoConfirmeeLe, c.maintenant, seuil))).map((l) => l.id)
      : tous(saisie, 'ids').filter((id) => permis.has(id));
  const r = await relancerEnMasse(c.db, ids, { publicUrl: c.config.publicUrl, secret: c.secret, maintenant: c.maintenant });
  await journaliser(c.db, c.staff, 'relance-dispo', 'structures', null, { envoyees: r.envoyees.length, ignorees: r.ignorees.length });
  return { ok: true, envoyees: r.envoyees.length, ignorees: r.ignorees.length };
}

const schemaActionPlace = z.object({ action: z.enum(['places', 'complet', 'confirmer', 'code', 'lien']) });
export type ResultatPlace = Resultat;

/** Staff act for a place after a call: availability, "nothing changes", a new code, a sign-in link. */
export async function agirPourPlace(c: ContexteStaff, id: string, saisie: Saisie): Promise<ResultatPlace> {
  const { db, staff, maintenant } = c;
  await exigerGestionStructure(db, staff, id, jourParis(maintenant));
  const structure = await lireStructure(db, id);
  if (!structure) return { ok: false, erreurs: { action: 'action' }, saisie };
  const p = schemaActionPlace.safeParse(saisie);
  if (!p.success) return { ok: false, erreurs: { action: 'action' }, saisie };
  const ici = (fait: string) => ({ ok: true as const, redirection: `/admin/offre/${id}?fait=${fait}` });
  switch (p.data.action) {
    case 'places':
    case 'complet': {
      const r = lireFormulaireDispo(saisie, { lignes: 1, aujourdhui: jourParis(maintenant), nombreModifiable: structure.type !== 'assistant-maternel' });
      if (!r.ok) return { ok: false, erreurs: r.erreurs, saisie };
      await enregistrerDisponibilite(db, { structureId: id, miseAJour: r.miseAJour, source: 'rpe', parUtilisateurId: staff.id, maintenant });
      await journaliser(db, staff, 'dispo-pour-am', 'structure', id, { statut: r.miseAJour.statut });
      return ici('dispo');
    }
    case 'confirmer':
      await confirmerDisponibilite(db, { structureId: id, source: 'rpe', parUtilisateurId: staff.id, maintenant });
      await journaliser(db, staff, 'dispo-confirmee-pour-am', 'structure', id);
      return ici('confirmee');
    case 'code': {
      const compte = await assurerComptePro(db, id, structure.email);
      await nouveauCode(db, compte.id, maintenant);
      await journaliser(db, staff, 'code-pro-renouvele', 'structure', id);
      return ici('code');
    }
    case 'lien': {
      const compte = await assurerComptePro(db, id, structure.email);
      if (!compte.email) return ici('sans-email');
      await demanderLien(db, { email: compte.email, publicUrl: c.config.publicUrl, maintenant });
      await journaliser(db, staff, 'lien-pro-envoye', 'structure', id);
      return ici('lien');
    }
  }
}

const TAILLE_MAX_IMPORT = 2_000_000;
export type ResultatImport =
  { ok: true; etape: 'apercu' | 'fait'; bilan: Bilan; texte: string } | { ok: false; erreur: ErreurFichier | 'absent' | 'trop-gros' };

/** Step 1 (a file): preview, nothing written. Step 2 (action=importer, the same text): upsert by agrément number. */
export async function importerAm(c: ContexteStaff, formulaire: FormData): Promise<ResultatImport> {
  exigerEquipe(c);
  const jour = jourParis(c.maintenant);
  if (formulaire.get('action') === 'importer') {
    const texte = String(formulaire.get('contenu') ?? '');
    const r = await importerListeAm(c.db, c.staff, texte, jour, c.maintenant);
    return r.ok ? { ok: true, etape: 'fait', bilan: r, texte } : { ok: false, erreur: r.erreur };
  }
  const fichier = formulaire.get('fichier');
  if (!(fichier instanceof File) || fichier.size === 0) return { ok: false, erreur: 'absent' };
  if (fichier.size > TAILLE_MAX_IMPORT) return { ok: false, erreur: 'trop-gros' };
  const texte = new TextDecoder('utf-8').decode(await fichier.arrayBuffer());
  const r = await previsualiserImport(c.db, c.staff, texte, jour);
  return r.ok ? { ok: true, etape: 'apercu', bilan: r, texte } : { ok: false, erreur: r.erreur };
}

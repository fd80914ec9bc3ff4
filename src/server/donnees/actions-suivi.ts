/**
 * The form posts of the family's follow-up page (/suivi/<token>): update,
 * withdraw and erase, each of the last two in two steps (what will happen,
 * then confirm). The page only renders the typed result.
 */
import { z } from 'zod';
import type { Db } from '../db';
import { demandeValidee, modifierParFamille, retirerParFamille, supprimerDonneesFamille, type DemandeRow } from '../demande/suivi';
import { consequences, type Consequences } from './famille';
import { estOuverte } from '../../domain/demande/etats';
import {
  CHAMPS_ETAPE,
  erreursEtapes,
  formulaireVersDemande,
  jourParis,
  nettoyerFormulaire,
  versFormulaire,
  type ErreursChamps,
  type FormulaireDemande,
} from '../../domain/demande/schema';

const CHAMPS_CONTACT = ['p1Prenom', 'p1Nom', 'p2Prenom', 'p2Nom', 'email', 'telephone', 'canalPrefere', 'langueContact', 'adresse'];

const schemaPost = z.object({
  action: z.enum(['modifier-contact', 'modifier-besoin', 'retirer-demander', 'retirer', 'supprimer-demander', 'supprimer']).catch('retirer-demander' as const),
  motif: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((s) => s || null),
});

export type ResultatSuivi =
  | { type: 'redirection'; fait: 'enregistre' | 'retiree' }
  | { type: 'erreurs'; modifier: 'contact' | 'besoin'; f: FormulaireDemande; erreurs: ErreursChamps }
  | { type: 'confirmer'; quoi: 'retrait' | 'effacement'; motif: string | null; consequences: Consequences }
  | { type: 'supprimee' }
  | { type: 'rien' };

export async function traiterPostSuivi(
  db: Db,
  d: DemandeRow,
  brut: Record<string, string | string[]>,
  o: { retentionMois: number; maintenant?: Date },
): Promise<ResultatSuivi> {
  const p = schemaPost.parse({ action: brut.action, motif: typeof brut.motif === 'string' ? brut.motif : undefined });
  const ouverte = estOuverte(d.etat);
  switch (p.action) {
    case 'modifier-contact':
    case 'modifier-besoin': {
      if (!ouverte) return { type: 'rien' };
      const modifier = p.action === 'modifier-contact' ? 'contact' : 'besoin';
      const champs = modifier === 'contact' ? CHAMPS_CONTACT : CHAMPS_ETAPE.besoin;
      const actuel = versFormulaire(await demandeValidee(db, d));
      const poste = nettoyerFormulaire(brut);
      const f: FormulaireDemande = {
        ...Object.fromEntries(Object.entries(actuel).filter(([c]) => !champs.includes(c))),
        ...Object.fromEntries(Object.entries(poste).filter(([c]) => champs.includes(c))),
      };
      const erreurs = erreursEtapes(f, [modifier === 'contact' ? 'vous' : 'besoin'], { aujourdhui: jourParis() });
      if (Object.keys(erreurs).length) return { type: 'erreurs', modifier, f, erreurs };
      await modifierParFamille(db, d.id, modifier, formulaireVersDemande(f));
      return { type: 'redirection', fait: 'enregistre' };
    }
    case 'retirer-demander':
      if (!ouverte) return { type: 'rien' };
      return {
        type: 'confirmer',
        quoi: 'retrait',
        motif: p.motif,
        consequences: await consequences(db, d, { quoi: 'retrait', retentionMois: o.retentionMois, maintenant: o.maintenant }),
      };
    case 'supprimer-demander':
      return {
        type: 'confirmer',
        quoi: 'effacement',
        motif: null,
        consequences: await consequences(db, d, { quoi: 'effacement', retentionMois: o.retentionMois, maintenant: o.maintenant }),
      };
    case 'retirer':
      if (!ouverte) return { type: 'rien' };
      await retirerParFamille(db, d.id, p.motif, o.maintenant);
      return { type: 'redirection', fait: 'retiree' };
    case 'supprimer':
      await supprimerDonneesFamille(db, d.id, o.maintenant);
      return { type: 'supprimee' };
  }
}

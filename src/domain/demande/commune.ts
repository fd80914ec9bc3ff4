/**
 * "Ma commune n'est pas dans la liste" followed by a name the list does have,
 * typed loosely ("bethun", "noeux les mines", "62190"): the demande goes to
 * that commune, as if it had been chosen in the list. Ambiguous text stays as
 * typed (the relais reads it).
 */
import { IndexNoms, plierNom, type NomCherchable } from '../territoire/noms-flous';
import { COMMUNE_AUTRE, type FormulaireDemande } from './schema';

type CommuneListe = NomCherchable & { code: string };

export function preciserCommune(f: FormulaireDemande, communes: CommuneListe[]): FormulaireDemande {
  const texte = f.communeAutre?.trim();
  if (f.commune !== COMMUNE_AUTRE || !texte) return f;
  const trouves = new IndexNoms(communes).chercher(texte, 10);
  // One match, or among several a single name that starts with what was typed ("Bethun": Béthune, not Vendin-lès-Béthune).
  const debut = trouves.filter((c) => plierNom(c.nom).startsWith(plierNom(texte)));
  const choisie = trouves.length === 1 ? trouves[0] : debut.length === 1 ? debut[0] : undefined;
  if (!choisie) return f;
  const { communeAutre: _, ...reste } = f;
  return { ...reste, commune: choisie.code };
}

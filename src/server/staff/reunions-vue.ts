/**
 * The list of réunions d'information (/admin/agenda/reunions) as it shows:
 * the relais's réunions of the last two months and to come, and the creation
 * form with its defaults or what was typed.
 */
import { heureParis } from '../../domain/rdv/creneaux';
import { jourLong } from '../../domain/rdv/format';
import { un, type Resultat } from './contexte';
import { lireReunions, NOUVELLE_REUNION } from './reunions';
import { relecture, type Echec } from './page-post';
import type { ContexteStaff } from './contexte';

/** Field labels, in the order of the form (the error summary follows it). */
export const LIBELLES_REUNION = {
  titre: 'Titre',
  description: 'Description',
  public: 'Public',
  jour: 'Date',
  debut: 'Début',
  fin: 'Fin',
  lieuId: 'Lieu',
  lienVisio: 'Lien de visio',
  capacite: 'Nombre de places',
};

export async function chargerReunions(c: ContexteStaff, choisi: string | null, echec: Echec<Resultat> | null) {
  const { relais, lieux, reunions } = await lireReunions(c, choisi);
  const r = relecture(echec);
  return {
    relais,
    reunions: reunions.map((x) => ({
      id: x.id,
      quand: `${jourLong(x.debut, 'fr')}, ${heureParis(x.debut)}–${heureParis(x.fin)}`,
      titre: x.titre,
      annulee: x.annulee,
      lieu: x.lieu?.nom ?? 'Visio',
      inscrits: `${x.inscrits} / ${x.capacite}`,
    })),
    /** What was typed, or the defaults of a new réunion. */
    v: (k: string) => r.v(k, echec ? '' : un(NOUVELLE_REUNION, k)),
    erreurs: echec?.erreurs ?? {},
    lieux: [{ value: '', label: 'Visio' }, ...lieux.map((l) => ({ value: l.id, label: l.nom }))],
  };
}

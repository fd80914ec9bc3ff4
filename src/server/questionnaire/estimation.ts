/**
 * The input of the cost estimate, built from the answers exactly as the
 * ranking builds it (same age, same hours, same household), so the table and
 * the "coût estimé" reasons agree. Pure.
 */
import { ajouterAnnees, type ReponsesQuestionnaire } from '../../domain/questionnaire/schema';
import { ageEnMois, analyserPlanning, type OffreContexte } from '../../domain/questionnaire/classement';
import type { EntreeEstimation } from '../../domain/questionnaire/cout';

/** Everything but the barème (the island looks it up by version). */
type EntreeEstimationSerialisable = Omit<EntreeEstimation, 'bareme'>;

export function entreeEstimation(r: ReponsesQuestionnaire, offre: OffreContexte = {}): EntreeEstimationSerialisable {
  const planning = analyserPlanning(r.planning);
  const naissance = r.enfant.dateNaissance ?? r.enfant.naissancePrevue ?? r.dateDebut;
  const ageMois = Math.max(0, ageEnMois(naissance, r.dateDebut));
  const debutAnnee = `${r.dateDebut.slice(0, 4)}-01-01`;
  const foyer = r.foyer;
  return {
    foyer: {
      ressourcesMensuellesCents: foyer?.ressourcesMensuelles === undefined ? null : Math.round(foyer.ressourcesMensuelles * 100),
      nombreEnfantsACharge: foyer?.nombreEnfantsACharge ?? 1,
      enfantsAeeh: Math.max(foyer?.enfantsAeeh ?? 0, r.enfant.aeeh ? 1 : 0),
      parentIsole: foyer?.parentIsole ?? false,
    },
    ageEnfantMois: ageMois,
    enfantMoinsDe6AnsAu1erJanvier: naissance > ajouterAnnees(debutAnnee, -6),
    heuresHebdo: planning.heuresHebdo,
    joursParSemaine: Math.max(1, planning.joursParSemaine),
    ...(offre.territoire ? { territoire: offre.territoire } : {}),
    ...(offre.tarifs ? { tarifs: offre.tarifs } : {}),
  };
}

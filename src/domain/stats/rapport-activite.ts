/**
 * The annual activity report (bilan d'activité) for the CAF, as a list of
 * typed sections: families and professionals together. Each area supplies
 * its sections; the page, the printable report and the CSV exports render
 * any section the same way, so a new area only adds a section.
 */
export type PublicRapport = 'familles' | 'professionnels';

export type LigneRapport = {
  /** Stable key for the CSV and the tests (e.g. 'ateliers.seances'). */
  cle: string;
  indicateur: string;
  valeur: number | string;
  /** Threshold met or not, when the indicator has one (analyse de la pratique). */
  seuilAtteint?: boolean;
};

export type SectionRapport = {
  id: string;
  titre: string;
  public: PublicRapport;
  lignes: LigneRapport[];
  /** How the figures are counted, shown under the table. */
  definition?: string;
};

/** CSV rows (section, indicateur, valeur) of some sections. */
export function lignesCsvSections(sections: SectionRapport[]): (string | number)[][] {
  return sections.flatMap((s) => s.lignes.map((l) => [s.titre, l.indicateur, l.valeur]));
}

/**
 * The personal-data page for families, generated from the register
 * (./registre.ts): one row per table holding the family's data, with why it
 * exists, what kinds of data it holds, how long they live and who sees them.
 * Texts are i18n keys (`info.registre.*`) so every language says the same
 * thing; durations come from the configuration, never from a copy.
 */
import { REGISTRE, type Categorie, type Retention, type TableRegistre } from './registre';

/** Who may see a table's data. */
export const DESTINATAIRES = [
  'relais',
  'professionnel-choisi',
  'assistants-maternels-sans-nom',
  'envoi-courriels',
  'statistiques-anonymes',
  'envoi-sms',
  'commission-creche',
  'gestionnaire-creche',
] as const;
type Destinataire = (typeof DESTINATAIRES)[number];

/** Recipients of each family table (a test fails when a family table of the register is missing here). */
export const DESTINATAIRES_PAR_TABLE: Readonly<Record<string, readonly Destinataire[]>> = {
  demandes: ['relais', 'statistiques-anonymes'],
  enfants: ['relais', 'statistiques-anonymes'],
  demande_historique: ['relais'],
  contacts: ['relais', 'statistiques-anonymes'],
  notes: ['relais'],
  mises_en_relation: ['relais', 'professionnel-choisi'],
  offres_relayees: ['relais', 'assistants-maternels-sans-nom'],
  relances: ['relais', 'statistiques-anonymes'],
  rdvs: ['relais', 'envoi-courriels'],
  inscriptions_reunion: ['relais', 'envoi-courriels'],
  courriels: ['relais', 'envoi-courriels'],
  jetons: [],
  sms: ['relais', 'envoi-sms'],
  candidatures_creche: ['relais', 'commission-creche', 'statistiques-anonymes'],
  propositions_creche: ['relais', 'commission-creche', 'gestionnaire-creche'],
};

type LignePolitique = {
  table: string;
  /** i18n key of the purpose. */
  finalite: string;
  categories: Exclude<Categorie, 'aucune'>[];
  retention: Retention;
  destinataires: readonly Destinataire[];
};

const ORDRE_CATEGORIES: Exclude<Categorie, 'aucune'>[] = ['identifiant', 'contact', 'sante', 'texte-libre'];

/** The rows of the family's personal-data table, in the register's order. */
export function politiqueDonnees(registre: Readonly<Record<string, TableRegistre>> = REGISTRE): LignePolitique[] {
  return Object.entries(registre)
    .filter(([, r]) => r.personne === 'famille')
    .map(([table, r]) => {
      const presentes = new Set(Object.values(r.colonnes).map((c) => c.categorie));
      return {
        table,
        finalite: `info.registre.finalites.${table}`,
        categories: ORDRE_CATEGORIES.filter((c) => presentes.has(c)),
        retention: r.retention,
        destinataires: DESTINATAIRES_PAR_TABLE[table] ?? ['relais'],
      };
    });
}

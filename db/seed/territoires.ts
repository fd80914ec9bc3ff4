/**
 * The three demo territories. Figures and places come from the RPE projects in
 * shared/seeds (000 Tonnerrois, 001 Vie et Boulogne, 003 Béthune-Bruay);
 * the RPEs marked "fictif" exist only so that routing is real.
 */
import type { HoraireJour } from '../schema/territoire';

type LieuDef = {
  nom: string;
  adresse: string;
  codePostal: string;
  communeNom: string;
  secteur?: string;
  horaires: HoraireJour[];
  acces: string;
  telephone?: string;
};
export type RelaisDef = {
  slug: string;
  nom: string;
  email: string;
  telephone: string;
  adresse: string;
  secteurs: string[];
  lieux: LieuDef[];
  /** Communes by normalised name, optionally with a sector and a joining date. */
  communes: { nom: string; code?: string; secteur?: string; debut?: string; fin?: string }[] | 'reste' | RestesProches;
};
/**
 * The communes no listed relais serves go to the nearest relais of this kind
 * (distance from each commune's centre to the commune of the relais' first
 * place). `historique`: this relais also served, before, the communes that
 * joined the main relais later.
 */
type RestesProches = { proches: true; historique?: true };
export type OffreDef = {
  /** Active AM in the area of the main relais; others scale by population. */
  amActifsZonePrincipale: number;
  amInactifsZonePrincipale: number;
  mam: { nombre: number; places: number };
  placesEaje: number; // crèches + micro-crèches in the main relais area
  microCreches: number;
  creches: number;
  /** INSEE codes of communes with no AM at all, as the seed says. */
  sansAm?: string[];
  /** Approved AM in the whole territory (active and not), when the seed gives it; else the main area's density. */
  amTerritoire?: number;
};
export type TerritoireDef = {
  id: string;
  fichier: string;
  nom: string;
  relais: RelaisDef[];
  offre: OffreDef;
};

const semaine = (debut: string, fin: string, jours = [1, 2, 3, 4, 5]): HoraireJour[] => jours.map((jour) => ({ jour, debut, fin }));
const permanences = [...semaine('08:30', '12:00'), ...semaine('13:30', '17:00')];

export const TERRITOIRES: Record<string, TerritoireDef> = {
  'ca-bethune-bruay': {
    id: 'ca-bethune-bruay',
    fichier: 'ca-bethune-bruay.geojson',
    nom: "Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane",
    // Seed 003: 178 approved AM (146 active) in the mutualised relais' area; no AM in Vieille-Chapelle; 1,075 AM in the 100 communes in 2025.
    offre: {
      amActifsZonePrincipale: 146,
      amInactifsZonePrincipale: 32,
      mam: { nombre: 7, places: 102 },
      placesEaje: 207,
      creches: 4,
      microCreches: 9,
      sansAm: ['62851'],
      amTerritoire: 1075,
    },
    relais: [
      {
        slug: 'rpe-mutualise',
        nom: 'Relais Petite Enfance mutualisé (secteurs Est et Ouest)',
        email: 'relais.mutualise@exemple.fr',
        telephone: '03 00 00 00 01',
        adresse: 'Antenne communautaire, 7 rue de la Haye, 62190 Lillers',
        secteurs: ['Est', 'Ouest'],
        lieux: [
          {
            nom: "Maison de l'Enfance et de la Famille",
            adresse: 'Route de la Victoire',
            codePostal: '62330',
            communeNom: 'ISBERGUES',
            secteur: 'Ouest',
            horaires: permanences,
            acces: 'Plain-pied, accessible en fauteuil roulant. Parking devant le bâtiment. Espace bébé.',
          },
          {
            nom: 'Antenne communautaire de Lillers',
            adresse: '7 rue de la Haye',
            codePostal: '62190',
            communeNom: 'LILLERS',
            secteur: 'Ouest',
            horaires: permanences,
            acces: 'Bureau au rez-de-chaussée, accessible en fauteuil roulant. À 10 minutes à pied de la gare de Lillers.',
          },
          {
            nom: 'Centre social Ginette Delestrez',
            adresse: '5 rue de la Briqueterie',
            codePostal: '62136',
            communeNom: 'RICHEBOURG',
            secteur: 'Est',
            horaires: [...semaine('08:30', '12:00', [1, 2, 4, 5]), ...semaine('13:30', '17:00', [1, 2, 3, 4])],
            acces: 'Accessible en fauteuil roulant. Places de stationnement réservées.',
          },
        ],
        communes: [
          // ex-Bas Pays and the communes east of Béthune form the Est sector.
          ...[
            'AUCHY AU BOIS',
            'BLESSY',
            'BOURECQ',
            'BURBURE',
            'BUSNES',
            'CALONNE SUR LA LYS',
            'ECQUEDECQUES',
            'ESTREE BLANCHE',
            'FERFAY',
            'GONNEHEM',
            'GUARBECQUE',
            'HAM EN ARTOIS',
            'ISBERGUES',
            'LAMBRES LEZ AIRE',
            'LIETTRES',
            'LIGNY LES AIRE',
            'LILLERS',
            'LINGHEM',
            'MAZINGHEM',
            'NORRENT FONTES',
            'QUERNES',
            'RELY',
            'ROBECQ',
            'ROMBLY',
            'SAINT FLORIS',
            'SAINT HILAIRE COTTES',
            'SAINT VENANT',
            'WITTERNESSE',
          ].map((nom) => ({ nom, secteur: 'Ouest' })),
          // The seed spells it « MONT BERNENCHON »: matched by its INSEE code.
          { nom: 'Mont-Bernanchon', code: '62584', secteur: 'Ouest' },
          ...['CAMBRIN', 'CUINCHY', 'FESTUBERT', 'GIVENCHY LES LA BASSEE', 'LOCON', 'LORGIES', 'RICHEBOURG', 'VIEILLE CHAPELLE'].map((nom) => ({
            nom,
            secteur: 'Est',
          })),
          { nom: 'AUCHY LES MINES', secteur: 'Est', debut: '2025-07-01' },
          { nom: 'ANNEQUIN', secteur: 'Est', debut: '2026-01-01' },
        ],
      },
      {
        slug: 'rpe-bethune-centre',
        nom: 'Relais Petite Enfance Béthune et Gohelle (fictif)',
        email: 'relais.bethune@exemple.fr',
        telephone: '03 00 00 00 02',
        adresse: '12 place de la République, 62400 Béthune',
        secteurs: [],
        lieux: [
          {
            nom: 'Maison de la petite enfance de Béthune',
            adresse: '12 place de la République',
            codePostal: '62400',
            communeNom: 'BETHUNE',
            horaires: permanences,
            acces: 'Ascenseur. Arrêt de bus « République » à 50 m.',
          },
        ],
        // Annequin and Auchy-les-Mines belonged here before joining the mutualised relais.
        communes: { proches: true, historique: true },
      },
      {
        slug: 'rpe-bruay-artois',
        nom: 'Relais Petite Enfance Bruay-Artois (fictif)',
        email: 'relais.bruay@exemple.fr',
        telephone: '03 00 00 00 03',
        adresse: '5 rue des Écoles, 62700 Bruay-la-Buissière',
        secteurs: [],
        lieux: [
          {
            nom: 'Pôle enfance de Bruay-la-Buissière',
            adresse: '5 rue des Écoles',
            codePostal: '62700',
            communeNom: 'BRUAY LA BUISSIERE',
            horaires: permanences,
            acces: 'Plain-pied. Parking gratuit.',
          },
        ],
        communes: { proches: true },
      },
      // Seed 003: « les Relais Petite Enfance du territoire de l'agglomération (6) ». Only the mutualised one is described;
      // the five others are placeholders so that every commune is routed somewhere.
      {
        slug: 'rpe-noeux-les-mines',
        nom: 'Relais Petite Enfance Nœux-les-Mines et environs (fictif)',
        email: 'relais.noeux@exemple.fr',
        telephone: '03 00 00 00 04',
        adresse: '3 rue de la Mairie, 62290 Nœux-les-Mines',
        secteurs: [],
        lieux: [
          {
            nom: 'Espace petite enfance de Nœux-les-Mines',
            adresse: '3 rue de la Mairie',
            codePostal: '62290',
            communeNom: 'Nœux-les-Mines',
            horaires: permanences,
            acces: 'Plain-pied. Arrêt de bus à 100 m.',
          },
        ],
        communes: { proches: true },
      },
      {
        slug: 'rpe-auchel',
        nom: 'Relais Petite Enfance Auchel et Marles (fictif)',
        email: 'relais.auchel@exemple.fr',
        telephone: '03 00 00 00 05',
        adresse: '10 rue Jean Jaurès, 62260 Auchel',
        secteurs: [],
        lieux: [
          {
            nom: 'Maison de l’enfance d’Auchel',
            adresse: '10 rue Jean Jaurès',
            codePostal: '62260',
            communeNom: 'AUCHEL',
            horaires: permanences,
            acces: 'Rez-de-chaussée, accessible en fauteuil roulant.',
          },
        ],
        communes: { proches: true },
      },
      {
        slug: 'rpe-douvrin',
        nom: 'Relais Petite Enfance Douvrin et Haisnes (fictif)',
        email: 'relais.douvrin@exemple.fr',
        telephone: '03 00 00 00 06',
        adresse: '1 place de la République, 62138 Douvrin',
        secteurs: [],
        lieux: [
          {
            nom: 'Pôle petite enfance de Douvrin',
            adresse: '1 place de la République',
            codePostal: '62138',
            communeNom: 'DOUVRIN',
            horaires: permanences,
            acces: 'Plain-pied. Parking.',
          },
        ],
        communes: { proches: true },
      },
    ],
  },
  'cc-vie-et-boulogne': {
    id: 'cc-vie-et-boulogne',
    fichier: 'cc-vie-et-boulogne.geojson',
    nom: 'Communauté de communes Vie et Boulogne',
    offre: { amActifsZonePrincipale: 290, amInactifsZonePrincipale: 22, mam: { nombre: 12, places: 150 }, placesEaje: 190, creches: 3, microCreches: 11 },
    relais: [
      {
        slug: 'rpe-vie-et-boulogne',
        nom: 'Relais Petite Enfance Vie et Boulogne',
        email: 'relais.vieetboulogne@exemple.fr',
        telephone: '02 00 00 00 01',
        adresse: '24 rue des Landes, 85170 Le Poiré-sur-Vie',
        secteurs: [],
        lieux: [
          {
            nom: 'Siège de la communauté de communes',
            adresse: '24 rue des Landes (zone de la Gendronnière)',
            codePostal: '85170',
            communeNom: 'LE POIRE SUR VIE',
            horaires: permanences,
            acces: 'Accueil de plain-pied, accessible en fauteuil roulant. Parking.',
          },
        ],
        communes: 'reste',
      },
    ],
  },
  'cc-tonnerrois-en-bourgogne': {
    id: 'cc-tonnerrois-en-bourgogne',
    fichier: 'cc-tonnerrois-en-bourgogne.geojson',
    nom: 'Communauté de communes Le Tonnerrois en Bourgogne',
    offre: { amActifsZonePrincipale: 68, amInactifsZonePrincipale: 8, mam: { nombre: 2, places: 16 }, placesEaje: 40, creches: 1, microCreches: 0 },
    relais: [
      {
        slug: 'rpe-ilot-bambins',
        nom: "Relais Petite Enfance L'Îlot Bambins",
        email: 'relais.tonnerrois@exemple.fr',
        telephone: '03 00 00 00 89',
        adresse: '2 rue de la Gare, 89700 Tonnerre',
        secteurs: [],
        lieux: [
          {
            nom: "L'Îlot Bambins",
            adresse: '2 rue de la Gare',
            codePostal: '89700',
            communeNom: 'TONNERRE',
            horaires: [...semaine('09:00', '12:00'), ...semaine('13:30', '17:30', [1, 2, 4])],
            acces: 'Rez-de-chaussée. À 5 minutes à pied de la gare de Tonnerre.',
          },
        ],
        communes: 'reste',
      },
    ],
  },
};

export function normaliserNom(nom: string): string {
  return nom
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[-']/g, ' ')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

import type { ResultatOffre } from './recherche';

type ProprietesOffre = Omit<ResultatOffre, 'position'> & { precisionPosition: ResultatOffre['position']['precision'] };

/** One public offer as a GeoJSON Feature (schema documented in docs/api-offre.md). */
export function enFeature(o: ResultatOffre): GeoJSON.Feature<GeoJSON.Point, ProprietesOffre> {
  const { position, ...reste } = o;
  return {
    type: 'Feature',
    id: o.id,
    geometry: { type: 'Point', coordinates: [position.lon, position.lat] },
    properties: { ...reste, precisionPosition: position.precision },
  };
}

/** CSV columns of the open-data export: public fields only, one row per place of the offer. */
export const COLONNES_CSV = [
  'id',
  'type',
  'nom',
  'commune_code',
  'commune',
  'adresse',
  'latitude',
  'longitude',
  'precision_position',
  'capacite',
  'age_min_mois',
  'age_max_mois',
  'horaires_tot',
  'horaires_tard',
  'horaires_weekend',
  'accueil_urgence',
  'handicap_accueilli',
  'financement',
  'gestionnaire',
  'telephone',
  'email',
  'site_web',
  'disponibilite',
  'confirmee_le',
  'disponible_a_partir_du',
  'places_bebe',
  'places_marcheur',
  'places_3_ans_et_plus',
  'distance_km',
] as const;

export function enLigneCsv(o: ResultatOffre): Record<(typeof COLONNES_CSV)[number], string | number | boolean | null> {
  const places = (g: string) => o.disponibilite.places.filter((p) => p.groupeAge === g).reduce((s, p) => s + p.nombre, 0);
  return {
    id: o.id,
    type: o.type,
    nom: o.nom,
    commune_code: o.commune.code,
    commune: o.commune.nom,
    adresse: o.adresse,
    latitude: o.position.lat,
    longitude: o.position.lon,
    precision_position: o.position.precision,
    capacite: o.capacite,
    age_min_mois: o.ages.minMois,
    age_max_mois: o.ages.maxMois,
    horaires_tot: o.horairesAtypiques.tot,
    horaires_tard: o.horairesAtypiques.tard,
    horaires_weekend: o.horairesAtypiques.weekend,
    accueil_urgence: o.accueilUrgence,
    handicap_accueilli: o.handicapAccueilli,
    financement: o.financement,
    gestionnaire: o.gestionnaire,
    telephone: o.contact.telephone,
    email: o.contact.email,
    site_web: o.contact.siteWeb,
    disponibilite: o.disponibilite.etat,
    confirmee_le: o.disponibilite.confirmeeLe,
    disponible_a_partir_du: o.disponibilite.disponibleDepuis,
    places_bebe: places('bebe'),
    places_marcheur: places('marcheur'),
    places_3_ans_et_plus: places('grand'),
    distance_km: o.distanceKm,
  };
}

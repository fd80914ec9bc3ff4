/**
 * The ONE place where a structure of the offer becomes public data. Every
 * page, API and CSV goes through `projectionPublique`: what it does not copy
 * (an AM's home position, family name, unpublished phone/e-mail/address,
 * agrément number) cannot leak.
 */
import { jourParis } from '../temps';
import { etatAffiche, joursDepuis, type EtatAffiche, type StatutDispo } from '../disponibilite/fraicheur';
import { groupesAccueillis, type GroupeAge, type TypeStructure } from './filtres';

export type HoraireJour = { jour: number; debut: string; fin: string };
type Atypiques = { tot?: boolean; tard?: boolean; weekend?: boolean; nuit?: boolean };

/** What the query layer reads from `structures` (private fields included: they stay here). */
export type StructureSource = {
  id: string;
  type: TypeStructure;
  nom: string;
  communeCode: string;
  adresse: string | null;
  lat: number;
  lon: number;
  positionPublique: 'exacte' | 'commune' | 'floue';
  latPublique: number;
  lonPublique: number;
  capacite: number;
  ageMinMois: number;
  ageMaxMois: number;
  horaires: HoraireJour[];
  horairesAtypiques: Atypiques;
  accueilUrgence: boolean;
  handicapAccueilli: boolean;
  financement: 'psu' | 'paje' | 'autre' | null;
  gestionnaire: string | null;
  telephone: string | null;
  email: string | null;
  siteWeb: string | null;
  publication: { prenom?: boolean; telephone?: boolean; email?: boolean; adresse?: boolean };
  dispoStatut: StatutDispo;
  dispoConfirmeeLe: Date | null;
};

export type PlaceSource = {
  trancheAge: 'bebe' | 'marcheur' | 'grand' | 'periscolaire';
  nombre: number;
  aPartirDu: string;
  jours: number[] | null;
  heureDebut: string | null;
  heureFin: string | null;
  horairesAtypiques: Atypiques;
  urgence: boolean;
};

/** Centre unknown (null) until the outlines are uploaded: the COG alone has no coordinates. */
export type CommuneRef = { code: string; nom: string; centreLat: number | null; centreLon: number | null };

export type PlacePublique = {
  groupeAge: GroupeAge;
  nombre: number;
  aPartirDu: string;
  jours: number[] | null;
  heureDebut: string | null;
  heureFin: string | null;
  urgence: boolean;
};

export type OffrePublique = {
  id: string;
  type: TypeStructure;
  /** null for an AM who did not agree to show her first name. */
  nom: string | null;
  commune: { code: string; nom: string };
  adresse: string | null;
  position: { lat: number; lon: number; precision: 'exacte' | 'commune' | 'floue' };
  capacite: number;
  ages: { minMois: number; maxMois: number; groupes: GroupeAge[] };
  horaires: HoraireJour[];
  horairesAtypiques: { tot: boolean; tard: boolean; weekend: boolean };
  accueilUrgence: boolean;
  handicapAccueilli: boolean;
  financement: 'psu' | 'paje' | 'autre' | null;
  gestionnaire: string | null;
  contact: { telephone: string | null; email: string | null; siteWeb: string | null };
  disponibilite: {
    /** 'a-confirmer' once older than the freshness threshold: never counted as available. */
    etat: EtatAffiche;
    /** 'YYYY-MM-DD' (portal's zone) of the last confirmation. */
    confirmeeLe: string | null;
    joursDepuisConfirmation: number | null;
    /** Earliest date of a free place; only when 'disponible'. */
    disponibleDepuis: string | null;
    /** Free places; only when 'disponible'. */
    places: PlacePublique[];
  };
};

type OptionsProjection = { maintenant: Date; seuilJours: number };

const groupeDePlace = (t: PlaceSource['trancheAge']): GroupeAge => (t === 'periscolaire' ? 'grand' : t);
const arrondi = (x: number) => Math.round(x * 1e5) / 1e5;

/** Where the public map may put this place. An AM's home is never shown unless she opted in. */
function positionPublique(s: StructureSource, commune: CommuneRef): OffrePublique['position'] {
  if (s.type === 'assistant-maternel' && s.positionPublique !== 'exacte') {
    // Defensive: a "public" point equal to the home is treated as not blurred.
    const identique = Math.abs(s.latPublique - s.lat) < 1e-6 && Math.abs(s.lonPublique - s.lon) < 1e-6;
    if (identique && commune.centreLat !== null && commune.centreLon !== null)
      return { lat: arrondi(commune.centreLat), lon: arrondi(commune.centreLon), precision: 'commune' };
    // No commune centre yet (outlines not uploaded): a 0.02° grid (about 2 km), never the home.
    if (identique) return { lat: Math.round(s.lat * 50) / 50, lon: Math.round(s.lon * 50) / 50, precision: 'floue' };
  }
  return { lat: arrondi(s.latPublique), lon: arrondi(s.lonPublique), precision: s.positionPublique };
}

export function projectionPublique(s: StructureSource, places: PlaceSource[], commune: CommuneRef, o: OptionsProjection): OffrePublique {
  const estAm = s.type === 'assistant-maternel';
  const pub = s.publication ?? {};
  const etat = etatAffiche(s.dispoStatut, s.dispoConfirmeeLe, o.maintenant, o.seuilJours);
  const visibles =
    etat === 'disponible'
      ? places
          .map((p) => ({
            groupeAge: groupeDePlace(p.trancheAge),
            nombre: p.nombre,
            aPartirDu: String(p.aPartirDu).slice(0, 10),
            jours: p.jours ?? null,
            heureDebut: p.heureDebut ?? null,
            heureFin: p.heureFin ?? null,
            urgence: p.urgence,
          }))
          .sort((a, b) => a.aPartirDu.localeCompare(b.aPartirDu))
      : [];
  const atyp = (k: 'tot' | 'tard' | 'weekend') => Boolean(s.horairesAtypiques?.[k]) || (etat === 'disponible' && places.some((p) => p.horairesAtypiques?.[k]));
  return {
    id: s.id,
    type: s.type,
    nom: estAm && !pub.prenom ? null : s.nom,
    commune: { code: commune.code, nom: commune.nom },
    adresse: estAm ? (pub.adresse ? s.adresse : null) : s.adresse,
    position: positionPublique(s, commune),
    capacite: s.capacite,
    ages: { minMois: s.ageMinMois, maxMois: s.ageMaxMois, groupes: groupesAccueillis(s.ageMinMois, s.ageMaxMois) },
    horaires: (s.horaires ?? []).map((h) => ({ jour: h.jour, debut: h.debut, fin: h.fin })),
    horairesAtypiques: { tot: atyp('tot'), tard: atyp('tard'), weekend: atyp('weekend') },
    accueilUrgence: s.accueilUrgence || (etat === 'disponible' && places.some((p) => p.urgence)),
    handicapAccueilli: s.handicapAccueilli,
    financement: s.financement,
    gestionnaire: estAm ? null : s.gestionnaire,
    contact: {
      telephone: estAm ? (pub.telephone ? s.telephone : null) : s.telephone,
      email: estAm ? (pub.email ? s.email : null) : s.email,
      siteWeb: estAm ? null : s.siteWeb,
    },
    disponibilite: {
      etat,
      confirmeeLe: s.dispoConfirmeeLe ? jourParis(s.dispoConfirmeeLe) : null,
      joursDepuisConfirmation: joursDepuis(s.dispoConfirmeeLe, o.maintenant),
      disponibleDepuis: visibles[0]?.aPartirDu ?? null,
      places: visibles,
    },
  };
}

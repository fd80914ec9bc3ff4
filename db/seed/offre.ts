/**
 * Deterministic demo offer: same territory and same day → same data.
 * Sized from the figures of the RPE projects (see territoires.ts).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { HoraireJour } from '../schema/territoire';
import type { HorairesAtypiques, PublicationAm } from '../schema/offre';

export type CommuneSeed = {
  code: string;
  nom: string;
  population: number;
  centre: [number, number];
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
  principale: boolean; // in the area of the main relais
};

type StructureSeed = {
  type: 'creche' | 'micro-creche' | 'mam' | 'assistant-maternel' | 'garde-a-domicile' | 'periscolaire';
  nom: string;
  prenom?: string;
  nomFamille?: string;
  communeCode: string;
  adresse: string;
  lat: number;
  lon: number;
  positionPublique: 'exacte' | 'commune' | 'floue';
  latPublique: number;
  lonPublique: number;
  capacite: number;
  ageMinMois: number;
  ageMaxMois: number;
  horaires: HoraireJour[];
  horairesAtypiques: HorairesAtypiques;
  accueilUrgence: boolean;
  handicapAccueilli: boolean;
  financement: 'psu' | 'paje' | 'autre' | null;
  gestionnaire: string | null;
  telephone: string | null;
  email: string | null;
  agrement: string | null;
  publication: PublicationAm;
  actif: boolean;
  dispo: {
    statut: 'places' | 'complet' | 'inconnu';
    confirmeeIlYaJours: number | null;
    places: { trancheAge: 'bebe' | 'marcheur' | 'grand' | 'periscolaire'; nombre: number; dansJours: number }[];
  };
};

/** mulberry32: a tiny seeded PRNG, enough for demo data. */
export function prng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRENOMS = [
  'Amandine',
  'Béatrice',
  'Céline',
  'Delphine',
  'Élodie',
  'Fatima',
  'Géraldine',
  'Hélène',
  'Isabelle',
  'Jessica',
  'Karine',
  'Laetitia',
  'Magali',
  'Nadia',
  'Océane',
  'Patricia',
  'Rachida',
  'Sandrine',
  'Tiphaine',
  'Valérie',
  'Yasmina',
  'Zoé',
  'Nathalie',
  'Sophie',
  'Aurélie',
  'Émilie',
  'Virginie',
  'Stéphanie',
  'Julien',
  'Karim',
];
// Obviously fictional family names.
const NOMS = [
  'Pommedapi',
  'Nuageblanc',
  'Brioche',
  'Lavandière',
  'Coquelicot',
  'Petitpois',
  'Tournesol',
  'Boutdechou',
  'Marmelade',
  'Cerfvolant',
  'Pain-dépice',
  'Bonnenuit',
  'Câlinou',
  'Doudou',
  'Grenadine',
  'Papillon',
  'Sucre-dorge',
  'Bergamote',
  'Framboisier',
  'Galipette',
];
const NOMS_STRUCTURES = [
  'Les Petits Lutins',
  'Les Coccinelles',
  'Les Pitchouns',
  'Les Lucioles',
  'Les Petits Pas',
  'Arc-en-ciel',
  'Les Bout’choux',
  'Les Écureuils',
  'Pomme d’Api',
  'Les Marmousets',
  'Les P’tits Loups',
  'Graine d’éveil',
  'Les Moussaillons',
  'La Ribambelle',
  'Les Farfadets',
  'Les Colibris',
];
const RUES = [
  'rue de la Paix',
  'rue Jean Jaurès',
  'rue des Écoles',
  'rue Victor Hugo',
  'rue de l’Église',
  'chemin des Prés',
  'rue Pasteur',
  'rue du Moulin',
  'allée des Tilleuls',
  'rue des Tisserands',
];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}
const semaine = (debut: string, fin: string, jours = [1, 2, 3, 4, 5]): HoraireJour[] => jours.map((jour) => ({ jour, debut, fin }));

/** A random point inside the commune, near its centre. */
function pointDans(r: () => number, c: CommuneSeed, rayonKm = 1.5): [number, number] {
  for (let i = 0; i < 40; i++) {
    const dLat = ((r() - 0.5) * 2 * rayonKm) / 111;
    const dLon = ((r() - 0.5) * 2 * rayonKm) / (111 * Math.cos((c.centre[1] * Math.PI) / 180));
    const p: [number, number] = [c.centre[0] + dLon, c.centre[1] + dLat];
    if (booleanPointInPolygon(p, c.geometry)) return p;
  }
  return c.centre;
}
const arrondi = (x: number, pas: number) => Math.round(x / pas) * pas;

/** Shares the `total` among communes proportionally to population (largest remainder). */
function repartir(total: number, communes: CommuneSeed[]): Map<string, number> {
  const pop = communes.reduce((s, c) => s + c.population, 0) || 1;
  const parts = communes.map((c) => ({ code: c.code, exact: (total * c.population) / pop }));
  const res = new Map(parts.map((p) => [p.code, Math.floor(p.exact)]));
  let reste = total - [...res.values()].reduce((a, b) => a + b, 0);
  for (const p of [...parts].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (reste-- <= 0) break;
    res.set(p.code, (res.get(p.code) ?? 0) + 1);
  }
  return res;
}

export function genererOffre(
  territoireId: string,
  communes: CommuneSeed[],
  o: {
    amActifsZonePrincipale: number;
    amInactifsZonePrincipale: number;
    mam: { nombre: number; places: number };
    placesEaje: number;
    creches: number;
    microCreches: number;
    sansAm?: string[];
    amTerritoire?: number;
  },
): StructureSeed[] {
  const r = prng(`offre:${territoireId}`);
  const out: StructureSeed[] = [];
  const principales = communes.filter((c) => c.principale);
  const autres = communes.filter((c) => !c.principale);
  const popP = principales.reduce((s, c) => s + c.population, 0) || 1;
  const popA = autres.reduce((s, c) => s + c.population, 0);
  // Outside the main relais area: the territory's total when the seed gives it (with the main area's share of
  // active AM), else the same density of AM per inhabitant.
  const amPrincipale = o.amActifsZonePrincipale + o.amInactifsZonePrincipale;
  const amAutresTous = o.amTerritoire !== undefined ? Math.max(0, o.amTerritoire - amPrincipale) : null;
  const amAutres =
    amAutresTous !== null
      ? Math.round((amAutresTous * o.amActifsZonePrincipale) / Math.max(1, amPrincipale))
      : Math.round((o.amActifsZonePrincipale * popA) / popP);
  const amAutresInactifs = amAutresTous !== null ? amAutresTous - amAutres : 0;
  const grandes = (cs: CommuneSeed[]) => [...cs].sort((a, b) => b.population - a.population);
  let agrementN = 1;

  const dispoAm = (): StructureSeed['dispo'] => {
    const x = r();
    if (x < 0.27)
      return {
        statut: 'places',
        confirmeeIlYaJours: Math.floor(r() * 50),
        places: [{ trancheAge: pick(r, ['bebe', 'marcheur', 'grand'] as const), nombre: 1, dansJours: pick(r, [0, 0, 15, 30, 60]) }],
      };
    if (x < 0.35)
      return {
        statut: 'places',
        confirmeeIlYaJours: 70 + Math.floor(r() * 200),
        places: [{ trancheAge: pick(r, ['bebe', 'marcheur'] as const), nombre: 1, dansJours: 0 }],
      };
    if (x < 0.75) return { statut: 'complet', confirmeeIlYaJours: Math.floor(r() * 120), places: [] };
    return { statut: 'inconnu', confirmeeIlYaJours: null, places: [] };
  };

  const ajouterAm = (c: CommuneSeed, actif: boolean) => {
    const prenom = pick(r, PRENOMS);
    const nomFamille = pick(r, NOMS);
    const [lon, lat] = pointDans(r, c);
    const opt = r();
    const positionPublique = opt < 0.15 ? 'exacte' : opt < 0.6 ? 'floue' : 'commune';
    // A blurred point: rounded to about 1 km, never the home.
    const [lonP, latP] = positionPublique === 'exacte' ? [lon, lat] : positionPublique === 'floue' ? [arrondi(lon, 0.015), arrondi(lat, 0.01)] : c.centre;
    const tot = r() < 0.15;
    const tard = r() < 0.1;
    const weekend = r() < 0.05;
    const capacite = pick(r, [2, 3, 3, 4, 4, 4]);
    out.push({
      type: 'assistant-maternel',
      nom: `${prenom} ${nomFamille.charAt(0)}.`,
      prenom,
      nomFamille,
      communeCode: c.code,
      adresse: `${1 + Math.floor(r() * 80)} ${pick(r, RUES)}`,
      lat,
      lon,
      positionPublique,
      latPublique: latP,
      lonPublique: lonP,
      capacite,
      ageMinMois: 0,
      ageMaxMois: r() < 0.3 ? 132 : 72,
      horaires: semaine(tot ? '06:30' : '07:30', tard ? '20:00' : '18:30', weekend ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5]),
      horairesAtypiques: { tot, tard, weekend },
      accueilUrgence: r() < 0.2,
      handicapAccueilli: r() < 0.25,
      financement: null,
      gestionnaire: null,
      telephone: `06 ${String(10 + Math.floor(r() * 89))} 00 ${String(10 + Math.floor(r() * 89))} ${String(10 + Math.floor(r() * 89))}`,
      email: `am${agrementN}@exemple.fr`,
      agrement: `AGR-${territoireId.slice(0, 2).toUpperCase()}-${String(agrementN++).padStart(5, '0')}`,
      publication: { prenom: true, telephone: r() < 0.8, email: r() < 0.5, adresse: positionPublique === 'exacte' },
      actif,
      dispo: actif ? dispoAm() : { statut: 'inconnu', confirmeeIlYaJours: null, places: [] },
    });
  };

  // Communes the seed says have no AM at all (e.g. Vieille-Chapelle in seed 003) get none.
  const avecAm = principales.filter((c) => !(o.sansAm ?? []).includes(c.code));
  for (const [code, n] of repartir(o.amActifsZonePrincipale, avecAm))
    for (let i = 0; i < n; i++)
      ajouterAm(
        avecAm.find((c) => c.code === code)!,
        true,
      );
  for (const [code, n] of repartir(o.amInactifsZonePrincipale, avecAm))
    for (let i = 0; i < n; i++)
      ajouterAm(
        avecAm.find((c) => c.code === code)!,
        false,
      );
  if (autres.length)
    for (const [code, n] of repartir(amAutres, autres))
      for (let i = 0; i < n; i++)
        ajouterAm(
          autres.find((c) => c.code === code)!,
          true,
        );
  if (autres.length)
    for (const [code, n] of repartir(amAutresInactifs, autres))
      for (let i = 0; i < n; i++)
        ajouterAm(
          autres.find((c) => c.code === code)!,
          false,
        );

  const structure = (type: StructureSeed['type'], c: CommuneSeed, nom: string, capacite: number, extra: Partial<StructureSeed> = {}): void => {
    const [lon, lat] = pointDans(r, c, 0.8);
    const dispo: StructureSeed['dispo'] =
      r() < 0.35
        ? {
            statut: 'places',
            confirmeeIlYaJours: Math.floor(r() * 40),
            places: [{ trancheAge: pick(r, ['bebe', 'marcheur', 'grand'] as const), nombre: 1 + Math.floor(r() * 2), dansJours: pick(r, [0, 30, 60]) }],
          }
        : { statut: 'complet', confirmeeIlYaJours: Math.floor(r() * 60), places: [] };
    out.push({
      type,
      nom,
      communeCode: c.code,
      adresse: `${1 + Math.floor(r() * 40)} ${pick(r, RUES)}`,
      lat,
      lon,
      positionPublique: 'exacte',
      latPublique: lat,
      lonPublique: lon,
      capacite,
      ageMinMois: 2,
      ageMaxMois: 48,
      horaires: semaine('07:30', '18:30'),
      horairesAtypiques: {},
      accueilUrgence: false,
      handicapAccueilli: r() < 0.6,
      // The seed does not say who runs each crèche (not the agglomeration): left blank rather than invented.
      financement: 'psu',
      gestionnaire: null,
      telephone: `03 00 ${String(10 + Math.floor(r() * 89))} 00 00`,
      email: `contact.${out.length}@exemple.fr`,
      agrement: null,
      publication: {},
      actif: true,
      dispo,
      ...extra,
    });
  };

  // Crèches in the largest communes of the main area, micro-crèches spread out, MAM in mid-sized communes.
  const microPlaces = 11;
  const placesCreches = Math.max(0, o.placesEaje - o.microCreches * microPlaces);
  grandes(principales)
    .slice(0, o.creches)
    .forEach((c, i) => {
      const cap = Math.round(placesCreches / Math.max(1, o.creches));
      structure(
        'creche',
        c,
        `Multi-accueil ${pick(r, NOMS_STRUCTURES)}`,
        cap,
        i === 0
          ? { horaires: semaine('06:30', '19:00'), horairesAtypiques: { tot: true }, accueilUrgence: true, ageMaxMois: 48 }
          : { accueilUrgence: r() < 0.5 },
      );
    });
  grandes(principales)
    .slice(1, 1 + o.microCreches * 2)
    .filter((_, i) => i % 2 === 0 || o.microCreches > 6)
    .slice(0, o.microCreches)
    .forEach((c) => {
      structure('micro-creche', c, `Micro-crèche ${pick(r, NOMS_STRUCTURES)}`, microPlaces, {
        financement: 'paje',
        gestionnaire: 'Gestionnaire privé',
        ageMinMois: 3,
        ageMaxMois: 36,
        horaires: semaine('07:00', '19:00'),
      });
    });
  const mamCommunes = grandes(principales)
    .slice(2, 2 + o.mam.nombre * 2)
    .filter((_, i) => i % 2 === 1);
  const parMam = Math.round(o.mam.places / Math.max(1, o.mam.nombre));
  for (let i = 0; i < o.mam.nombre; i++) {
    const c = mamCommunes[i % Math.max(1, mamCommunes.length)] ?? principales[0]!;
    structure('mam', c, `MAM ${pick(r, NOMS_STRUCTURES)}`, i === o.mam.nombre - 1 ? o.mam.places - parMam * (o.mam.nombre - 1) : parMam, {
      financement: null,
      gestionnaire: 'Association des assistants maternels',
      ageMinMois: 0,
      ageMaxMois: 72,
      horaires: semaine('07:00', '19:00'),
      horairesAtypiques: { tot: r() < 0.5 },
    });
  }
  // Outside the main area: crèches in the largest towns.
  for (const c of grandes(autres).slice(0, 8)) {
    structure('creche', c, `Crèche ${pick(r, NOMS_STRUCTURES)}`, c.population > 15000 ? 60 : 30);
    if (c.population > 8000)
      structure('micro-creche', c, `Micro-crèche ${pick(r, NOMS_STRUCTURES)}`, 12, {
        financement: 'paje',
        gestionnaire: 'Gestionnaire privé',
        ageMinMois: 3,
        ageMaxMois: 36,
      });
  }
  // Périscolaire (ALSH) in every commune over 2,000 inhabitants; two garde à domicile services.
  for (const c of communes.filter((c) => c.population >= 2000)) {
    structure('periscolaire', c, `Accueil périscolaire de ${c.nom}`, 40, {
      ageMinMois: 36,
      ageMaxMois: 144,
      financement: 'autre',
      gestionnaire: `Commune de ${c.nom}`,
      horaires: [...semaine('07:30', '08:30', [1, 2, 4, 5]), ...semaine('16:30', '18:30', [1, 2, 4, 5]), { jour: 3, debut: '07:30', fin: '18:30' }],
    });
  }
  for (const c of grandes(communes).slice(0, 2)) {
    structure('garde-a-domicile', c, `Service de garde à domicile ${pick(r, ['Bambins Services', 'Domi’Famille', 'Cocon Services'])}`, 20, {
      financement: 'autre',
      gestionnaire: 'Entreprise de services à la personne',
      ageMinMois: 0,
      ageMaxMois: 144,
      horaires: semaine('06:00', '22:00', [1, 2, 3, 4, 5, 6, 7]),
      horairesAtypiques: { tot: true, tard: true, weekend: true },
      accueilUrgence: true,
    });
  }
  return out;
}

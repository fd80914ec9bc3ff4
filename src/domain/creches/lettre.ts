/**
 * The alternatives letter for a family that got no crèche place: every
 * option still open, nearest first (AM with free places, MAM, other crèches
 * with places), and the next session date. Pure: the server passes the offer.
 */

export type OptionOffre = {
  id: string;
  nom: string;
  type: string;
  communeNom: string;
  lat: number;
  lon: number;
  dispoStatut: string;
  dispoConfirmeeLe: Date | null;
  telephone: string | null;
};

export type Alternatives = { am: OptionOffre[]; mam: OptionOffre[]; creches: OptionOffre[] };

/** Free places nobody confirmed for this long are not offered as an alternative. */
const FRAICHEUR_DISPO_JOURS = 60;

/** Distance in km between two points (haversine). */
function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r;
  const dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The options with fresh free places, nearest first, a few of each kind. */
export function choisirAlternatives(
  offre: readonly OptionOffre[],
  centre: { lat: number; lon: number } | null,
  maintenant: Date,
  o: { exclure?: readonly string[]; max?: number } = {},
): Alternatives {
  const limite = maintenant.getTime() - FRAICHEUR_DISPO_JOURS * 86_400_000;
  const max = o.max ?? 5;
  const libres = offre.filter(
    (x) => x.dispoStatut === 'places' && !!x.dispoConfirmeeLe && x.dispoConfirmeeLe.getTime() >= limite && !(o.exclure ?? []).includes(x.id),
  );
  const tri = (xs: OptionOffre[]) =>
    (centre
      ? [...xs].sort((a, b) => distanceKm(centre, a) - distanceKm(centre, b) || a.nom.localeCompare(b.nom))
      : [...xs].sort((a, b) => a.nom.localeCompare(b.nom))
    ).slice(0, max);
  return {
    am: tri(libres.filter((x) => x.type === 'assistant-maternel')),
    mam: tri(libres.filter((x) => x.type === 'mam')),
    creches: tri(libres.filter((x) => x.type === 'creche' || x.type === 'micro-creche')),
  };
}

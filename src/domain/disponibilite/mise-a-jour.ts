/**
 * Rules of an availability update by an assistant maternel, a structure
 * manager or an animatrice on her behalf. Pure: the form fields come in,
 * a validated update (or error codes per field) comes out.
 */
import { z } from 'zod';

export const TRANCHES = ['bebe', 'marcheur', 'grand', 'periscolaire'] as const;
export type Tranche = (typeof TRANCHES)[number];
type Atypiques = { tot?: boolean; tard?: boolean; weekend?: boolean; nuit?: boolean };
export const ATYPIQUES = ['tot', 'tard', 'weekend', 'nuit'] as const;

export type PlaceSaisie = {
  trancheAge: Tranche;
  nombre: number;
  /** 'YYYY-MM-DD' */
  aPartirDu: string;
  jours: number[] | null;
  heureDebut: string | null;
  heureFin: string | null;
  horairesAtypiques: Atypiques;
  urgence: boolean;
  periscolaire: boolean;
};
export type MiseAJour = { statut: 'places'; places: PlaceSaisie[] } | { statut: 'complet'; places: [] };

/** 'YYYY-MM-DD', or 'JJ/MM/AAAA' typed on a phone whose browser has no date picker. */
export function dateSaisie(s: string): string | null {
  const t = s.trim();
  let a: number, m: number, j: number;
  let r = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (r) [a, m, j] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t))) [j, m, a] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else return null;
  const d = new Date(Date.UTC(a, m - 1, j));
  if (d.getUTCFullYear() !== a || d.getUTCMonth() !== m - 1 || d.getUTCDate() !== j || a < 2000 || a > 2100) return null;
  return d.toISOString().slice(0, 10);
}

const heure = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'heure');

/** One place, as stored in places_disponibles. */
const placeSchema = z
  .object({
    trancheAge: z.enum(TRANCHES, { error: 'tranche' }),
    nombre: z.number().int('nombre').min(1, 'nombre').max(99, 'nombre'),
    aPartirDu: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
    jours: z.array(z.number().int().min(1).max(7)).nullable(),
    heureDebut: heure.nullable(),
    heureFin: heure.nullable(),
    horairesAtypiques: z.object({ tot: z.boolean().optional(), tard: z.boolean().optional(), weekend: z.boolean().optional(), nuit: z.boolean().optional() }),
    urgence: z.boolean(),
    periscolaire: z.boolean(),
  })
  .refine((p) => !p.heureDebut || !p.heureFin || p.heureDebut < p.heureFin, { message: 'heures', path: ['heureFin'] });

type Champs = Record<string, string | string[] | undefined>;
const un = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const plusieurs = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

/** Field names of place row `i` in the pro and admin forms. */
export const champPlace = (i: number, k: 'tranche' | 'nombre' | 'date' | 'jours' | 'debut' | 'fin' | 'atypiques' | 'urgence' | 'periscolaire') => `p${i}_${k}`;

type ResultatFormulaire =
  | { ok: true; miseAJour: MiseAJour }
  /** `erreurs`: field name → error code (translated by the page). */
  | { ok: false; erreurs: Record<string, string> };

/**
 * Reads "J'ai une place" / "Je n'ai pas de place" and the rows of detail.
 * A row without an age group is an empty row and is ignored; "J'ai une place"
 * needs at least one filled row. `aujourdhui` is the default start date.
 */
export function lireFormulaireDispo(champs: Champs, o: { lignes: number; aujourdhui: string; nombreModifiable: boolean }): ResultatFormulaire {
  const action = un(champs.action);
  if (action === 'complet') return { ok: true, miseAJour: { statut: 'complet', places: [] } };
  if (action !== 'places') return { ok: false, erreurs: { action: 'action' } };
  const erreurs: Record<string, string> = {};
  const places: PlaceSaisie[] = [];
  for (let i = 0; i < o.lignes; i++) {
    const tranche = un(champs[champPlace(i, 'tranche')]);
    if (!tranche) continue;
    const dateBrute = un(champs[champPlace(i, 'date')]);
    const date = dateBrute ? dateSaisie(dateBrute) : o.aujourdhui;
    if (!date) erreurs[champPlace(i, 'date')] = 'date';
    const nombreBrut = o.nombreModifiable ? un(champs[champPlace(i, 'nombre')]) : '1';
    const nombre = nombreBrut === '' ? 1 : Number(nombreBrut);
    const jours = plusieurs(champs[champPlace(i, 'jours')])
      .map(Number)
      .filter((n) => Number.isInteger(n));
    const atyp = new Set(plusieurs(champs[champPlace(i, 'atypiques')]));
    const candidat = {
      trancheAge: tranche,
      nombre,
      aPartirDu: date ?? '',
      jours: jours.length ? [...new Set(jours)].sort() : null,
      heureDebut: un(champs[champPlace(i, 'debut')]) || null,
      heureFin: un(champs[champPlace(i, 'fin')]) || null,
      horairesAtypiques: Object.fromEntries(ATYPIQUES.filter((k) => atyp.has(k)).map((k) => [k, true])),
      urgence: un(champs[champPlace(i, 'urgence')]) === 'oui',
      periscolaire: un(champs[champPlace(i, 'periscolaire')]) === 'oui' || tranche === 'periscolaire',
    };
    const p = placeSchema.safeParse(candidat);
    if (!p.success) {
      for (const iss of p.error.issues) {
        const k = String(iss.path[0] ?? '');
        const champ =
          k === 'trancheAge'
            ? 'tranche'
            : k === 'aPartirDu'
              ? 'date'
              : k === 'heureDebut'
                ? 'debut'
                : k === 'heureFin'
                  ? 'fin'
                  : k === 'jours'
                    ? 'jours'
                    : k === 'nombre'
                      ? 'nombre'
                      : 'tranche';
        erreurs[champPlace(i, champ as 'tranche')] ??= iss.message === 'heures' ? 'heures' : iss.message === 'heure' ? 'heure' : champ;
      }
    } else if (date) places.push(p.data as PlaceSaisie);
  }
  if (!places.length && !Object.keys(erreurs).length) erreurs[champPlace(0, 'tranche')] = 'aucune-place';
  if (Object.keys(erreurs).length) return { ok: false, erreurs };
  return { ok: true, miseAJour: { statut: 'places', places } };
}

type Position = { lat: number; lon: number; positionPublique: 'exacte' | 'commune' | 'floue'; latPublique: number; lonPublique: number };

/**
 * Where the public map may put an assistant maternel. Publishing her street
 * address makes it exact; otherwise never her home: keep an existing blurred
 * point, or fall back to the centre of her commune.
 */
export function positionSelonPublication(
  publieAdresse: boolean,
  p: Position,
  centreCommune: { lat: number; lon: number },
): Pick<Position, 'positionPublique' | 'latPublique' | 'lonPublique'> {
  if (publieAdresse) return { positionPublique: 'exacte', latPublique: p.lat, lonPublique: p.lon };
  const surDomicile = Math.abs(p.latPublique - p.lat) < 1e-6 && Math.abs(p.lonPublique - p.lon) < 1e-6;
  if (p.positionPublique === 'floue' && !surDomicile) return { positionPublique: 'floue', latPublique: p.latPublique, lonPublique: p.lonPublique };
  return { positionPublique: 'commune', latPublique: centreCommune.lat, lonPublique: centreCommune.lon };
}

export const publicationSchema = z.object({
  prenom: z.boolean(),
  telephone: z.boolean(),
  email: z.boolean(),
  adresse: z.boolean(),
});
export type Publication = z.infer<typeof publicationSchema>;

export function lirePublication(champs: Champs): Publication {
  const choix = new Set(plusieurs(champs.publier));
  return publicationSchema.parse({ prenom: choix.has('prenom'), telephone: choix.has('telephone'), email: choix.has('email'), adresse: choix.has('adresse') });
}

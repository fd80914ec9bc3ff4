/**
 * Import of the AM list (PMI / CAF CSV): preview, then upsert by agrément
 * number. A line that brings nothing new changes nothing (no write, no date).
 */
import { eq, inArray, isNull } from 'drizzle-orm';
import { schema, type Db } from '../db';
import type { Staff } from '../auth/staff';
import { journaliser } from '../audit';
import { lireCsv, validerLignes, type ErreurFichier, type LigneAm, type LigneValidee } from '../../domain/disponibilite/import-csv';
import { communesGerees } from './perimetre';
import { assurerComptePro } from './comptes';
import { invaliderCacheOffre } from '../offre/requetes';

export type Bilan = {
  ok: true;
  lignes: LigneValidee[];
  /** For each valid line: what the import does. */
  actions: Map<number, 'creer' | 'modifier' | 'inchange'>;
  creees: number;
  modifiees: number;
  inchangees: number;
  erreurs: Extract<LigneValidee, { ok: false }>[];
};

const nomAffiche = (l: LigneAm) => `${l.prenom} ${l.nom.charAt(0).toUpperCase()}.`;

function difference(s: typeof schema.structures.$inferSelect, l: LigneAm): boolean {
  return (
    s.nom !== nomAffiche(l) ||
    s.prenom !== l.prenom ||
    s.nomFamille !== l.nom ||
    s.communeCode !== l.communeCode ||
    (s.adresse ?? null) !== l.adresse ||
    s.capacite !== l.capacite ||
    s.ageMinMois !== l.ageMinMois ||
    s.ageMaxMois !== l.ageMaxMois ||
    (s.telephone ?? null) !== l.telephone ||
    (s.email ?? null) !== l.email ||
    !s.actif
  );
}

async function analyser(
  db: Db,
  u: Staff,
  texte: string,
  jour: string,
): Promise<{ ok: false; erreur: ErreurFichier } | (Bilan & { existants: Map<string, typeof schema.structures.$inferSelect> })> {
  const lu = lireCsv(texte);
  if (!lu.ok) return lu;
  const permises = await communesGerees(db, u, jour);
  const territoire = await db
    .select({ code: schema.communes.code, nom: schema.communes.nom, codesPostaux: schema.communes.codesPostaux })
    .from(schema.communes);
  const lignes = validerLignes(lu.csv, { communes: permises, territoire });
  const sansPosition = new Set(
    (await db.select({ code: schema.communes.code }).from(schema.communes).where(isNull(schema.communes.centreLat))).map((c) => c.code),
  );
  const agrements = lignes.flatMap((l) => (l.ok ? [l.valeur.agrement] : []));
  const existants = new Map<string, typeof schema.structures.$inferSelect>();
  for (let i = 0; i < agrements.length; i += 500) {
    for (const s of await db
      .select()
      .from(schema.structures)
      .where(inArray(schema.structures.agrement, agrements.slice(i, i + 500))))
      existants.set(s.agrement!, s);
  }
  const codesPermis = new Set(permises.map((c) => c.code));
  const actions = new Map<number, 'creer' | 'modifier' | 'inchange'>();
  const finales = lignes.map((l): LigneValidee => {
    if (!l.ok) return l;
    // No geocoding: a new home goes to its commune centre, which must be known (outlines uploaded).
    if (sansPosition.has(l.valeur.communeCode))
      return { numero: l.numero, ok: false, erreurs: ['commune-sans-position'], apercu: `${l.valeur.prenom} ${l.valeur.nom} · ${l.valeur.agrement}` };
    const s = existants.get(l.valeur.agrement);
    // An AM already known in another relais is not this animatrice's to change.
    if (s && (s.type !== 'assistant-maternel' || !codesPermis.has(s.communeCode))) {
      return { numero: l.numero, ok: false, erreurs: ['agrement-hors-perimetre'], apercu: `${l.valeur.prenom} ${l.valeur.nom} · ${l.valeur.agrement}` };
    }
    actions.set(l.numero, !s ? 'creer' : difference(s, l.valeur) ? 'modifier' : 'inchange');
    return l;
  });
  const compte = (a: string) => [...actions.values()].filter((x) => x === a).length;
  return {
    ok: true,
    lignes: finales,
    actions,
    existants,
    creees: compte('creer'),
    modifiees: compte('modifier'),
    inchangees: compte('inchange'),
    erreurs: finales.filter((l): l is Extract<LigneValidee, { ok: false }> => !l.ok),
  };
}

/** What the import would do; writes nothing. */
export async function previsualiserImport(db: Db, u: Staff, texte: string, jour: string): Promise<{ ok: false; erreur: ErreurFichier } | Bilan> {
  const r = await analyser(db, u, texte, jour);
  if (!r.ok) return r;
  const { existants: _, ...bilan } = r;
  return bilan;
}

/** Imports the valid lines; the bad ones are reported and skipped. */
export async function importerListeAm(
  db: Db,
  u: Staff,
  texte: string,
  jour: string,
  maintenant = new Date(),
): Promise<{ ok: false; erreur: ErreurFichier } | Bilan> {
  const r = await analyser(db, u, texte, jour);
  if (!r.ok) return r;
  const centres = new Map(
    (await db.select({ code: schema.communes.code, lat: schema.communes.centreLat, lon: schema.communes.centreLon }).from(schema.communes)).map((c) => [
      c.code,
      c,
    ]),
  );
  await db.transaction(async (tx) => {
    for (const l of r.lignes) {
      if (!l.ok) continue;
      const action = r.actions.get(l.numero);
      const v = l.valeur;
      const c = centres.get(v.communeCode) as { lat: number; lon: number }; // sansPosition lines were refused above
      const champs = {
        nom: nomAffiche(v),
        prenom: v.prenom,
        nomFamille: v.nom,
        communeCode: v.communeCode,
        adresse: v.adresse,
        capacite: v.capacite,
        ageMinMois: v.ageMinMois,
        ageMaxMois: v.ageMaxMois,
        telephone: v.telephone,
        email: v.email,
        actif: true,
        modifieLe: maintenant,
      };
      if (action === 'creer') {
        // No geocoding: the home is placed at the commune centre until the relais corrects it; public position = commune.
        const [s] = await tx
          .insert(schema.structures)
          .values({
            ...champs,
            type: 'assistant-maternel',
            agrement: v.agrement,
            lat: c.lat,
            lon: c.lon,
            positionPublique: 'commune',
            latPublique: c.lat,
            lonPublique: c.lon,
            publication: {},
            dispoStatut: 'inconnu',
            creeLe: maintenant,
          })
          .returning({ id: schema.structures.id });
        await assurerComptePro(tx, s!.id, v.email);
      } else if (action === 'modifier') {
        const avant = r.existants.get(v.agrement)!;
        const deplace =
          avant.communeCode !== v.communeCode ? { lat: c.lat, lon: c.lon, positionPublique: 'commune' as const, latPublique: c.lat, lonPublique: c.lon } : {};
        await tx
          .update(schema.structures)
          .set({ ...champs, ...deplace })
          .where(eq(schema.structures.id, avant.id));
        await assurerComptePro(tx, avant.id, v.email);
      }
    }
    await journaliser(tx, u, 'import-am', 'structures', null, {
      creees: r.creees,
      modifiees: r.modifiees,
      inchangees: r.inchangees,
      erreurs: r.erreurs.map((e) => e.numero),
    });
  });
  invaliderCacheOffre(db);
  const { existants: _, ...bilan } = r;
  return bilan;
}

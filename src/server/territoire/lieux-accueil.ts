/** Screen "Lieux d'accueil": EAJE, MAM, périscolaire… created, edited, closed, imported from CSV. */
import { and, asc, eq, ne } from 'drizzle-orm';
import { schema, type Db, type DbOrTx } from '../db';
import type { Staff } from '../auth/staff';
import { journaliser } from '../audit';
import { champ, exigerAdmin, nombre, uuid, type Formulaire, type Resultat } from './commun';
import { cleLieu, lireCsvLieux, validerLieu, type Brut, type LieuAccueil, type LigneLieu } from '../../domain/territoire/lieux-accueil';
import { invaliderCacheOffre } from '../offre/requetes';

export async function communesRef(db: DbOrTx) {
  return db
    .select({
      code: schema.communes.code,
      nom: schema.communes.nom,
      codesPostaux: schema.communes.codesPostaux,
      centreLat: schema.communes.centreLat,
      centreLon: schema.communes.centreLon,
    })
    .from(schema.communes)
    .orderBy(asc(schema.communes.nom));
}

export async function listerLieuxAccueil(db: Db) {
  return db
    .select({ s: schema.structures, communeNom: schema.communes.nom })
    .from(schema.structures)
    .innerJoin(schema.communes, eq(schema.communes.code, schema.structures.communeCode))
    .where(ne(schema.structures.type, 'assistant-maternel'))
    .orderBy(asc(schema.communes.nom), asc(schema.structures.nom))
    .then((r) => r.map((x) => ({ ...x.s, communeNom: x.communeNom })));
}

const CHAMPS: (keyof Brut)[] = ['type', 'nom', 'commune', 'adresse', 'capacite', 'ages', 'telephone', 'email', 'gestionnaire', 'lat', 'lon'];
const financementDe = (t: LieuAccueil['type']) => (t === 'creche' ? ('psu' as const) : t === 'micro-creche' ? ('paje' as const) : null);

function valeursStructure(v: LieuAccueil) {
  return {
    type: v.type,
    nom: v.nom,
    communeCode: v.communeCode,
    adresse: v.adresse,
    capacite: v.capacite,
    ageMinMois: v.ageMinMois,
    ageMaxMois: v.ageMaxMois,
    telephone: v.telephone,
    email: v.email,
    gestionnaire: v.gestionnaire,
    lat: v.lat,
    lon: v.lon,
    latPublique: v.lat,
    lonPublique: v.lon,
    positionPublique: 'exacte' as const,
    financement: financementDe(v.type),
  };
}

/** Existing non-AM places by duplicate key. */
async function existants(db: DbOrTx) {
  const rows = await db.select().from(schema.structures).where(ne(schema.structures.type, 'assistant-maternel'));
  return new Map(rows.map((s) => [cleLieu(s), s]));
}

export async function creerLieuAccueil(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat<string>> {
  const admin = exigerAdmin(u);
  const r = validerLieu(Object.fromEntries(CHAMPS.map((k) => [k, champ(f, k)])), await communesRef(db));
  if (!r.ok) return r;
  if ((await existants(db)).has(cleLieu(r.valeur))) return { ok: false, erreurs: { nom: 'Ce lieu existe déjà (même type, même nom, même commune)' } };
  const id = await db.transaction(async (tx) => {
    const [s] = await tx.insert(schema.structures).values(valeursStructure(r.valeur)).returning({ id: schema.structures.id });
    await journaliser(tx, admin, 'lieu-accueil.creer', 'structure', s!.id, { type: r.valeur.type, nom: r.valeur.nom });
    return s!.id;
  });
  invaliderCacheOffre(db);
  return { ok: true, message: `« ${r.valeur.nom} » ajouté à l’offre.`, valeur: id };
}

async function modifierLieuAccueil(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const id = uuid('Lieu inconnu').safeParse(champ(f, 'structureId'));
  if (!id.success) return { ok: false, erreurs: { nom: 'Lieu inconnu' } };
  const r = validerLieu(Object.fromEntries(CHAMPS.map((k) => [k, champ(f, k)])), await communesRef(db));
  if (!r.ok) return r;
  const autre = (await existants(db)).get(cleLieu(r.valeur));
  if (autre && autre.id !== id.data) return { ok: false, erreurs: { nom: 'Un autre lieu porte ce nom dans cette commune' } };
  await db.transaction(async (tx) => {
    await tx
      .update(schema.structures)
      .set({ ...valeursStructure(r.valeur), modifieLe: new Date() })
      .where(and(eq(schema.structures.id, id.data), ne(schema.structures.type, 'assistant-maternel')));
    await journaliser(tx, admin, 'lieu-accueil.modifier', 'structure', id.data, { nom: r.valeur.nom });
  });
  invaliderCacheOffre(db);
  return { ok: true, message: 'Lieu enregistré.' };
}

async function changerActivationLieu(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const id = uuid('Lieu inconnu').safeParse(champ(f, 'structureId'));
  if (!id.success) return { ok: false, erreurs: { structureId: 'Lieu inconnu' } };
  const actif = champ(f, 'actif') === 'oui';
  await db.transaction(async (tx) => {
    await tx
      .update(schema.structures)
      .set({ actif, modifieLe: new Date() })
      .where(and(eq(schema.structures.id, id.data), ne(schema.structures.type, 'assistant-maternel')));
    await journaliser(tx, admin, actif ? 'lieu-accueil.rouvrir' : 'lieu-accueil.fermer', 'structure', id.data);
  });
  invaliderCacheOffre(db);
  return { ok: true, message: actif ? 'Lieu rouvert : il revient sur la carte.' : 'Lieu fermé : il n’apparaît plus sur la carte.' };
}

export type Apercu =
  | { ok: true; lignes: (LigneLieu & { action?: 'creer' | 'modifier' | 'inchange' })[]; erreurs: number; creees: number; modifiees: number; inchangees: number }
  | { ok: false; erreur: string };

function differe(s: typeof schema.structures.$inferSelect, v: LieuAccueil): boolean {
  const n = valeursStructure(v);
  return (Object.keys(n) as (keyof typeof n)[]).some((k) => (s[k] ?? null) !== (n[k] ?? null)) || !s.actif;
}

export async function previsualiserLieux(db: DbOrTx, texte: string): Promise<Apercu> {
  const lu = lireCsvLieux(texte, await communesRef(db));
  if (!lu.ok) return lu;
  const deja = await existants(db);
  const lignes = lu.lignes.map((l) => {
    if (!l.ok) return l;
    const s = deja.get(cleLieu(l.valeur));
    return { ...l, action: !s ? ('creer' as const) : differe(s, l.valeur) ? ('modifier' as const) : ('inchange' as const) };
  });
  const compte = (a: string) => lignes.filter((l) => 'action' in l && l.action === a).length;
  return {
    ok: true,
    lignes,
    erreurs: lignes.filter((l) => !l.ok).length,
    creees: compte('creer'),
    modifiees: compte('modifier'),
    inchangees: compte('inchange'),
  };
}

/** All or nothing: a file with one bad line writes nothing. */
export async function importerLieux(db: Db, u: Staff | undefined, texte: string): Promise<Resultat<Apercu>> {
  const admin = exigerAdmin(u);
  const res = await db.transaction(async (tx) => {
    const a = await previsualiserLieux(tx, texte);
    if (!a.ok) return { ok: false as const, erreurs: { fichier: a.erreur } };
    if (a.erreurs)
      return {
        ok: false as const,
        erreurs: {
          fichier: `${nombre(a.erreurs, 'ligne contient', 'lignes contiennent')} des erreurs : rien n’a été importé. Corrigez le fichier puis recommencez.`,
        },
      };
    const deja = await existants(tx);
    for (const l of a.lignes) {
      if (!l.ok || l.action === 'inchange') continue;
      if (l.action === 'creer') await tx.insert(schema.structures).values(valeursStructure(l.valeur));
      else
        await tx
          .update(schema.structures)
          .set({ ...valeursStructure(l.valeur), actif: true, modifieLe: new Date() })
          .where(eq(schema.structures.id, deja.get(cleLieu(l.valeur))!.id));
    }
    await journaliser(tx, admin, 'lieu-accueil.importer', 'structures', null, { creees: a.creees, modifiees: a.modifiees, inchangees: a.inchangees });
    return {
      ok: true as const,
      message: `Import terminé : ${nombre(a.creees, 'lieu ajouté', 'lieux ajoutés')}, ${nombre(a.modifiees, 'modifié', 'modifiés')}, ${nombre(a.inchangees, 'inchangé', 'inchangés')}.`,
      valeur: a,
    };
  });
  if (res.ok) invaliderCacheOffre(db);
  return res;
}

export const ACTIONS_LIEUX = { creer: creerLieuAccueil, modifier: modifierLieuAccueil, activation: changerActivationLieu } as const;

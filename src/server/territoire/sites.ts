/** Screen "Sites et horaires": where RDVs and ateliers happen, weekly hours, closures. */
import { and, asc, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db } from '../db';
import type { Staff } from '../auth/staff';
import { journaliser } from '../audit';
import { champ, erreursZod, exigerAdmin, jour, telephoneOptionnel, texte, texteOptionnel, uuid, uuidOptionnel, type Formulaire, type Resultat } from './commun';
import { lireHoraires } from '../../domain/territoire/regles';
import { jourParis } from '../../domain/temps';

const coordonnee = (min: number, max: number, message: string) =>
  z
    .preprocess(
      (v) => (typeof v === 'string' && v.trim() ? Number(v.trim().replace(',', '.')) : undefined),
      z.number(message).min(min, message).max(max, message).optional(),
    )
    .transform((v) => v ?? null);

const schemaSite = z.object({
  relaisId: uuid('Choisissez le relais'),
  secteurId: uuidOptionnel('Secteur inconnu'),
  nom: texte(200, 'Indiquez le nom du site'),
  adresse: texte(300, 'Indiquez l’adresse'),
  codePostal: z
    .string('Indiquez le code postal')
    .trim()
    .regex(/^\d{5}$/, 'Code postal invalide (5 chiffres)'),
  communeCode: z.string('Choisissez la commune').trim().min(1, 'Choisissez la commune'),
  telephone: telephoneOptionnel,
  acces: texteOptionnel(1000),
  lat: coordonnee(-90, 90, 'Latitude invalide (nombre entre -90 et 90, par exemple 50.75)'),
  lon: coordonnee(-180, 180, 'Longitude invalide (nombre entre -180 et 180, par exemple 2.25)'),
});
const schemaFermeture = z
  .object({
    lieuId: uuid('Site inconnu'),
    debut: jour('Indiquez le premier jour (format AAAA-MM-JJ)'),
    fin: jour('Indiquez le dernier jour (format AAAA-MM-JJ)'),
    motif: texte(200, 'Indiquez le motif (par exemple : travaux)'),
  })
  .superRefine((v, ctx) => {
    if (v.fin < v.debut) ctx.addIssue({ code: 'custom', path: ['fin'], message: 'Le dernier jour doit être le premier jour ou après' });
  });

export async function listerSites(db: Db, maintenant = new Date()) {
  const lieux = await db
    .select({ l: schema.lieux, relaisNom: schema.relais.nom, communeNom: schema.communes.nom })
    .from(schema.lieux)
    .innerJoin(schema.relais, eq(schema.relais.id, schema.lieux.relaisId))
    .innerJoin(schema.communes, eq(schema.communes.code, schema.lieux.communeCode))
    .orderBy(asc(schema.relais.nom), asc(schema.lieux.nom));
  const fermetures = await db
    .select()
    .from(schema.fermeturesLieux)
    .where(gte(schema.fermeturesLieux.fin, jourParis(maintenant)))
    .orderBy(asc(schema.fermeturesLieux.debut));
  return lieux.map((x) => ({ ...x.l, relaisNom: x.relaisNom, communeNom: x.communeNom, fermetures: fermetures.filter((f) => f.lieuId === x.l.id) }));
}

async function lireSite(db: Db, f: Formulaire) {
  const p = schemaSite.safeParse(Object.fromEntries(Object.keys(schemaSite.shape).map((k) => [k, champ(f, k)])));
  const h = lireHoraires(f);
  const erreurs = { ...(p.success ? {} : erreursZod(p.error)), ...(h.ok ? {} : h.erreurs) };
  if (!p.success || !h.ok) return { ok: false as const, erreurs };
  const v = p.data;
  const [relais] = await db.select().from(schema.relais).where(eq(schema.relais.id, v.relaisId));
  if (!relais) return { ok: false as const, erreurs: { relaisId: 'Relais inconnu' } };
  if (
    v.secteurId &&
    !(
      await db
        .select()
        .from(schema.secteurs)
        .where(and(eq(schema.secteurs.id, v.secteurId), eq(schema.secteurs.relaisId, v.relaisId)))
    ).length
  ) {
    return { ok: false as const, erreurs: { secteurId: 'Ce secteur n’appartient pas au relais choisi' } };
  }
  const [commune] = await db.select().from(schema.communes).where(eq(schema.communes.code, v.communeCode));
  if (!commune) return { ok: false as const, erreurs: { communeCode: 'Commune inconnue du territoire' } };
  if ((v.lat === null) !== (v.lon === null))
    return { ok: false as const, erreurs: { [v.lat === null ? 'lat' : 'lon']: 'Indiquez la latitude et la longitude, ou aucune des deux' } };
  // Without coordinates, the site sits at its commune centre when the outlines are known.
  const lat = v.lat ?? commune.centreLat;
  const lon = v.lon ?? commune.centreLon;
  return { ok: true as const, valeurs: { ...v, lat, lon, horaires: h.horaires } };
}

export async function creerSite(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat<string>> {
  const admin = exigerAdmin(u);
  const r = await lireSite(db, f);
  if (!r.ok) return r;
  const id = await db.transaction(async (tx) => {
    const [l] = await tx.insert(schema.lieux).values(r.valeurs).returning({ id: schema.lieux.id });
    await journaliser(tx, admin, 'site.creer', 'lieu', l!.id, { nom: r.valeurs.nom, relaisId: r.valeurs.relaisId });
    return l!.id;
  });
  return { ok: true, message: `Site « ${r.valeurs.nom} » créé.`, valeur: id };
}

async function modifierSite(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const id = uuid('Site inconnu').safeParse(champ(f, 'lieuId'));
  if (!id.success) return { ok: false, erreurs: { lieuId: 'Site inconnu' } };
  const r = await lireSite(db, f);
  if (!r.ok) return r;
  await db.transaction(async (tx) => {
    await tx.update(schema.lieux).set(r.valeurs).where(eq(schema.lieux.id, id.data));
    await journaliser(tx, admin, 'site.modifier', 'lieu', id.data, { nom: r.valeurs.nom, horaires: r.valeurs.horaires.length });
  });
  return { ok: true, message: 'Site enregistré.' };
}

export async function ajouterFermeture(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const p = schemaFermeture.safeParse(Object.fromEntries(['lieuId', 'debut', 'fin', 'motif'].map((k) => [k, champ(f, k)])));
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error) };
  if (!(await db.select({ id: schema.lieux.id }).from(schema.lieux).where(eq(schema.lieux.id, p.data.lieuId))).length)
    return { ok: false, erreurs: { lieuId: 'Site inconnu' } };
  await db.transaction(async (tx) => {
    const [x] = await tx.insert(schema.fermeturesLieux).values(p.data).returning({ id: schema.fermeturesLieux.id });
    await journaliser(tx, admin, 'site.fermeture-ajouter', 'lieu', p.data.lieuId, { fermetureId: x!.id, debut: p.data.debut, fin: p.data.fin });
  });
  return { ok: true, message: `Fermeture du ${p.data.debut} au ${p.data.fin} enregistrée : aucun rendez-vous ne sera proposé ces jours-là.` };
}

async function supprimerFermeture(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const id = uuid('Fermeture inconnue').safeParse(champ(f, 'fermetureId'));
  if (!id.success) return { ok: false, erreurs: { fermetureId: 'Fermeture inconnue' } };
  await db.transaction(async (tx) => {
    const [x] = await tx.delete(schema.fermeturesLieux).where(eq(schema.fermeturesLieux.id, id.data)).returning();
    if (x) await journaliser(tx, admin, 'site.fermeture-supprimer', 'lieu', x.lieuId, { debut: x.debut, fin: x.fin });
  });
  return { ok: true, message: 'Fermeture supprimée.' };
}

async function fermerSite(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const p = z
    .object({ lieuId: uuid('Site inconnu'), fermeLe: jour('Indiquez la date de fermeture (format AAAA-MM-JJ)') })
    .safeParse({ lieuId: champ(f, 'lieuId'), fermeLe: champ(f, 'fermeLe') });
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error) };
  await db.transaction(async (tx) => {
    await tx.update(schema.lieux).set({ fermeLe: p.data.fermeLe }).where(eq(schema.lieux.id, p.data.lieuId));
    await journaliser(tx, admin, 'site.fermer', 'lieu', p.data.lieuId, { fermeLe: p.data.fermeLe });
  });
  return { ok: true, message: 'Site fermé.' };
}

export const ACTIONS_SITES = {
  creer: creerSite,
  modifier: modifierSite,
  fermeture: ajouterFermeture,
  'fermeture-supprimer': supprimerFermeture,
  fermer: fermerSite,
} as const;

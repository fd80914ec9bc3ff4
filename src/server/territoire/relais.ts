/** Screen "Relais": create, rename, close, contact details, public hours, sectors. */
import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db } from '../db';
import type { Staff } from '../auth/staff';
import { journaliser } from '../audit';
import {
  champ,
  emailOptionnel,
  erreursZod,
  exigerAdmin,
  jour,
  nombre,
  telephoneOptionnel,
  texte,
  texteOptionnel,
  uuid,
  type Formulaire,
  type Resultat,
} from './commun';
import { slugTerritoire } from '../../domain/territoire/cog';
import { territoireCourant } from './parametres';

const schemaRelais = z.object({
  nom: texte(200, 'Indiquez le nom du relais'),
  adresse: texteOptionnel(300),
  telephone: telephoneOptionnel,
  email: emailOptionnel,
  horairesPublics: texteOptionnel(1000),
});
const schemaSecteur = z.object({ relaisId: uuid('Relais inconnu'), nomSecteur: texte(100, 'Indiquez le nom du secteur') });
const schemaFermeture = z.object({ relaisId: uuid('Relais inconnu'), fermeLe: jour('Indiquez la date de fermeture (format AAAA-MM-JJ)') });

export async function listerRelais(db: Db) {
  const relais = await db.select().from(schema.relais).orderBy(asc(schema.relais.nom));
  const secteurs = await db.select().from(schema.secteurs).orderBy(asc(schema.secteurs.nom));
  return relais.map((r) => ({ ...r, secteurs: secteurs.filter((s) => s.relaisId === r.id) }));
}

async function slugLibre(db: Db, nom: string): Promise<string> {
  const base = slugTerritoire(nom);
  const pris = new Set((await db.select({ slug: schema.relais.slug }).from(schema.relais)).map((r) => r.slug));
  let slug = base;
  for (let i = 2; pris.has(slug); i++) slug = `${base}-${i}`;
  return slug;
}

const lire = (f: Formulaire, s: z.ZodObject) => Object.fromEntries(Object.keys(s.shape).map((k) => [k, champ(f, k)]));

export async function creerRelais(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat<string>> {
  const admin = exigerAdmin(u);
  const p = schemaRelais.safeParse(lire(f, schemaRelais));
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error) };
  const t = await territoireCourant(db);
  if (!t) return { ok: false, erreurs: { nom: 'Aucun territoire : lancez d’abord npm run territoire' } };
  const memeNom = await db
    .select({ id: schema.relais.id })
    .from(schema.relais)
    .where(sql`lower(${schema.relais.nom}) = lower(${p.data.nom})`);
  if (memeNom.length) return { ok: false, erreurs: { nom: 'Un relais porte déjà ce nom' } };
  const slug = await slugLibre(db, p.data.nom);
  const id = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(schema.relais)
      .values({ ...p.data, territoireId: t.id, slug })
      .returning({ id: schema.relais.id });
    await journaliser(tx, admin, 'relais.creer', 'relais', r!.id, { nom: p.data.nom });
    return r!.id;
  });
  return { ok: true, message: `Relais « ${p.data.nom} » créé.`, valeur: id };
}

async function modifierRelais(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const id = uuid('Relais inconnu').safeParse(champ(f, 'relaisId'));
  if (!id.success) return { ok: false, erreurs: { nom: 'Relais inconnu' } };
  const p = schemaRelais.safeParse(lire(f, schemaRelais));
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error) };
  const memeNom = await db
    .select({ id: schema.relais.id })
    .from(schema.relais)
    .where(and(sql`lower(${schema.relais.nom}) = lower(${p.data.nom})`, sql`${schema.relais.id} <> ${id.data}`));
  if (memeNom.length) return { ok: false, erreurs: { nom: 'Un autre relais porte déjà ce nom' } };
  const ok = await db.transaction(async (tx) => {
    const r = await tx.update(schema.relais).set(p.data).where(eq(schema.relais.id, id.data)).returning({ id: schema.relais.id });
    if (r.length) await journaliser(tx, admin, 'relais.modifier', 'relais', id.data, { nom: p.data.nom });
    return r.length > 0;
  });
  return ok ? { ok: true, message: 'Relais enregistré.' } : { ok: false, erreurs: { nom: 'Relais inconnu' } };
}

/** Closing is refused while communes are still served by the relais on or after that day. */
export async function fermerRelais(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const p = schemaFermeture.safeParse({ relaisId: champ(f, 'relaisId'), fermeLe: champ(f, 'fermeLe') });
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error) };
  const encore = await db
    .select({ nom: schema.communes.nom })
    .from(schema.adhesions)
    .innerJoin(schema.communes, eq(schema.communes.code, schema.adhesions.communeCode))
    .where(and(eq(schema.adhesions.relaisId, p.data.relaisId), or(isNull(schema.adhesions.fin), gt(schema.adhesions.fin, p.data.fermeLe))));
  if (encore.length) {
    const noms = encore
      .slice(0, 5)
      .map((c) => c.nom)
      .join(', ');
    return {
      ok: false,
      erreurs: {
        fermeLe: `${nombre(encore.length, 'commune est encore rattachée', 'communes sont encore rattachées')} à ce relais après cette date (${noms}${encore.length > 5 ? '…' : ''}) : rattachez-les d’abord à un autre relais.`,
      },
    };
  }
  await db.transaction(async (tx) => {
    await tx.update(schema.relais).set({ fermeLe: p.data.fermeLe }).where(eq(schema.relais.id, p.data.relaisId));
    await journaliser(tx, admin, 'relais.fermer', 'relais', p.data.relaisId, { fermeLe: p.data.fermeLe });
  });
  return { ok: true, message: 'Relais fermé.' };
}

async function rouvrirRelais(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const id = uuid('Relais inconnu').safeParse(champ(f, 'relaisId'));
  if (!id.success) return { ok: false, erreurs: { relaisId: 'Relais inconnu' } };
  await db.transaction(async (tx) => {
    await tx.update(schema.relais).set({ fermeLe: null }).where(eq(schema.relais.id, id.data));
    await journaliser(tx, admin, 'relais.rouvrir', 'relais', id.data);
  });
  return { ok: true, message: 'Relais rouvert.' };
}

export async function ajouterSecteur(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const p = schemaSecteur.safeParse({ relaisId: champ(f, 'relaisId'), nomSecteur: champ(f, 'nomSecteur') });
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error) };
  const deja = await db
    .select({ id: schema.secteurs.id })
    .from(schema.secteurs)
    .where(and(eq(schema.secteurs.relaisId, p.data.relaisId), sql`lower(${schema.secteurs.nom}) = lower(${p.data.nomSecteur})`));
  if (deja.length) return { ok: false, erreurs: { nomSecteur: 'Ce relais a déjà un secteur de ce nom' } };
  await db.transaction(async (tx) => {
    const [s] = await tx.insert(schema.secteurs).values({ relaisId: p.data.relaisId, nom: p.data.nomSecteur }).returning({ id: schema.secteurs.id });
    await journaliser(tx, admin, 'secteur.creer', 'secteur', s!.id, { relaisId: p.data.relaisId, nom: p.data.nomSecteur });
  });
  return { ok: true, message: `Secteur « ${p.data.nomSecteur} » ajouté.` };
}

async function renommerSecteur(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const p = z
    .object({ secteurId: uuid('Secteur inconnu'), nomSecteur: texte(100, 'Indiquez le nom du secteur') })
    .safeParse({ secteurId: champ(f, 'secteurId'), nomSecteur: champ(f, 'nomSecteur') });
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error) };
  try {
    await db.transaction(async (tx) => {
      await tx.update(schema.secteurs).set({ nom: p.data.nomSecteur }).where(eq(schema.secteurs.id, p.data.secteurId));
      await journaliser(tx, admin, 'secteur.renommer', 'secteur', p.data.secteurId, { nom: p.data.nomSecteur });
    });
  } catch {
    return { ok: false, erreurs: { nomSecteur: 'Ce relais a déjà un secteur de ce nom' } };
  }
  return { ok: true, message: 'Secteur renommé.' };
}

export const ACTIONS_RELAIS = {
  creer: creerRelais,
  modifier: modifierRelais,
  fermer: fermerRelais,
  rouvrir: rouvrirRelais,
  secteur: ajouterSecteur,
  'secteur-renommer': renommerSecteur,
} as const;

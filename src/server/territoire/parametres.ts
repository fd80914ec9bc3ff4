/** Screen "Territoire": name, short name, contact, announcement, DPO. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db } from '../db';
import type { Staff } from '../auth/staff';
import { journaliser } from '../audit';
import {
  champ,
  emailOptionnel,
  erreursZod,
  exigerAdmin,
  jourOptionnel,
  telephoneOptionnel,
  texte,
  texteOptionnel,
  type Formulaire,
  type Resultat,
} from './commun';
import { annonceVisible } from '../../domain/territoire/regles';
import { jourParis } from '../../domain/temps';

const schemaParametres = z
  .object({
    nom: texte(200, 'Indiquez le nom du territoire'),
    nomCourt: texteOptionnel(60),
    contactEmail: emailOptionnel,
    contactTelephone: telephoneOptionnel,
    contactAdresse: texteOptionnel(300),
    annonce: texteOptionnel(1000),
    annonceDebut: jourOptionnel('Date de début invalide (format AAAA-MM-JJ)'),
    annonceFin: jourOptionnel('Date de fin invalide (format AAAA-MM-JJ)'),
    dpoNom: texteOptionnel(200),
    dpoEmail: emailOptionnel,
  })
  .superRefine((v, ctx) => {
    if (v.annonceDebut && v.annonceFin && v.annonceFin < v.annonceDebut)
      ctx.addIssue({ code: 'custom', path: ['annonceFin'], message: 'La fin de l’annonce doit être le jour du début ou après' });
    if ((v.annonceDebut || v.annonceFin) && !v.annonce)
      ctx.addIssue({ code: 'custom', path: ['annonce'], message: 'Écrivez le texte de l’annonce, ou effacez ses dates' });
  });

type Territoire = typeof schema.territoires.$inferSelect;

/** The territory this instance serves (one row today; several later). */
export async function territoireCourant(db: Db): Promise<Territoire | null> {
  const [t] = await db.select().from(schema.territoires).orderBy(schema.territoires.creeLe).limit(1);
  return t ?? null;
}

/** For the home page: the announcement text when it is shown today. */
export async function annonceDuJour(db: Db, maintenant = new Date()): Promise<string | null> {
  const t = await territoireCourant(db);
  return t && annonceVisible(t, jourParis(maintenant)) ? t.annonce : null;
}

export async function enregistrerParametres(db: Db, u: Staff | undefined, f: Formulaire): Promise<Resultat> {
  const admin = exigerAdmin(u);
  const t = await territoireCourant(db);
  if (!t) return { ok: false, erreurs: { nom: 'Aucun territoire : lancez d’abord npm run territoire' } };
  const p = schemaParametres.safeParse(Object.fromEntries(Object.keys(schemaParametres.shape).map((k) => [k, champ(f, k)])));
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error) };
  await db.transaction(async (tx) => {
    await tx.update(schema.territoires).set(p.data).where(eq(schema.territoires.id, t.id));
    const avant = Object.fromEntries(Object.keys(p.data).map((k) => [k, t[k as keyof Territoire]]));
    const modifies = Object.keys(p.data).filter((k) => (avant[k] ?? null) !== (p.data[k as keyof typeof p.data] ?? null));
    await journaliser(tx, admin, 'territoire.modifier', 'territoire', t.id, { champs: modifies });
  });
  return { ok: true, message: 'Territoire enregistré.' };
}

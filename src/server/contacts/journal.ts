/**
 * The log of contacts with professionals (AM, garde à domicile, candidates to
 * the métier): same table as the families' contacts, without a demande, with
 * the relais that had the exchange and a motif from the professionals' list.
 */
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db, type DbOrTx } from '../db';
import type { Staff } from '../auth/staff';
import { AccesRefuse } from '../auth/acces';
import { journaliser } from '../audit';
import { ISSUES_CONTACT, SENS_CONTACT } from '../../domain/vocabulaire';
import { MOTIFS_CONTACT_PRO, PUBLICS_PRO, type PublicContact } from '../../domain/contacts/regles';
import { communesDuRelais } from '../donnees/perimetre';

type ResultatContactPro = { ok: true; id: string } | { ok: false; erreurs: Record<string, string> };

const vide = (v: unknown) => (v === '' || v === null ? undefined : v);

const schemaContactPro = z.object({
  public: z.enum(PUBLICS_PRO as [Exclude<PublicContact, 'famille'>, ...Exclude<PublicContact, 'famille'>[]], {
    error: 'Choisissez avec qui le relais a échangé',
  }),
  motif: z.enum(MOTIFS_CONTACT_PRO, { error: 'Choisissez le motif principal du contact' }),
  canal: z.enum(schema.canalContact.enumValues, { error: 'Choisissez le canal du contact' }),
  sens: z.enum(SENS_CONTACT, { error: 'Choisissez qui a pris contact' }).default('sortant'),
  issue: z.enum(ISSUES_CONTACT, { error: 'Choisissez l’issue du contact' }),
  structureId: z.preprocess(vide, z.uuid({ error: 'Professionnel inconnu' }).optional()),
  relaisId: z.preprocess(vide, z.uuid({ error: 'Choisissez le relais' }).optional()),
  note: z.preprocess(vide, z.string().trim().max(2000, '2000 caractères au plus').optional()),
});

function erreursDe(e: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of e.issues) out[String(i.path[0] ?? '_')] ??= i.message;
  return out;
}

/** The relais whose professionals' log `u` may read and write: her own, or any for the territory admin. */
export function relaisDuStaff(u: Staff | undefined, demande?: string | null): string | null {
  if (!u) throw new AccesRefuse('Connexion requise');
  if (u.role === 'admin') return demande ?? null;
  if (u.role !== 'animatrice' || !u.relaisId) throw new AccesRefuse('Réservé aux équipes des relais');
  if (demande && demande !== u.relaisId) throw new AccesRefuse('Autre relais');
  return u.relaisId;
}

/** A professional's listing the relais may name in its log: one of its communes' AM or garde à domicile service. */
async function structureDuRelais(db: DbOrTx, relaisId: string, structureId: string, maintenant: Date) {
  const [s] = await db
    .select({ id: schema.structures.id, type: schema.structures.type, communeCode: schema.structures.communeCode })
    .from(schema.structures)
    .where(eq(schema.structures.id, structureId));
  if (!s || !['assistant-maternel', 'mam', 'garde-a-domicile'].includes(s.type)) return null;
  return (await communesDuRelais(db, relaisId, maintenant)).has(s.communeCode) ? s : null;
}

export async function ajouterContactPro(db: Db, u: Staff | undefined, brut: unknown, maintenant = new Date()): Promise<ResultatContactPro> {
  relaisDuStaff(u);
  const p = schemaContactPro.safeParse(brut);
  if (!p.success) return { ok: false, erreurs: erreursDe(p.error) };
  const relaisId = relaisDuStaff(u, p.data.relaisId ?? null);
  if (!relaisId) return { ok: false, erreurs: { relaisId: 'Choisissez le relais' } };
  if (p.data.structureId && !(await structureDuRelais(db, relaisId, p.data.structureId, maintenant))) {
    return { ok: false, erreurs: { structureId: 'Ce professionnel n’exerce pas dans une commune du relais' } };
  }
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(schema.contacts)
      .values({
        demandeId: null,
        relaisId,
        public: p.data.public,
        motif: p.data.motif,
        structureId: p.data.structureId ?? null,
        le: maintenant,
        canal: p.data.canal,
        sens: p.data.sens,
        issue: p.data.issue,
        note: p.data.note ?? null,
        parUtilisateurId: u!.id,
      })
      .returning({ id: schema.contacts.id });
    await journaliser(tx, u!, 'contact-pro', 'contact', row!.id, { public: p.data.public, motif: p.data.motif, structureId: p.data.structureId ?? null });
    return row!.id;
  });
  return { ok: true, id };
}

type LigneContactPro = {
  id: string;
  le: Date;
  public: string;
  motif: string | null;
  canal: string;
  sens: string;
  issue: string | null;
  note: string | null;
  par: string | null;
  structureNom: string | null;
  relaisNom: string;
};

/** The latest 50 contacts with professionals of the relais (all relais for the admin), before `avant`. */
export async function listerContactsPro(
  db: DbOrTx,
  u: Staff | undefined,
  o: { avant?: Date | null; structureId?: string | null } = {},
): Promise<LigneContactPro[]> {
  const relaisId = relaisDuStaff(u);
  const c = schema.contacts;
  const rows = await db
    .select({
      id: c.id,
      le: c.le,
      public: c.public,
      motif: c.motif,
      canal: c.canal,
      sens: c.sens,
      issue: c.issue,
      note: c.note,
      par: schema.utilisateurs.nom,
      structureNom: schema.structures.nom,
      relaisNom: schema.relais.nom,
    })
    .from(c)
    .innerJoin(schema.relais, eq(schema.relais.id, c.relaisId))
    .leftJoin(schema.utilisateurs, eq(schema.utilisateurs.id, c.parUtilisateurId))
    .leftJoin(schema.structures, eq(schema.structures.id, c.structureId))
    .where(
      and(
        isNull(c.demandeId),
        relaisId ? eq(c.relaisId, relaisId) : undefined,
        o.avant ? lt(c.le, o.avant) : undefined,
        o.structureId ? eq(c.structureId, o.structureId) : undefined,
      ),
    )
    .orderBy(desc(c.le))
    .limit(50);
  return rows;
}

/** The name of a professional of the offer, to prefill the form (null when unknown or outside the relais). */
async function professionnelPourFormulaire(db: DbOrTx, u: Staff | undefined, structureId: string | null, maintenant = new Date()) {
  if (!structureId || !/^[0-9a-f-]{36}$/i.test(structureId)) return null;
  const relaisId = relaisDuStaff(u);
  const [s] = await db
    .select({ id: schema.structures.id, nom: schema.structures.nom, type: schema.structures.type, communeCode: schema.structures.communeCode })
    .from(schema.structures)
    .where(eq(schema.structures.id, structureId));
  if (!s) return null;
  if (relaisId && !(await communesDuRelais(db, relaisId, maintenant)).has(s.communeCode)) return null;
  return s;
}

/** What the professionals' contact page needs: the relais the staff member may pick (admin) and the log. */
export async function lirePageContactsPro(db: DbOrTx, u: Staff | undefined, o: { structureId: string | null; maintenant?: Date }) {
  const relaisId = relaisDuStaff(u);
  const relais = relaisId ? [] : await db.select({ id: schema.relais.id, nom: schema.relais.nom }).from(schema.relais).orderBy(schema.relais.nom);
  const professionnel = await professionnelPourFormulaire(db, u, o.structureId, o.maintenant);
  const lignes = await listerContactsPro(db, u, { structureId: professionnel?.id ?? null });
  return { relais, professionnel, lignes };
}

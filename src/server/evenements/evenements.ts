/**
 * Events promoting the métier (job-dating "assmat dating", information
 * meetings, journées): staff create them, anyone signs up from the public
 * page (name, email, phone optional, consent), housekeeping pseudonymises the
 * sign-ups RETENTION_INSCRIPTIONS_EVENEMENT_MOIS months after the event.
 */
import { and, asc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { subMonths } from 'date-fns';
import { z } from 'zod';
import { schema, rowsOf, type Db, type DbOrTx } from '../db';
import { journaliser } from '../audit';
import { invalider } from '../cache';
import { AccesRefuse, peutVoirRdv } from '../auth/acces';
import { lieuxDuRelais, relaisAgenda } from '../rdv/agenda';
import { RETENTION_INSCRIPTIONS_EVENEMENT_MOIS, TYPES_EVENEMENT } from '../../domain/metier/vocabulaire';
import { instantParis } from '../../domain/temps';
import { erreursZod, un, type ContexteStaff, type Resultat, type Saisie } from '../staff/contexte';

export type EvenementVue = typeof schema.evenementsMetier.$inferSelect & {
  lieu: typeof schema.lieux.$inferSelect | null;
  communeNom: string | null;
  relaisNom: string;
  inscrits: number;
  restantes: number;
};

/** Events ending after `depuis` (default now), not cancelled unless asked, of one relais or all. */
export async function evenementsAVenir(
  db: DbOrTx,
  o: { maintenant?: Date; depuis?: Date; relaisId?: string; avecAnnules?: boolean; limite?: number } = {},
): Promise<EvenementVue[]> {
  const e = schema.evenementsMetier;
  const q = db
    .select({
      e,
      lieu: schema.lieux,
      communeNom: schema.communes.nom,
      relaisNom: schema.relais.nom,
      inscrits: sql<number>`(select count(*)::int from inscriptions_evenement i where i.evenement_id = ${e.id})`,
    })
    .from(e)
    .innerJoin(schema.relais, eq(e.relaisId, schema.relais.id))
    .leftJoin(schema.lieux, eq(e.lieuId, schema.lieux.id))
    .leftJoin(schema.communes, eq(schema.lieux.communeCode, schema.communes.code))
    .where(
      and(
        gt(e.fin, o.depuis ?? o.maintenant ?? new Date()),
        o.relaisId ? eq(e.relaisId, o.relaisId) : undefined,
        o.avecAnnules ? undefined : eq(e.annule, false),
      ),
    )
    .orderBy(asc(e.debut));
  const rows = o.limite ? await q.limit(o.limite) : await q;
  return rows.map((r) => ({
    ...r.e,
    lieu: r.lieu,
    communeNom: r.communeNom,
    relaisNom: r.relaisNom,
    inscrits: Number(r.inscrits),
    restantes: Math.max(0, r.e.capacite - Number(r.inscrits)),
  }));
}

export async function evenement(db: DbOrTx, id: string): Promise<EvenementVue | null> {
  if (!z.uuid().safeParse(id).success) return null;
  return (await evenementsAVenir(db, { depuis: new Date(0), avecAnnules: true })).find((x) => x.id === id) ?? null;
}

/** Public sign-up; messages are i18n keys of the 'metier' dictionary. */
export const schemaInscriptionEvenement = z.object({
  nom: z.string().trim().min(2, 'metier.evenements.erreurs.nom').max(120, 'metier.evenements.erreurs.nom'),
  email: z.string().trim().toLowerCase().pipe(z.email('metier.evenements.erreurs.email')),
  telephone: z
    .string()
    .trim()
    .max(30, 'metier.evenements.erreurs.telephone')
    .transform((s) => s || null)
    .refine((s) => s === null || /^(?:0|\+33)[1-9](?:[\s.-]?\d{2}){4}$/.test(s), 'metier.evenements.erreurs.telephone'),
  consentement: z.literal('oui', { error: 'metier.evenements.erreurs.consentement' }),
});
type InscriptionEvenement = z.infer<typeof schemaInscriptionEvenement>;

type ResultatInscriptionEvenement = { ok: true; id: string } | { ok: false; raison: 'introuvable' | 'complet' | 'deja' };

/** Signs up under a row lock on the event, so that concurrent sign-ups never exceed its capacity. */
export async function inscrireEvenement(
  db: Db,
  o: InscriptionEvenement & { evenementId: string; langue: string; maintenant?: Date },
): Promise<ResultatInscriptionEvenement> {
  const maintenant = o.maintenant ?? new Date();
  return db.transaction(async (tx) => {
    const [e] = await tx.select().from(schema.evenementsMetier).where(eq(schema.evenementsMetier.id, o.evenementId)).for('update');
    if (!e || e.annule || e.debut <= maintenant) return { ok: false as const, raison: 'introuvable' as const };
    const i = schema.inscriptionsEvenement;
    const deja = await tx
      .select({ id: i.id })
      .from(i)
      .where(and(eq(i.evenementId, e.id), eq(i.email, o.email)));
    if (deja.length) return { ok: false as const, raison: 'deja' as const };
    const [{ n }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from inscriptions_evenement where evenement_id = ${e.id}`)) as [
      { n: number },
    ];
    if (Number(n) >= e.capacite) return { ok: false as const, raison: 'complet' as const };
    const [r] = await tx
      .insert(i)
      .values({ evenementId: e.id, nom: o.nom, email: o.email, telephone: o.telephone, langue: o.langue, consentementLe: maintenant, creeLe: maintenant })
      .returning({ id: i.id });
    return { ok: true as const, id: r!.id };
  });
}

/** Housekeeping: sign-ups of events ended more than RETENTION months ago lose name, email and phone. */
export async function effacerInscriptionsPassees(db: DbOrTx, maintenant: Date): Promise<number> {
  const i = schema.inscriptionsEvenement;
  const limite = subMonths(maintenant, RETENTION_INSCRIPTIONS_EVENEMENT_MOIS);
  const r = await db
    .update(i)
    .set({ nom: 'Personne effacée', email: sql`'efface-' || ${i.id}::text || '@invalid'`, telephone: null, effaceeLe: maintenant })
    .where(and(isNull(i.effaceeLe), sql`${i.evenementId} in (select id from evenements_metier where ${lt(schema.evenementsMetier.fin, limite)})`))
    .returning({ id: i.id });
  return r.length;
}

// ── Staff side ──────────────────────────────────────────────────────────────

const hhmm = (m: string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, m);
const schemaEvenement = z
  .object({
    type: z.enum(TYPES_EVENEMENT, { error: 'Choisissez le type d’événement' }),
    titre: z.string().trim().min(3, 'Indiquez le titre').max(160, 'Titre trop long'),
    description: z
      .string()
      .trim()
      .max(2000, 'Description trop longue')
      .transform((s) => s || null),
    jour: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Indiquez la date'),
    debut: hhmm('Heure de début au format HH:MM'),
    fin: hhmm('Heure de fin au format HH:MM'),
    lieuId: z.string(),
    adresse: z
      .string()
      .trim()
      .max(300, 'Adresse trop longue')
      .transform((s) => s || null),
    capacite: z.coerce.number({ error: 'Indiquez le nombre de places' }).int('Un nombre entier').min(1, 'Au moins une place').max(1000, 'Mille places au plus'),
  })
  .refine((r) => r.fin > r.debut, { path: ['fin'], message: 'La fin doit être après le début' })
  .refine((r) => r.lieuId !== '' || r.adresse !== null, { path: ['adresse'], message: 'Sans site du relais, indiquez l’adresse' });

const CHAMPS = ['type', 'titre', 'description', 'jour', 'debut', 'fin', 'lieuId', 'adresse', 'capacite'] as const;
export const NOUVEL_EVENEMENT: Saisie = { type: 'job-dating', capacite: '30', debut: '14:00', fin: '17:00', lieuId: '' };

export async function creerEvenement(c: ContexteStaff, relaisChoisi: string | null, saisie: Saisie): Promise<Resultat> {
  const relais = await relaisAgenda(c.db, c.staff, relaisChoisi);
  const p = schemaEvenement.safeParse(Object.fromEntries(CHAMPS.map((k) => [k, un(saisie, k)])));
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error), saisie };
  if (p.data.lieuId && !(await lieuxDuRelais(c.db, relais.id)).some((l) => l.id === p.data.lieuId))
    return { ok: false, erreurs: { lieuId: 'Lieu inconnu' }, saisie };
  const debut = instantParis(p.data.jour, p.data.debut);
  if (debut <= c.maintenant) return { ok: false, erreurs: { jour: 'La date doit être à venir' }, saisie };
  const [e] = await c.db
    .insert(schema.evenementsMetier)
    .values({
      relaisId: relais.id,
      type: p.data.type,
      titre: p.data.titre,
      description: p.data.description,
      debut,
      fin: instantParis(p.data.jour, p.data.fin),
      lieuId: p.data.lieuId || null,
      adresse: p.data.adresse,
      capacite: p.data.capacite,
    })
    .returning({ id: schema.evenementsMetier.id });
  await journaliser(c.db, c.staff, 'evenement.creer', 'evenement', e!.id);
  // The information page "Devenir assistant maternel" lists the next events (page cache keyed on the territory).
  invalider('territoire');
  return { ok: true, redirection: `/admin/evenements/${e!.id}?fait=cree` };
}

export async function lireEvenements(c: ContexteStaff, relaisChoisi: string | null) {
  const relais = await relaisAgenda(c.db, c.staff, relaisChoisi);
  const [lieux, evenements] = await Promise.all([
    lieuxDuRelais(c.db, relais.id),
    evenementsAVenir(c.db, { relaisId: relais.id, avecAnnules: true, depuis: subMonths(c.maintenant, 6) }),
  ]);
  return { relais, lieux, evenements };
}

/** One event and its sign-ups (staff of its relais; the read is written to the audit log). */
export async function lireEvenement(c: ContexteStaff, id: string) {
  const e = await evenement(c.db, id);
  if (!e) return null;
  if (!peutVoirRdv(c.staff, e)) throw new AccesRefuse();
  const i = schema.inscriptionsEvenement;
  const inscriptions = await c.db.select().from(i).where(eq(i.evenementId, e.id)).orderBy(asc(i.creeLe));
  await journaliser(c.db, c.staff, 'evenement.consulter', 'evenement', e.id);
  return { evenement: e, inscriptions };
}

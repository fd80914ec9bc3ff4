/**
 * Formation continue: the catalogue of training sessions a relais publishes,
 * the wishes its AM express from /pro, the groups staff build for collective
 * sign-ups, and the departures in training they record.
 */
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db, type DbOrTx } from '../db';
import { journaliser } from '../audit';
import { AccesRefuse, peutVoirRdv } from '../auth/acces';
import { relaisAgenda } from '../rdv/agenda';
import { relaisDeLaCommuneLe } from '../requetes/adhesions';
import { FINANCEMENTS_FORMATION } from '../../domain/metier/vocabulaire';
import { jourParis } from '../../domain/temps';
import { erreursZod, tous, un, type ContexteStaff, type Resultat, type Saisie } from '../staff/contexte';

const jour = (m: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, m);

const schemaFormation = z
  .object({
    titre: z.string().trim().min(3, 'Indiquez le titre').max(160, 'Titre trop long (160 caractères au plus)'),
    organisme: z.string().trim().min(2, 'Indiquez l’organisme de formation').max(160, 'Nom trop long'),
    debut: jour('Indiquez la date de début'),
    fin: jour('Indiquez la date de fin'),
    lieu: z.string().trim().min(2, 'Indiquez le lieu').max(200, 'Lieu trop long'),
    financement: z.enum(FINANCEMENTS_FORMATION, { error: 'Choisissez un financement' }),
    places: z
      .string()
      .trim()
      .transform((s) => (s === '' ? null : Number(s)))
      .refine((n) => n === null || (Number.isInteger(n) && n >= 1 && n <= 200), 'Un nombre de places entre 1 et 200, ou rien'),
  })
  .refine((f) => f.fin >= f.debut, { path: ['fin'], message: 'La fin doit être le jour du début ou après' });

const CHAMPS_FORMATION = ['titre', 'organisme', 'debut', 'fin', 'lieu', 'financement', 'places'] as const;
export const NOUVELLE_FORMATION: Saisie = { financement: 'plan-developpement-competences', places: '' };

export async function creerFormation(c: ContexteStaff, relaisChoisi: string | null, saisie: Saisie): Promise<Resultat> {
  const relais = await relaisAgenda(c.db, c.staff, relaisChoisi);
  const p = schemaFormation.safeParse(Object.fromEntries(CHAMPS_FORMATION.map((k) => [k, un(saisie, k)])));
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error), saisie };
  const [f] = await c.db
    .insert(schema.formations)
    .values({ relaisId: relais.id, ...p.data })
    .returning({ id: schema.formations.id });
  await journaliser(c.db, c.staff, 'formation.creer', 'formation', f!.id);
  return { ok: true, redirection: `/admin/formations/${f!.id}?fait=creee` };
}

type FormationVue = typeof schema.formations.$inferSelect & { souhaits: number; inscrits: number; partis: number };

async function formationsAvecComptes(db: DbOrTx, where: ReturnType<typeof and>): Promise<FormationVue[]> {
  const v = schema.voeuxFormation;
  const rows = await db
    .select({
      f: schema.formations,
      souhaits: sql<number>`count(${v.id}) filter (where ${v.statut} = 'souhait')::int`,
      inscrits: sql<number>`count(${v.id}) filter (where ${v.statut} = 'inscrit')::int`,
      partis: sql<number>`count(${v.id}) filter (where ${v.statut} = 'parti')::int`,
    })
    .from(schema.formations)
    .leftJoin(v, eq(v.formationId, schema.formations.id))
    .where(where)
    .groupBy(schema.formations.id)
    .orderBy(asc(schema.formations.debut), asc(schema.formations.titre));
  return rows.map((r) => ({ ...r.f, souhaits: Number(r.souhaits), inscrits: Number(r.inscrits), partis: Number(r.partis) }));
}

/** The catalogue of the relais (sessions ending this year or later), with counts. */
export async function lireFormations(c: ContexteStaff, relaisChoisi: string | null) {
  const relais = await relaisAgenda(c.db, c.staff, relaisChoisi);
  const debutAnnee = `${jourParis(c.maintenant).slice(0, 4)}-01-01`;
  const formations = await formationsAvecComptes(c.db, and(eq(schema.formations.relaisId, relais.id), gte(schema.formations.fin, debutAnnee)));
  return { relais, formations };
}

async function formationDuRelais(c: ContexteStaff, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const [f] = await c.db.select().from(schema.formations).where(eq(schema.formations.id, id));
  if (f && !peutVoirRdv(c.staff, f)) throw new AccesRefuse();
  return f ?? null;
}

/** One training session with the wishes of its AM and its groups (staff of its relais). */
export async function lireFormation(c: ContexteStaff, id: string) {
  const f = await formationDuRelais(c, id);
  if (!f) return null;
  const s = schema.structures;
  const voeux = await c.db
    .select({
      id: schema.voeuxFormation.id,
      statut: schema.voeuxFormation.statut,
      partiLe: schema.voeuxFormation.partiLe,
      groupeId: schema.voeuxFormation.groupeId,
      creeLe: schema.voeuxFormation.creeLe,
      nom: s.nom,
      prenom: s.prenom,
      nomFamille: s.nomFamille,
      communeNom: schema.communes.nom,
    })
    .from(schema.voeuxFormation)
    .innerJoin(s, eq(s.id, schema.voeuxFormation.structureId))
    .innerJoin(schema.communes, eq(schema.communes.code, s.communeCode))
    .where(eq(schema.voeuxFormation.formationId, f.id))
    .orderBy(asc(schema.voeuxFormation.creeLe));
  const groupes = await c.db
    .select()
    .from(schema.groupesFormation)
    .where(eq(schema.groupesFormation.formationId, f.id))
    .orderBy(asc(schema.groupesFormation.creeLe));
  return { formation: f, voeux, groupes };
}

const schemaGroupe = z.object({
  nom: z.string().trim().min(2, 'Nommez le groupe').max(120, 'Nom trop long'),
  voeux: z.array(z.uuid()).min(1, 'Cochez au moins une assistante maternelle'),
});

/** Builds a group from checked wishes: they become 'inscrit' in that group (collective sign-up). */
export async function creerGroupe(c: ContexteStaff, id: string, saisie: Saisie): Promise<Resultat> {
  const f = await formationDuRelais(c, id);
  if (!f) return { ok: false, erreurs: { formulaire: 'Formation introuvable' }, saisie };
  const p = schemaGroupe.safeParse({ nom: un(saisie, 'nom'), voeux: tous(saisie, 'voeux') });
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error), saisie };
  return c.db.transaction(async (tx) => {
    const choisis = await tx
      .select({ id: schema.voeuxFormation.id })
      .from(schema.voeuxFormation)
      .where(
        and(
          eq(schema.voeuxFormation.formationId, f.id),
          inArray(schema.voeuxFormation.id, p.data.voeux),
          inArray(schema.voeuxFormation.statut, ['souhait', 'inscrit']),
        ),
      );
    if (choisis.length === 0) return { ok: false as const, erreurs: { voeux: 'Aucun de ces souhaits ne peut entrer dans un groupe' }, saisie };
    if (f.places !== null && choisis.length > f.places)
      return { ok: false as const, erreurs: { voeux: `Un groupe compte ${f.places} places au plus` }, saisie };
    const [g] = await tx.insert(schema.groupesFormation).values({ formationId: f.id, nom: p.data.nom }).returning({ id: schema.groupesFormation.id });
    await tx
      .update(schema.voeuxFormation)
      .set({ groupeId: g!.id, statut: 'inscrit' })
      .where(
        inArray(
          schema.voeuxFormation.id,
          choisis.map((x) => x.id),
        ),
      );
    await journaliser(tx, c.staff, 'formation.groupe', 'formation', f.id, { groupe: g!.id, nombre: choisis.length });
    return { ok: true as const, redirection: `/admin/formations/${f.id}?fait=groupe` };
  });
}

/** Records that checked AM left in training on a day (default: the session's first day). */
export async function enregistrerDeparts(c: ContexteStaff, id: string, saisie: Saisie): Promise<Resultat> {
  const f = await formationDuRelais(c, id);
  if (!f) return { ok: false, erreurs: { formulaire: 'Formation introuvable' }, saisie };
  const p = z
    .object({
      voeux: z.array(z.uuid()).min(1, 'Cochez au moins une assistante maternelle partie en formation'),
      partiLe: z
        .string()
        .transform((s) => s || f.debut)
        .pipe(jour('Date au format AAAA-MM-JJ')),
    })
    .safeParse({ voeux: tous(saisie, 'voeux'), partiLe: un(saisie, 'partiLe') });
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error), saisie };
  const faits = await c.db
    .update(schema.voeuxFormation)
    .set({ statut: 'parti', partiLe: p.data.partiLe })
    .where(
      and(
        eq(schema.voeuxFormation.formationId, f.id),
        inArray(schema.voeuxFormation.id, p.data.voeux),
        inArray(schema.voeuxFormation.statut, ['souhait', 'inscrit']),
      ),
    )
    .returning({ id: schema.voeuxFormation.id });
  await journaliser(c.db, c.staff, 'formation.depart', 'formation', f.id, { nombre: faits.length });
  return { ok: true, redirection: `/admin/formations/${f.id}?fait=departs` };
}

// ── The AM's side (/pro/formations) ─────────────────────────────────────────

export type FormationPourAm = typeof schema.formations.$inferSelect & { statut: string | null };

/** Upcoming sessions of the AM's relais (by her commune today), with her own wish if any. */
export async function formationsPourAm(db: DbOrTx, structure: { id: string; communeCode: string }, maintenant: Date): Promise<FormationPourAm[]> {
  const aujourdhui = jourParis(maintenant);
  const r = await relaisDeLaCommuneLe(db, structure.communeCode, aujourdhui);
  if (!r) return [];
  const rows = await db
    .select({ f: schema.formations, statut: schema.voeuxFormation.statut })
    .from(schema.formations)
    .leftJoin(schema.voeuxFormation, and(eq(schema.voeuxFormation.formationId, schema.formations.id), eq(schema.voeuxFormation.structureId, structure.id)))
    .where(and(eq(schema.formations.relaisId, r.relaisId), gte(schema.formations.fin, aujourdhui)))
    .orderBy(asc(schema.formations.debut), asc(schema.formations.titre));
  return rows.map((x) => ({ ...x.f, statut: x.statut }));
}

type ResultatVoeu = { ok: true } | { ok: false; raison: 'introuvable' | 'passee' };

/** The AM wishes to attend a session of her relais (idempotent); 'retire' takes a mere wish back. */
export async function exprimerVoeu(
  db: Db,
  o: { structure: { id: string; communeCode: string }; formationId: string; retirer?: boolean; maintenant: Date },
): Promise<ResultatVoeu> {
  if (!z.uuid().safeParse(o.formationId).success) return { ok: false, raison: 'introuvable' };
  const visibles = await formationsPourAm(db, o.structure, o.maintenant);
  const f = visibles.find((x) => x.id === o.formationId);
  if (!f) return { ok: false, raison: 'introuvable' };
  if (f.debut <= jourParis(o.maintenant)) return { ok: false, raison: 'passee' };
  const v = schema.voeuxFormation;
  if (o.retirer) {
    await db
      .update(v)
      .set({ statut: 'retire' })
      .where(and(eq(v.formationId, f.id), eq(v.structureId, o.structure.id), eq(v.statut, 'souhait')));
    return { ok: true };
  }
  await db
    .insert(v)
    .values({ formationId: f.id, structureId: o.structure.id, creeLe: o.maintenant })
    .onConflictDoUpdate({ target: [v.formationId, v.structureId], set: { statut: 'souhait' }, setWhere: sql`${v.statut} = 'retire'` });
  return { ok: true };
}

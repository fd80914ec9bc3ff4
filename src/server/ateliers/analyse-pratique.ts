/**
 * Analyse de la pratique: groups (15 professionals at most, a database
 * guarantee: the `membres` counter has a CHECK and moves in one conditional
 * UPDATE), an outside speaker, sessions, volunteers, attendance, and where the
 * relais stands against the CNAF thresholds. Nothing said in a session is recorded.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, rowsOf, type Db, type DbOrTx } from '../db';
import { journaliser } from '../audit';
import { AccesRefuse, peutVoirRdv } from '../auth/acces';
import { lieuxDuRelais, relaisAgenda } from '../rdv/agenda';
import { erreursZod, un, type ContexteStaff, type Resultat, type Saisie } from '../staff/contexte';
import { bilanAnalysePratique, SEUILS_ANALYSE_PRATIQUE, type BilanAnalysePratique } from '../../domain/ateliers/analyse-pratique';
import { anneeParis, instantParis } from '../../domain/temps';
import { estProfessionnelAccueil, relaisDuProfessionnel } from './inscriptions';

const g = schema.groupesAnalysePratique;
const v = schema.volontairesAnalysePratique;

const schemaGroupe = z.object({
  nom: z.string().trim().min(2, 'Indiquez le nom du groupe').max(120, 'Nom trop long'),
  intervenantNom: z.string().trim().min(2, 'Indiquez le nom de l’intervenant').max(120, 'Nom trop long'),
  intervenantQualite: z.string().trim().min(2, 'Indiquez la qualité de l’intervenant (psychologue…)').max(160, 'Qualité trop longue'),
  lieuId: z.string(),
});

export async function creerGroupe(c: ContexteStaff, relaisChoisi: string | null, saisie: Saisie): Promise<Resultat> {
  const relais = await relaisAgenda(c.db, c.staff, relaisChoisi);
  const p = schemaGroupe.safeParse(Object.fromEntries(Object.keys(saisie).map((k) => [k, un(saisie, k)])));
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error), saisie };
  if (p.data.lieuId && !(await lieuxDuRelais(c.db, relais.id)).some((l) => l.id === p.data.lieuId))
    return { ok: false, erreurs: { lieuId: 'Choisissez un site de votre relais' }, saisie };
  const [r] = await c.db
    .insert(g)
    .values({
      relaisId: relais.id,
      nom: p.data.nom,
      intervenantNom: p.data.intervenantNom,
      intervenantQualite: p.data.intervenantQualite,
      lieuId: p.data.lieuId || null,
      annee: anneeParis(c.maintenant),
    })
    .returning({ id: g.id });
  await journaliser(c.db, c.staff, 'analyse-pratique.groupe-creer', 'groupe-analyse-pratique', r!.id);
  return { ok: true, redirection: `/admin/analyse-pratique/${r!.id}?fait=cree` };
}

async function groupeDuRelais(c: ContexteStaff, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const [r] = await c.db.select().from(g).where(eq(g.id, id));
  if (r && !peutVoirRdv(c.staff, r)) throw new AccesRefuse();
  return r ?? null;
}

type ResultatPlacement = { ok: true } | { ok: false; raison: 'complet' | 'deja-place' | 'introuvable' };

/** Places a volunteer in a group, unless it already has 15 professionals (refused by the database too). */
export async function placerDansGroupe(db: Db, groupeId: string, structureId: string): Promise<ResultatPlacement> {
  return db.transaction(async (tx) => {
    const [grp] = await tx.select().from(g).where(eq(g.id, groupeId));
    if (!grp) return { ok: false as const, raison: 'introuvable' as const };
    const [vol] = await tx
      .select()
      .from(v)
      .where(and(eq(v.relaisId, grp.relaisId), eq(v.structureId, structureId), eq(v.annee, grp.annee)))
      .for('update');
    if (vol?.groupeId === groupeId) return { ok: false as const, raison: 'deja-place' as const };
    const pris = await tx
      .update(g)
      .set({ membres: sql`${g.membres} + 1` })
      .where(and(eq(g.id, groupeId), sql`${g.membres} < ${SEUILS_ANALYSE_PRATIQUE.membresParGroupeMax}`))
      .returning({ id: g.id });
    if (!pris.length) return { ok: false as const, raison: 'complet' as const };
    if (vol?.groupeId)
      await tx
        .update(g)
        .set({ membres: sql`${g.membres} - 1` })
        .where(eq(g.id, vol.groupeId));
    if (vol) await tx.update(v).set({ groupeId }).where(eq(v.id, vol.id));
    else await tx.insert(v).values({ relaisId: grp.relaisId, structureId, annee: grp.annee, groupeId });
    return { ok: true as const };
  });
}

/** Staff form: place the chosen professional (a volunteer, or any AM of the relais) in this group. */
export async function placer(c: ContexteStaff, groupeId: string, saisie: Saisie): Promise<Resultat> {
  const grp = await groupeDuRelais(c, groupeId);
  if (!grp) return { ok: false, erreurs: { structureId: 'Groupe introuvable' }, saisie };
  const structureId = un(saisie, 'structureId');
  if (!z.uuid().safeParse(structureId).success) return { ok: false, erreurs: { structureId: 'Choisissez un professionnel' }, saisie };
  const [st] = await c.db.select({ type: schema.structures.type }).from(schema.structures).where(eq(schema.structures.id, structureId));
  if (!st || !estProfessionnelAccueil(st.type) || (await relaisDuProfessionnel(c.db, structureId, c.maintenant)) !== grp.relaisId)
    return { ok: false, erreurs: { structureId: 'Choisissez un professionnel de votre relais' }, saisie };
  const r = await placerDansGroupe(c.db, grp.id, structureId);
  if (!r.ok) {
    const m = {
      complet: `Le groupe est complet : ${SEUILS_ANALYSE_PRATIQUE.membresParGroupeMax} professionnels au plus par groupe`,
      'deja-place': 'Cette personne est déjà dans ce groupe',
      introuvable: 'Groupe introuvable',
    }[r.raison];
    return { ok: false, erreurs: { structureId: m }, saisie };
  }
  await journaliser(c.db, c.staff, 'analyse-pratique.placer', 'groupe-analyse-pratique', grp.id, { structureId });
  return { ok: true, redirection: `/admin/analyse-pratique/${grp.id}?fait=place` };
}

const schemaSeanceAp = z
  .object({
    jour: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Indiquez la date'),
    debut: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure de début au format HH:MM'),
    fin: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure de fin au format HH:MM'),
  })
  .refine((x) => x.fin > x.debut, { path: ['fin'], message: 'La fin doit être après le début' });

export async function planifierSeance(c: ContexteStaff, groupeId: string, saisie: Saisie): Promise<Resultat> {
  const grp = await groupeDuRelais(c, groupeId);
  if (!grp) return { ok: false, erreurs: { jour: 'Groupe introuvable' }, saisie };
  const p = schemaSeanceAp.safeParse({ jour: un(saisie, 'jour'), debut: un(saisie, 'debut'), fin: un(saisie, 'fin') });
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error), saisie };
  const [r] = await c.db
    .insert(schema.seancesAnalysePratique)
    .values({ groupeId: grp.id, jour: p.data.jour, debut: instantParis(p.data.jour, p.data.debut), fin: instantParis(p.data.jour, p.data.fin) })
    .returning({ id: schema.seancesAnalysePratique.id });
  await journaliser(c.db, c.staff, 'analyse-pratique.seance-creer', 'seance-analyse-pratique', r!.id);
  return { ok: true, redirection: `/admin/analyse-pratique/${grp.id}?fait=seance` };
}

/** Attendance of one session: `present-<seanceId>` lists the professionals who came (checkboxes). */
export async function noterPresencesAp(c: ContexteStaff, groupeId: string, saisie: Saisie): Promise<Resultat> {
  const grp = await groupeDuRelais(c, groupeId);
  const seanceId = un(saisie, 'seanceId');
  if (!grp || !z.uuid().safeParse(seanceId).success) return { ok: false, erreurs: { formulaire: 'Séance introuvable' }, saisie };
  const [se] = await c.db
    .select()
    .from(schema.seancesAnalysePratique)
    .where(and(eq(schema.seancesAnalysePratique.id, seanceId), eq(schema.seancesAnalysePratique.groupeId, grp.id)));
  if (!se) return { ok: false, erreurs: { formulaire: 'Séance introuvable' }, saisie };
  if (se.debut > c.maintenant) return { ok: false, erreurs: { formulaire: 'Les présences se notent après la séance' }, saisie };
  const membres = new Set((await c.db.select({ id: v.structureId }).from(v).where(eq(v.groupeId, grp.id))).map((m) => m.id));
  const v0 = saisie.present;
  const presents = (Array.isArray(v0) ? v0 : v0 ? [v0] : []).filter((id) => membres.has(id));
  await c.db.transaction(async (tx) => {
    await tx.delete(schema.presencesAnalysePratique).where(eq(schema.presencesAnalysePratique.seanceId, se.id));
    if (presents.length) await tx.insert(schema.presencesAnalysePratique).values(presents.map((structureId) => ({ seanceId: se.id, structureId })));
    await journaliser(tx, c.staff, 'analyse-pratique.presences', 'seance-analyse-pratique', se.id, { presents: presents.length });
  });
  return { ok: true, redirection: `/admin/analyse-pratique/${grp.id}?fait=presences` };
}

/** A group, its members, sessions with attendance, and the professionals of the relais that may be placed. */
export async function lireGroupe(c: ContexteStaff, id: string) {
  const grp = await groupeDuRelais(c, id);
  if (!grp) return null;
  const [membres, seances, presences, volontaires] = await Promise.all([
    c.db
      .select({ id: schema.structures.id, nom: schema.structures.nom, prenom: schema.structures.prenom, nomFamille: schema.structures.nomFamille })
      .from(v)
      .innerJoin(schema.structures, eq(v.structureId, schema.structures.id))
      .where(eq(v.groupeId, grp.id))
      .orderBy(asc(schema.structures.nom)),
    c.db
      .select()
      .from(schema.seancesAnalysePratique)
      .where(eq(schema.seancesAnalysePratique.groupeId, grp.id))
      .orderBy(asc(schema.seancesAnalysePratique.debut)),
    c.db
      .select({ seanceId: schema.presencesAnalysePratique.seanceId, structureId: schema.presencesAnalysePratique.structureId })
      .from(schema.presencesAnalysePratique)
      .innerJoin(schema.seancesAnalysePratique, eq(schema.presencesAnalysePratique.seanceId, schema.seancesAnalysePratique.id))
      .where(eq(schema.seancesAnalysePratique.groupeId, grp.id)),
    c.db
      .select({ id: schema.structures.id, nom: schema.structures.nom, groupeId: v.groupeId })
      .from(v)
      .innerJoin(schema.structures, eq(v.structureId, schema.structures.id))
      .where(and(eq(v.relaisId, grp.relaisId), eq(v.annee, grp.annee)))
      .orderBy(asc(schema.structures.nom)),
  ]);
  const [relais] = await c.db.select({ nom: schema.relais.nom }).from(schema.relais).where(eq(schema.relais.id, grp.relaisId));
  const nom = (m: { nom: string; prenom: string | null; nomFamille: string | null }) => (m.prenom && m.nomFamille ? `${m.prenom} ${m.nomFamille}` : m.nom);
  return {
    groupe: grp,
    relaisNom: relais?.nom ?? '',
    membres: membres.map((m) => ({ id: m.id, nom: nom(m) })),
    seances,
    presences: new Set(presences.map((p) => `${p.seanceId}:${p.structureId}`)),
    aPlacer: volontaires.filter((x) => x.groupeId !== grp.id),
    complet: grp.membres >= SEUILS_ANALYSE_PRATIQUE.membresParGroupeMax,
  };
}

/** Groups of the relais for the year, and its standing against the CNAF thresholds. */
export async function lireAnalysePratique(c: ContexteStaff, relaisChoisi: string | null) {
  const relais = await relaisAgenda(c.db, c.staff, relaisChoisi);
  const annee = anneeParis(c.maintenant);
  const [groupes, lieux, bilan] = await Promise.all([
    c.db
      .select({ groupe: g, seances: sql<number>`(select count(*)::int from seances_analyse_pratique s where s.groupe_id = ${g.id})` })
      .from(g)
      .where(and(eq(g.relaisId, relais.id), eq(g.annee, annee)))
      .orderBy(asc(g.nom)),
    lieuxDuRelais(c.db, relais.id),
    bilanDuRelais(c.db, relais.id, annee, c.maintenant),
  ]);
  return { relais, annee, lieux, groupes: groupes.map((x) => ({ ...x.groupe, seances: Number(x.seances) })), bilan };
}

/**
 * The relais' standing for a year: sessions held (started before `maintenant`)
 * and, for each volunteer, the sessions she attended and their minutes.
 */
export async function bilanDuRelais(db: DbOrTx, relaisId: string, annee: number, maintenant: Date): Promise<BilanAnalysePratique> {
  const [seances] = rowsOf<{ n: number }>(
    await db.execute(sql`
    select count(*)::int as n from seances_analyse_pratique s join groupes_analyse_pratique g on g.id = s.groupe_id
    where g.relais_id = ${relaisId} and g.annee = ${annee} and s.debut <= ${maintenant.toISOString()}::timestamptz`),
  );
  const vols = rowsOf<{ structure_id: string; nom: string; seances: number; minutes: number }>(
    await db.execute(sql`
    select v.structure_id, st.nom, count(s.id)::int as seances,
      coalesce(sum(extract(epoch from (s.fin - s.debut)) / 60), 0)::int as minutes
    from volontaires_analyse_pratique v
    join structures st on st.id = v.structure_id
    left join presences_analyse_pratique p on p.structure_id = v.structure_id
    left join seances_analyse_pratique s on s.id = p.seance_id and s.debut <= ${maintenant.toISOString()}::timestamptz
      and s.groupe_id in (select id from groupes_analyse_pratique where relais_id = ${relaisId} and annee = ${annee})
    where v.relais_id = ${relaisId} and v.annee = ${annee}
    group by v.structure_id, st.nom order by st.nom`),
  );
  return bilanAnalysePratique(
    Number(seances?.n ?? 0),
    vols.map((x) => ({ structureId: x.structure_id, nom: x.nom, seances: Number(x.seances), minutes: Number(x.minutes) })),
  );
}

/** /pro: she volunteers for this year's analyse de la pratique of her relais (staff then place her in a group). */
export async function devenirVolontaire(
  db: DbOrTx,
  structureId: string,
  maintenant: Date,
): Promise<{ ok: true } | { ok: false; raison: 'perimetre' | 'profil' }> {
  const [st] = await db.select({ type: schema.structures.type }).from(schema.structures).where(eq(schema.structures.id, structureId));
  if (!st || !estProfessionnelAccueil(st.type)) return { ok: false, raison: 'profil' };
  const relaisId = await relaisDuProfessionnel(db, structureId, maintenant);
  if (!relaisId) return { ok: false, raison: 'perimetre' };
  await db
    .insert(v)
    .values({ relaisId, structureId, annee: anneeParis(maintenant) })
    .onConflictDoNothing();
  return { ok: true };
}

/** /pro: is she a volunteer this year, in which group, and its next sessions. */
export async function monAnalysePratique(db: DbOrTx, structureId: string, maintenant: Date) {
  const [vol] = await db
    .select({ groupeId: v.groupeId, groupeNom: g.nom })
    .from(v)
    .leftJoin(g, eq(v.groupeId, g.id))
    .where(and(eq(v.structureId, structureId), eq(v.annee, anneeParis(maintenant))));
  if (!vol) return null;
  const seances = vol.groupeId
    ? await db
        .select()
        .from(schema.seancesAnalysePratique)
        .where(and(eq(schema.seancesAnalysePratique.groupeId, vol.groupeId), gt(schema.seancesAnalysePratique.debut, maintenant)))
        .orderBy(asc(schema.seancesAnalysePratique.debut))
    : [];
  return { groupeNom: vol.groupeNom, seances };
}

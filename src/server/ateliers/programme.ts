/** Staff side of the ateliers d'éveil: publish a programme, session sheet, attendance, who never comes. */
import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, rowsOf } from '../db';
import { journaliser } from '../audit';
import { AccesRefuse, peutVoirRdv } from '../auth/acces';
import { lieuxDuRelais, relaisAgenda } from '../rdv/agenda';
import { erreursZod, un, type ContexteStaff, type Resultat, type Saisie } from '../staff/contexte';
import { FREQUENCES, genererDates } from '../../domain/ateliers/recurrence';
import { ENFANTS_MAX_PAR_AM } from '../../domain/ateliers/inscriptions';
import { instantParis, jourParis } from '../../domain/temps';
import { courrielAtelier } from './courriels';

const heureHm = (m: string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, m);
const jourIso = (m: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, m);
const entier = (min: number, max: number, m: string) => z.coerce.number({ error: m }).int(m).min(min, m).max(max, m);

const schemaAtelier = z
  .object({
    theme: z.string().trim().min(3, 'Indiquez le thème (3 caractères au moins)').max(160, 'Thème trop long (160 caractères au plus)'),
    description: z
      .string()
      .trim()
      .max(2000, 'Description trop longue')
      .transform((x) => x || null),
    lieuId: z.string().min(1, 'Choisissez le site'),
    frequence: z.enum(FREQUENCES, { error: 'Choisissez la fréquence' }),
    du: jourIso('Indiquez la date de la première séance'),
    au: z
      .string()
      .transform((x) => x || null)
      .pipe(jourIso('Indiquez la date de fin du programme').nullable()),
    rang: entier(1, 5, 'Choisissez la semaine du mois').optional(),
    debut: heureHm('Heure de début au format HH:MM'),
    fin: heureHm('Heure de fin au format HH:MM'),
    ageMinMois: entier(0, 72, 'Âge minimal en mois, entre 0 et 72'),
    ageMaxMois: entier(0, 72, 'Âge maximal en mois, entre 0 et 72'),
    placesPro: entier(1, 60, 'Entre 1 et 60 professionnels'),
    placesEnfants: entier(0, 200, 'Entre 0 et 200 enfants'),
    reglement: z.string().trim().min(10, 'Indiquez le règlement à accepter').max(4000, 'Règlement trop long'),
    ouvertATous: z
      .string()
      .optional()
      .transform((x) => x === 'oui'),
  })
  .refine((x) => x.fin > x.debut, { path: ['fin'], message: 'La fin doit être après le début' })
  .refine((x) => x.ageMaxMois >= x.ageMinMois, { path: ['ageMaxMois'], message: 'L’âge maximal doit être au moins l’âge minimal' })
  .refine((x) => x.frequence === 'unique' || (x.au !== null && x.au >= x.du), { path: ['au'], message: 'Indiquez une date de fin après la première séance' })
  .refine((x) => x.frequence === 'unique' || x.au === null || x.au <= `${Number(x.du.slice(0, 4)) + 1}${x.du.slice(4)}`, {
    path: ['au'],
    message: 'Un programme dure un an au plus',
  })
  .refine((x) => x.frequence !== 'mensuelle' || x.rang !== undefined, { path: ['rang'], message: 'Choisissez la semaine du mois' });

export { NOUVEL_ATELIER } from './programme-defauts';

/** Creates the atelier and its dated sessions (without public holidays and the site's closures). */
export async function creerAtelier(c: ContexteStaff, relaisChoisi: string | null, saisie: Saisie): Promise<Resultat> {
  const relais = await relaisAgenda(c.db, c.staff, relaisChoisi);
  const p = schemaAtelier.safeParse(Object.fromEntries(Object.keys(saisie).map((k) => [k, un(saisie, k)])));
  if (!p.success) return { ok: false, erreurs: erreursZod(p.error), saisie };
  const x = p.data;
  const lieu = (await lieuxDuRelais(c.db, relais.id)).find((l) => l.id === x.lieuId);
  if (!lieu) return { ok: false, erreurs: { lieuId: 'Choisissez un site de votre relais' }, saisie };
  if (x.du < jourParis(c.maintenant)) return { ok: false, erreurs: { du: 'La première séance ne peut pas être passée' }, saisie };
  const fermetures = (await c.db.select().from(schema.fermeturesLieux).where(eq(schema.fermeturesLieux.lieuId, lieu.id))).map((f) => ({
    debut: String(f.debut),
    fin: String(f.fin),
    motif: f.motif,
  }));
  const jourSemaine = ((new Date(`${x.du}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const dates = genererDates({ frequence: x.frequence, du: x.du, au: x.au ?? x.du, jourSemaine, rang: x.rang ?? 1 }, fermetures).jours.filter(
    (j) => !lieu.fermeLe || j < String(lieu.fermeLe),
  );
  if (!dates.length) return { ok: false, erreurs: { du: 'Aucune date possible : jours fériés ou site fermé' }, saisie };
  const id = await c.db.transaction(async (tx) => {
    const [a] = await tx
      .insert(schema.ateliers)
      .values({
        relaisId: relais.id,
        lieuId: lieu.id,
        theme: x.theme,
        description: x.description,
        ageMinMois: x.ageMinMois,
        ageMaxMois: x.ageMaxMois,
        placesPro: x.placesPro,
        placesEnfants: x.placesEnfants,
        reglement: x.reglement,
        ouvertATous: x.ouvertATous,
        frequence: x.frequence,
        creeParId: c.staff.id,
      })
      .returning({ id: schema.ateliers.id });
    await tx.insert(schema.seancesAtelier).values(
      dates.map((j) => ({
        atelierId: a!.id,
        debut: instantParis(j, x.debut),
        fin: instantParis(j, x.fin),
        placesPro: x.placesPro,
        placesEnfants: x.placesEnfants,
      })),
    );
    await journaliser(tx, c.staff, 'atelier.creer', 'atelier', a!.id, { seances: dates.length });
    return a!.id;
  });
  return { ok: true, redirection: `/admin/ateliers?fait=cree&seances=${dates.length}${relaisChoisi ? `&relais=${relaisChoisi}` : ''}#atelier-${id}` };
}

/** The relais' sessions from a month ago onwards, with counts; the professionals who never come. */
export async function lireProgramme(c: ContexteStaff, relaisChoisi: string | null) {
  const relais = await relaisAgenda(c.db, c.staff, relaisChoisi);
  const depuis = new Date(c.maintenant.getTime() - 31 * 86400_000);
  const [lieux, seances] = await Promise.all([
    lieuxDuRelais(c.db, relais.id),
    c.db
      .select({
        seance: schema.seancesAtelier,
        theme: schema.ateliers.theme,
        atelierId: schema.ateliers.id,
        lieuNom: schema.lieux.nom,
        ouvertATous: schema.ateliers.ouvertATous,
        attente: sql<number>`(select count(*)::int from inscriptions_atelier x where x.seance_id = ${schema.seancesAtelier.id} and x.statut = 'attente')`,
      })
      .from(schema.seancesAtelier)
      .innerJoin(schema.ateliers, eq(schema.seancesAtelier.atelierId, schema.ateliers.id))
      .innerJoin(schema.lieux, eq(schema.ateliers.lieuId, schema.lieux.id))
      .where(and(eq(schema.ateliers.relaisId, relais.id), gte(schema.seancesAtelier.debut, depuis)))
      .orderBy(asc(schema.seancesAtelier.debut))
      .limit(300),
  ]);
  return {
    relais,
    lieux,
    seances: seances.map((r) => ({
      ...r.seance,
      theme: r.theme,
      atelierId: r.atelierId,
      lieuNom: r.lieuNom,
      ouvertATous: r.ouvertATous,
      attente: Number(r.attente),
    })),
    jamais: await jamaisVenues(c, relais.id),
  };
}

/**
 * Professionals signed up to at least one past session of the relais in the
 * last twelve months, whose attendance was marked every time and never "present".
 */
export async function jamaisVenues(c: ContexteStaff, relaisId: string) {
  const depuis = new Date(c.maintenant.getTime() - 365 * 86400_000);
  return rowsOf<{ structure_id: string; nom: string; telephone: string | null; email: string | null; inscriptions: number; absences: number }>(
    await c.db.execute(sql`
    select st.id as structure_id, coalesce(st.prenom || ' ' || st.nom_famille, st.nom) as nom, st.telephone, st.email,
      count(*)::int as inscriptions, count(*) filter (where i.presence = 'absent')::int as absences
    from inscriptions_atelier i
    join seances_atelier s on s.id = i.seance_id
    join ateliers a on a.id = s.atelier_id
    join structures st on st.id = i.structure_id
    where a.relais_id = ${relaisId} and i.statut = 'inscrite' and s.debut < ${c.maintenant.toISOString()}::timestamptz and s.debut >= ${depuis.toISOString()}::timestamptz and not s.annulee
    group by st.id
    having count(*) filter (where i.presence = 'present') = 0 and count(*) filter (where i.presence = 'absent') > 0
    order by absences desc, nom`),
  );
}

/** The session if this person's relais runs it (AccesRefuse otherwise), null if there is none. */
async function seanceDuRelais(c: ContexteStaff, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const [r] = await c.db
    .select({ seance: schema.seancesAtelier, atelier: schema.ateliers, lieu: schema.lieux, relaisNom: schema.relais.nom })
    .from(schema.seancesAtelier)
    .innerJoin(schema.ateliers, eq(schema.seancesAtelier.atelierId, schema.ateliers.id))
    .innerJoin(schema.lieux, eq(schema.ateliers.lieuId, schema.lieux.id))
    .innerJoin(schema.relais, eq(schema.ateliers.relaisId, schema.relais.id))
    .where(eq(schema.seancesAtelier.id, id));
  if (r && !peutVoirRdv(c.staff, { relaisId: r.atelier.relaisId })) throw new AccesRefuse();
  return r ?? null;
}

/** The session sheet: who is signed up (confirmed first, then the waiting list), with their phone for the day. */
export async function lireSeance(c: ContexteStaff, id: string) {
  const r = await seanceDuRelais(c, id);
  if (!r) return null;
  const inscriptions = await c.db
    .select({
      inscription: schema.inscriptionsAtelier,
      nom: schema.structures.nom,
      prenom: schema.structures.prenom,
      nomFamille: schema.structures.nomFamille,
      telephone: schema.structures.telephone,
      communeNom: schema.communes.nom,
    })
    .from(schema.inscriptionsAtelier)
    .innerJoin(schema.structures, eq(schema.inscriptionsAtelier.structureId, schema.structures.id))
    .innerJoin(schema.communes, eq(schema.structures.communeCode, schema.communes.code))
    .where(and(eq(schema.inscriptionsAtelier.seanceId, r.seance.id), inArray(schema.inscriptionsAtelier.statut, ['inscrite', 'attente'])))
    .orderBy(asc(schema.inscriptionsAtelier.statut), asc(schema.inscriptionsAtelier.creeLe));
  await journaliser(c.db, c.staff, 'atelier.seance-consulter', 'seance-atelier', r.seance.id);
  return {
    ...r,
    passee: r.seance.debut <= c.maintenant,
    inscriptions: inscriptions.map((x) => ({
      ...x.inscription,
      nom: x.prenom && x.nomFamille ? `${x.prenom} ${x.nomFamille}` : x.nom,
      telephone: x.telephone,
      communeNom: x.communeNom,
    })),
  };
}

/** Attendance: `p-<id>` present | absent, `e-<id>` children who came. Only confirmed sign-ups of a started session. */
export async function noterPresences(c: ContexteStaff, id: string, saisie: Saisie): Promise<Resultat> {
  const r = await seanceDuRelais(c, id);
  if (!r) return { ok: false, erreurs: { formulaire: 'Séance introuvable' }, saisie };
  if (r.seance.debut.getTime() - c.maintenant.getTime() > 2 * 3600_000)
    return { ok: false, erreurs: { formulaire: 'Les présences se notent le jour de la séance ou après' }, saisie };
  const inscrites = await c.db
    .select()
    .from(schema.inscriptionsAtelier)
    .where(and(eq(schema.inscriptionsAtelier.seanceId, r.seance.id), eq(schema.inscriptionsAtelier.statut, 'inscrite')));
  const erreurs: Record<string, string> = {};
  const maj: { id: string; presence: 'present' | 'absent' | null; enfants: number | null }[] = [];
  for (const ins of inscrites) {
    const p = un(saisie, `p-${ins.id}`);
    const presence = p === 'present' || p === 'absent' ? p : null;
    const e = un(saisie, `e-${ins.id}`).trim();
    let enfants: number | null = null;
    if (presence === 'present') {
      if (e === '') enfants = ins.enfants;
      else if (/^\d{1,2}$/.test(e) && Number(e) <= ENFANTS_MAX_PAR_AM) enfants = Number(e);
      else erreurs[`e-${ins.id}`] = `Nombre d’enfants entre 0 et ${ENFANTS_MAX_PAR_AM}`;
    }
    maj.push({ id: ins.id, presence, enfants: presence === 'absent' ? 0 : enfants });
  }
  if (Object.keys(erreurs).length) return { ok: false, erreurs, saisie };
  await c.db.transaction(async (tx) => {
    for (const m of maj)
      await tx.update(schema.inscriptionsAtelier).set({ presence: m.presence, enfantsPresents: m.enfants }).where(eq(schema.inscriptionsAtelier.id, m.id));
    await journaliser(tx, c.staff, 'atelier.presences', 'seance-atelier', r.seance.id);
  });
  return { ok: true, redirection: `/admin/ateliers/seances/${r.seance.id}?fait=presences` };
}

/** Staff cancel a session: every professional signed up or waiting is told by email. */
export async function annulerSeance(c: ContexteStaff, id: string): Promise<Resultat> {
  const r = await seanceDuRelais(c, id);
  if (!r) return { ok: false, erreurs: { formulaire: 'Séance introuvable' }, saisie: {} };
  if (r.seance.annulee || r.seance.debut <= c.maintenant) return { ok: false, erreurs: { formulaire: 'Cette séance est passée ou déjà annulée' }, saisie: {} };
  await c.db.transaction(async (tx) => {
    await tx.update(schema.seancesAtelier).set({ annulee: true }).where(eq(schema.seancesAtelier.id, r.seance.id));
    const actives = await tx
      .select({ id: schema.inscriptionsAtelier.id })
      .from(schema.inscriptionsAtelier)
      .where(and(eq(schema.inscriptionsAtelier.seanceId, r.seance.id), inArray(schema.inscriptionsAtelier.statut, ['inscrite', 'attente'])));
    for (const a of actives) await courrielAtelier(tx, a.id, 'annulation', c.config.publicUrl);
    await journaliser(tx, c.staff, 'atelier.seance-annuler', 'seance-atelier', r.seance.id, { prevenues: actives.length });
  });
  return { ok: true, redirection: `/admin/ateliers/seances/${r.seance.id}?fait=annulee` };
}

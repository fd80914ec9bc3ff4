/** Staff side of the agenda: who may see which relais, RDV lists, settings (motifs, plages, absences). */
import { and, asc, eq, gte, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type Db, type DbOrTx } from '../db';
import { AccesRefuse, exigerRole, peutVoirDonneesPersonnelles } from '../auth/acces';
import type { Staff } from '../auth/staff';
import { journaliser } from '../audit';
import { MODES } from '../../domain/rdv/creneaux';
import { ETATS_OUVERTS } from '../../domain/demande/etats';
import { communesGerees, jourParis } from '../disponibilite/perimetre';
import { adhesionEnVigueur } from '../requetes/adhesions';

/** The relais whose agenda this person may open: admin any (chosen), animatrice hers. */
export async function relaisAgenda(db: DbOrTx, u: Staff, demande?: string | null): Promise<{ id: string; nom: string; telephone: string | null }> {
  exigerRole(u, 'admin', 'animatrice');
  const tous = await db
    .select({ id: schema.relais.id, nom: schema.relais.nom, telephone: schema.relais.telephone })
    .from(schema.relais)
    .orderBy(asc(schema.relais.creeLe), asc(schema.relais.nom));
  if (u.role === 'animatrice') {
    const r = tous.find((x) => x.id === u.relaisId);
    if (!r) throw new AccesRefuse();
    return r;
  }
  const r = tous.find((x) => x.id === demande) ?? tous[0];
  if (!r) throw new AccesRefuse();
  return r;
}

export async function listeRelais(db: DbOrTx) {
  return db.select({ id: schema.relais.id, nom: schema.relais.nom }).from(schema.relais).orderBy(asc(schema.relais.creeLe), asc(schema.relais.nom));
}

export async function animatricesDuRelais(db: DbOrTx, relaisId: string) {
  return db
    .select({ id: schema.utilisateurs.id, nom: schema.utilisateurs.nom, secteurId: schema.utilisateurs.secteurId })
    .from(schema.utilisateurs)
    .where(and(eq(schema.utilisateurs.relaisId, relaisId), eq(schema.utilisateurs.role, 'animatrice'), eq(schema.utilisateurs.actif, true)))
    .orderBy(asc(schema.utilisateurs.nom));
}

export async function lieuxDuRelais(db: DbOrTx, relaisId: string) {
  return db.select().from(schema.lieux).where(eq(schema.lieux.relaisId, relaisId)).orderBy(asc(schema.lieux.nom));
}

export type LigneAgenda = Awaited<ReturnType<typeof rdvsAgenda>>[number];

/** RDVs of a relais over [du, au), with what the agenda shows; family names only where the person may see them. */
export async function rdvsAgenda(
  db: Db,
  u: Staff,
  o: { relaisId: string; du: Date; au: Date; animatriceId?: string | null; lieuId?: string | null; annules?: boolean },
) {
  const rows = await db
    .select({
      rdv: schema.rdvs,
      motifNom: schema.motifsRdv.nom,
      lieuNom: schema.lieux.nom,
      animatriceNom: schema.utilisateurs.nom,
      reference: schema.demandes.reference,
      parents: schema.demandes.parents,
      secteurId: schema.demandes.secteurId,
      structureNom: schema.structures.nom,
    })
    .from(schema.rdvs)
    .innerJoin(schema.motifsRdv, eq(schema.rdvs.motifId, schema.motifsRdv.id))
    .innerJoin(schema.utilisateurs, eq(schema.rdvs.animatriceId, schema.utilisateurs.id))
    .leftJoin(schema.lieux, eq(schema.rdvs.lieuId, schema.lieux.id))
    .leftJoin(schema.demandes, eq(schema.rdvs.demandeId, schema.demandes.id))
    .leftJoin(schema.structures, eq(schema.rdvs.structureId, schema.structures.id))
    .where(
      and(
        eq(schema.rdvs.relaisId, o.relaisId),
        gte(schema.rdvs.debut, o.du),
        lt(schema.rdvs.debut, o.au),
        o.animatriceId ? eq(schema.rdvs.animatriceId, o.animatriceId) : undefined,
        o.lieuId === undefined || o.lieuId === ''
          ? undefined
          : o.lieuId === 'distance'
            ? sql`${schema.rdvs.lieuId} is null`
            : eq(schema.rdvs.lieuId, o.lieuId!),
        o.annules ? undefined : sql`${schema.rdvs.statut} <> 'annule'`,
      ),
    )
    .orderBy(asc(schema.rdvs.debut));
  const lignes = rows.map((r) => {
    const visible = peutVoirDonneesPersonnelles(u, { relaisId: o.relaisId, secteurId: r.secteurId });
    const famille = r.reference
      ? visible
        ? `${r.parents?.map((p) => `${p.prenom} ${p.nom}`).join(', ') || r.rdv.nomContact || ''} (${r.reference})`
        : `${r.reference}`
      : (r.structureNom ?? r.rdv.nomContact ?? '');
    return { ...r.rdv, motifNom: r.motifNom, lieuNom: r.lieuNom, animatriceNom: r.animatriceNom, famille, reference: r.reference, visible };
  });
  const demandes = [...new Set(lignes.filter((l) => l.demandeId && l.visible).map((l) => l.demandeId!))];
  if (demandes.length) await journaliser(db, u, 'agenda.consulter', 'agenda', o.relaisId, { demandes });
  return lignes;
}

/** Open demandes of a relais matching a reference, a name, an email or a phone (staff booking for a caller). */
export async function chercherDemandes(db: Db, u: Staff, relaisId: string, q: string) {
  const motif = `%${q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  if (q.trim().length < 2) return [];
  const rows = await db
    .select({
      id: schema.demandes.id,
      reference: schema.demandes.reference,
      parents: schema.demandes.parents,
      telephone: schema.demandes.telephone,
      email: schema.demandes.email,
      secteurId: schema.demandes.secteurId,
      langue: schema.demandes.langue,
    })
    .from(schema.demandes)
    .where(
      and(
        eq(schema.demandes.relaisId, relaisId),
        inArray(schema.demandes.etat, [...ETATS_OUVERTS]),
        or(
          ilike(schema.demandes.reference, motif),
          ilike(schema.demandes.email, motif),
          ilike(schema.demandes.telephone, motif),
          sql`${schema.demandes.parents}::text ilike ${motif}`,
        ),
      ),
    )
    .orderBy(asc(schema.demandes.reference))
    .limit(20);
  const visibles = rows.filter((r) => peutVoirDonneesPersonnelles(u, { relaisId, secteurId: r.secteurId }));
  for (const r of visibles) await journaliser(db, u, 'agenda.chercher-demande', 'demande', r.id);
  return visibles;
}

export type AmTrouve = Awaited<ReturnType<typeof chercherAssistantsMaternels>>[number];

/**
 * Active assistants maternels of the communes a relais covers on `jour`, matching a name, first name,
 * agrément, phone or email (staff booking a professional RDV). An animatrice with a sector only finds
 * the AM of her sector's communes (communesGerees); an admin any commune of the relais.
 */
export async function chercherAssistantsMaternels(db: DbOrTx, u: Staff, relaisId: string, q: string, jour: string = jourParis()) {
  exigerRole(u, 'admin', 'animatrice');
  const texte = q.trim();
  if (texte.length < 2) return [];
  const gerees = (await communesGerees(db, u, jour)).map((c) => c.code);
  if (!gerees.length) return [];
  const motif = `%${texte.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const st = schema.structures;
  return db
    .select({
      id: st.id,
      nom: st.nom,
      prenom: st.prenom,
      nomFamille: st.nomFamille,
      agrement: st.agrement,
      telephone: st.telephone,
      email: st.email,
      communeCode: st.communeCode,
      communeNom: schema.communes.nom,
    })
    .from(st)
    .innerJoin(schema.communes, eq(schema.communes.code, st.communeCode))
    .innerJoin(schema.adhesions, eq(schema.adhesions.communeCode, st.communeCode))
    .where(
      and(
        eq(st.type, 'assistant-maternel'),
        eq(st.actif, true),
        inArray(st.communeCode, gerees),
        eq(schema.adhesions.relaisId, relaisId),
        adhesionEnVigueur(jour),
        or(
          ilike(st.nom, motif),
          ilike(st.prenom, motif),
          ilike(st.nomFamille, motif),
          ilike(st.agrement, motif),
          ilike(st.telephone, motif),
          ilike(st.email, motif),
          sql`(coalesce(${st.prenom}, '') || ' ' || coalesce(${st.nomFamille}, '')) ilike ${motif}`,
        ),
      ),
    )
    .orderBy(asc(st.nomFamille), asc(st.prenom), asc(st.id))
    .limit(20);
}

// Settings forms (staff only, French).
const heure = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Heure au format HH:MM');
const jour = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Date au format AAAA-MM-JJ');
const uuid = z.uuid();
const liste = (x: unknown) => (Array.isArray(x) ? x : x === undefined || x === '' ? [] : [x]);

export const schemaMotif = z.object({
  nom: z.string().trim().min(2, 'Indiquez le nom du motif').max(120),
  dureeMinutes: z.coerce.number({ error: 'Indiquez une durée en minutes' }).int().min(5, 'Au moins 5 minutes').max(480, 'Au plus 8 heures'),
  modes: z.preprocess(liste, z.array(z.enum(MODES)).min(1, 'Cochez au moins un mode')),
  reservableEnLigne: z.preprocess((x) => x === 'oui', z.boolean()),
  public: z.enum(['famille', 'am'], { error: 'Choisissez le public' }),
});

export const schemaPlage = z
  .object({
    animatriceId: uuid.or(z.literal('')).refine((x) => x !== '', 'Choisissez l’animatrice'),
    lieuId: z.string(), // '' = téléphone / visio
    motifIds: z.preprocess(liste, z.array(uuid).min(1, 'Cochez au moins un motif')),
    jours: z.preprocess(liste, z.array(z.coerce.number().int().min(1).max(7)).min(1, 'Cochez au moins un jour')),
    heureDebut: heure,
    heureFin: heure,
    valideDu: jour,
    valideAu: jour.or(z.literal('')),
    delaiMinimumHeures: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 30),
    horizonJours: z.coerce.number().int().min(1).max(365),
  })
  .refine((p) => p.heureFin > p.heureDebut, { path: ['heureFin'], message: 'La fin doit être après le début' })
  .refine((p) => !p.valideAu || p.valideAu >= p.valideDu, { path: ['valideAu'], message: 'La date de fin doit être après la date de début' });

export const schemaException = z.object({
  animatriceId: z.string(), // '' = tout le relais
  du: jour,
  heureDu: heure.or(z.literal('')),
  au: jour,
  heureAu: heure.or(z.literal('')),
  libelle: z.string().trim().min(2, 'Indiquez le motif de l’absence').max(120),
});

/**
 * One demande in the back office: reading it (audited) and every staff
 * action on it. Each function checks the perimeter on the server first.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { sansSante } from '../../domain/donnees/consentement';
import { z } from 'zod';
import { schema, type Db, type DbOrTx } from '../db';
import { AccesRefuse } from '../auth/acces';
import type { Staff } from '../auth/staff';
import { journaliser } from '../audit';
import { changerEtat, enregistrerContact } from '../demande/transitions';
import { TYPES_SOLUTION, transitionsPossibles, type Etat, type Transition } from '../../domain/demande/etats';
import { badges } from '../../domain/demande/file';
import { ISSUES_CONTACT, ISSUES_MISE_EN_RELATION } from '../../domain/vocabulaire';
import { appliquerIssue, informerMiseEnRelation } from '../demande/mise-en-relation';
import { MOTIFS_CONTACT_FAMILLE } from '../../domain/contacts/regles';
import { equipeDe } from './file';
import { envoyerCourrierSansSolution, envoyerRelance } from './courriers';
import { DemandeIntrouvable, exigerAccesDemande } from './acces-demande';

export { DemandeIntrouvable };

const d = schema.demandes;

/** Transitions offered in the generic form (the others have their own action). */
const PAR_AUTRE_ACTION: readonly Transition[] = ['prendreEnCharge', 'mettreEnRelation', 'deposer', 'deposerHorsTerritoire'];

function transitionsProposees(etat: Etat): Transition[] {
  return transitionsPossibles(etat, 'staff').filter((t) => !PAR_AUTRE_ACTION.includes(t));
}

export { exigerAccesDemande };

/** Everything the detail page shows. Writes the access to the audit log. */
export async function chargerDemande(db: DbOrTx, u: Staff | undefined, id: string, maintenant = new Date()) {
  await exigerAccesDemande(db, u, id);
  await journaliser(db, u!, 'voir', 'demande', id);
  const [demande] = await db.select().from(d).where(eq(d.id, id));
  const dem = sansSante(u, demande!);
  const [relais] = dem.relaisId ? await db.select().from(schema.relais).where(eq(schema.relais.id, dem.relaisId)) : [];
  const [commune] = dem.communeCode ? await db.select({ nom: schema.communes.nom }).from(schema.communes).where(eq(schema.communes.code, dem.communeCode)) : [];
  const communesAcceptees = dem.communesAcceptees.length
    ? await db
        .select({ code: schema.communes.code, nom: schema.communes.nom })
        .from(schema.communes)
        .where(inArray(schema.communes.code, dem.communesAcceptees))
    : [];
  const [secteur] = dem.secteurId ? await db.select({ nom: schema.secteurs.nom }).from(schema.secteurs).where(eq(schema.secteurs.id, dem.secteurId)) : [];
  const ut = schema.utilisateurs;
  const enfants = await db.select().from(schema.enfants).where(eq(schema.enfants.demandeId, id)).orderBy(asc(schema.enfants.ordre));
  const h = schema.demandeHistorique;
  const historique = await db
    .select({ le: h.le, transition: h.transition, de: h.de, vers: h.vers, motif: h.motif, parFamille: h.parFamille, details: h.details, par: ut.nom })
    .from(h)
    .leftJoin(ut, eq(ut.id, h.parUtilisateurId))
    .where(eq(h.demandeId, id))
    .orderBy(desc(h.le));
  const c = schema.contacts;
  const contacts = await db
    .select({ id: c.id, le: c.le, canal: c.canal, sens: c.sens, motif: c.motif, issue: c.issue, note: c.note, par: ut.nom })
    .from(c)
    .leftJoin(ut, eq(ut.id, c.parUtilisateurId))
    .where(eq(c.demandeId, id))
    .orderBy(desc(c.le));
  const n = schema.notes;
  const notes = await db
    .select({ id: n.id, le: n.le, texte: n.texte, par: ut.nom })
    .from(n)
    .leftJoin(ut, eq(ut.id, n.parUtilisateurId))
    .where(eq(n.demandeId, id))
    .orderBy(desc(n.le));
  const m = schema.misesEnRelation;
  const st = schema.structures;
  const misesEnRelation = await db
    .select({
      id: m.id,
      le: m.le,
      issue: m.issue,
      issueLe: m.issueLe,
      issuePar: m.issuePar,
      familleInformeeLe: m.familleInformeeLe,
      proInformeeLe: m.proInformeeLe,
      note: m.note,
      structureNom: st.nom,
      structureType: st.type,
      telephone: st.telephone,
      par: ut.nom,
    })
    .from(m)
    .innerJoin(st, eq(st.id, m.structureId))
    .leftJoin(ut, eq(ut.id, m.parUtilisateurId))
    .where(eq(m.demandeId, id))
    .orderBy(desc(m.le));
  const o = schema.offresRelayees;
  const offres = await db.select().from(o).where(eq(o.demandeId, id)).orderBy(desc(o.le));
  const ro = schema.reponsesOffres;
  const reponses = offres.length
    ? await db
        .select({ offreId: ro.offreId, reponse: ro.reponse, reponduLe: ro.reponduLe, nom: st.nom, telephone: st.telephone, communeCode: st.communeCode })
        .from(ro)
        .innerJoin(st, eq(st.id, ro.structureId))
        .where(
          inArray(
            ro.offreId,
            offres.map((x) => x.id),
          ),
        )
        .orderBy(asc(st.nom))
    : [];
  const rl = schema.relances;
  const relances = await db.select().from(rl).where(eq(rl.demandeId, id)).orderBy(desc(rl.envoyeeLe));
  const equipe = await equipeDe(db, dem.relaisId ? [dem.relaisId] : []);
  const suiviDu = relances.some((x) => x.aTraiterLe && !x.traiteeLe);
  return {
    demande: dem,
    relais: relais ?? null,
    communeNom: commune?.nom ?? null,
    secteurNom: secteur?.nom ?? null,
    communesAcceptees,
    enfants,
    historique,
    contacts,
    notes,
    misesEnRelation,
    relances,
    equipe,
    offres: offres.map((x) => ({ ...x, reponses: reponses.filter((y) => y.offreId === x.id) })),
    transitions: transitionsProposees(dem.etat),
    peutMettreEnRelation: transitionsPossibles(dem.etat, 'staff').includes('mettreEnRelation'),
    badges: badges({ ...dem, suiviDu }, relais?.delaiPremierContactJours ?? 15, maintenant),
  };
}
export type DetailDemande = Awaited<ReturnType<typeof chargerDemande>>;

// ---- actions ---------------------------------------------------------------

const texte = (max: number) => z.string().trim().max(max, `${max} caractères au plus`);
const texteOpt = (max: number) =>
  texte(max)
    .optional()
    .transform((v) => v || null);

const schemaContact = z.object({
  canal: z.enum(schema.canalContact.enumValues, { error: 'Choisissez le canal du contact' }),
  sens: z.enum(['sortant', 'entrant'], { error: 'Choisissez qui a pris contact' }).default('sortant'),
  motif: z.enum(MOTIFS_CONTACT_FAMILLE, { error: 'Choisissez le motif principal du contact' }),
  issue: z.enum(ISSUES_CONTACT, { error: 'Choisissez l’issue du contact' }),
  note: texteOpt(2000),
});
const schemaTransition = z.object({
  transition: z.string({ error: 'Choisissez une action' }).min(1, 'Choisissez une action'),
  typeSolution: z
    .enum(TYPES_SOLUTION)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  motif: texteOpt(1000),
});
const schemaNote = z.object({ texte: texte(4000).min(1, 'Écrivez la note') });

/** Field errors of a zod result, first message per field. */
function erreursDe(e: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of e.issues) out[String(i.path[0] ?? '_')] ??= i.message;
  return out;
}

export type ResultatAction = { ok: true; message: string } | { ok: false; erreurs: Record<string, string> };

export async function ajouterContact(db: Db, u: Staff | undefined, id: string, brut: unknown, maintenant = new Date()): Promise<ResultatAction> {
  const p = schemaContact.safeParse(brut);
  await exigerAccesDemande(db, u, id);
  if (!p.success) return { ok: false, erreurs: erreursDe(p.error) };
  await db.transaction(async (tx) => {
    await exigerAccesDemande(tx, u, id, true);
    await enregistrerContact(tx, id, { ...p.data, le: maintenant }, { acteur: 'staff', utilisateurId: u!.id });
    await journaliser(tx, u!, 'contact', 'demande', id, { canal: p.data.canal, issue: p.data.issue, motif: p.data.motif });
  });
  return { ok: true, message: 'Contact enregistré.' };
}

export async function appliquerTransition(db: Db, u: Staff | undefined, id: string, brut: unknown, maintenant = new Date()): Promise<ResultatAction> {
  const dem = await exigerAccesDemande(db, u, id);
  const p = schemaTransition.safeParse(brut);
  if (!p.success) return { ok: false, erreurs: erreursDe(p.error) };
  const t = p.data.transition as Transition;
  if (!transitionsProposees(dem.etat).includes(t))
    return { ok: false, erreurs: { transition: 'Cette action n’est pas possible dans l’état actuel de la demande' } };
  if (t === 'conclure' && !p.data.typeSolution) return { ok: false, erreurs: { typeSolution: 'Indiquez le type de solution trouvée' } };
  if (t === 'classerSansSolution' && !p.data.motif) return { ok: false, erreurs: { motif: 'Expliquez pourquoi aucune solution n’a été trouvée' } };
  await db.transaction(async (tx) => {
    const actuel = await exigerAccesDemande(tx, u, id, true);
    if (!transitionsProposees(actuel.etat).includes(t)) throw new AccesRefuse('Transition devenue impossible');
    await changerEtat(tx, id, t, { acteur: 'staff', utilisateurId: u!.id }, { motif: p.data.motif, typeSolution: p.data.typeSolution ?? null, maintenant });
    await journaliser(tx, u!, 'transition', 'demande', id, { transition: t });
    if (t === 'classerSansSolution') await envoyerCourrierSansSolution(tx, id, maintenant);
  });
  return { ok: true, message: 'État de la demande mis à jour.' };
}

export async function ajouterNote(db: Db, u: Staff | undefined, id: string, brut: unknown, maintenant = new Date()): Promise<ResultatAction> {
  await exigerAccesDemande(db, u, id);
  const p = schemaNote.safeParse(brut);
  if (!p.success) return { ok: false, erreurs: erreursDe(p.error) };
  await db.transaction(async (tx) => {
    await tx.insert(schema.notes).values({ demandeId: id, texte: p.data.texte, parUtilisateurId: u!.id, le: maintenant });
    await journaliser(tx, u!, 'note', 'demande', id);
  });
  return { ok: true, message: 'Note ajoutée.' };
}

export async function assigner(db: Db, u: Staff | undefined, id: string, brut: { assignee?: unknown }): Promise<ResultatAction> {
  const dem = await exigerAccesDemande(db, u, id);
  const v = String(brut.assignee ?? '');
  const equipe = await equipeDe(db, dem.relaisId ? [dem.relaisId] : []);
  if (v && !equipe.some((x) => x.id === v)) return { ok: false, erreurs: { assignee: 'Choisissez une personne de l’équipe du relais' } };
  await db.transaction(async (tx) => {
    await tx
      .update(d)
      .set({ assigneeId: v || null })
      .where(eq(d.id, id));
    await journaliser(tx, u!, 'assigner', 'demande', id, { assigneeId: v || null });
  });
  return { ok: true, message: v ? 'Demande assignée.' : 'Assignation retirée.' };
}

/** Records a mise en relation with a place of the offer and the transition mettreEnRelation. */
export async function mettreEnRelationAvec(
  db: Db,
  u: Staff | undefined,
  id: string,
  brut: { structureId?: unknown; note?: unknown },
  maintenant = new Date(),
  publicUrl = '',
): Promise<ResultatAction> {
  const dem = await exigerAccesDemande(db, u, id);
  const sid = String(brut.structureId ?? '');
  if (!z.uuid().safeParse(sid).success) return { ok: false, erreurs: { structureId: 'Choisissez un lieu d’accueil' } };
  if (!transitionsPossibles(dem.etat, 'staff').includes('mettreEnRelation'))
    return { ok: false, erreurs: { structureId: 'La demande ne peut plus être mise en relation dans son état actuel' } };
  const [st] = await db
    .select({ id: schema.structures.id, nom: schema.structures.nom })
    .from(schema.structures)
    .where(and(eq(schema.structures.id, sid), eq(schema.structures.actif, true)));
  if (!st) return { ok: false, erreurs: { structureId: 'Ce lieu d’accueil n’existe pas ou n’est plus actif' } };
  const note = typeof brut.note === 'string' && brut.note.trim() ? brut.note.trim().slice(0, 1000) : null;
  const informes = await db.transaction(async (tx) => {
    await exigerAccesDemande(tx, u, id, true);
    const [mer] = await tx
      .insert(schema.misesEnRelation)
      .values({ demandeId: id, structureId: sid, parUtilisateurId: u!.id, le: maintenant, note })
      .returning({ id: schema.misesEnRelation.id });
    await changerEtat(
      tx,
      id,
      'mettreEnRelation',
      { acteur: 'staff', utilisateurId: u!.id },
      { maintenant, motif: `Mise en relation : ${st.nom}`, details: { structureId: sid } },
    );
    await journaliser(tx, u!, 'mise-en-relation', 'demande', id, { structureId: sid });
    return informerMiseEnRelation(tx, mer!.id, { publicUrl, maintenant });
  });
  const envois = [
    informes.famille && 'la famille a reçu le nom et les coordonnées par courriel',
    informes.pro && 'le professionnel a reçu le besoin et son lien de réponse',
  ]
    .filter(Boolean)
    .join(' ; ');
  return { ok: true, message: `Mise en relation enregistrée avec ${st.nom}${envois ? ` : ${envois}` : ''}.` };
}

const schemaIssueRelation = z.object({
  miseEnRelationId: z.uuid({ error: 'Mise en relation inconnue' }),
  issue: z.enum(ISSUES_MISE_EN_RELATION.filter((x) => x !== 'en-attente') as [IssueMer, ...IssueMer[]], { error: 'Choisissez l’issue de la mise en relation' }),
});
type IssueMer = Exclude<(typeof ISSUES_MISE_EN_RELATION)[number], 'en-attente'>;

/** Staff record what came of a mise en relation; a contract concludes the demande. */
export async function enregistrerIssueRelation(db: Db, u: Staff | undefined, id: string, brut: unknown, maintenant = new Date()): Promise<ResultatAction> {
  await exigerAccesDemande(db, u, id);
  const p = schemaIssueRelation.safeParse(brut);
  if (!p.success) return { ok: false, erreurs: erreursDe(p.error) };
  const ok = await db.transaction(async (tx) => {
    await exigerAccesDemande(tx, u, id, true);
    const [mer] = await tx
      .select({ id: schema.misesEnRelation.id })
      .from(schema.misesEnRelation)
      .where(and(eq(schema.misesEnRelation.id, p.data.miseEnRelationId), eq(schema.misesEnRelation.demandeId, id)));
    if (!mer) return false;
    await appliquerIssue(tx, mer.id, p.data.issue, { staffId: u!.id }, maintenant);
    await journaliser(tx, u!, 'mise-en-relation.issue', 'demande', id, { miseEnRelationId: mer.id, issue: p.data.issue, par: 'staff' });
    return true;
  });
  return ok ? { ok: true, message: 'Issue de la mise en relation enregistrée.' } : { ok: false, erreurs: { miseEnRelationId: 'Mise en relation inconnue' } };
}

/** Staff called the family after an unanswered follow-up: remove it from the follow-up list. */
export async function marquerRelanceTraitee(
  db: Db,
  u: Staff | undefined,
  id: string,
  brut: { relanceId?: unknown },
  maintenant = new Date(),
): Promise<ResultatAction> {
  await exigerAccesDemande(db, u, id);
  const rid = String(brut.relanceId ?? '');
  if (!z.uuid().safeParse(rid).success) return { ok: false, erreurs: { relanceId: 'Relance inconnue' } };
  const r = await db
    .update(schema.relances)
    .set({ traiteeLe: maintenant, traiteeParId: u!.id })
    .where(and(eq(schema.relances.id, rid), eq(schema.relances.demandeId, id)))
    .returning({ id: schema.relances.id });
  if (!r.length) return { ok: false, erreurs: { relanceId: 'Relance inconnue' } };
  await journaliser(db, u!, 'relance-traitee', 'demande', id, { relanceId: rid });
  return { ok: true, message: 'Suivi marqué comme fait.' };
}

/** Staff ask the family now whether the need is still current (same email and one-click answers as the monthly one). */
export async function relancerFamille(db: Db, u: Staff | undefined, id: string, o: { baseUrl: string; maintenant?: Date }): Promise<ResultatAction> {
  const dem = await exigerAccesDemande(db, u, id);
  if (!['nouvelle', 'en-cours', 'solution-proposee', 'mise-en-relation'].includes(dem.etat))
    return { ok: false, erreurs: { relancer: 'La demande est close : rien à demander à la famille' } };
  const maintenant = o.maintenant ?? new Date();
  const envoye = await db.transaction(async (tx) => {
    const r = await envoyerRelance(tx, { demandeId: id, type: dem.etat === 'mise-en-relation' ? 'suivi' : 'actualite', baseUrl: o.baseUrl, maintenant });
    if (r) await journaliser(tx, u!, 'relancer', 'demande', id);
    return !!r;
  });
  return envoye
    ? { ok: true, message: 'Courriel envoyé à la famille.' }
    : { ok: false, erreurs: { relancer: 'La famille n’a pas d’adresse e-mail : appelez-la' } };
}

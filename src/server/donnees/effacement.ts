/**
 * The one erasure of a family's personal data, used by the family's
 * "supprimer toutes mes données", the retention job and staff. What it does
 * to each column comes from the register (src/domain/donnees/registre.ts).
 * The demande row stays, anonymous (commune, dates, states, flags), so that
 * statistics still count it.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { and, eq, getTableColumns, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { schema, type Db } from '../db';
import { journaliser } from '../audit';
import type { Staff } from '../auth/staff';
import { changerEtat } from '../demande/transitions';
import { libererDependances } from './cloture';
import { retirerCandidature } from '../creches/commission';
import { colonnesAvecEffet } from '../../domain/donnees/registre';
import { ETATS_CLOS, estOuverte } from '../../domain/demande/etats';
import { limiteRetention } from '../../domain/relance/regles';

type Origine = 'famille' | 'retention' | 'staff';
type BilanEffacement = { demandeId: string; rdvsAnnules: number; inscriptionsLiberees: number; courriels: number; fichiers: number };

const MOTIFS: Record<Origine, string> = {
  famille: 'Données supprimées à la demande de la famille',
  retention: 'Durée de conservation atteinte',
  staff: 'Données effacées par le relais',
};

/**
 * The SET clause erasing the columns the register marks 'vider' (null, or
 * the column's empty default) and 'pseudonymiser' (a value naming nobody).
 */
function valeursEffacees(table: PgTable): Record<string, unknown> {
  const nom = getTableConfig(table).name;
  const vider = new Set(colonnesAvecEffet(nom, 'vider'));
  const pseudo = new Set(colonnesAvecEffet(nom, 'pseudonymiser'));
  const set: Record<string, unknown> = {};
  for (const [cle, col] of Object.entries(getTableColumns(table))) {
    if (vider.has(col.name)) set[cle] = col.notNull ? col.default : null;
    else if (pseudo.has(col.name)) set[cle] = col.name === 'email' ? sql`'efface-' || ${sql.identifier('id')}::text || '@invalid'` : sql`'Personne effacée'`;
  }
  return set;
}

const dansListe = (col: Parameters<typeof inArray>[0], ids: string[]): SQL => (ids.length ? inArray(col, ids) : sql`false`);

/**
 * Erases the family of demande `demandeId`. Idempotent: an already erased
 * demande is left alone (null). Files under `dataDir`/outbox (DATA_DIR; the
 * callers pass it) are removed after the transaction commits.
 */
export async function effacerDemande(
  db: Db,
  demandeId: string,
  o: { origine: Origine; staff?: Staff | null; maintenant?: Date; dataDir?: string },
): Promise<BilanEffacement | null> {
  const maintenant = o.maintenant ?? new Date();
  const resultat = await db.transaction(async (tx) => {
    const [d] = await tx.select().from(schema.demandes).where(eq(schema.demandes.id, demandeId)).for('update');
    if (!d || d.anonymiseeLe) return null;
    // 1. Close it (the closing hook cancels RDVs and sign-ups, erases health details first).
    let liberes = { rdvsAnnules: [] as string[], inscriptionsLiberees: [] as string[] };
    if (estOuverte(d.etat)) {
      const acteur = o.origine === 'famille' ? 'famille' : o.origine === 'staff' ? 'staff' : 'systeme';
      const avant = await tx
        .select({ id: schema.rdvs.id })
        .from(schema.rdvs)
        .where(and(eq(schema.rdvs.demandeId, demandeId), eq(schema.rdvs.statut, 'reserve')));
      await changerEtat(
        tx,
        demandeId,
        'abandonner',
        { acteur, utilisateurId: o.staff?.id ?? null },
        { motif: MOTIFS[o.origine], maintenant, effacement: true },
      );
      const apres = await tx
        .select({ id: schema.rdvs.id })
        .from(schema.rdvs)
        .where(
          and(
            eq(schema.rdvs.demandeId, demandeId),
            eq(schema.rdvs.statut, 'annule'),
            dansListe(
              schema.rdvs.id,
              avant.map((r) => r.id),
            ),
          ),
        );
      liberes.rdvsAnnules = apres.map((r) => r.id);
    } else {
      liberes = await libererDependances(tx, demandeId, { maintenant, raison: 'effacement', prevenirFamille: false });
    }
    // 2. Who the family is in other tables: its addresses, its RDVs, its sign-ups, its follow-up emails.
    const rdvs = await tx.select({ id: schema.rdvs.id, email: schema.rdvs.email }).from(schema.rdvs).where(eq(schema.rdvs.demandeId, demandeId));
    const adresses = [...new Set([d.email, ...rdvs.map((r) => r.email)].filter((x): x is string => !!x).map((x) => x.toLowerCase()))];
    const ir = schema.inscriptionsReunion;
    const inscriptions = await tx
      .select({ id: ir.id })
      .from(ir)
      .where(or(eq(ir.demandeId, demandeId), adresses.length ? and(inArray(sql`lower(${ir.email})`, adresses), eq(ir.profil, 'famille')) : sql`false`));
    const relances = await tx.select({ id: schema.relances.id }).from(schema.relances).where(eq(schema.relances.demandeId, demandeId));
    const rdvIds = rdvs.map((r) => r.id);
    const inscIds = inscriptions.map((i) => i.id);
    const relanceIds = relances.map((r) => r.id);

    // 3. Rows kept for counts, their personal columns erased (register: vider / mois / pseudonymiser).
    if (rdvIds.length) await tx.update(schema.rdvs).set(valeursEffacees(schema.rdvs)).where(inArray(schema.rdvs.id, rdvIds));
    if (inscIds.length)
      await tx
        .update(ir)
        .set({ ...valeursEffacees(ir), demandeId })
        .where(inArray(ir.id, inscIds));
    await tx.execute(sql`update enfants set prenom = null,
      date_naissance = date_trunc('month', date_naissance)::date, naissance_prevue = date_trunc('month', naissance_prevue)::date
      where demande_id = ${demandeId}::uuid`);
    await tx.update(schema.demandeHistorique).set(valeursEffacees(schema.demandeHistorique)).where(eq(schema.demandeHistorique.demandeId, demandeId));
    await tx.update(schema.contacts).set(valeursEffacees(schema.contacts)).where(eq(schema.contacts.demandeId, demandeId));
    await tx.update(schema.misesEnRelation).set(valeursEffacees(schema.misesEnRelation)).where(eq(schema.misesEnRelation.demandeId, demandeId));
    await tx.update(schema.relances).set(valeursEffacees(schema.relances)).where(eq(schema.relances.demandeId, demandeId));
    await tx.update(schema.offresRelayees).set(valeursEffacees(schema.offresRelayees)).where(eq(schema.offresRelayees.demandeId, demandeId));
    await tx.delete(schema.notes).where(eq(schema.notes.demandeId, demandeId));
    // Crèche application: withdrawn (an offer it held goes to the next family), what the points were computed from erased.
    await retirerCandidature(tx, demandeId, maintenant);
    const cands = (
      await tx.select({ id: schema.candidaturesCreche.id }).from(schema.candidaturesCreche).where(eq(schema.candidaturesCreche.demandeId, demandeId))
    ).map((x) => x.id);
    if (cands.length) {
      await tx.update(schema.candidaturesCreche).set(valeursEffacees(schema.candidaturesCreche)).where(inArray(schema.candidaturesCreche.id, cands));
      await tx.update(schema.propositionsCreche).set(valeursEffacees(schema.propositionsCreche)).where(inArray(schema.propositionsCreche.candidatureId, cands));
    }

    // 4. Emails to or about the family (and, after commit, their .eml copies), links and tokens.
    const c = schema.courriels;
    const courriels = await tx
      .delete(c)
      .where(
        or(
          and(eq(c.objetType, 'demande'), eq(c.objetId, demandeId)),
          and(eq(c.objetType, 'rdv'), dansListe(c.objetId, rdvIds)),
          and(eq(c.objetType, 'inscription-reunion'), dansListe(c.objetId, inscIds)),
          adresses.length ? inArray(sql`lower(${c.destinataire})`, adresses) : sql`false`,
        ),
      )
      .returning({ messageId: c.messageId });
    const sms = await tx
      .delete(schema.sms)
      .where(
        or(
          and(eq(schema.sms.objetType, 'demande'), eq(schema.sms.objetId, demandeId)),
          and(eq(schema.sms.objetType, 'rdv'), dansListe(schema.sms.objetId, rdvIds)),
        ),
      )
      .returning({ id: schema.sms.id });
    await tx.delete(schema.jetons).where(inArray(schema.jetons.sujetId, [demandeId, ...rdvIds, ...inscIds, ...relanceIds]));
    // 5. The audit log keeps what staff did, not the details.
    await tx
      .update(schema.journalAudit)
      .set(valeursEffacees(schema.journalAudit))
      .where(and(eq(schema.journalAudit.objetType, 'demande'), eq(schema.journalAudit.objetId, demandeId)));
    // 6. The demande itself.
    await tx
      .update(schema.demandes)
      .set({ ...valeursEffacees(schema.demandes), anonymiseeLe: maintenant })
      .where(eq(schema.demandes.id, demandeId));
    await journaliser(tx, o.staff ?? null, 'donnees.effacer', 'demande', demandeId, { origine: o.origine });
    return {
      bilan: {
        demandeId,
        rdvsAnnules: liberes.rdvsAnnules.length,
        inscriptionsLiberees: liberes.inscriptionsLiberees.length,
        courriels: courriels.length,
        fichiers: 0,
      },
      messageIds: courriels.map((x) => x.messageId).filter((x): x is string => !!x),
      smsIds: sms.map((x) => x.id),
      adresses,
    };
  });
  if (!resultat) return null;
  if (o.dataDir)
    resultat.bilan.fichiers =
      supprimerFichiersEml(o.dataDir, { messageIds: resultat.messageIds, adresses: resultat.adresses }) +
      supprimerFichiersSms(o.dataDir, { ids: resultat.smsIds });
  return resultat.bilan;
}

/** The name the file transport gives a message (src/server/mail/transport.ts). */
function fragmentNomEml(messageId: string): string {
  return messageId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 24);
}

/**
 * Removes DATA_DIR/outbox/*.eml files of these messages, or addressed to /
 * mentioning these addresses. Returns how many were removed.
 */
/** SMS files written without a gateway (DATA_DIR/sms/<ms>-<id>.json): those of `ids`, or older than `avant`. */
export function supprimerFichiersSms(dataDir: string, o: { ids?: string[]; avant?: Date }): number {
  const dossier = path.join(dataDir, 'sms');
  let noms: string[];
  try {
    noms = readdirSync(dossier).filter((n) => n.endsWith('.json'));
  } catch {
    return 0;
  }
  let n = 0;
  for (const nom of noms) {
    const ms = Number(nom.split('-')[0]);
    if ((o.ids ?? []).some((id) => nom.includes(id)) || (o.avant && Number.isFinite(ms) && ms < o.avant.getTime())) {
      rmSync(path.join(dossier, nom), { force: true });
      n++;
    }
  }
  return n;
}

export function supprimerFichiersEml(dataDir: string, o: { messageIds?: string[]; adresses?: string[]; avant?: Date }): number {
  const dossier = path.join(dataDir, 'outbox');
  let noms: string[];
  try {
    noms = readdirSync(dossier).filter((n) => n.endsWith('.eml'));
  } catch {
    return 0;
  }
  const fragments = (o.messageIds ?? []).map(fragmentNomEml).filter((f) => f.length >= 8);
  const adresses = (o.adresses ?? []).map((a) => a.toLowerCase());
  let n = 0;
  for (const nom of noms) {
    const fichier = path.join(dossier, nom);
    let viser = fragments.some((f) => nom.includes(f));
    if (!viser && o.avant) viser = dateNomEml(nom) !== null && dateNomEml(nom)! < o.avant;
    if (!viser && adresses.length) {
      const contenu = readFileSync(fichier, 'utf8').toLowerCase();
      viser = adresses.some((a) => contenu.includes(a));
    }
    if (viser) {
      rmSync(fichier, { force: true });
      n++;
    }
  }
  return n;
}

/** '2026-12-06T03-15-35-123Z-<id>.eml' → the date it was written. */
function dateNomEml(nom: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(nom);
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : null;
}

/** Demandes closed before the retention limit, erased in batches by the daily job. */
export async function effacerAnciennes(db: Db, o: { maintenant: Date; retentionMois: number; dataDir?: string; lot?: number }): Promise<number> {
  const limite = limiteRetention(o.maintenant, o.retentionMois);
  const d = schema.demandes;
  let total = 0;
  for (;;) {
    const ids = (
      await db
        .select({ id: d.id })
        .from(d)
        .where(
          and(
            inArray(d.etat, [...ETATS_CLOS]),
            sql`${d.anonymiseeLe} is null`,
            sql`coalesce(${d.clotureLe}, ${d.etatDepuis}) < ${limite.toISOString()}::timestamptz`,
          ),
        )
        .limit(o.lot ?? 100)
    ).map((x) => x.id);
    if (!ids.length) break;
    for (const id of ids) if (await effacerDemande(db, id, { origine: 'retention', maintenant: o.maintenant, dataDir: o.dataDir })) total++;
  }
  return total;
}

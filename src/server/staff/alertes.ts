/**
 * Alerts to staff. A new urgent demande: one email to the relais' address
 * within minutes. Exactly once, even with several instances running the
 * task at the same moment: the email is queued in the same transaction as
 * the row of `alertes_staff`, whose primary key (kind, demande, recipient)
 * lets only one instance insert it.
 */
import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { addDays, subHours } from 'date-fns';
import type { Staff } from '../auth/staff';
import { listerFile } from '../backoffice/file';
import { lireFiltres } from '../../domain/demande/file';
import { nombre } from './pluriel';
import { schema, rowsOf, type Db } from '../db';
import { mettreEnFile } from '../mail/outbox';
import { miseEnPage } from '../mail/gabarits';
import { dateCourteFr, dateHeureFr, debutJourParis, heure, jourParis } from '../../domain/temps';

/** Only demandes filed this recently raise an alert (no flood of old ones when the feature is switched on). */
const FENETRE_ALERTE_HEURES = 24;

/** Queues one email per new urgent demande to its relais' address. Returns how many were queued. */
export async function alerterUrgences(db: Db, o: { maintenant: Date; publicUrl: string }): Promise<number> {
  const d = schema.demandes;
  const r = schema.relais;
  const a = schema.alertesStaff;
  const candidates = await db
    .select({
      id: d.id,
      relaisId: r.id,
      reference: d.reference,
      creeLe: d.creeLe,
      urgenceMotif: d.urgenceMotif,
      relaisNom: r.nom,
      relaisEmail: r.email,
      communeNom: schema.communes.nom,
    })
    .from(d)
    .innerJoin(r, eq(r.id, d.relaisId))
    .leftJoin(schema.communes, eq(schema.communes.code, d.communeCode))
    .leftJoin(a, and(eq(a.type, 'urgence'), eq(a.cle, sql`${d.id}::text`), eq(a.destinataire, r.email)))
    .where(
      and(
        eq(d.urgence, true),
        eq(d.etat, 'nouvelle'),
        isNull(d.anonymiseeLe),
        gte(d.creeLe, subHours(o.maintenant, FENETRE_ALERTE_HEURES)),
        sql`${r.email} is not null`,
        isNull(a.cle),
      ),
    );
  let n = 0;
  for (const c of candidates) {
    const envoye = await db.transaction(async (tx) => {
      const pris = rowsOf(
        await tx.execute(sql`insert into alertes_staff (type, cle, destinataire) values ('urgence', ${c.id}, ${c.relaisEmail})
        on conflict do nothing returning cle`),
      );
      if (!pris.length) return false;
      const titre = `Demande urgente ${c.reference}`;
      const { texte, html } = miseEnPage({
        lang: 'fr',
        titre,
        blocs: [
          {
            type: 'paragraphe',
            texte: `Une demande urgente vient d’arriver pour ${c.relaisNom}${c.communeNom ? ` (${c.communeNom})` : ''}, le ${dateHeureFr(c.creeLe)}.`,
          },
          ...(c.urgenceMotif ? [{ type: 'encadre' as const, texte: `Motif indiqué par la famille : ${c.urgenceMotif}` }] : []),
          { type: 'paragraphe', texte: 'Le premier contact est attendu dans les 7 jours au plus.' },
          { type: 'lien', texte: 'Ouvrir la demande (connexion requise)', url: `${o.publicUrl}/admin/demandes/${c.id}` },
        ],
      });
      await mettreEnFile(tx, { destinataire: c.relaisEmail!, sujet: titre, texte, html, type: 'alerte-urgence', objetType: 'alerte', objetId: c.id });
      // A copy to the relais' staff who asked for one (settings page), once each.
      const copies = rowsOf<{ id: string; email: string }>(
        await tx.execute(sql`
        select u.id, u.email from utilisateurs u join preferences_staff p on p.utilisateur_id = u.id
        where u.actif and u.relais_id = ${c.relaisId} and p.copie_urgences`),
      );
      for (const u of copies) {
        const prise = rowsOf(
          await tx.execute(sql`insert into alertes_staff (type, cle, destinataire) values ('urgence', ${c.id}, ${u.id}) on conflict do nothing returning cle`),
        );
        if (prise.length)
          await mettreEnFile(tx, { destinataire: u.email, sujet: titre, texte, html, type: 'alerte-urgence-copie', objetType: 'alerte', objetId: c.id });
      }
      return true;
    });
    if (envoye) n++;
  }
  // The minute-keyed runs of this task are not worth keeping beyond a day.
  await db.execute(sql`delete from executions_taches where tache = 'alertes-urgences' and debut_le < ${subHours(o.maintenant, 24).toISOString()}`);
  return n;
}

/**
 * The morning summary of each active animatrice who wants it (default yes):
 * new demandes to contact, overdue first contacts, follow-ups to do, the
 * day's RDVs. Nothing is sent when all four are zero. Once per person and day.
 */
export async function envoyerResumes(db: Db, o: { maintenant: Date; publicUrl: string }): Promise<number> {
  const jour = jourParis(o.maintenant);
  const equipe = await db
    .select({ u: schema.utilisateurs, resume: schema.preferencesStaff.resumeQuotidien })
    .from(schema.utilisateurs)
    .leftJoin(schema.preferencesStaff, eq(schema.preferencesStaff.utilisateurId, schema.utilisateurs.id))
    .where(and(eq(schema.utilisateurs.actif, true), eq(schema.utilisateurs.role, 'animatrice')));
  let n = 0;
  for (const { u, resume } of equipe) {
    if (resume === false || !u.relaisId) continue;
    const staff: Staff = { id: u.id, email: u.email, nom: u.nom, role: u.role, relaisId: u.relaisId, secteurId: u.secteurId, communeCode: u.communeCode };
    const compte = async (signal: string) => (await listerFile(db, staff, lireFiltres(new URLSearchParams({ signal })), o.maintenant)).total;
    const [nouvelles, retard, suivis] = [await compte('nouvelle'), await compte('retard'), await compte('suivi')];
    const debut = debutJourParis(jour);
    const rdvs = await db
      .select({ debut: schema.rdvs.debut, mode: schema.rdvs.mode, motif: schema.motifsRdv.nom })
      .from(schema.rdvs)
      .innerJoin(schema.motifsRdv, eq(schema.motifsRdv.id, schema.rdvs.motifId))
      .where(
        and(eq(schema.rdvs.animatriceId, u.id), eq(schema.rdvs.statut, 'reserve'), gte(schema.rdvs.debut, debut), lt(schema.rdvs.debut, addDays(debut, 1))),
      )
      .orderBy(asc(schema.rdvs.debut));
    if (!nouvelles && !retard && !suivis && !rdvs.length) continue;
    const envoye = await db.transaction(async (tx) => {
      const pris = rowsOf(
        await tx.execute(
          sql`insert into alertes_staff (type, cle, destinataire) values ('resume-quotidien', ${jour}, ${u.id}) on conflict do nothing returning cle`,
        ),
      );
      if (!pris.length) return false;
      const titre = `Votre journée du ${dateCourteFr(jour)}`;
      const { texte, html } = miseEnPage({
        lang: 'fr',
        titre,
        salutation: `Bonjour ${u.nom},`,
        blocs: [
          {
            type: 'liste',
            elements: [
              `${nombre(nouvelles, 'nouvelle demande', 'nouvelles demandes')} à contacter`,
              `${nombre(retard, 'premier contact', 'premiers contacts')} en retard`,
              `${nombre(suivis, 'suivi', 'suivis')} à faire`,
              `${nombre(rdvs.length, 'rendez-vous', 'rendez-vous')} aujourd’hui${rdvs.length ? ` : ${rdvs.map((r) => `${heure(r.debut, 'fr')} ${r.motif}`).join(', ')}` : ''}`,
            ],
          },
          { type: 'lien', texte: 'Ouvrir la liste des demandes', url: `${o.publicUrl}/admin/demandes` },
          { type: 'paragraphe', texte: `Vous recevez ce résumé parce que vous l’avez choisi ; pour l’arrêter : ${o.publicUrl}/admin/parametres` },
        ],
      });
      await mettreEnFile(tx, { destinataire: u.email, sujet: titre, texte, html, type: 'resume-quotidien', objetType: 'utilisateur', objetId: u.id });
      return true;
    });
    if (envoye) n++;
  }
  return n;
}

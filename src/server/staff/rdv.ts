/**
 * One RDV in the back office: what the page shows and what staff do on it
 * (mark honoured / no-show / excused, move, cancel). The relais team sees the
 * slot; only those who may see the family's demande (its sector) act on it.
 */
import { lienVisioRdv } from '../rdv/visio';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { schema, type DbOrTx } from '../db';
import { AccesRefuse, peutAgirSurRdv, peutVoirDonneesPersonnelles, peutVoirRdv } from '../auth/acces';
import type { Staff } from '../auth/staff';
import { journaliser } from '../audit';
import { annulerRdv, contexteRdv, creneauxDisponibles, deplacerRdv, marquerRdv } from '../rdv/reservation';
import { ajouterJours, fusionnerAnimatrices, instantParis, jourParis, regrouperParJour, statutsPossibles } from '../../domain/rdv/creneaux';
import type { ContexteStaff, Resultat, Saisie } from './contexte';

const UUID = z.uuid();

/** The perimeter of a RDV: its relais, and the sector of the demande it serves (none for an AM). */
async function perimetreRdv(db: DbOrTx, id: string): Promise<{ relaisId: string; secteurId: string | null } | null> {
  if (!UUID.safeParse(id).success) return null;
  const [r] = await db
    .select({ relaisId: schema.rdvs.relaisId, secteurId: schema.demandes.secteurId })
    .from(schema.rdvs)
    .leftJoin(schema.demandes, eq(schema.demandes.id, schema.rdvs.demandeId))
    .where(eq(schema.rdvs.id, id));
  return r ?? null;
}

/** Throws AccesRefuse when `u` may not see (or, with `agir`, act on) this RDV; returns null when there is none. */
export async function exigerRdv(db: DbOrTx, u: Staff, id: string, o: { agir: boolean }) {
  const p = await perimetreRdv(db, id);
  if (!p) return null;
  if (!peutVoirRdv(u, p) || (o.agir && !peutAgirSurRdv(u, p)))
    throw new AccesRefuse('Ce rendez-vous concerne une famille d’un autre secteur ou d’un autre relais : vous ne pouvez pas le modifier.');
  return p;
}

const schemaAction = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.enum(['honore', 'absent', 'excuse']) }),
    z.object({ action: z.literal('annuler') }),
    z.object({ action: z.literal('deplacer'), creneau: z.iso.datetime({ offset: true, error: 'Choisissez une nouvelle date et heure.' }) }),
    z.object({
      action: z.literal('suivants'),
      depuis: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    }),
  ],
  { error: 'Action inconnue.' },
);

export type ResultatRdv = Resultat;

export async function agirSurRdv(c: ContexteStaff, id: string, saisie: Saisie): Promise<ResultatRdv> {
  if (!(await exigerRdv(c.db, c.staff, id, { agir: true }))) return { ok: false, erreurs: { action: 'Rendez-vous introuvable.' }, saisie };
  const p = schemaAction.safeParse(saisie);
  if (!p.success) {
    const champ = saisie.action === 'deplacer' ? 'creneau' : 'action';
    return { ok: false, erreurs: { [champ]: champ === 'creneau' ? 'Choisissez une nouvelle date et heure.' : 'Action inconnue.' }, saisie };
  }
  const a = p.data;
  const ici = `/admin/agenda/rdv/${id}`;
  const base = { parFamille: false, staff: c.staff, secret: c.secret, publicUrl: c.config.publicUrl, maintenant: c.maintenant };
  switch (a.action) {
    case 'honore':
    case 'absent':
    case 'excuse':
      if (await marquerRdv(c.db, { rdvId: id, statut: a.action, staff: c.staff, maintenant: c.maintenant }))
        return { ok: true, redirection: `${ici}?fait=${a.action}` };
      return { ok: false, erreurs: { action: 'Ce changement n’est pas possible maintenant.' }, saisie };
    case 'annuler': {
      const r = await annulerRdv(c.db, { ...base, rdvId: id });
      return r.ok ? { ok: true, redirection: `${ici}?fait=annule` } : { ok: false, erreurs: { action: 'Ce rendez-vous ne peut plus être annulé.' }, saisie };
    }
    case 'deplacer': {
      const r = await deplacerRdv(c.db, { ...base, rdvId: id, debut: new Date(a.creneau) });
      return r.ok
        ? { ok: true, redirection: `${ici}?fait=deplace` }
        : { ok: false, erreurs: { creneau: 'Ce créneau vient d’être pris. Choisissez-en un autre.' }, saisie };
    }
    case 'suivants':
      return { ok: true, redirection: `${ici}?depuis=${ajouterJours(a.depuis ?? jourParis(c.maintenant), 14)}#deplacer` };
  }
}

/** What the page shows; null when there is no such RDV. Reading the family's contact is written to the audit log. */
export async function lireRdvStaff(c: ContexteStaff, id: string, depuisDemande: string | null) {
  const { db, staff } = c;
  if (!(await exigerRdv(db, staff, id, { agir: false }))) return null;
  const ctx = (await contexteRdv(db, id))!;
  const rdv = ctx.rdv;
  const [dem] = rdv.demandeId
    ? await db
        .select({ id: schema.demandes.id, reference: schema.demandes.reference, secteurId: schema.demandes.secteurId })
        .from(schema.demandes)
        .where(eq(schema.demandes.id, rdv.demandeId))
    : [];
  const voit = peutVoirDonneesPersonnelles(staff, { relaisId: rdv.relaisId, secteurId: dem?.secteurId ?? null });
  if (dem && voit) await journaliser(db, staff, 'rdv.consulter', 'demande', dem.id, { rdvId: id });
  const [animatrice] = await db.select({ nom: schema.utilisateurs.nom }).from(schema.utilisateurs).where(eq(schema.utilisateurs.id, rdv.animatriceId));
  const aujourdhui = jourParis(c.maintenant);
  const depuis = depuisDemande && /^\d{4}-\d{2}-\d{2}$/.test(depuisDemande) && depuisDemande > aujourdhui ? depuisDemande : aujourdhui;
  const agir = voit && peutAgirSurRdv(staff, { relaisId: rdv.relaisId, secteurId: dem?.secteurId ?? null });
  let jours: { jour: string; creneaux: { debut: Date }[] }[] = [];
  if (agir && rdv.statut === 'reserve') {
    const { creneaux } = await creneauxDisponibles(db, {
      relaisId: rdv.relaisId,
      motifId: rdv.motifId,
      lieuId: rdv.lieuId,
      personnel: true,
      sauf: rdv.id,
      du: instantParis(depuis, '00:00'),
      au: instantParis(ajouterJours(depuis, 14), '00:00'),
    });
    jours = regrouperParJour(fusionnerAnimatrices(creneaux));
  }
  return {
    ctx,
    dem: dem ?? null,
    voit,
    agir,
    animatriceNom: animatrice?.nom ?? '',
    depuis,
    jours,
    lienVisio: voit ? lienVisioRdv(c.config.VISIO_URL_TEMPLATE, c.secret, rdv) : null,
    possibles: agir ? statutsPossibles(rdv.debut, c.maintenant, rdv.statut) : [],
  };
}

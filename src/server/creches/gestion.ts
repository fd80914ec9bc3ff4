/**
 * The crèche manager's screen (/admin/creches/gestion): the families
 * proposed to their crèche, and the form recording the day a contract was
 * signed. One form per family; its field is named after the proposal
 * (signeLe-<id>) so that ids stay unique on the page, and a refused date
 * comes back in that family's field with its error.
 */
import { and, eq } from 'drizzle-orm';
import { schema } from '../db';
import { AccesRefuse } from '../auth/acces';
import { familiesProposees, noterContrat } from './staff';
import { un, type ContexteStaff, type Erreurs, type Resultat, type Saisie } from '../staff/contexte';
import { erreurDateContrat, instantContrat } from '../../domain/creches/contrat';
import { dateCourteFr, jourParis } from '../../domain/temps';

const JOURS = ['', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTROUVABLE = 'Le contrat ne peut être noté que pour une famille qui a accepté une place dans votre crèche.';

const champSignature = (propositionId: string): string => `signeLe-${propositionId}`;

/** The manager records that the contract of a family of their crèche was signed on the day typed. */
export async function noterContratFormulaire(c: ContexteStaff, saisie: Saisie): Promise<Resultat<{ propositionId: string }>> {
  const { db, staff: u, maintenant } = c;
  if (u.role !== 'gestionnaire-creche' || !u.structureId) throw new AccesRefuse();
  const propositionId = un(saisie, 'propositionId');
  const champ = champSignature(propositionId);
  const refus = (message: string) => ({
    ok: false as const,
    erreurs: { [UUID.test(propositionId) ? champ : 'propositionId']: message } as Erreurs,
    saisie,
    propositionId,
  });
  if (!UUID.test(propositionId)) return refus(INTROUVABLE);
  const p = schema.propositionsCreche;
  const [prop] = await db
    .select({ statut: p.statut, reponduLe: p.reponduLe, contratLe: p.contratLe })
    .from(p)
    .where(and(eq(p.id, propositionId), eq(p.structureId, u.structureId)));
  if (!prop || prop.statut !== 'acceptee') return refus(INTROUVABLE);
  if (prop.contratLe) return refus(`Le contrat est déjà noté, signé le ${dateCourteFr(prop.contratLe)}.`);
  const jour = un(saisie, champ).trim();
  const erreur = erreurDateContrat(jour, { maintenant, accepteeLe: prop.reponduLe });
  if (erreur) return refus(erreur);
  if (!(await noterContrat(db, u, propositionId, instantContrat(jour, maintenant)))) return refus(INTROUVABLE);
  return { ok: true, redirection: '/admin/creches/gestion?fait=contrat' };
}

/** `refus`: the handler's answer to a refused POST, shown in that family's form. */
export async function chargerGestion(
  c: Pick<ContexteStaff, 'db' | 'staff' | 'maintenant'>,
  refus: Extract<Resultat<{ propositionId: string }>, { ok: false }> | null,
) {
  const vue = await familiesProposees(c.db, c.staff);
  const erreurs: Erreurs = { ...refus?.erreurs };
  const aujourdhui = jourParis(c.maintenant);
  const familles = vue.familles.map((f) => {
    const nom = champSignature(f.propositionId);
    const enErreur = refus?.propositionId === f.propositionId;
    return {
      propositionId: f.propositionId,
      reference: f.reference,
      parents: f.parents.map((p) => `${p.prenom} ${p.nom}`).join(', '),
      telephone: f.telephone,
      email: f.email,
      accueil: `à partir du ${dateCourteFr(f.dateDebut)} : ${f.planning.map((p) => `${JOURS[p.jour]} ${p.debut}–${p.fin}`).join(', ')}`,
      reponse: f.statut === 'acceptee' ? 'Place acceptée' : `Offre envoyée, réponse avant le ${f.echeance ? dateCourteFr(f.echeance) : '—'}`,
      contratSigne: f.contratLe ? `Signé le ${dateCourteFr(f.contratLe)}` : null,
      signature:
        !f.contratLe && f.statut === 'acceptee'
          ? {
              nom,
              label: `Date de signature du contrat (${f.reference})`,
              valeur: enErreur ? un(refus.saisie, nom) : aujourdhui,
              erreur: erreurs[nom],
              max: aujourdhui,
            }
          : null,
    };
  });
  // A refusal for a family without a form any more (noted meanwhile, or a forged POST) goes to the table.
  const sansFormulaire = Object.keys(erreurs).filter((k) => !familles.some((f) => f.signature?.nom === k));
  for (const k of sansFormulaire) erreurs.propositionId ??= erreurs[k]!;
  for (const k of sansFormulaire) if (k !== 'propositionId') delete erreurs[k];
  // The summary names each field as its label does.
  const libelles: Record<string, string> = Object.fromEntries(familles.flatMap((f) => (f.signature ? [[f.signature.nom, f.signature.label]] : [])));
  libelles.propositionId = 'Famille';
  return { creche: vue.creche, familles, erreurs, libelles };
}

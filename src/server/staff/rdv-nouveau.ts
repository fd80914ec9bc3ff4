/**
 * Staff book a RDV for a family (its demande) or a professional RDV for an
 * assistant maternel: find them, pick motif, mode, site, then a free slot.
 * The person is looked up again on the server, never trusted from the form.
 */
import { animatricesDuRelais, chercherAssistantsMaternels, chercherDemandes, lieuxDuRelais, relaisAgenda } from '../rdv/agenda';
import { creneauxDisponibles, motifsDuRelais, reserverRdv } from '../rdv/reservation';
import { ajouterJours, fusionnerAnimatrices, instantParis, jourParis, regrouperParJour, MODES } from '../../domain/rdv/creneaux';
import { un, type ContexteStaff, type Erreurs, type Resultat, type Saisie } from './contexte';

export type Pour = 'famille' | 'am';
type Jours = { jour: string; creneaux: { debut: Date }[] }[];

/** Success: the new RDV's page. Otherwise the form again, with errors and, once the choices are valid, the free slots. */
export type ResultatNouveauRdv = Resultat<{ depuis: string; creneaux: Jours | null }>;

const JOUR = /^\d{4}-\d{2}-\d{2}$/;

export async function reserverPourStaff(c: ContexteStaff, relaisChoisi: string | null, saisie: Saisie): Promise<ResultatNouveauRdv> {
  const { db, staff } = c;
  const relais = await relaisAgenda(db, staff, relaisChoisi);
  const f = (k: string) => un(saisie, k);
  let depuis = JOUR.test(f('depuis')) && f('depuis') >= jourParis(c.maintenant) ? f('depuis') : jourParis(c.maintenant);
  const pourAm = f('pour') === 'am';
  const erreurs: Erreurs = {};
  const demande = pourAm ? undefined : (await chercherDemandes(db, staff, relais.id, f('q'))).find((d) => d.id === f('demande'));
  const am = pourAm ? (await chercherAssistantsMaternels(db, staff, relais.id, f('q'))).find((x) => x.id === f('structure')) : undefined;
  const motif = (await motifsDuRelais(db, relais.id)).find((m) => m.id === f('motif'));
  const mode = MODES.find((m) => m === f('mode'));
  const lieuId = mode === 'sur-place' ? ((await lieuxDuRelais(db, relais.id)).find((l) => l.id === f('lieu'))?.id ?? null) : null;
  if (pourAm && !am) erreurs.structure = 'Choisissez l’assistant maternel.';
  if (!pourAm && !demande) erreurs.demande = 'Choisissez la demande de la famille.';
  if (!motif) erreurs.motif = 'Choisissez le motif.';
  else if (motif.public !== (pourAm ? 'am' : 'famille'))
    erreurs.motif = pourAm
      ? 'Ce motif est réservé aux familles : choisissez un motif pour les assistants maternels.'
      : 'Ce motif est réservé aux assistants maternels : choisissez un motif pour les familles.';
  if (!mode || (motif && !motif.modes.includes(mode))) erreurs.mode = 'Ce mode n’est pas prévu pour ce motif.';
  if (mode === 'sur-place' && !lieuId) erreurs.lieu = 'Choisissez le lieu.';
  if (Object.keys(erreurs).length) return { ok: false, erreurs, saisie, depuis, creneaux: null };

  const animatriceId = (await animatricesDuRelais(db, relais.id)).find((a) => a.id === f('animatrice'))?.id ?? null;
  if (f('aller') === 'suivants') depuis = ajouterJours(depuis, 14);
  if (f('aller') === 'reserver') {
    const debut = new Date(f('creneau'));
    if (Number.isNaN(debut.getTime())) erreurs.creneau = 'Choisissez un créneau.';
    else {
      const qui = am
        ? {
            structureId: am.id,
            langue: 'fr',
            email: am.email,
            telephone: am.telephone,
            nomContact: [am.prenom, am.nomFamille].filter(Boolean).join(' ') || am.nom,
          }
        : {
            demandeId: demande!.id,
            langue: demande!.langue,
            email: demande!.email,
            telephone: demande!.telephone,
            nomContact: demande!.parents[0]?.prenom ?? null,
          };
      const r = await reserverRdv(db, {
        relaisId: relais.id,
        motifId: motif!.id,
        mode: mode!,
        lieuId,
        debut,
        animatriceId,
        parFamille: false,
        staff,
        ...qui,
        secret: c.secret,
        publicUrl: c.config.publicUrl,
      });
      if (r.ok) return { ok: true, redirection: `/admin/agenda/rdv/${r.rdvId}?fait=reserve` };
      erreurs.creneau = r.raison === 'motif' ? 'Ce motif ne peut pas être réservé ainsi.' : 'Ce créneau vient d’être pris. Choisissez-en un autre.';
    }
  }
  const { creneaux } = await creneauxDisponibles(db, {
    relaisId: relais.id,
    motifId: motif!.id,
    lieuId,
    animatriceId,
    personnel: true,
    du: instantParis(depuis, '00:00'),
    au: instantParis(ajouterJours(depuis, 14), '00:00'),
  });
  return { ok: false, erreurs, saisie, depuis, creneaux: regrouperParJour(fusionnerAnimatrices(creneaux)) };
}

/** The page: relais, the people matching the search, motifs for that public, sites and animatrices. */
export async function lireNouveauRdv(c: ContexteStaff, relaisChoisi: string | null, o: { pour: Pour; recherche: string }) {
  const { db, staff } = c;
  const relais = await relaisAgenda(db, staff, relaisChoisi);
  const [motifs, lieux, animatrices, demandes, assistants] = await Promise.all([
    motifsDuRelais(db, relais.id),
    lieuxDuRelais(db, relais.id),
    animatricesDuRelais(db, relais.id),
    o.recherche && o.pour === 'famille' ? chercherDemandes(db, staff, relais.id, o.recherche) : Promise.resolve([]),
    o.recherche && o.pour === 'am' ? chercherAssistantsMaternels(db, staff, relais.id, o.recherche) : Promise.resolve([]),
  ]);
  return { relais, motifs: motifs.filter((m) => m.public === o.pour), lieux, animatrices, demandes, assistants };
}

/**
 * The page "Nouveau rendez-vous" (/admin/agenda/nouveau) as it shows: who
 * the RDV is for and what was searched (from the query, or from the post that
 * came back), the people found, the choices of the booking form and, after
 * "Voir les créneaux libres", the free slots of the fortnight.
 */
import { ajouterJours, jourParis, MODES } from '../../domain/rdv/creneaux';
import { jourLong } from '../../domain/rdv/format';
import { NOMS_MODES } from './agenda-vue';
import { lireNouveauRdv, type Pour, type ResultatNouveauRdv } from './rdv-nouveau';
import { relecture, type Echec } from './page-post';
import type { ContexteStaff } from './contexte';

/** Field labels, in the order of the page (the error summary follows it). */
export const LIBELLES_NOUVEAU_RDV = {
  structure: 'Assistant maternel',
  demande: 'Demande',
  motif: 'Motif',
  mode: 'Mode',
  lieu: 'Lieu (sur place)',
  creneau: 'Créneau',
};
/** The slots are a group of radios: the summary links to the group. */
export const CIBLES_NOUVEAU_RDV = { creneau: 'champ-creneau' };

export async function chargerNouveauRdv(c: ContexteStaff, q: URLSearchParams, echec: Echec<ResultatNouveauRdv> | null) {
  const { v } = relecture(echec);
  const recherche = echec ? v('q') : (q.get('q') ?? '');
  const pour: Pour = (echec ? v('pour') : q.get('pour')) === 'am' ? 'am' : 'famille';
  const { relais, motifs, lieux, animatrices, demandes, assistants } = await lireNouveauRdv(c, q.get('relais'), { pour, recherche });
  const depuis = echec?.depuis ?? jourParis(c.maintenant);
  const admin = c.staff.role === 'admin';
  const seul = (n: number) => n === 1;
  return {
    pour,
    recherche,
    /** The relais, kept in the forms for the admin (an animatrice has hers). */
    relaisCache: admin ? relais.id : null,
    action: `/admin/agenda/nouveau?${admin ? `relais=${relais.id}&` : ''}pour=${pour}&q=${encodeURIComponent(recherche)}`,
    v,
    erreurs: echec?.erreurs ?? {},
    depuis,
    /** Free slots by day once asked for, null before. */
    creneaux: echec?.creneaux ?? null,
    titreCreneaux: `Créneaux libres du ${jourLong(depuis, 'fr')} au ${jourLong(ajouterJours(depuis, 13), 'fr')}`,
    demandes: demandes.map((d) => ({
      id: d.id,
      libelle: `${d.reference} — ${d.parents.map((p) => `${p.prenom} ${p.nom}`).join(', ')} ${d.telephone ?? ''}`.trim(),
      coche: v('demande') === d.id || seul(demandes.length),
    })),
    assistants: assistants.map((x) => ({
      id: x.id,
      libelle:
        `${[x.prenom, x.nomFamille].filter(Boolean).join(' ') || x.nom} — ${x.communeNom}${x.agrement ? ` — ${x.agrement}` : ''} ${x.telephone ?? ''}`.trim(),
      coche: v('structure') === x.id || seul(assistants.length),
    })),
    options: {
      motifs: [{ value: '', label: '—' }, ...motifs.map((m) => ({ value: m.id, label: `${m.nom} (${m.dureeMinutes} min)` }))],
      modes: MODES.map((m) => ({ value: m, label: NOMS_MODES[m] })),
      lieux: [{ value: '', label: '—' }, ...lieux.map((l) => ({ value: l.id, label: l.nom }))],
      animatrices: [{ value: '', label: 'La première libre' }, ...animatrices.map((a) => ({ value: a.id, label: a.nom }))],
    },
  };
}

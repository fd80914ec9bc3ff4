/**
 * The page "Motifs, plages et absences" (/admin/agenda/parametres) as it
 * shows: the relais's motifs, opening slots and absences in words, and for
 * each of its three forms what to redisplay after a failed post (only in the
 * form that was posted).
 */
import { heureParis, jourParis } from '../../domain/rdv/creneaux';
import { jourLong } from '../../domain/rdv/format';
import { NOMS_MODES } from './agenda-vue';
import { lireParametresAgenda, type ResultatParametres } from './agenda-parametres';
import { relecture, type Echec } from './page-post';
import type { ContexteStaff } from './contexte';

export const JOURS_SEMAINE = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** Field labels of the three forms, in the order of the page (the error summary follows it). */
export const LIBELLES_PARAMETRES = {
  nom: 'Nom',
  dureeMinutes: 'Durée (minutes)',
  modes: 'Modes possibles',
  public: 'Public',
  animatriceId: 'Animatrice',
  lieuId: 'Lieu',
  motifIds: 'Motifs',
  jours: 'Jours',
  heureDebut: 'De',
  heureFin: 'À',
  valideDu: 'Valable du',
  valideAu: 'Jusqu’au',
  delaiMinimumHeures: 'Délai minimum',
  horizonJours: 'Horizon',
  libelle: 'Motif de l’absence',
  du: 'Du',
  heureDu: 'À partir de (heure)',
  au: 'Au',
  heureAu: 'Jusqu’à (heure)',
  formulaire: 'Formulaire',
};

export async function chargerParametres(c: ContexteStaff, choisi: string | null, echec: Echec<ResultatParametres> | null) {
  const { relais, animatrices, lieux, motifs, plages, exceptions } = await lireParametresAgenda(c, choisi);
  const poste = echec?.formulaire ?? null;
  const nomAnimatrice = (id: string | null) => (id ? (animatrices.find((a) => a.id === id)?.nom ?? '—') : 'Tout le relais');
  const nomLieu = (id: string | null) => (id ? (lieux.find((l) => l.id === id)?.nom ?? '—') : 'Téléphone / visio');
  return {
    relais,
    erreurs: echec?.erreurs ?? {},
    /** Where the summary links: a toggle's error has no field; the absence form's "Qui" has its own id. */
    cibles: { formulaire: 'contenu', ...(poste === 'exception' ? { animatriceId: 'f-animatriceId-abs' } : {}) },
    formulaire: poste ?? '',
    motif: relecture(echec, 'motif', poste),
    plage: relecture(echec, 'plage', poste),
    exception: relecture(echec, 'exception', poste),
    aujourdhui: jourParis(c.maintenant),
    motifs: motifs.map((m) => ({
      ...m,
      modesTexte: m.modes.map((x) => NOMS_MODES[x as keyof typeof NOMS_MODES] ?? x).join(', '),
      publicTexte: m.public === 'am' ? 'Assistants maternels' : 'Familles',
    })),
    motifsActifs: motifs.filter((m) => m.actif),
    plages: plages.map((p) => ({
      id: p.id,
      animatrice: nomAnimatrice(p.animatriceId),
      lieu: nomLieu(p.lieuId),
      jours: p.jours.map((j) => JOURS_SEMAINE[j - 1]).join(', '),
      heures: `${p.heureDebut}–${p.heureFin}`,
      motifs: p.motifIds.map((id) => motifs.find((m) => m.id === id)?.nom ?? '?').join(', '),
      validite: `du ${p.valideDu}${p.valideAu ? ` au ${p.valideAu}` : ''}`,
      delais: `${p.delaiMinimumHeures} h / ${p.horizonJours} j`,
    })),
    exceptions: exceptions.map((e) => ({
      id: e.id,
      libelle: e.libelle,
      texte: `${e.libelle} — ${nomAnimatrice(e.animatriceId)} — du ${jourLong(e.debut, 'fr')} ${heureParis(e.debut)} au ${jourLong(e.fin, 'fr')} ${heureParis(e.fin)}`,
    })),
    options: {
      animatrices: [{ value: '', label: '—' }, ...animatrices.map((a) => ({ value: a.id, label: a.nom }))],
      lieux: [{ value: '', label: 'Téléphone et visio' }, ...lieux.map((l) => ({ value: l.id, label: l.nom }))],
      absents: [{ value: '', label: 'Tout le relais (fermeture)' }, ...animatrices.map((a) => ({ value: a.id, label: a.nom }))],
    },
  };
}

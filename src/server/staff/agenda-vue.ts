/**
 * The agenda page (/admin/agenda) as the page shows it: the relais, the
 * filters read from the query (domain/rdv/agenda-vue.ts), the links of the
 * period navigation and, day by day, the RDVs with their label, status badge
 * and video room link. Everything is read for one request; nothing is written
 * apart from the consultation log rdvsAgenda keeps.
 */
import { animatricesDuRelais, lieuxDuRelais, listeRelais, rdvsAgenda, relaisAgenda } from '../rdv/agenda';
import { lienVisioRdv } from '../rdv/visio';
import { ajouterJours, heureParis, instantParis, jourParis, type Mode, type Statut } from '../../domain/rdv/creneaux';
import { jourLong } from '../../domain/rdv/format';
import { lienAgenda, lireFiltresAgenda, periodeAgenda } from '../../domain/rdv/agenda-vue';
import type { ContexteStaff } from './contexte';

const BADGES_STATUT: Record<Statut, { texte: string; classe: string }> = {
  reserve: { texte: 'Réservé', classe: 'badge' },
  honore: { texte: 'Honoré', classe: 'badge badge--ok' },
  absent: { texte: 'Absent', classe: 'badge badge--alerte' },
  excuse: { texte: 'Excusé', classe: 'badge badge--miel' },
  annule: { texte: 'Annulé', classe: 'badge badge--alerte' },
};
export const NOMS_MODES: Record<Mode, string> = { 'sur-place': 'Sur place', telephone: 'Téléphone', visio: 'Visio' };

export async function lireAgenda(c: ContexteStaff, q: URLSearchParams) {
  const { db, staff } = c;
  const relais = await relaisAgenda(db, staff, q.get('relais'));
  const admin = staff.role === 'admin';
  const [animatrices, lieux, tousRelais] = await Promise.all([
    animatricesDuRelais(db, relais.id),
    lieuxDuRelais(db, relais.id),
    admin ? listeRelais(db) : Promise.resolve([]),
  ]);
  const aujourdhui = jourParis(c.maintenant);
  const filtres = lireFiltresAgenda(
    q,
    aujourdhui,
    animatrices.map((a) => a.id),
    lieux.map((l) => l.id),
  );
  const { debut, nbJours, jours } = periodeAgenda(filtres);
  const rdvs = await rdvsAgenda(db, staff, {
    relaisId: relais.id,
    du: instantParis(debut, '00:00'),
    au: instantParis(ajouterJours(debut, nbJours), '00:00'),
    animatriceId: filtres.animatriceId,
    lieuId: filtres.lieuId,
    annules: filtres.annules,
  });
  const lien = (o: { vue?: string; date?: string }) => lienAgenda(filtres, admin ? relais.id : null, o);
  const visio = c.config.VISIO_URL_TEMPLATE;
  const jour = filtres.vue === 'jour';
  return {
    relais,
    tousRelais,
    animatrices,
    lieux,
    filtres,
    titre: jour ? `Agenda du ${jourLong(filtres.date, 'fr')}` : `Agenda de la semaine du ${jourLong(debut, 'fr')}`,
    /** `?relais=…` for the admin's links to the agenda's other pages. */
    suffixeRelais: admin ? `?relais=${relais.id}` : '',
    periode: [
      { href: lien({ date: ajouterJours(debut, -nbJours) }), texte: jour ? 'Jour précédent' : 'Semaine précédente' },
      { href: lien({ date: aujourdhui }), texte: 'Aujourd’hui' },
      { href: lien({ date: ajouterJours(debut, nbJours) }), texte: jour ? 'Jour suivant' : 'Semaine suivante' },
    ],
    jours: jours.map((j) => ({
      jour: j,
      libelle: jourLong(j, 'fr'),
      lien: lien({ vue: 'jour', date: j }),
      rdvs: rdvs
        .filter((r) => jourParis(r.debut) === j)
        .map((r) => ({
          id: r.id,
          debut: heureParis(r.debut),
          fin: heureParis(r.fin),
          famille: r.famille,
          motif: r.motifNom,
          ou: r.lieuNom ?? NOMS_MODES[r.mode],
          salle: r.mode === 'visio' && visio ? lienVisioRdv(visio, c.secret, r) : null,
          animatrice: r.animatriceNom,
          statut: BADGES_STATUT[r.statut],
        })),
    })),
  };
}

export type VueAgenda = Awaited<ReturnType<typeof lireAgenda>>;

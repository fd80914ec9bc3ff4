/** Shared by the statistics page, its CSV exports and the annual report. */
import { z } from 'zod';
import { inArray } from 'drizzle-orm';
import { schema, type Db } from '../db';
import type { Staff } from '../auth/staff';
import { periodeAnnee, periodeMois, periodePersonnalisee, periodeTrimestre, type Periode } from '../../domain/stats/periode';
import { calculerIndicateurs, demandeNonSatisfaiteParCommune } from './indicateurs';
import { choisirPerimetre, perimetresAutorises } from './perimetres';
import { memoiser } from '../cache';
import { sectionsRapport } from './professionnels';
import { lignesCsvSections } from '../../domain/stats/rapport-activite';

export const LIBELLES: Record<string, Record<string, string>> = {
  canal: { 'en-ligne': 'En ligne', telephone: 'Téléphone', 'accueil-physique': 'Accueil physique', mail: 'Courriel', partenaire: 'Partenaire' },
  canalContact: { telephone: 'Téléphone', email: 'Courriel', sms: 'SMS', 'accueil-physique': 'Accueil physique', visio: 'Visio', courrier: 'Courrier', rdv: 'Rendez-vous' },
  mode: { collectif: 'Accueil collectif (EAJE)', 'assistant-maternel': 'Assistant maternel', mam: 'MAM', 'garde-a-domicile': 'Garde à domicile', periscolaire: 'Périscolaire', 'non-precise': 'Non précisé' },
  age: { 'a-naitre': 'Enfant à naître', 'moins-1-an': 'Moins d’un an', '1-2-ans': '1 à 2 ans', '2-3-ans': '2 à 3 ans', '3-ans-et-plus': '3 ans et plus', inconnu: 'Non renseigné' },
  solution: { eaje: 'Crèche (EAJE)', 'micro-creche': 'Micro-crèche', am: 'Assistant maternel', mam: 'MAM', 'garde-a-domicile': 'Garde à domicile', periscolaire: 'Périscolaire', autre: 'Autre' },
  suivi: { contrat: 'Contrat signé', recherche: 'Toujours en recherche', 'plus-besoin': 'Plus besoin', 'sans-reponse': 'Sans réponse' },
};
export const libelle = (groupe: string, cle: string) => LIBELLES[groupe]?.[cle] ?? cle;

const requete = z.object({
  periode: z.enum(['mois', 'trimestre', 'annee', 'personnalisee']).default('annee'),
  annee: z.coerce.number().int().min(2020).max(2100).optional(),
  mois: z.coerce.number().int().min(1).max(12).optional(),
  trimestre: z.coerce.number().int().min(1).max(4).optional(),
  du: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  au: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  perimetre: z.string().max(80).optional(),
});
export type RequeteStats = z.infer<typeof requete>;

export function lirePeriode(q: RequeteStats, maintenant: Date): { periode: Periode; erreur?: string } {
  const annee = q.annee ?? maintenant.getFullYear();
  if (q.periode === 'mois') return { periode: periodeMois(annee, q.mois ?? maintenant.getMonth() + 1) };
  if (q.periode === 'trimestre') return { periode: periodeTrimestre(annee, q.trimestre ?? Math.floor(maintenant.getMonth() / 3) + 1) };
  if (q.periode === 'personnalisee') {
    if (q.du && q.au && q.du <= q.au) return { periode: periodePersonnalisee(q.du, q.au) };
    return { periode: periodeAnnee(annee), erreur: 'Indiquez une date de début et une date de fin (la fin après le début).' };
  }
  return { periode: periodeAnnee(annee) };
}

/** Everything the page needs; throws AccesRefuse when the scope is not allowed. */
export async function chargerStatistiques(db: Db, staff: Staff, params: URLSearchParams, o: { seuilFraicheurJours: number; maintenant?: Date }) {
  const maintenant = o.maintenant ?? new Date();
  const brut = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ''));
  const parse = requete.safeParse(brut);
  const q = parse.success ? parse.data : requete.parse({});
  const { periode, erreur } = lirePeriode(q, maintenant);
  const options = await perimetresAutorises(db, staff);
  const choisi = choisirPerimetre(options, q.perimetre ?? null);
  // Identical requests in flight (same scope, period, threshold) share one computation: 4 concurrent
  // requests cost about what one does (issue 20). Nothing is kept once computed, so nothing goes stale.
  const cle = JSON.stringify(['stats', periode, choisi.perimetre, o.seuilFraicheurJours, o.maintenant?.toISOString() ?? null]);
  const [indicateurs, communes] = await memoiser(db, cle, ['demandes', 'territoire', 'offre'], () => Promise.all([
    calculerIndicateurs(db, { periode, perimetre: choisi.perimetre, maintenant, seuilFraicheurJours: o.seuilFraicheurJours }),
    demandeNonSatisfaiteParCommune(db, { periode, perimetre: choisi.perimetre, maintenant, seuilFraicheurJours: o.seuilFraicheurJours }),
  ]), 0);
  const sections = await sectionsRapport({ db, periode, perimetre: choisi.perimetre, maintenant, indicateurs });
  return { q, periode, erreur: parse.success ? erreur : 'Certains paramètres étaient invalides : valeurs par défaut utilisées.', options, choisi, indicateurs, communes, sections };
}

export async function contours(db: Db, codes: string[]) {
  if (!codes.length) return new Map<string, GeoJSON.Geometry | null>();
  const rows = await db.select({ code: schema.communes.code, contour: schema.communes.contour }).from(schema.communes).where(inArray(schema.communes.code, codes));
  return new Map(rows.map((r) => [r.code, r.contour ?? null]));
}

/** Flat rows (section, indicator, value) shared by both CSV exports. */
export function lignesExport(d: Awaited<ReturnType<typeof chargerStatistiques>>): (string | number)[][] {
  const i = d.indicateurs;
  const r: (string | number)[][] = [['section', 'indicateur', 'valeur']];
  const v = (x: number | null) => (x === null ? '' : Math.round(x * 10) / 10);
  r.push(['perimetre', 'périmètre', d.choisi.libelle], ['perimetre', 'période', d.periode.libelle]);
  r.push(['demandes', 'demandes déposées', i.demandes.total], ['demandes', 'dont urgentes', i.demandes.urgence], ['demandes', 'dont handicap', i.demandes.handicap], ['demandes', 'dont horaires atypiques', i.demandes.atypiques]);
  for (const x of i.demandes.parCanal) r.push(['demandes par canal', libelle('canal', x.cle), x.n]);
  for (const x of i.demandes.parMode) r.push(['demandes par mode souhaité', libelle('mode', x.cle), x.n]);
  for (const x of i.demandes.parAge) r.push(['demandes par âge', libelle('age', x.cle), x.n]);
  r.push(['délai', 'délai moyen de première réponse (jours)', v(i.delaiPremiereReponse.moyenneJours)], ['délai', 'délai médian de première réponse (jours)', v(i.delaiPremiereReponse.medianeJours)]);
  r.push(['contacts', 'contacts', i.contacts.total]);
  for (const x of i.contacts.parCanal) r.push(['contacts par canal', libelle('canalContact', x.cle), x.n]);
  if (i.rdv) r.push(['rendez-vous', 'réservés', i.rdv.reserves], ['rendez-vous', 'honorés', i.rdv.honores], ['rendez-vous', 'absences', i.rdv.absents], ['rendez-vous', 'taux d’absence (%)', v(i.rdv.tauxAbsence)]);
  r.push(['mises en relation', 'mises en relation', i.misesEnRelation]);
  for (const x of i.solutions.parType) r.push(['solutions trouvées', libelle('solution', x.cle), x.n]);
  r.push(['résultats', 'taux de contractualisation (%)', v(i.tauxContractualisation)], ['résultats', 'demandes sans solution', i.sansSolution], ['résultats', 'demandes en attente en fin de période', i.enAttenteFinPeriode]);
  for (const x of i.suivis.parReponse) r.push(['réponses au suivi', libelle('suivi', x.cle), x.n]);
  r.push(['assistants maternels', 'actifs', i.fraicheur.amActifs], ['assistants maternels', `disponibilité confirmée depuis moins de ${i.fraicheur.seuilJours} jours`, i.fraicheur.amConfirmees], ['assistants maternels', 'part confirmée (%)', v(i.fraicheur.taux)]);
  for (const m of i.parMois) r.push(['par mois', `${m.mois} demandes`, m.deposees], ['par mois', `${m.mois} contacts`, m.contacts], ['par mois', `${m.mois} solutions`, m.solutions]);
  r.push(...lignesCsvSections(d.sections.filter((s) => s.public === 'professionnels')));
  for (const c of d.communes) r.push(['par commune', `${c.nom} (${c.code}) demandes non satisfaites`, c.nonSatisfaites], ['par commune', `${c.nom} (${c.code}) places disponibles`, c.placesDisponibles]);
  return r;
}

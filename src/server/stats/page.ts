/** Shared by the statistics page, its CSV exports and the annual report. */
import { z } from 'zod';
import { inArray } from 'drizzle-orm';
import { schema, type Db } from '../db';
import type { Staff } from '../auth/staff';
import { periodeAnnee, periodeMois, periodePersonnalisee, periodeTrimestre, type Periode } from '../../domain/stats/periode';
import { calculerIndicateurs, demandeNonSatisfaiteParCommune, type Indicateurs } from './indicateurs';
import { masquerComptes, periodeTropCourtePourCommune, surBaseSuffisante, type Masque } from '../../domain/stats/secret';
import { choisirPerimetre, perimetresAutorises } from './perimetres';
import { memoiser } from '../cache';
import { sectionsRapport } from './professionnels';
import { lignesCsvSections } from '../../domain/stats/rapport-activite';

const LIBELLES: Record<string, Record<string, string>> = {
  canal: { 'en-ligne': 'En ligne', telephone: 'Téléphone', 'accueil-physique': 'Accueil physique', mail: 'Courriel', partenaire: 'Partenaire' },
  canalContact: {
    telephone: 'Téléphone',
    email: 'Courriel',
    sms: 'SMS',
    'accueil-physique': 'Accueil physique',
    visio: 'Visio',
    courrier: 'Courrier',
    rdv: 'Rendez-vous',
  },
  mode: {
    collectif: 'Accueil collectif (EAJE)',
    'assistant-maternel': 'Assistant maternel',
    mam: 'MAM',
    'garde-a-domicile': 'Garde à domicile',
    periscolaire: 'Périscolaire',
    'non-precise': 'Non précisé',
  },
  age: {
    'a-naitre': 'Enfant à naître',
    'moins-1-an': 'Moins d’un an',
    '1-2-ans': '1 à 2 ans',
    '2-3-ans': '2 à 3 ans',
    '3-ans-et-plus': '3 ans et plus',
    inconnu: 'Non renseigné',
  },
  solution: {
    eaje: 'Crèche (EAJE)',
    'micro-creche': 'Micro-crèche',
    am: 'Assistant maternel',
    mam: 'MAM',
    'garde-a-domicile': 'Garde à domicile',
    periscolaire: 'Périscolaire',
    autre: 'Autre',
  },
  suivi: { contrat: 'Contrat signé', recherche: 'Toujours en recherche', 'plus-besoin': 'Plus besoin', 'sans-reponse': 'Sans réponse' },
};
export const libelle = (groupe: string, cle: string) => LIBELLES[groupe]?.[cle] ?? cle;

const requete = z.object({
  periode: z.enum(['mois', 'trimestre', 'annee', 'personnalisee']).default('annee'),
  annee: z.coerce.number().int().min(2020).max(2100).optional(),
  mois: z.coerce.number().int().min(1).max(12).optional(),
  trimestre: z.coerce.number().int().min(1).max(4).optional(),
  du: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  au: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  perimetre: z.string().max(80).optional(),
});
type RequeteStats = z.infer<typeof requete>;

function lirePeriode(q: RequeteStats, maintenant: Date): { periode: Periode; erreur?: string } {
  const annee = q.annee ?? maintenant.getFullYear();
  if (q.periode === 'mois') return { periode: periodeMois(annee, q.mois ?? maintenant.getMonth() + 1) };
  if (q.periode === 'trimestre') return { periode: periodeTrimestre(annee, q.trimestre ?? Math.floor(maintenant.getMonth() / 3) + 1) };
  if (q.periode === 'personnalisee') {
    if (q.du && q.au && q.du <= q.au) return { periode: periodePersonnalisee(q.du, q.au) };
    return { periode: periodeAnnee(annee), erreur: 'Indiquez une date de début et une date de fin (la fin après le début).' };
  }
  return { periode: periodeAnnee(annee) };
}

/** The figures a commune's account sees: small counts and what is computed from them hidden (src/domain/stats/secret.ts). */
function indicateursPourUneCommune(i: Indicateurs): Masque<Indicateurs> {
  const derives = new Set(['periode', 'perimetre', 'fraicheur', 'tauxContractualisation', 'delaiPremiereReponse', 'tauxAbsence', 'delaiMoyenJours']);
  const m = masquerComptes(i, derives);
  m.tauxContractualisation = surBaseSuffisante(i.tauxContractualisation, i.demandes.total);
  const d = i.delaiPremiereReponse;
  m.delaiPremiereReponse = {
    moyenneJours: surBaseSuffisante(d.moyenneJours, d.demandesContactees),
    medianeJours: surBaseSuffisante(d.medianeJours, d.demandesContactees),
    demandesContactees: masquerComptes(d.demandesContactees),
  };
  if (m.rdv && i.rdv) m.rdv.tauxAbsence = surBaseSuffisante(i.rdv.tauxAbsence, i.rdv.honores + i.rdv.absents);
  m.parMois = m.parMois.map((x, k) => ({ ...x, delaiMoyenJours: surBaseSuffisante(i.parMois[k]!.delaiMoyenJours, i.parMois[k]!.deposees) }));
  return m;
}

type LigneCommune = Awaited<ReturnType<typeof demandeNonSatisfaiteParCommune>>[number];
/** A commune row for a commune's account: demandes counts hidden under 5, and the gap computed from them with them. */
function communeMasquee(c: LigneCommune): Masque<LigneCommune> {
  const nonSatisfaites = masquerComptes(c.nonSatisfaites);
  return { ...c, deposees: masquerComptes(c.deposees), nonSatisfaites, ecart: nonSatisfaites === null ? null : c.ecart };
}

/** Everything the page needs; throws AccesRefuse when the scope is not allowed. */
export async function chargerStatistiques(db: Db, staff: Staff, params: URLSearchParams, o: { seuilFraicheurJours: number; maintenant?: Date }) {
  const maintenant = o.maintenant ?? new Date();
  const brut = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ''));
  const parse = requete.safeParse(brut);
  const q = parse.success ? parse.data : requete.parse({});
  const lu = lirePeriode(q, maintenant);
  let { periode } = lu;
  let erreur = lu.erreur;
  const commune = staff.role === 'commune';
  if (commune && periodeTropCourtePourCommune(periode)) {
    const [a, m] = periode.debut.split('-').map(Number) as [number, number];
    periode = periodeMois(a, m);
    erreur = `Pour une commune, la période la plus courte est le mois, afin qu’aucune famille ne puisse être reconnue : ${periode.libelle} est affiché.`;
  }
  const options = await perimetresAutorises(db, staff);
  const choisi = choisirPerimetre(options, q.perimetre ?? null);
  // Identical requests in flight (same scope, period, threshold) share one computation, the report's
  // sections included: 4 concurrent requests cost about what one does (issue 20). Nothing is kept once
  // computed, so nothing goes stale.
  const cle = JSON.stringify(['stats', periode, choisi.perimetre, o.seuilFraicheurJours, o.maintenant?.toISOString() ?? null]);
  const [indicateurs, communes, sections] = await memoiser(
    db,
    cle,
    ['demandes', 'territoire', 'offre'],
    async () => {
      const c = { periode, perimetre: choisi.perimetre, maintenant, seuilFraicheurJours: o.seuilFraicheurJours };
      const [indicateurs, communes] = await Promise.all([calculerIndicateurs(db, c), demandeNonSatisfaiteParCommune(db, c)]);
      return [indicateurs, communes, await sectionsRapport({ db, periode, perimetre: choisi.perimetre, maintenant, indicateurs })] as const;
    },
    0,
  );
  return {
    q,
    periode,
    erreur: parse.success ? erreur : 'Certains paramètres étaient invalides : valeurs par défaut utilisées.',
    options,
    choisi,
    masque: commune,
    indicateurs: commune ? indicateursPourUneCommune(indicateurs) : (indicateurs as Masque<Indicateurs>),
    communes: commune ? communes.map((c) => communeMasquee(c)) : (communes as Masque<typeof communes>),
    sections,
  };
}

export async function contours(db: Db, codes: string[]) {
  if (!codes.length) return new Map<string, GeoJSON.Geometry | null>();
  const rows = await db
    .select({ code: schema.communes.code, contour: schema.communes.contour })
    .from(schema.communes)
    .where(inArray(schema.communes.code, codes));
  return new Map(rows.map((r) => [r.code, r.contour ?? null]));
}

/** Flat rows (section, indicator, value) shared by both CSV exports. */
export function lignesExport(d: Awaited<ReturnType<typeof chargerStatistiques>>): (string | number)[][] {
  const i = d.indicateurs;
  const r: (string | number | null)[][] = [['section', 'indicateur', 'valeur']];
  const v = (x: number | null) => (x === null ? '' : Math.round(x * 10) / 10);
  r.push(['perimetre', 'périmètre', d.choisi.libelle], ['perimetre', 'période', d.periode.libelle]);
  r.push(
    ['demandes', 'demandes déposées', i.demandes.total],
    ['demandes', 'dont urgentes', i.demandes.urgence],
    ['demandes', 'dont handicap', i.demandes.handicap],
    ['demandes', 'dont horaires atypiques', i.demandes.atypiques],
  );
  for (const x of i.demandes.parCanal) r.push(['demandes par canal', libelle('canal', x.cle), x.n]);
  for (const x of i.demandes.parMode) r.push(['demandes par mode souhaité', libelle('mode', x.cle), x.n]);
  for (const x of i.demandes.parAge) r.push(['demandes par âge', libelle('age', x.cle), x.n]);
  r.push(
    ['délai', 'délai moyen de première réponse (jours)', v(i.delaiPremiereReponse.moyenneJours)],
    ['délai', 'délai médian de première réponse (jours)', v(i.delaiPremiereReponse.medianeJours)],
  );
  r.push(['contacts', 'contacts', i.contacts.total]);
  for (const x of i.contacts.parCanal) r.push(['contacts par canal', libelle('canalContact', x.cle), x.n]);
  if (i.rdv)
    r.push(
      ['rendez-vous', 'réservés', i.rdv.reserves],
      ['rendez-vous', 'honorés', i.rdv.honores],
      ['rendez-vous', 'absences', i.rdv.absents],
      ['rendez-vous', 'taux d’absence (%)', v(i.rdv.tauxAbsence)],
    );
  r.push(['mises en relation', 'mises en relation', i.misesEnRelation]);
  for (const x of i.solutions.parType) r.push(['solutions trouvées', libelle('solution', x.cle), x.n]);
  r.push(
    ['résultats', 'taux de contractualisation (%)', v(i.tauxContractualisation)],
    ['résultats', 'demandes sans solution', i.sansSolution],
    ['résultats', 'demandes en attente en fin de période', i.enAttenteFinPeriode],
  );
  for (const x of i.suivis.parReponse) r.push(['réponses au suivi', libelle('suivi', x.cle), x.n]);
  r.push(
    ['assistants maternels', 'actifs', i.fraicheur.amActifs],
    ['assistants maternels', `disponibilité confirmée depuis moins de ${i.fraicheur.seuilJours} jours`, i.fraicheur.amConfirmees],
    ['assistants maternels', 'part confirmée (%)', v(i.fraicheur.taux)],
  );
  for (const m of i.parMois)
    r.push(['par mois', `${m.mois} demandes`, m.deposees], ['par mois', `${m.mois} contacts`, m.contacts], ['par mois', `${m.mois} solutions`, m.solutions]);
  r.push(...lignesCsvSections(d.sections.filter((s) => s.public === 'professionnels')));
  for (const c of d.communes)
    r.push(
      ['par commune', `${c.nom} (${c.code}) demandes non satisfaites`, c.nonSatisfaites],
      ['par commune', `${c.nom} (${c.code}) places disponibles`, c.placesDisponibles],
    );
  // Rates and delays with no value are already ''; a null left is a count hidden for a commune (1 to 4).
  return r.map((l) => l.map((x) => (x === null ? 'moins de 5' : x)));
}

/**
 * The professionals' half of the activity report: contacts, ateliers d'éveil,
 * analyse de la pratique against the CNAF thresholds. Computed in SQL for a
 * period and a perimeter of the statistics page.
 *
 * MERGE POINT — formation continue and promotion of the métier (issue 18,
 * built in parallel): add their section builders to
 * `SECTIONS_PROFESSIONNELS_AJOUTEES` below (departures in training, events);
 * the page, the printable bilan and the CSV export pick them up.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../db';
import type { Periode } from '../../domain/stats/periode';
import type { SectionRapport } from '../../domain/stats/rapport-activite';
import { SEUILS_ANALYSE_PRATIQUE } from '../../domain/ateliers/analyse-pratique';
import { debutJourSql, zoneSql } from '../requetes/temps-sql';
import { bilanDuRelais } from '../ateliers/analyse-pratique';
import type { Indicateurs, Perimetre } from './indicateurs';
import { departsEnFormation, formationParRelais } from '../formation/indicateurs';
import { evenementsMetier } from '../evenements/indicateurs';
import { LIBELLES_TYPE_EVENEMENT, TYPES_EVENEMENT } from '../../domain/metier/vocabulaire';
import { relaisDeLaCommuneLe } from '../requetes/adhesions';
import { compterContacts } from '../contacts/indicateurs';
import { LIBELLES_PUBLIC, PUBLICS_CONTACT, libelleMotif } from '../../domain/contacts/regles';

type ContexteSection = { db: Db; periode: Periode; perimetre: Perimetre; maintenant: Date; indicateurs: Indicateurs };
type ConstructeurSection = (c: ContexteSection) => Promise<SectionRapport | null>;

/** Ateliers of the perimeter, on alias `a` (ateliers) joined to `l` (lieux). */
function filtreAteliers(p: Perimetre): SQL {
  switch (p.type) {
    case 'territoire':
      return sql`true`;
    case 'relais':
      return sql`a.relais_id = ${p.relaisId}`;
    case 'secteur':
      return sql`a.relais_id = ${p.relaisId} and l.secteur_id = ${p.secteurId}`;
    case 'commune':
      return sql`l.commune_code = ${p.communeCode}`;
  }
}

/**
 * Contacts by public (families, AM, gardes à domicile, candidates) and motif. A commune or a sector
 * sees only its families' total (professionals' contacts belong to the relais, not to a commune).
 */
const contacts: ConstructeurSection = async ({ db, periode, perimetre, indicateurs: i }) => {
  const definition = 'Chaque contact compte un par un, à sa date, quelle que soit son issue (un appel sans réponse est une démarche du relais).';
  if (perimetre.type === 'commune' || perimetre.type === 'secteur') {
    return {
      id: 'contacts',
      titre: 'Contacts',
      public: 'familles',
      lignes: [{ cle: 'contacts.familles', indicateur: 'Contacts avec les familles', valeur: i.contacts.total }],
      definition,
    };
  }
  const c = await compterContacts(db, { debut: periode.debut, fin: periode.fin, relaisId: perimetre.type === 'relais' ? perimetre.relaisId : null });
  return {
    id: 'contacts',
    titre: 'Contacts par public et par motif',
    public: 'professionnels',
    lignes: [
      ...PUBLICS_CONTACT.map((p) => ({ cle: `contacts.${p}`, indicateur: `${LIBELLES_PUBLIC[p]} : contacts`, valeur: c.parPublic[p] })),
      ...c.lignes.map((l) => ({
        cle: `contacts.${l.public}.${l.motif}`,
        indicateur: `${LIBELLES_PUBLIC[l.public]} — ${l.motif === 'non-renseigne' ? 'motif non renseigné' : libelleMotif(l.public, l.motif)}`,
        valeur: l.n,
      })),
    ],
    definition,
  };
};

type IndicateursAteliers = {
  seances: number;
  professionnelsDistincts: number;
  presences: number;
  enfants: number;
  inscriptions: number;
  annulees: number;
};

export async function indicateursAteliers(db: Db, periode: Periode, perimetre: Perimetre): Promise<IndicateursAteliers> {
  const [r] = rowsOf<Record<keyof IndicateursAteliers, number>>(
    await db.execute(sql`
    with s as (
      select s.id from seances_atelier s join ateliers a on a.id = s.atelier_id join lieux l on l.id = a.lieu_id
      where s.debut >= ${debutJourSql(periode.debut)} and s.debut < ${debutJourSql(periode.fin)} and ${filtreAteliers(perimetre)}
    )
    select
      (select count(*) from s join seances_atelier x on x.id = s.id where not x.annulee)::int as seances,
      (select count(distinct i.structure_id) from inscriptions_atelier i join s on s.id = i.seance_id where i.presence = 'present')::int as "professionnelsDistincts",
      (select count(*) from inscriptions_atelier i join s on s.id = i.seance_id where i.presence = 'present')::int as presences,
      (select coalesce(sum(i.enfants_presents), 0) from inscriptions_atelier i join s on s.id = i.seance_id where i.presence = 'present')::int as enfants,
      (select count(*) from inscriptions_atelier i join s on s.id = i.seance_id where i.statut = 'inscrite')::int as inscriptions,
      (select count(*) from inscriptions_atelier i join s on s.id = i.seance_id where i.statut = 'annulee')::int as annulees`),
  );
  const n = (x: unknown) => Number(x ?? 0);
  return {
    seances: n(r?.seances),
    professionnelsDistincts: n(r?.professionnelsDistincts),
    presences: n(r?.presences),
    enfants: n(r?.enfants),
    inscriptions: n(r?.inscriptions),
    annulees: n(r?.annulees),
  };
}

/** One row per atelier session of the period (CSV export): day, time, site, theme, places, sign-ups, attendance, children. */
export async function lignesSeancesAteliers(db: Db, periode: Periode, perimetre: Perimetre): Promise<(string | number)[][]> {
  const rows = rowsOf<{
    jour: string;
    heure: string;
    relais: string;
    site: string;
    theme: string;
    places_pro: number;
    places_enfants: number;
    inscrits: number;
    attente: number;
    presents: number;
    enfants: number;
    annulee: boolean;
  }>(
    await db.execute(sql`
    select to_char(s.debut at time zone ${zoneSql()}, 'YYYY-MM-DD') as jour, to_char(s.debut at time zone ${zoneSql()}, 'HH24:MI') as heure,
      r.nom as relais, l.nom as site, a.theme, s.places_pro, s.places_enfants,
      count(i.id) filter (where i.statut = 'inscrite')::int as inscrits, count(i.id) filter (where i.statut = 'attente')::int as attente,
      count(i.id) filter (where i.presence = 'present')::int as presents, coalesce(sum(i.enfants_presents) filter (where i.presence = 'present'), 0)::int as enfants, s.annulee
    from seances_atelier s join ateliers a on a.id = s.atelier_id join lieux l on l.id = a.lieu_id join relais r on r.id = a.relais_id
    left join inscriptions_atelier i on i.seance_id = s.id
    where s.debut >= ${debutJourSql(periode.debut)} and s.debut < ${debutJourSql(periode.fin)} and ${filtreAteliers(perimetre)}
    group by s.id, r.nom, l.nom, a.theme order by s.debut, l.nom`),
  );
  return [
    [
      'date',
      'heure',
      'relais',
      'site',
      'atelier',
      'places professionnels',
      'places enfants',
      'inscrits',
      'liste d’attente',
      'professionnels présents',
      'enfants présents',
      'annulée',
    ],
    ...rows.map((x) => [
      x.jour,
      x.heure,
      x.relais,
      x.site,
      x.theme,
      Number(x.places_pro),
      Number(x.places_enfants),
      Number(x.inscrits),
      Number(x.attente),
      Number(x.presents),
      Number(x.enfants),
      x.annulee ? 'oui' : 'non',
    ]),
  ];
}

const ateliers: ConstructeurSection = async ({ db, periode, perimetre }) => {
  const x = await indicateursAteliers(db, periode, perimetre);
  return {
    id: 'ateliers',
    titre: 'Ateliers d’éveil et temps collectifs',
    public: 'professionnels',
    lignes: [
      { cle: 'ateliers.seances', indicateur: 'Séances tenues', valeur: x.seances },
      { cle: 'ateliers.professionnels', indicateur: 'Professionnels différents venus', valeur: x.professionnelsDistincts },
      { cle: 'ateliers.presences', indicateur: 'Présences de professionnels', valeur: x.presences },
      { cle: 'ateliers.enfants', indicateur: 'Enfants accueillis', valeur: x.enfants },
      { cle: 'ateliers.inscriptions', indicateur: 'Inscriptions confirmées', valeur: x.inscriptions },
      { cle: 'ateliers.annulees', indicateur: 'Inscriptions annulées', valeur: x.annulees },
    ],
    definition: 'Séances dont la date tombe dans la période (heure de Paris), hors séances annulées ; présences et enfants d’après les feuilles de présence.',
  };
};

/** Analyse de la pratique, per relais of the perimeter, for the calendar year of the period's start. */
const analysePratique: ConstructeurSection = async ({ db, periode, perimetre, maintenant }) => {
  if (perimetre.type === 'commune') return null;
  const annee = Number(periode.debut.slice(0, 4));
  const relais =
    perimetre.type === 'territoire'
      ? rowsOf<{ id: string; nom: string }>(await db.execute(sql`select id, nom from relais order by nom`))
      : rowsOf<{ id: string; nom: string }>(await db.execute(sql`select id, nom from relais where id = ${perimetre.relaisId}`));
  const fin = new Date(Math.min(maintenant.getTime(), Date.UTC(annee + 1, 0, 1)));
  const s = SEUILS_ANALYSE_PRATIQUE;
  const lignes = [];
  for (const r of relais) {
    const b = await bilanDuRelais(db, r.id, annee, fin);
    const pre = relais.length > 1 ? `${r.nom} — ` : '';
    lignes.push(
      {
        cle: `analyse-pratique.${r.id}.am`,
        indicateur: `${pre}Assistants maternels différents (seuil ${s.amDistinctesMin})`,
        valeur: b.amDistinctes,
        seuilAtteint: b.amDistinctesAtteint,
      },
      {
        cle: `analyse-pratique.${r.id}.seances`,
        indicateur: `${pre}Séances dans l’année (seuil ${s.seancesParAnMin})`,
        valeur: b.seances,
        seuilAtteint: b.seancesAtteint,
      },
      {
        cle: `analyse-pratique.${r.id}.volontaires`,
        indicateur: `${pre}Volontaires ayant eu ${s.seancesParVolontaireMin} séances et ${s.minutesParVolontaireMin / 60} heures`,
        valeur: `${b.volontairesAtteints} sur ${b.volontaires.length}`,
      },
    );
  }
  return {
    id: 'analyse-pratique',
    titre: `Analyse de la pratique (${annee})`,
    public: 'professionnels',
    lignes,
    definition: `Seuils de la CNAF (${s.source}) : au moins ${s.amDistinctesMin} assistants maternels différents et ${s.seancesParAnMin} séances dans l’année ; chaque volontaire au moins ${s.seancesParVolontaireMin} séances et ${s.minutesParVolontaireMin / 60} heures. Année civile du début de la période, séances déjà tenues.`,
  };
};

/** Relais of a perimeter (formation and events belong to a relais; a commune is served by the relais it belongs to today). */
async function relaisDuPerimetre(db: Db, p: Perimetre, jour: string): Promise<string[]> {
  if (p.type === 'relais' || p.type === 'secteur') return [p.relaisId];
  if (p.type === 'territoire') return rowsOf<{ id: string }>(await db.execute(sql`select id from relais`)).map((r) => r.id);
  const r = await relaisDeLaCommuneLe(db, p.communeCode, jour);
  return r ? [r.relaisId] : [];
}

/** Formation continue: sessions, wishes and departures in training of the period. */
const formation: ConstructeurSection = async ({ db, periode, perimetre }) => {
  const relaisIds = await relaisDuPerimetre(db, perimetre, periode.debut);
  const p = { debut: periode.debut, fin: periode.fin, relaisIds };
  const [departs, parRelais] = await Promise.all([departsEnFormation(db, p), formationParRelais(db, p)]);
  return {
    id: 'formation',
    titre: 'Formation continue',
    public: 'professionnels',
    lignes: [
      { cle: 'formation.sessions', indicateur: 'Sessions de formation proposées', valeur: parRelais.reduce((n, r) => n + r.sessions, 0) },
      { cle: 'formation.souhaits', indicateur: 'Assistants maternels ayant exprimé un souhait', valeur: parRelais.reduce((n, r) => n + r.souhaits, 0) },
      { cle: 'formation.departs', indicateur: 'Assistants maternels partis en formation', valeur: departs },
    ],
    definition: 'Sessions qui ont lieu au moins un jour de la période ; départs comptés une fois par assistant maternel, à la date du départ.',
  };
};

/** Promotion of the métier: events held in the period and their sign-ups, by type. */
const evenements: ConstructeurSection = async ({ db, periode, perimetre }) => {
  const relaisIds = await relaisDuPerimetre(db, perimetre, periode.debut);
  const x = await evenementsMetier(db, { debut: periode.debut, fin: periode.fin, relaisIds });
  return {
    id: 'evenements',
    titre: 'Promotion du métier',
    public: 'professionnels',
    lignes: [
      { cle: 'evenements.total', indicateur: 'Événements tenus', valeur: x.evenements },
      { cle: 'evenements.inscrits', indicateur: 'Personnes inscrites', valeur: x.inscrits },
      ...TYPES_EVENEMENT.filter((t) => x.parType[t]).map((t) => ({
        cle: `evenements.${t}`,
        indicateur: `${LIBELLES_TYPE_EVENEMENT[t]} : événements / inscrits`,
        valeur: `${x.parType[t]!.evenements} / ${x.parType[t]!.inscrits}`,
      })),
    ],
    definition: 'Événements non annulés dont la date tombe dans la période (heure de Paris), avec leurs inscriptions.',
  };
};

/** Sections added by the other areas of the professionals' half (formation continue, promotion du métier). */
const SECTIONS_PROFESSIONNELS_AJOUTEES: ConstructeurSection[] = [formation, evenements];

/** Every section of the report, in order. */
export async function sectionsRapport(c: ContexteSection): Promise<SectionRapport[]> {
  const out: SectionRapport[] = [];
  for (const f of [contacts, ateliers, analysePratique, ...SECTIONS_PROFESSIONNELS_AJOUTEES]) {
    const s = await f(c);
    if (s) out.push(s);
  }
  return out;
}

/**
 * The demande form: ONE zod schema for the browser island, the public form,
 * the staff form and the follow-up page. It reads the flat string fields a
 * form posts (so error paths are field names) and outputs a structured
 * demande. Error messages are i18n keys (namespace `demande.erreur`).
 *
 * Pure: "today" and the list of commune codes are passed in.
 */
import { z } from 'zod';
import { addMonths, addYears, differenceInMonths, subYears } from 'date-fns';

export const MODES = ['collectif', 'assistant-maternel', 'mam', 'garde-a-domicile'] as const;
export type Mode = (typeof MODES)[number];
export const CANAUX_PREFERES = ['email', 'telephone', 'sms'] as const;
export const LANGUES_CONTACT = ['fr', 'falc', 'en', 'ar', 'es', 'pt', 'tr', 'uk'] as const;
export const MAX_ENFANTS = 4;
export const JOURS = [1, 2, 3, 4, 5, 6, 7] as const;
/** The value of the commune select when the family's commune is not in the list. */
export const COMMUNE_AUTRE = 'autre';

export const ETAPES = ['vous', 'enfants', 'besoin', 'souhaits', 'envoi'] as const;
export type Etape = (typeof ETAPES)[number];

/** Every error key the schema produces. */
export const ERREURS_DEMANDE = [
  'demande.erreur.requis',
  'demande.erreur.tropLong',
  'demande.erreur.email',
  'demande.erreur.telephone',
  'demande.erreur.contactManquant',
  'demande.erreur.emailPourCanal',
  'demande.erreur.telephonePourCanal',
  'demande.erreur.choix',
  'demande.erreur.commune',
  'demande.erreur.communeAutre',
  'demande.erreur.date',
  'demande.erreur.naissanceFuture',
  'demande.erreur.naissancePrevuePassee',
  'demande.erreur.naissancePrevueLointaine',
  'demande.erreur.enfantTropGrand',
  'demande.erreur.debutPasse',
  'demande.erreur.debutLointain',
  'demande.erreur.debutAvantNaissance',
  'demande.erreur.planningVide',
  'demande.erreur.heure',
  'demande.erreur.creneau',
  'demande.erreur.urgenceMotif',
  'demande.erreur.modeRequis',
  'demande.erreur.modeEnDouble',
  'demande.erreur.consentementContact',
  'demande.erreur.consentementSante',
] as const;
export type CleErreurDemande = (typeof ERREURS_DEMANDE)[number];

const n = (i: number) => String(i);
/** Field names of each step, in the order the form shows them. */
export const CHAMPS_ETAPE: Record<Etape, readonly string[]> = {
  vous: ['p1Prenom', 'p1Nom', 'p2Prenom', 'p2Nom', 'email', 'telephone', 'canalPrefere', 'langueContact', 'commune', 'communeAutre', 'adresse'],
  enfants: ['nbEnfants', ...Array.from({ length: MAX_ENFANTS }, (_, i) => [`e${n(i)}Prenom`, `e${n(i)}Statut`, `e${n(i)}Naissance`]).flat()],
  besoin: [
    'dateDebut',
    ...JOURS.flatMap((d) => [`j${d}`, `j${d}De`, `j${d}A`]),
    'regularite',
    'atypique',
    'urgence',
    'urgenceMotif',
    'handicap',
    'handicapPrecisions',
    'consentementSante',
    'periscolaire',
  ],
  souhaits: ['mode1', 'mode2', 'mode3', 'mode4', 'communeAcceptee1', 'communeAcceptee2', 'communeAcceptee3', 'interprete', 'accessibilite', 'commentaire'],
  envoi: ['consentementContact', 'consentementPartage'],
};
/** Fields carried through every step without being shown (prefill, idempotency). */
const CHAMPS_TECHNIQUES = ['idempotencyKey', 'structure'] as const;
export const TOUS_LES_CHAMPS: readonly string[] = [...ETAPES.flatMap((e) => CHAMPS_ETAPE[e]), ...CHAMPS_TECHNIQUES];

export function etapeDuChamp(champ: string): Etape | undefined {
  return ETAPES.find((e) => CHAMPS_ETAPE[e].includes(champ));
}

/** The raw form: every field is an optional string. */
export type FormulaireDemande = Partial<Record<string, string>>;

const e = (cle: CleErreurDemande) => ({ error: cle });
const champ = (max: number) => z.string().trim().max(max, e('demande.erreur.tropLong')).optional();

const formeBrute = z.object(
  Object.fromEntries(
    TOUS_LES_CHAMPS.map((c) => [
      c,
      champ(
        c === 'commentaire' ? 2000 : c.startsWith('accessib') || c.endsWith('Motif') || c.endsWith('Precisions') ? 500 : c === 'idempotencyKey' ? 100 : 200,
      ),
    ]),
  ),
);

export type Creneau = { jour: number; debut: string; fin: string };
export type Enfant = { prenom: string | null; dateNaissance: string | null; naissancePrevue: string | null };
/** A validated demande, ready for creerDemande(). */
export type DemandeValidee = {
  parents: { prenom: string; nom: string }[];
  email: string | null;
  telephone: string | null;
  canalPrefere: (typeof CANAUX_PREFERES)[number];
  langueContact: (typeof LANGUES_CONTACT)[number];
  communeCode: string | null;
  communeHorsTerritoire: string | null;
  adresse: string | null;
  enfants: Enfant[];
  dateDebut: string;
  planning: Creneau[];
  regularite: 'reguliere' | 'occasionnelle';
  horairesAtypiques: boolean;
  urgence: boolean;
  urgenceMotif: string | null;
  handicap: boolean;
  handicapPrecisions: string | null;
  periscolaire: boolean;
  modesSouhaites: Mode[];
  communesAcceptees: string[];
  interpreteLangue: string | null;
  besoinsAccessibilite: string | null;
  commentaire: string | null;
  consentementContact: boolean;
  consentementPartage: boolean;
  /** Separate consent to keep the health details (handicapPrecisions): without it they are not stored. */
  consentementSante: boolean;
  structureVueId: string | null;
  idempotencyKey: string | null;
};

function estDateIso(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
const HEURE = /^([01]\d|2[0-3]):[0-5]\d$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

import { jourParis } from '../temps';
export { jourParis };
const versDate = (iso: string) => new Date(`${iso}T12:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Keeps digits and a leading '+': '06 12.34-56 78' → '0612345678'. */
function normaliserTelephone(t: string): string {
  return t.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
}
function telephoneValide(t: string): boolean {
  const chiffres = t.replace(/\D/g, '');
  return /^[+\d][\d\s.\-()]*$/.test(t) && chiffres.length >= 9 && chiffres.length <= 15;
}

/** Before 7:00, after 20:00, overnight, or at the weekend. */
export function estAtypique(planning: Creneau[]): boolean {
  return planning.some((c) => c.jour >= 6 || c.debut < '07:00' || c.fin > '20:00' || c.fin < c.debut);
}

export type OptionsSchema = {
  /** 'YYYY-MM-DD' in the portal's zone. */
  aujourdhui: string;
  /** The territory's commune codes; when given, an unknown code is an error. */
  codesCommunes?: readonly string[];
};

/** Schemas already built, by day and communes (a few: one a day in practice). */
const schemasConstruits = new Map<string, ReturnType<typeof construireSchema>>();

/**
 * The demande schema, checked against `aujourdhui`. Parse the flat form
 * (`FormulaireDemande`); the output is a `DemandeValidee`. Built once per day
 * and list of communes: zod compiles each new schema on its first parse, which
 * cost more than the parse itself on every submission (issue 20).
 */
function schemaDemande(o: OptionsSchema) {
  const cle = `${o.aujourdhui}|${o.codesCommunes ? o.codesCommunes.join(',') : '*'}`;
  let s = schemasConstruits.get(cle);
  if (!s) {
    if (schemasConstruits.size >= 8) schemasConstruits.delete(schemasConstruits.keys().next().value!);
    schemasConstruits.set(cle, (s = construireSchema(o)));
  }
  return s;
}

function construireSchema(o: OptionsSchema) {
  const codes = o.codesCommunes ? new Set(o.codesCommunes) : null;
  const auj = o.aujourdhui;
  return formeBrute
    .superRefine((f: FormulaireDemande, ctx) => {
      const err = (cle: CleErreurDemande, champ: string) => ctx.addIssue({ code: 'custom', message: cle, path: [champ] });
      const v = (c: string) => (f[c] ?? '').trim();
      const requis = (c: string) => {
        if (!v(c)) err('demande.erreur.requis', c);
        return !!v(c);
      };
      const coche = (c: string) => v(c) === 'oui';
      const dans = (c: string, liste: readonly string[], obligatoire = true) => {
        if (!v(c)) {
          if (obligatoire) err('demande.erreur.requis', c);
          return;
        }
        if (!liste.includes(v(c))) err('demande.erreur.choix', c);
      };

      // Step 1: who you are
      requis('p1Prenom');
      requis('p1Nom');
      if (v('email') && !EMAIL.test(v('email'))) err('demande.erreur.email', 'email');
      if (v('telephone') && !telephoneValide(v('telephone'))) err('demande.erreur.telephone', 'telephone');
      if (!v('email') && !v('telephone')) err('demande.erreur.contactManquant', 'email');
      dans('canalPrefere', CANAUX_PREFERES);
      if (v('canalPrefere') === 'email' && !v('email') && v('telephone')) err('demande.erreur.emailPourCanal', 'email');
      if (['telephone', 'sms'].includes(v('canalPrefere')) && !v('telephone') && v('email')) err('demande.erreur.telephonePourCanal', 'telephone');
      dans('langueContact', LANGUES_CONTACT);
      if (requis('commune')) {
        if (v('commune') === COMMUNE_AUTRE) {
          if (!v('communeAutre')) err('demande.erreur.communeAutre', 'communeAutre');
        } else if (!/^\d[\dAB]\d{3}$/.test(v('commune')) || (codes && !codes.has(v('commune')))) err('demande.erreur.commune', 'commune');
      }

      // Step 2: children
      const nb = Number(v('nbEnfants') || '1');
      if (!Number.isInteger(nb) || nb < 1 || nb > MAX_ENFANTS) err('demande.erreur.choix', 'nbEnfants');
      const naissances: string[] = [];
      for (let i = 0; i < Math.min(Math.max(nb, 1), MAX_ENFANTS); i++) {
        const statut = `e${i}Statut`;
        const date = `e${i}Naissance`;
        dans(statut, ['ne', 'attendu']);
        if (!requis(date)) continue;
        if (!estDateIso(v(date))) {
          err('demande.erreur.date', date);
          continue;
        }
        const d = v(date);
        if (v(statut) === 'ne') {
          if (d > auj) err('demande.erreur.naissanceFuture', date);
          else if (d < iso(subYears(versDate(auj), 12))) err('demande.erreur.enfantTropGrand', date);
        } else if (v(statut) === 'attendu') {
          if (d < auj) err('demande.erreur.naissancePrevuePassee', date);
          else if (d > iso(addMonths(versDate(auj), 10))) err('demande.erreur.naissancePrevueLointaine', date);
        }
        naissances.push(d);
      }

      // Step 3: the need
      if (requis('dateDebut')) {
        const d = v('dateDebut');
        if (!estDateIso(d)) err('demande.erreur.date', 'dateDebut');
        else if (d < auj) err('demande.erreur.debutPasse', 'dateDebut');
        else if (d > iso(addYears(versDate(auj), 3))) err('demande.erreur.debutLointain', 'dateDebut');
        else if (naissances.length && naissances.every((x) => d < x)) err('demande.erreur.debutAvantNaissance', 'dateDebut');
      }
      const jours = JOURS.filter((j) => coche(`j${j}`));
      if (!jours.length) err('demande.erreur.planningVide', 'j1');
      for (const j of jours) {
        const de = v(`j${j}De`);
        const a = v(`j${j}A`);
        if (!HEURE.test(de)) err('demande.erreur.heure', `j${j}De`);
        if (!HEURE.test(a)) err('demande.erreur.heure', `j${j}A`);
        if (HEURE.test(de) && HEURE.test(a) && de === a) err('demande.erreur.creneau', `j${j}A`);
      }
      dans('regularite', ['reguliere', 'occasionnelle'], false);
      if (coche('urgence') && !v('urgenceMotif')) err('demande.erreur.urgenceMotif', 'urgenceMotif');
      if (coche('handicap') && v('handicapPrecisions') && !coche('consentementSante')) err('demande.erreur.consentementSante', 'consentementSante');

      // Step 4: wishes
      if (!v('mode1')) err('demande.erreur.modeRequis', 'mode1');
      const vus = new Set<string>();
      for (const c of ['mode1', 'mode2', 'mode3', 'mode4']) {
        if (!v(c)) continue;
        if (!(MODES as readonly string[]).includes(v(c))) err('demande.erreur.choix', c);
        else if (vus.has(v(c))) err('demande.erreur.modeEnDouble', c);
        vus.add(v(c));
      }
      for (const c of ['communeAcceptee1', 'communeAcceptee2', 'communeAcceptee3']) {
        if (v(c) && codes && !codes.has(v(c))) err('demande.erreur.commune', c);
      }

      // Step 5: consent
      if (!coche('consentementContact')) err('demande.erreur.consentementContact', 'consentementContact');
    })
    .transform(formulaireVersDemande);
}

/** The structured demande of a form (no checks: parse with schemaDemande first). */
export function formulaireVersDemande(f: FormulaireDemande): DemandeValidee {
  const v = (c: string) => (f[c] ?? '').trim();
  const ou = (c: string) => v(c) || null;
  const coche = (c: string) => v(c) === 'oui';
  const nb = Number(v('nbEnfants') || '1');
  const enfants: Enfant[] = Array.from({ length: nb }, (_, i) => ({
    prenom: ou(`e${i}Prenom`),
    dateNaissance: v(`e${i}Statut`) === 'ne' ? v(`e${i}Naissance`) : null,
    naissancePrevue: v(`e${i}Statut`) === 'attendu' ? v(`e${i}Naissance`) : null,
  }));
  const planning = JOURS.filter((j) => coche(`j${j}`)).map((j) => ({ jour: j, debut: v(`j${j}De`), fin: v(`j${j}A`) }));
  const parents = [{ prenom: v('p1Prenom'), nom: v('p1Nom') }];
  if (v('p2Prenom') || v('p2Nom')) parents.push({ prenom: v('p2Prenom'), nom: v('p2Nom') });
  const autre = v('commune') === COMMUNE_AUTRE;
  const modes = ['mode1', 'mode2', 'mode3', 'mode4'].map(v).filter(Boolean) as Mode[];
  return {
    parents,
    email: v('email') ? v('email').toLowerCase() : null,
    telephone: v('telephone') ? normaliserTelephone(v('telephone')) : null,
    canalPrefere: v('canalPrefere') as DemandeValidee['canalPrefere'],
    langueContact: v('langueContact') as DemandeValidee['langueContact'],
    communeCode: autre ? null : v('commune'),
    communeHorsTerritoire: autre ? v('communeAutre') : null,
    adresse: ou('adresse'),
    enfants,
    dateDebut: v('dateDebut'),
    planning,
    regularite: v('regularite') === 'occasionnelle' ? 'occasionnelle' : 'reguliere',
    horairesAtypiques: coche('atypique') || estAtypique(planning),
    urgence: coche('urgence'),
    urgenceMotif: coche('urgence') ? ou('urgenceMotif') : null,
    handicap: coche('handicap'),
    handicapPrecisions: coche('handicap') && coche('consentementSante') ? ou('handicapPrecisions') : null,
    periscolaire: coche('periscolaire'),
    modesSouhaites: modes,
    communesAcceptees: [...new Set(['communeAcceptee1', 'communeAcceptee2', 'communeAcceptee3'].map(v).filter(Boolean))],
    interpreteLangue: ou('interprete'),
    besoinsAccessibilite: ou('accessibilite'),
    commentaire: ou('commentaire'),
    consentementContact: coche('consentementContact'),
    consentementPartage: coche('consentementPartage'),
    consentementSante: coche('handicap') && coche('consentementSante'),
    structureVueId: UUID.test(v('structure')) ? v('structure') : null,
    idempotencyKey: ou('idempotencyKey'),
  };
}

export type ErreursChamps = Record<string, CleErreurDemande>;
type ResultatValidation = { ok: true; donnees: DemandeValidee } | { ok: false; erreurs: ErreursChamps };

function premieresErreurs(issues: readonly { path: PropertyKey[]; message: string }[], gardes: Set<string> | null): ErreursChamps {
  const erreurs: ErreursChamps = {};
  for (const i of issues) {
    const c = String(i.path[0] ?? '');
    if (gardes && !gardes.has(c)) continue;
    erreurs[c] ??= i.message as CleErreurDemande;
  }
  return erreurs;
}

/** The whole demande: its validated form, or the first error of each field. */
export function validerDemande(f: FormulaireDemande, o: OptionsSchema): ResultatValidation {
  const r = schemaDemande(o).safeParse(f);
  if (r.success) return { ok: true, donnees: r.data };
  return { ok: false, erreurs: premieresErreurs(r.error.issues, null) };
}

/** Errors of some steps only (what each "Continue" button checks). */
export function erreursEtapes(f: FormulaireDemande, etapes: readonly Etape[], o: OptionsSchema): ErreursChamps {
  const r = schemaDemande(o).safeParse(f);
  if (r.success) return {};
  return premieresErreurs(r.error.issues, new Set(etapes.flatMap((x) => CHAMPS_ETAPE[x])));
}

/** Age in whole months of the youngest child at the start date (expected children count as 0). */
export function ageMoisAuDebut(enfants: Enfant[], dateDebut: string): number | null {
  const ages = enfants
    .map((x) => {
      const naissance = x.dateNaissance ?? x.naissancePrevue;
      return naissance ? Math.max(0, differenceInMonths(versDate(dateDebut), versDate(naissance))) : null;
    })
    .filter((a): a is number => a !== null);
  return ages.length ? Math.min(...ages) : null;
}

/**
 * Prefill from the questionnaire or the map (`/demande?commune=62034&naissance=…`).
 * Unknown or malformed parameters are ignored; the schema checks the rest later.
 */
export function preremplir(q: URLSearchParams): FormulaireDemande {
  const f: FormulaireDemande = {};
  const p = (k: string) => q.get(k)?.trim() ?? '';
  if (/^\d[\dAB]\d{3}$/.test(p('commune'))) f.commune = p('commune');
  if (estDateIso(p('naissance'))) {
    f.e0Statut = 'ne';
    f.e0Naissance = p('naissance');
  } else if (estDateIso(p('naissancePrevue'))) {
    f.e0Statut = 'attendu';
    f.e0Naissance = p('naissancePrevue');
  }
  if (estDateIso(p('debut'))) f.dateDebut = p('debut');
  const modes = p('modes')
    .split(',')
    .map((m) => m.trim())
    .filter((m, i, a) => (MODES as readonly string[]).includes(m) && a.indexOf(m) === i);
  modes.slice(0, 4).forEach((m, i) => {
    f[`mode${i + 1}`] = m;
  });
  const jours = p('jours')
    .split(',')
    .map(Number)
    .filter((j) => Number.isInteger(j) && j >= 1 && j <= 7);
  const de = HEURE.test(p('de')) ? p('de') : '';
  const a = HEURE.test(p('a')) ? p('a') : '';
  for (const j of new Set(jours)) {
    f[`j${j}`] = 'oui';
    if (de) f[`j${j}De`] = de;
    if (a) f[`j${j}A`] = a;
  }
  for (const k of ['atypique', 'urgence', 'handicap'] as const) if (p(k) === '1' || p(k) === 'oui') f[k] = 'oui';
  if (UUID.test(p('structure'))) f.structure = p('structure');
  return f;
}

/** Keeps only the known fields of a posted form (strings only). */
export function nettoyerFormulaire(o: Record<string, string | string[] | undefined>): FormulaireDemande {
  const f: FormulaireDemande = {};
  for (const c of TOUS_LES_CHAMPS) {
    const x = o[c];
    const s = Array.isArray(x) ? x[x.length - 1] : x;
    if (typeof s === 'string' && s !== '') f[c] = s;
  }
  return f;
}

/** The form fields of a stored demande (to edit it from /suivi or the back office). */
export function versFormulaire(d: DemandeValidee): FormulaireDemande {
  const f: FormulaireDemande = {
    p1Prenom: d.parents[0]?.prenom,
    p1Nom: d.parents[0]?.nom,
    p2Prenom: d.parents[1]?.prenom,
    p2Nom: d.parents[1]?.nom,
    email: d.email ?? undefined,
    telephone: d.telephone ?? undefined,
    canalPrefere: d.canalPrefere,
    langueContact: d.langueContact,
    commune: d.communeCode ?? COMMUNE_AUTRE,
    communeAutre: d.communeHorsTerritoire ?? undefined,
    adresse: d.adresse ?? undefined,
    nbEnfants: String(Math.max(1, d.enfants.length)),
    dateDebut: d.dateDebut,
    regularite: d.regularite,
    atypique: d.horairesAtypiques ? 'oui' : undefined,
    urgence: d.urgence ? 'oui' : undefined,
    urgenceMotif: d.urgenceMotif ?? undefined,
    handicap: d.handicap ? 'oui' : undefined,
    handicapPrecisions: d.handicapPrecisions ?? undefined,
    periscolaire: d.periscolaire ? 'oui' : undefined,
    interprete: d.interpreteLangue ?? undefined,
    accessibilite: d.besoinsAccessibilite ?? undefined,
    commentaire: d.commentaire ?? undefined,
    consentementContact: d.consentementContact ? 'oui' : undefined,
    consentementPartage: d.consentementPartage ? 'oui' : undefined,
    consentementSante: d.consentementSante ? 'oui' : undefined,
    structure: d.structureVueId ?? undefined,
    idempotencyKey: d.idempotencyKey ?? undefined,
  };
  d.enfants.forEach((x, i) => {
    f[`e${i}Prenom`] = x.prenom ?? undefined;
    f[`e${i}Statut`] = x.dateNaissance ? 'ne' : 'attendu';
    f[`e${i}Naissance`] = x.dateNaissance ?? x.naissancePrevue ?? undefined;
  });
  for (const c of d.planning) {
    f[`j${c.jour}`] = 'oui';
    f[`j${c.jour}De`] = c.debut;
    f[`j${c.jour}A`] = c.fin;
  }
  d.modesSouhaites.forEach((m, i) => {
    f[`mode${i + 1}`] = m;
  });
  d.communesAcceptees.slice(0, 3).forEach((c, i) => {
    f[`communeAcceptee${i + 1}`] = c;
  });
  for (const k of Object.keys(f)) if (f[k] === undefined) delete f[k];
  return f;
}

/** 'D-2026-00042' from the filing year and the sequence number. */
export function formaterReference(annee: number, numero: number): string {
  return `D-${annee}-${String(numero).padStart(5, '0')}`;
}

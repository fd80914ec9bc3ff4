/**
 * Answers of the mode-d'accueil questionnaire. Error messages are i18n keys
 * (see src/i18n/fr/questionnaire.ts, namespace `questionnaire`).
 *
 * Dates are ISO 'YYYY-MM-DD' strings and times 'HH:MM' (24 h). "Today" is
 * passed in, so the schema stays pure and testable.
 */
import { z } from 'zod';

export const PRIORITES = ['vie-collective', 'petit-groupe', 'souplesse', 'budget'] as const;
export type Priorite = (typeof PRIORITES)[number];

/** Every error key the schema can produce. */
export const ERREURS_QUESTIONNAIRE = [
  'questionnaire.erreur.dateInvalide',
  'questionnaire.erreur.heureInvalide',
  'questionnaire.erreur.jourInvalide',
  'questionnaire.erreur.creneauVide',
  'questionnaire.erreur.planningVide',
  'questionnaire.erreur.planningTropLong',
  'questionnaire.erreur.naissanceManquante',
  'questionnaire.erreur.naissanceEnDouble',
  'questionnaire.erreur.dateNaissanceFuture',
  'questionnaire.erreur.naissancePrevuePassee',
  'questionnaire.erreur.dateDebutPassee',
  'questionnaire.erreur.dateDebutAvantNaissance',
  'questionnaire.erreur.dateDebutTropLointaine',
  'questionnaire.erreur.enfantTropGrand',
  'questionnaire.erreur.prioriteInconnue',
  'questionnaire.erreur.prioritesEnDouble',
  'questionnaire.erreur.ressourcesInvalides',
  'questionnaire.erreur.nombreEnfantsInvalide',
  'questionnaire.erreur.enfantsAeehTropNombreux',
  'questionnaire.erreur.booleenAttendu',
] as const;
type CleErreurQuestionnaire = (typeof ERREURS_QUESTIONNAIRE)[number];

const e = (cle: CleErreurQuestionnaire) => ({ error: cle });

/** True when `s` is an ISO date that exists in the calendar (no 2026-02-30). */
export function estDateIso(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** 'YYYY-MM-DD' shifted by whole years, clamped to the end of the month (29 Feb → 28 Feb). */
export function ajouterAnnees(date: string, annees: number): string {
  const [a, m, j] = date.split('-').map(Number) as [number, number, number];
  const fin = new Date(Date.UTC(a + annees, m, 0)).getUTCDate();
  return `${String(a + annees).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(j, fin)).padStart(2, '0')}`;
}

const dateIso = z.string(e('questionnaire.erreur.dateInvalide')).refine(estDateIso, e('questionnaire.erreur.dateInvalide'));
const heure = z.string(e('questionnaire.erreur.heureInvalide')).regex(/^([01]\d|2[0-3]):[0-5]\d$/, e('questionnaire.erreur.heureInvalide'));
const booleen = z.boolean(e('questionnaire.erreur.booleenAttendu'));

export const schemaCreneau = z
  .object({
    /** 1 = Monday … 7 = Sunday (ISO). */
    jour: z
      .number(e('questionnaire.erreur.jourInvalide'))
      .int(e('questionnaire.erreur.jourInvalide'))
      .min(1, e('questionnaire.erreur.jourInvalide'))
      .max(7, e('questionnaire.erreur.jourInvalide')),
    debut: heure,
    /** Earlier than `debut` means the slot ends the next day (night work). */
    fin: heure,
  })
  .refine((c) => c.debut !== c.fin, { ...e('questionnaire.erreur.creneauVide'), path: ['fin'] });
export type Creneau = z.output<typeof schemaCreneau>;

const schemaBase = z.object({
  enfant: z.object({
    /** Born child. */
    dateNaissance: dateIso.optional(),
    /** Expected birth date, when the child is not born yet. */
    naissancePrevue: dateIso.optional(),
    /** A handicap or a health need known by the family (with or without AEEH). */
    handicap: booleen.default(false),
    aeeh: booleen.default(false),
  }),
  dateDebut: dateIso,
  planning: z.array(schemaCreneau).min(1, e('questionnaire.erreur.planningVide')).max(21, e('questionnaire.erreur.planningTropLong')),
  /** Shifts or hours that change from week to week. */
  horairesVariables: booleen.default(false),
  urgence: booleen.default(false),
  /** Ordered: the first one weighs most. */
  priorites: z
    .array(z.enum(PRIORITES, e('questionnaire.erreur.prioriteInconnue')))
    .max(PRIORITES.length, e('questionnaire.erreur.prioritesEnDouble'))
    .refine((ps) => new Set(ps).size === ps.length, e('questionnaire.erreur.prioritesEnDouble'))
    .default([]),
  foyer: z
    .object({
      /** Net monthly resources of the household (annual resources of year N-2 / 12), euros. */
      ressourcesMensuelles: z
        .number(e('questionnaire.erreur.ressourcesInvalides'))
        .min(0, e('questionnaire.erreur.ressourcesInvalides'))
        .max(1_000_000, e('questionnaire.erreur.ressourcesInvalides'))
        .optional(),
      nombreEnfantsACharge: z
        .number(e('questionnaire.erreur.nombreEnfantsInvalide'))
        .int(e('questionnaire.erreur.nombreEnfantsInvalide'))
        .min(1, e('questionnaire.erreur.nombreEnfantsInvalide'))
        .max(20, e('questionnaire.erreur.nombreEnfantsInvalide'))
        .default(1),
      enfantsAeeh: z
        .number(e('questionnaire.erreur.nombreEnfantsInvalide'))
        .int(e('questionnaire.erreur.nombreEnfantsInvalide'))
        .min(0, e('questionnaire.erreur.nombreEnfantsInvalide'))
        .max(20, e('questionnaire.erreur.nombreEnfantsInvalide'))
        .default(0),
      parentIsole: booleen.default(false),
    })
    .refine((f) => f.enfantsAeeh <= f.nombreEnfantsACharge, { ...e('questionnaire.erreur.enfantsAeehTropNombreux'), path: ['enfantsAeeh'] })
    .optional(),
});

/** Children older than this are outside the questionnaire (périscolaire stops at 12). */
const AGE_MAX_ANS = 12;
/** A start date further than this is not a childcare request yet. */
const HORIZON_ANS = 3;

/** The schema, checked against `aujourdhui` ('YYYY-MM-DD'). */
export function creerSchemaQuestionnaire(options: { readonly aujourdhui: string }) {
  const { aujourdhui } = options;
  return schemaBase.superRefine((v, ctx) => {
    const { dateNaissance, naissancePrevue } = v.enfant;
    const ajouter = (cle: CleErreurQuestionnaire, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message: cle, path });
    if (dateNaissance === undefined && naissancePrevue === undefined) ajouter('questionnaire.erreur.naissanceManquante', ['enfant', 'dateNaissance']);
    if (dateNaissance !== undefined && naissancePrevue !== undefined) ajouter('questionnaire.erreur.naissanceEnDouble', ['enfant', 'naissancePrevue']);
    if (dateNaissance !== undefined && dateNaissance > aujourdhui) ajouter('questionnaire.erreur.dateNaissanceFuture', ['enfant', 'dateNaissance']);
    if (naissancePrevue !== undefined && naissancePrevue < aujourdhui) ajouter('questionnaire.erreur.naissancePrevuePassee', ['enfant', 'naissancePrevue']);
    if (v.dateDebut < aujourdhui) ajouter('questionnaire.erreur.dateDebutPassee', ['dateDebut']);
    if (v.dateDebut > ajouterAnnees(aujourdhui, HORIZON_ANS)) ajouter('questionnaire.erreur.dateDebutTropLointaine', ['dateDebut']);
    const naissance = dateNaissance ?? naissancePrevue;
    if (naissance !== undefined && v.dateDebut < naissance) ajouter('questionnaire.erreur.dateDebutAvantNaissance', ['dateDebut']);
    if (naissance !== undefined && v.dateDebut >= ajouterAnnees(naissance, AGE_MAX_ANS))
      ajouter('questionnaire.erreur.enfantTropGrand', ['enfant', 'dateNaissance']);
  });
}

export type SchemaQuestionnaire = ReturnType<typeof creerSchemaQuestionnaire>;
/** Parsed answers (defaults applied). */
export type ReponsesQuestionnaire = z.output<SchemaQuestionnaire>;
/** Raw answers as a form or an API sends them. */
export type ReponsesQuestionnaireBrutes = z.input<SchemaQuestionnaire>;

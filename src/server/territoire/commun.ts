/** Shared pieces of the territory administration handlers (admin role only). */
import { z } from 'zod';
import type { Staff } from '../auth/staff';
import { AccesRefuse } from '../auth/acces';

export type Erreurs = Record<string, string>;
export type Resultat<T = unknown> = { ok: true; message: string; valeur?: T } | { ok: false; erreurs: Erreurs };
export type Formulaire = Record<string, string | string[]>;

/** Every handler starts here: the territory is administered by admins only. */
export function exigerAdmin(u: Staff | undefined): Staff {
  if (!u || u.role !== 'admin') throw new AccesRefuse();
  return u;
}

export function erreursZod(e: z.ZodError): Erreurs {
  const out: Erreurs = {};
  for (const i of e.issues) out[String(i.path[0] ?? 'formulaire')] ??= i.message;
  return out;
}

/** A single text field (the last value when repeated). */
export function champ(f: Formulaire, k: string): string {
  const v = f[k];
  return Array.isArray(v) ? (v[v.length - 1] ?? '') : (v ?? '');
}

const vide = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
export const texte = (max: number, message: string) => z.string(message).trim().min(1, message).max(max, `${max} caractères au plus`);
export const texteOptionnel = (max = 500) => z.preprocess(vide, z.string().trim().max(max, `${max} caractères au plus`).optional()).transform((v) => v ?? null);
export const emailOptionnel = z
  .preprocess(vide, z.string().trim().toLowerCase().pipe(z.email('Adresse électronique invalide (exemple : rpe@commune.fr)').max(200)).optional())
  .transform((v) => v ?? null);
export const telephoneOptionnel = z
  .preprocess(
    vide,
    z
      .string()
      .trim()
      .regex(/^\+?[0-9 .()-]{10,20}$/, 'Numéro de téléphone invalide (exemple : 03 21 00 00 00)')
      .optional(),
  )
  .transform((v) => v ?? null);
const JOUR = /^\d{4}-\d{2}-\d{2}$/;
const jourValide = (v: string) => JOUR.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
export const jour = (message = 'Date invalide (format AAAA-MM-JJ)') => z.string(message).trim().refine(jourValide, message);
export const jourOptionnel = (message = 'Date invalide (format AAAA-MM-JJ)') =>
  z.preprocess(vide, z.string().trim().refine(jourValide, message).optional()).transform((v) => v ?? null);
export const uuid = (message: string) =>
  z
    .string(message)
    .trim()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, message);
export const uuidOptionnel = (message: string) => z.preprocess(vide, uuid(message).optional()).transform((v) => v ?? null);

/** Plural through Intl.PluralRules. */
const pr = new Intl.PluralRules('fr');
export function nombre(n: number, un: string, plusieurs: string): string {
  return `${n} ${pr.select(n) === 'one' ? un : plusieurs}`;
}

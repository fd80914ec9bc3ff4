/** Screen "Journal": who did what and when, filterable, exportable as CSV. */
import { and, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { schema, type Db } from '../db';
import type { Staff } from '../auth/staff';
import { exigerAdmin } from './commun';
import { instantParis } from '../../domain/rdv/creneaux';
import { ajouterJours } from '../../domain/rdv/creneaux';

const jourOuVide = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const schemaFiltresJournal = z.object({
  action: z.string().trim().max(60).optional().catch(undefined),
  utilisateurId: z.uuid().optional().catch(undefined),
  du: jourOuVide,
  au: jourOuVide,
});
type FiltresJournal = z.infer<typeof schemaFiltresJournal>;

export function lireFiltresJournal(p: URLSearchParams): FiltresJournal {
  return schemaFiltresJournal.parse({
    action: p.get('action') || undefined,
    utilisateurId: p.get('utilisateurId') || undefined,
    du: p.get('du') || undefined,
    au: p.get('au') || undefined,
  });
}

export async function lireJournal(db: Db, u: Staff | undefined, f: FiltresJournal, limite = 200) {
  exigerAdmin(u);
  const j = schema.journalAudit;
  const conditions: SQL[] = [];
  if (f.action) conditions.push(like(j.action, `${f.action.replace(/[%_\\]/g, '\\$&')}%`));
  if (f.utilisateurId) conditions.push(eq(j.utilisateurId, f.utilisateurId));
  if (f.du) conditions.push(gte(j.le, instantParis(f.du, '00:00')));
  if (f.au) conditions.push(lt(j.le, instantParis(ajouterJours(f.au, 1), '00:00')));
  return db
    .select({
      id: j.id,
      le: j.le,
      action: j.action,
      objetType: j.objetType,
      objetId: j.objetId,
      details: j.details,
      qui: schema.utilisateurs.nom,
      email: schema.utilisateurs.email,
    })
    .from(j)
    .leftJoin(schema.utilisateurs, eq(schema.utilisateurs.id, j.utilisateurId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(j.le))
    .limit(limite);
}

/** CSV (semicolons, UTF-8 with BOM for spreadsheets); cells starting with = + - @ are neutralised. */
export async function journalCsv(db: Db, u: Staff | undefined, f: FiltresJournal): Promise<string> {
  const lignes = await lireJournal(db, u, f, 50_000);
  const sur = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
  return (
    '\uFEFF' +
    stringify(
      [
        ['date', 'qui', 'action', 'objet', 'identifiant', 'details'],
        ...lignes.map((l) => [
          l.le.toISOString(),
          sur(l.qui ?? 'système'),
          sur(l.action),
          sur(l.objetType),
          sur(l.objetId ?? ''),
          sur(l.details ? JSON.stringify(l.details) : ''),
        ]),
      ],
      { delimiter: ';' },
    )
  );
}

export async function auteursJournal(db: Db) {
  return db.select({ id: schema.utilisateurs.id, nom: schema.utilisateurs.nom }).from(schema.utilisateurs).orderBy(schema.utilisateurs.nom);
}

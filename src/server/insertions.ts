/**
 * Several inserts as ONE statement (`with i0 as (insert …), i1 as (insert …)
 * select 1`): atomic by itself, one round trip, no BEGIN/COMMIT. The SQL text
 * is built by drizzle once per shape (tables, columns, which values are null,
 * number of rows) with placeholders, then only the values are filled: building
 * the text of a 40-column insert cost more than running it (issue 20,
 * docs/decisions/2026-12-06-demande-transaction.md). Values go through each
 * column's own encoder (json, arrays, timestamps), as with `db.insert`.
 */
import { getTableName, sql, type Query, type SQL } from 'drizzle-orm';
import { PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';

export type Insertion<T extends PgTable = PgTable> = { table: T; lignes: T['$inferInsert'][] };

/** Typed helper: `insertion(schema.enfants, [{ … }])`. */
export function insertion<T extends PgTable>(table: T, lignes: T['$inferInsert'][]): Insertion {
  return { table, lignes: lignes as Insertion['lignes'] };
}

const dialecte = new PgDialect();
const compilees = new Map<string, Query>();

export async function insererEnUneInstruction(db: Db, insertions: Insertion[]): Promise<void> {
  // Undefined means the column's default, as in `db.insert().values()`.
  const lignes = insertions.map((i) => i.lignes.map((l) => Object.entries(l as Record<string, unknown>).filter(([, v]) => v !== undefined)));
  const forme = insertions
    .map((ins, i) => `${getTableName(ins.table)}:${lignes[i]!.map((l) => l.map(([k, v]) => (v === null ? `${k}=null` : k)).join(',')).join(';')}`)
    .join('|');
  let requete = compilees.get(forme);
  if (!requete) {
    const ctes = insertions.map((ins, i) => {
      const valeurs = lignes[i]!.map((l, j) => Object.fromEntries(l.map(([k, v]) => [k, v === null ? sql`null` : sql.placeholder(`p${i}_${j}_${k}`)])));
      return sql`${sql.raw(`i${i}`)} as (${db
        .insert(ins.table)
        .values(valeurs as never)
        .getSQL()})`;
    });
    requete = dialecte.sqlToQuery(sql`with ${sql.join(ctes, sql`, `)} select 1` as SQL);
    if (compilees.size >= 100) compilees.clear();
    compilees.set(forme, requete);
  }
  const valeurs: Record<string, unknown> = {};
  lignes.forEach((ls, i) => ls.forEach((l, j) => l.forEach(([k, v]) => v !== null && (valeurs[`p${i}_${j}_${k}`] = v))));
  await db._.session.prepareQuery(requete, undefined, undefined, false).execute(valeurs);
}

import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** `col in ('a', 'b', …)` from a domain list, with literals (DDL takes no parameters). */
export function dansListe(col: AnyPgColumn, valeurs: readonly string[]): SQL {
  return sql`${col} in (${sql.raw(valeurs.map((v) => `'${v.replace(/'/g, "''")}'`).join(', '))})`;
}

/** The portal's time zone inside SQL (`at time zone …`), from the time module. */
import { sql, type SQL } from 'drizzle-orm';
import { fuseauSql } from '../../domain/temps';

/**
 * An inlined literal, not a bind parameter: PostgreSQL must see the same
 * expression in `select` and `group by`. The name is validated by the time module.
 */
export function zoneSql(): SQL {
  return sql.raw(fuseauSql());
}

/** Midnight of a day 'YYYY-MM-DD' in the portal's zone, as a SQL timestamptz (a period's bound: src/domain/stats/periode.ts). */
export function debutJourSql(jour: string): SQL {
  return sql`((${jour})::date)::timestamp at time zone ${zoneSql()}`;
}

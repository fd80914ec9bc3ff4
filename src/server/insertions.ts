/**
 * Rows of several tables written by ONE statement
 * (`with i0 as (insert …), i1 as (insert …) select 1`): atomic by itself, one
 * round trip, no BEGIN/COMMIT. Each table's rows travel as one JSON parameter
 * read by `json_populate_recordset`, so the SQL text depends only on the
 * tables and the columns given, never on the number of rows: one prepared
 * statement serves one demande or a batch of twenty (issue 20,
 * docs/decisions/2026-12-06-depot-par-lots.md). Values go through each
 * column's own encoder (timestamps, arrays), json columns as they are; a
 * column left `undefined` keeps its default, as with `db.insert().values()`.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import { PgDialect, PgJson, PgJsonb, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';

export type Insertion<T extends PgTable = PgTable> = { table: T; lignes: T['$inferInsert'][] };

/** Typed helper: `insertion(schema.enfants, [{ … }])`. */
export function insertion<T extends PgTable>(table: T, lignes: T['$inferInsert'][]): Insertion {
  return { table, lignes: lignes as Insertion['lignes'] };
}

const dialecte = new PgDialect();
/** SQL text per shape (tables and the columns given), built once. */
const textes = new Map<string, string>();

type Groupe = { table: PgTable; colonnes: string[]; lignes: Record<string, unknown>[] };
type Colonne = { nom: string; encoder: (v: unknown) => unknown };

/** Per table: property name → column name and encoder (json columns as they are), read once. */
const colonnesDe = new WeakMap<PgTable, Map<string, Colonne>>();
function colonnes(table: PgTable): Map<string, Colonne> {
  let m = colonnesDe.get(table);
  if (!m) {
    m = new Map(
      Object.entries(getTableColumns(table) as Record<string, PgColumn>).map(([k, c]) => [
        k,
        { nom: c.name, encoder: c instanceof PgJson || c instanceof PgJsonb ? (v: unknown) => v : (v: unknown) => c.mapToDriverValue(v) },
      ]),
    );
    colonnesDe.set(table, m);
  }
  return m;
}

/** Rows grouped by table and by the columns they give, in order of first appearance. */
function grouper(insertions: Insertion[]): Map<string, Groupe> {
  const groupes = new Map<string, Groupe>();
  for (const ins of insertions) {
    const cols = colonnes(ins.table);
    const nomTable = getTableName(ins.table);
    for (const ligne of ins.lignes as Record<string, unknown>[]) {
      const ecrite: Record<string, unknown> = {};
      let cle = nomTable;
      for (const k in ligne) {
        const v = ligne[k];
        if (v === undefined) continue;
        const c = cols.get(k);
        if (!c) throw new Error(`insertion : pas de colonne ${k} dans ${nomTable}`);
        ecrite[c.nom] = v === null ? null : c.encoder(v);
        cle += `,${c.nom}`;
      }
      let g = groupes.get(cle);
      if (!g) groupes.set(cle, (g = { table: ins.table, colonnes: Object.keys(ecrite), lignes: [] }));
      g.lignes.push(ecrite);
    }
  }
  return groupes;
}

function texteSql(groupes: Map<string, Groupe>): string {
  const forme = [...groupes.keys()].join('|');
  let texte = textes.get(forme);
  if (!texte) {
    const ctes = [...groupes.values()].map((g, i) => {
      const table = dialecte.escapeName(getTableName(g.table));
      const colonnes = g.colonnes.map((c) => dialecte.escapeName(c)).join(', ');
      return `i${i} as (insert into ${table} (${colonnes}) select ${colonnes} from json_populate_recordset(null::${table}, $${i + 1}::json))`;
    });
    texte = `with ${ctes.join(', ')} select 1`;
    if (textes.size >= 100) textes.clear();
    textes.set(forme, texte);
  }
  return texte;
}

export async function insererEnUneInstruction(db: Db, insertions: Insertion[]): Promise<void> {
  const groupes = grouper(insertions);
  if (!groupes.size) return;
  const params = [...groupes.values()].map((g) => JSON.stringify(g.lignes));
  await db._.session.prepareQuery({ sql: texteSql(groupes), params }, undefined, undefined, false).execute();
}

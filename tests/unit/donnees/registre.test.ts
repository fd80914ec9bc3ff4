import { describe, expect, it } from 'vitest';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../../db/schema';
import { REGISTRE, categoriesFamille, colonnesAvecEffet, colonnesSante } from '../../../src/domain/donnees/registre';

const tables = (Object.values(schema) as unknown[]).filter((x): x is PgTable => is(x, PgTable)).map((t) => getTableConfig(t));

describe('personal-data register', () => {
  it('finds the tables of db/schema (the walk itself works)', () => {
    expect(tables.length).toBeGreaterThan(30);
    expect(tables.map((t) => t.name)).toContain('demandes');
  });

  it.each(tables.map((t) => [t.name, t] as const))('classifies every column of %s', (nom, t) => {
    const r = REGISTRE[nom];
    expect(r, `table ${nom} is missing from src/domain/donnees/registre.ts`).toBeDefined();
    const classees = [...r!.aucune, ...Object.keys(r!.colonnes)];
    for (const col of t.columns) {
      expect(
        classees.filter((x) => x === col.name),
        `${nom}.${col.name} must be classified exactly once`,
      ).toHaveLength(1);
    }
    // No stale entry for a column that no longer exists.
    const reelles = new Set(t.columns.map((x) => x.name));
    expect(
      classees.filter((x) => !reelles.has(x)),
      `${nom}: columns in the register but not in the schema`,
    ).toEqual([]);
  });

  it('lists no table that the schema does not have', () => {
    const reelles = new Set(tables.map((t) => t.name));
    expect(Object.keys(REGISTRE).filter((n) => !reelles.has(n))).toEqual([]);
  });

  it('a NOT NULL column cannot be emptied: it is pseudonymised or its row deleted', () => {
    for (const t of tables) {
      for (const col of t.columns) {
        const x = REGISTRE[t.name]?.colonnes[col.name];
        if (x?.effet === 'vider' && col.notNull) expect(col.hasDefault, `${t.name}.${col.name} is NOT NULL without a default`).toBe(true);
      }
    }
  });

  it('family contact and identity columns are all erased, and health details are classified as health', () => {
    for (const [nom, t] of Object.entries(REGISTRE)) {
      if (t.personne !== 'famille') continue;
      for (const [col, x] of Object.entries(t.colonnes)) {
        if (x.categorie === 'contact' || x.categorie === 'identifiant' || x.categorie === 'texte-libre') expect(x.effet, `${nom}.${col}`).not.toBe('garder');
      }
    }
    expect(colonnesSante()).toContainEqual({ table: 'demandes', colonne: 'handicap_precisions' });
    expect(colonnesAvecEffet('demandes', 'vider')).toEqual(expect.arrayContaining(['email', 'telephone', 'parents', 'handicap_precisions']));
    expect(
      categoriesFamille()
        .map((c) => c.categorie)
        .sort(),
    ).toEqual(['contact', 'identifiant', 'sante', 'texte-libre']);
  });
});

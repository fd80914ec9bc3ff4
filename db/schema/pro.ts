import { pgTable, text, uuid, timestamp, index } from 'drizzle-orm/pg-core';
import { comptesPro } from './offre';

/**
 * Sessions of the pro space (assistants maternels, structure managers).
 * The cookie holds a random token; the table keeps only its SHA-256.
 */
export const sessionsPro = pgTable(
  'sessions_pro',
  {
    idHash: text('id_hash').primaryKey(),
    compteId: uuid('compte_id')
      .notNull()
      .references(() => comptesPro.id, { onDelete: 'cascade' }),
    /** Synchroniser token for the forms of the pro space. */
    csrf: text('csrf').notNull(),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    expireLe: timestamp('expire_le', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_pro_compte_idx').on(t.compteId)],
);

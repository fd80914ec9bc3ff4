/**
 * Counting contacts for the CAF activity report: one exchange counts once
 * (a family that called three times counts three times), under its public
 * and its main motif, whatever its outcome (an unanswered call is an
 * attempt the relais made and is counted too; see `parIssue` to leave them out).
 *
 * A family's contact belongs to the relais its demande was routed to; a
 * professional's contact to the relais that logged it.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../db';
import { debutJourSql } from '../requetes/temps-sql';
import { PUBLICS_CONTACT, type PublicContact } from '../../domain/contacts/regles';
import type { Jours } from '../../domain/stats/periode';

/** A span of days (src/domain/stats/periode.ts: `debut` included, `fin` excluded). */
type PeriodeContacts = Jours & {
  /** One relais, or the whole territory when absent. */
  relaisId?: string | null;
  /** Only contacts that reached the person (joint, rdv-fixe). */
  aboutisSeulement?: boolean;
};

type CompteContacts = { public: PublicContact; motif: string; n: number };
type ComptesContacts = {
  /** One row per (public, motif) with at least one contact; motif 'non-renseigne' for contacts logged before motifs existed. */
  lignes: CompteContacts[];
  /** Total per public (every public present, 0 when none). */
  parPublic: Record<PublicContact, number>;
  total: number;
};

export async function compterContacts(db: DbOrTx, p: PeriodeContacts): Promise<ComptesContacts> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.debut) || !/^\d{4}-\d{2}-\d{2}$/.test(p.fin)) throw new Error('Période invalide');
  const relais = p.relaisId ? sql` and coalesce(c.relais_id, d.relais_id) = ${p.relaisId}` : sql``;
  const aboutis = p.aboutisSeulement ? sql` and c.issue in ('joint', 'rdv-fixe')` : sql``;
  const rows = rowsOf<{ public: PublicContact; motif: string; n: number }>(
    await db.execute(sql`
    select c.public, coalesce(c.motif, 'non-renseigne') as motif, count(*)::int as n
    from contacts c left join demandes d on d.id = c.demande_id
    where c.le >= ${debutJourSql(p.debut)} and c.le < ${debutJourSql(p.fin)}${relais}${aboutis}
    group by 1, 2 order by 1, 2`),
  );
  const lignes = rows.map((r) => ({ public: r.public, motif: r.motif, n: Number(r.n) }));
  const parPublic = Object.fromEntries(PUBLICS_CONTACT.map((x) => [x, 0])) as Record<PublicContact, number>;
  for (const l of lignes) parPublic[l.public] += l.n;
  return { lignes, parPublic, total: lignes.reduce((s, l) => s + l.n, 0) };
}

/** GET /admin/territoire/journal.csv: the filtered audit log (admin only). */
import type { APIRoute } from 'astro';
import { journalCsv, lireFiltresJournal } from '../../../server/territoire/journal';
import { refus } from '../../../server/territoire/page';

export const GET: APIRoute = async ({ locals, url }) => {
  if (locals.staff?.role !== 'admin') return refus();
  const csv = await journalCsv(locals.db, locals.staff, lireFiltresJournal(url.searchParams));
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="journal.csv"' } });
};

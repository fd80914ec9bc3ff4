import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The portal's time zone: every calendar day and RDV time is read there. */
export const FUSEAU = 'Europe/Paris';

/** The calendar day of an instant in Europe/Paris, as 'YYYY-MM-DD'. */
export function jourParis(d: Date = new Date()): string {
  return format(new TZDate(d.getTime(), FUSEAU), 'yyyy-MM-dd');
}
